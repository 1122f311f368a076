/**
 * Engine messages in the analyst's words. The engine names a parameter by its path
 * (premium.tiers.monitored.amount), which the CLI's --set needs, tags a finding with its code
 * (MISSING_PARAMETER) and tells the command-line user which flag fixes it; the pane's plain
 * view names the parameter as the documents do (资助金额), drops the code and the flags and
 * keeps the pane's own way to fix it. Only a path the edition knows is replaced; the
 * advanced view shows messages unchanged.
 */
export type ParamLabels = ReadonlyMap<string, string>;

const PATH = /([A-Za-z_][\w]*(?:\.[\w]+)+)(\s*[（(][^）)]*[）)])?/g;
const CODE = /\s*[（(][A-Z][A-Z0-9_]{2,}[）)]/g;
/** "命令行 --set 地区:路径=值 或 --params，" (up to the next clause), and a following 或. */
const ZH_FLAGS = /命令行\s*--[^，；）]*?(?=[，；）]|$)[，；]?\s*(?:或\s*)?/g;
/** "--region xinyang, or " / "--set REGION:PATH=VALUE or --params, " in English messages. */
const EN_FLAGS = /--[a-z][\w-]*(?:\s[^,;)]*?)?(?=[,;)]|$)(?:[,;]\s*)?(?:or\s+)?/g;

export function plainMessage(text: string, labels: ParamLabels): string {
  return text
    .replace(CODE, '')
    .replace(ZH_FLAGS, '')
    .replace(EN_FLAGS, '')
    .replace(PATH, (whole, path: string) => {
      const label = labels.get(path);
      return label === undefined ? whole : `“${label}”`;
    });
}
