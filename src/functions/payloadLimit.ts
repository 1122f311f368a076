/**
 * Keeps a custom function's result under Excel's payload limit.
 *
 * Excel on the web fails a custom-function result above 5 MB ("Resource limits and
 * performance optimization for Office Add-ins"). 100 000 rows that each carry the full
 * bilingual error message come to ≈ 24 MB, so messages are rationed against PAYLOAD_BUDGET:
 *   1. every error keeps its full message while the result stays within the budget;
 *   2. beyond it, a message already given in an earlier row (one column-wide cause: an
 *      unknown region passed as a single value fails every row alike) is replaced by a short
 *      reference to that row ("同第 3 行 / as row 3");
 *   3. beyond that, the cell keeps its error code only.
 * The error code of every cell never changes, and the full text of any row is always
 * available from ASSIST_EXPLAIN with that row's arguments. Rows are rationed in order, so
 * the first errors of a column are the ones explained in full.
 *
 * Sizes are the UTF-8 bytes of the table as JSON with each error as { code, message } (the
 * shape of CustomFunctions.Error); the 1 MB left below the limit is room for Excel's own
 * envelope and encoding.
 */
import type { Cell, ErrorCell } from './adapters';
import { isErrorCell } from './adapters';

/** 4 MB: the 5 MB limit less room for Excel's own envelope around the values. */
export const PAYLOAD_BUDGET = 4_000_000;

/** UTF-8 size in bytes of a string as JSON text, quotes included. */
export function textBytes(s: string): number {
  let n = 2; // quotes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is 4 bytes in UTF-8: 2 + 2 for its two halves.
    n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return n;
}

/** Size of one cell as it is sent: an error as { code, message }. */
function cellBytes(c: Cell, message?: string): number {
  // {"code":…,"message":…}
  if (isErrorCell(c)) return 20 + textBytes(c.error) + textBytes(message ?? c.message);
  if (c === null || c === undefined) return 2;
  if (typeof c === 'string') return textBytes(c);
  return String(c).length;
}

/** The conservative payload size of a table (what the tests measure). */
export function payloadBytes(table: readonly (readonly Cell[])[]): number {
  let n = 2;
  for (const row of table) {
    n += 3;
    for (const c of row) n += cellBytes(c) + 1;
  }
  return n;
}

function reference(row: number): string {
  return `同第 ${row} 行 / as row ${row}`;
}

/** The table with error messages rationed to the budget (a copy only when something changes). */
export function limitPayload(table: Cell[][], budget = PAYLOAD_BUDGET): Cell[][] {
  if (payloadBytes(table) <= budget) return table;
  // What the table costs with every message empty; the rest of the budget goes to messages.
  let left = budget - 2;
  for (const row of table) {
    left -= 3;
    for (const c of row) left -= (isErrorCell(c) ? cellBytes(c, '') : cellBytes(c)) + 1;
  }
  const firstRow = new Map<string, number>();
  const sizeOf = new Map<string, number>();
  return table.map((row, r) =>
    row.map((c) => {
      if (!isErrorCell(c)) return c;
      const seen = firstRow.get(c.message);
      let message = '';
      if (seen === undefined) {
        let size = sizeOf.get(c.message);
        if (size === undefined) sizeOf.set(c.message, (size = textBytes(c.message) - 2));
        if (size <= left) {
          message = c.message;
          left -= size;
          firstRow.set(c.message, r + 1);
        }
      } else {
        const ref = reference(seen);
        const size = textBytes(ref) - 2;
        if (size <= left) {
          message = ref;
          left -= size;
        }
      }
      const out: ErrorCell = { error: c.error, message };
      return out;
    }),
  );
}
