/**
 * Proof that a sheet is one of this add-in's result sheets, good across sessions.
 *
 * Worksheet.id is not that proof: Microsoft promises only that it survives renaming and
 * moving a sheet, and maintainers report ids changing between sessions and Excel versions
 * (office-js issues on worksheet ids), so a stored id list could one day name a user's sheet.
 * Instead every result sheet carries a marker the add-in writes into the sheet itself, a
 * worksheet custom property (Worksheet.customProperties, ExcelApi 1.12), which is saved in
 * the file with the sheet. A sheet is taken for ours only when BOTH hold:
 *   - it carries the marker (a JSON value naming this add-in), and
 *   - its name still has a result prefix ("救助测算-" / "MedAid-").
 * A sheet that fails either test (a user's sheet named like ours; one of ours the user
 * renamed to keep it) is never deleted or replaced.
 */
import { OUTPUT_PREFIX } from './outputNames';

/** Key of the worksheet custom property (at most 255 characters, per Excel). */
export const OWN_SHEET_PROPERTY = 'MedAidBudget.resultSheet';
const WRITER = 'medaid-budget';

export interface SheetMarker {
  by: typeof WRITER;
  /** Which result table ("summary", "byDistrict"…). */
  key: string;
  /** When the run that wrote it started (ISO time), to tell runs apart. */
  run: string;
}

export function markerValue(key: string, run: string): string {
  const m: SheetMarker = { by: WRITER, key, run };
  return JSON.stringify(m);
}

/** The marker a property value holds, or undefined when it is not ours. */
export function parseMarker(value: unknown): SheetMarker | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const m = JSON.parse(value) as Partial<SheetMarker>;
    if (m && m.by === WRITER && typeof m.key === 'string' && typeof m.run === 'string') return m as SheetMarker;
  } catch {
    /* not our JSON: a user's own property of that name */
  }
  return undefined;
}

/** Excel compares sheet names case-insensitively. */
export function hasResultPrefix(name: string): boolean {
  const n = name.toLocaleLowerCase();
  return Object.values(OUTPUT_PREFIX).some((p) => n.startsWith(p.toLocaleLowerCase()));
}

/** True only for a sheet with our marker AND a result-sheet name. */
export function isOwnSheet(name: string, markerText: unknown): boolean {
  return parseMarker(markerText) !== undefined && hasResultPrefix(name);
}
