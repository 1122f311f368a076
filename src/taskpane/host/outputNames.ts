/**
 * Names for the add-in's result sheets. Every result sheet carries a recognisable prefix
 * ("救助测算-" / "MedAid-") so an analyst sees at once which sheets the add-in wrote, and
 * a marker inside the sheet (ownSheets.ts) so that a re-run replaces those and nothing
 * else. A user's sheet that happens to have the wanted name is
 * never replaced: the new sheet gets " (2)", " (3)" … instead.
 */

export const OUTPUT_PREFIX = { zh: '救助测算-', en: 'MedAid-' } as const;

/** Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ], no leading/trailing quote. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

export function cleanSheetName(name: string): string {
  let s = name.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim();
  if (s === '') s = 'Sheet';
  return Array.from(s).slice(0, MAX_SHEET_NAME).join('');
}

/** Excel compares sheet names case-insensitively. */
const key = (s: string): string => s.toLocaleLowerCase();

/**
 * The name for a new sheet: `wanted` if free, otherwise `wanted (2)`, `(3)` … cut so the
 * whole stays within 31 characters. `taken` holds every sheet name that must not be used
 * (user sheets, and own sheets not being replaced).
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, key));
  const base = cleanSheetName(wanted);
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd();
    const name = head + suffix;
    if (!used.has(key(name))) return name;
  }
}

export interface ExistingSheet {
  id: string;
  name: string;
  /** Proven to be this add-in's result sheet (ownSheets.ts: marker and name). */
  own: boolean;
}

export interface SheetPlan {
  /** Own sheets of an earlier run, to delete before writing. */
  remove: ExistingSheet[];
  /** Name for each output sheet, in order. */
  names: string[];
}

/**
 * Decides which sheets to delete and what to call the new ones. Only sheets proven own
 * (`own`: our marker and a result name) are removed; a sheet merely named like an output
 * sheet is a user's sheet and stays, and so does a marked sheet the user renamed.
 */
export function planOutputSheets(existing: readonly ExistingSheet[], titles: readonly string[], prefix: string): SheetPlan {
  const remove = existing.filter((s) => s.own);
  const kept = existing.filter((s) => !s.own).map((s) => s.name);
  const names: string[] = [];
  for (const t of titles) {
    const name = freeSheetName(prefix + t, [...kept, ...names]);
    names.push(name);
  }
  return { remove, names };
}
