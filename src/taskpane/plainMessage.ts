/**
 * Engine messages in the analyst's words. The engine names a parameter by its path
 * (premium.tiers.monitored.amount), which the CLI's --set needs; the pane's plain view names
 * it as the documents do (资助金额). Only a path the edition knows is replaced, and the
 * advanced view shows messages unchanged.
 */
export type ParamLabels = ReadonlyMap<string, string>;

const PATH = /([A-Za-z_][\w]*(?:\.[\w]+)+)(\s*[（(][^）)]*[）)])?/g;

export function plainMessage(text: string, labels: ParamLabels): string {
  return text.replace(PATH, (whole, path: string) => {
    const label = labels.get(path);
    return label === undefined ? whole : `“${label}”`;
  });
}
