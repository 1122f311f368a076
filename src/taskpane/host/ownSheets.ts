/**
 * Proof that a sheet is one of this add-in's result sheets, good across sessions.
 *
 * Worksheet.id is not that proof: Microsoft promises only that it survives renaming and
 * moving a sheet, and maintainers report ids changing between sessions and Excel versions
 * (office-js issues on worksheet ids), so a stored id list could one day name a user's sheet.
 *
 * Instead a run leaves two records that must agree:
 *   - in each result sheet, a marker (a worksheet custom property, Worksheet.customProperties,
 *     ExcelApi 1.12, saved in the file with the sheet) naming this add-in, the result table
 *     and the run;
 *   - in the workbook's settings (Workbook.settings, ExcelApi 1.4), the run's id and the exact
 *     name each of its sheets was given (RESULT_SHEETS_SETTING).
 * A sheet is taken for ours only when ALL hold:
 *   - it carries the marker,
 *   - its name still has a result prefix ("救助测算-" / "MedAid-"),
 *   - the marker's run is the run the settings record, and
 *   - the settings record this very name for the marker's table.
 * The custom property is stored in the sheet's own part of the file, so a copy of the sheet
 * the user makes (Move or Copy, Worksheet.copy) must be expected to carry it too (Microsoft's
 * pages do not say either way): the marker alone would make a user's copy look like ours. A copy in the same workbook gets another name
 * ("救助测算-汇总 (2)"), which the settings do not record for that run; a copy into another
 * workbook finds no run recorded there. Either way it is never deleted or replaced. So is a
 * sheet of ours the user renamed, and a user's sheet named like ours.
 */
import { OUTPUT_PREFIX } from './outputNames';

/** Key of the worksheet custom property (at most 255 characters, per Excel). */
export const OWN_SHEET_PROPERTY = 'MedAidBudget.resultSheet';
/** Key in Workbook.settings of the last run's sheets (ResultRecord as JSON text). */
export const RESULT_SHEETS_SETTING = 'medaid.resultSheets';
const WRITER = 'medaid-budget';

export interface SheetMarker {
  by: typeof WRITER;
  /** Which result table ("summary", "byDistrict"…). */
  key: string;
  /** The run that wrote it (its id, as recorded in the settings). */
  run: string;
}

/** What the settings keep of the last run: its id and each sheet's table and name. */
export interface ResultRecord {
  by: typeof WRITER;
  run: string;
  sheets: { key: string; name: string }[];
}

export function markerValue(key: string, run: string): string {
  const m: SheetMarker = { by: WRITER, key, run };
  return JSON.stringify(m);
}

export function resultRecordValue(run: string, sheets: readonly { key: string; name: string }[]): string {
  const r: ResultRecord = { by: WRITER, run, sheets: sheets.map(({ key, name }) => ({ key, name })) };
  return JSON.stringify(r);
}

function parseJson(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const v = JSON.parse(value) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not our JSON: a user's own value under that key
  }
}

/** The marker a property value holds, or undefined when it is not ours. */
export function parseMarker(value: unknown): SheetMarker | undefined {
  const m = parseJson(value);
  if (m && m.by === WRITER && typeof m.key === 'string' && typeof m.run === 'string') return m as unknown as SheetMarker;
  return undefined;
}

/** The run record a setting holds, or undefined when there is none (or it is not ours). */
export function parseResultRecord(value: unknown): ResultRecord | undefined {
  const r = parseJson(value);
  if (!r || r.by !== WRITER || typeof r.run !== 'string' || !Array.isArray(r.sheets)) return undefined;
  const sheets = (r.sheets as unknown[]).filter(
    (s): s is { key: string; name: string } =>
      !!s && typeof (s as { key?: unknown }).key === 'string' && typeof (s as { name?: unknown }).name === 'string',
  );
  return { by: WRITER, run: r.run, sheets };
}

/** Excel compares sheet names case-insensitively. */
const same = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function hasResultPrefix(name: string): boolean {
  const n = name.toLocaleLowerCase();
  return Object.values(OUTPUT_PREFIX).some((p) => n.startsWith(p.toLocaleLowerCase()));
}

/**
 * True only for a sheet with our marker, a result-sheet name, and a run and name the
 * workbook's settings record (`record`: the parsed RESULT_SHEETS_SETTING, or undefined).
 */
export function isOwnSheet(name: string, markerText: unknown, record: ResultRecord | undefined): boolean {
  const m = parseMarker(markerText);
  if (!m || !record || !hasResultPrefix(name) || m.run !== record.run) return false;
  return record.sheets.some((s) => s.key === m.key && same(s.name, name));
}

/**
 * A fresh id for a run: its start time plus a random part, so two runs never share an id
 * even within one millisecond or on two machines editing the same file.
 */
export function newRunId(now: Date, random: () => number = Math.random): string {
  return `${now.toISOString()}~${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
}
