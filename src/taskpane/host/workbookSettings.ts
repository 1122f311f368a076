/**
 * What the pane remembers with a workbook, in Excel's own settings collection
 * (Workbook.settings, Excel.SettingCollection, ExcelApi 1.4) as Microsoft recommends for
 * Excel add-ins ("Persist add-in state and settings"): the values are saved in the file
 * with the workbook, need no saveAsync round trip, and are read and written in the same
 * Excel.run batch as everything else.
 */
export const SCENARIOS_SETTING = 'medaid.scenarios';
/** The analyst's baseline figures and region files (analystFigures.ts), saved with the scenarios. */
export const FIGURES_SETTING = 'medaid.figures';

/** Reads settings by key in one sync: a missing key is undefined. */
export async function readSettings(context: Excel.RequestContext, keys: readonly string[]): Promise<Record<string, unknown>> {
  const items = keys.map((k) => {
    const s = context.workbook.settings.getItemOrNullObject(k);
    s.load('value');
    return s;
  });
  await context.sync();
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const s = items[i];
    out[k] = s.isNullObject || s.value === '' || s.value === null ? undefined : s.value;
  });
  return out;
}

/**
 * Sets a setting (queued: the caller syncs). Clearing writes '' rather than deleting: a
 * method called on a null object would fail the batch when the key was never set, and
 * readers take '' as "not set".
 */
export function writeSetting(context: Excel.RequestContext, key: string, value: string | undefined): void {
  context.workbook.settings.add(key, value ?? '');
}
