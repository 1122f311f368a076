/** Shared fixtures and the accounting invariant every import must satisfy. */
import type { ImportResult, RawTable } from '../../src/roster';

/*
 * Valid 18-digit IDs, check digits worked by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * Σ mod 11 indexes "10X98765432"):
 *  11010519491231002X: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → X
 *  410102199001011234: 28+9+0+5+0+8+2+9+54+0+0+9+0+5+8+8+6 = 151; 151 mod 11 = 8 → 4
 *  440305200012250012: 28+36+0+15+0+20+4+0+0+0+7+18+20+25+0+0+2 = 175; 175 mod 11 = 10 → 2
 *  320102198506150022: 21+18+0+5+0+8+2+9+48+15+0+54+10+25+0+0+4 = 219; 219 mod 11 = 10 → 2
 */
export const ID_A = '11010519491231002X';
export const ID_B = '410102199001011234';
export const ID_C = '440305200012250012';
export const ID_D = '320102198506150022';
/** Legacy 15-digit: 410102 + 900101 (1990-01-01) + 123. */
export const ID_15 = '410102900101123';
/** ID_B with its check digit changed (should be 4). */
export const ID_BAD_CHECK = '410102199001011235';

export function expectAccounted<T>(res: ImportResult<T>, table: RawTable): void {
  const s = res.report.summary;
  expect(s.total).toBe(s.used + s.rejected + s.blank);
  expect(s.total).toBe(table.rows.length + (table.blankRows?.length ?? 0));
  expect(s.used).toBe(res.rows.length);
  const errorRows = new Set(res.report.entries.filter((e) => e.severity === 'error').map((e) => e.rowNumber));
  expect(errorRows.size).toBe(s.rejected);
  const usedRows = new Set(res.rows.map((r) => (r as unknown as { rowNumber: number }).rowNumber));
  for (const r of usedRows) expect(errorRows.has(r)).toBe(false);
  expect(s.warnings).toBe(res.report.entries.filter((e) => e.severity === 'warning').length);
}

export function table(header: string[], rows: unknown[][], sheet = 'T'): RawTable {
  return { sheet, headerRow: 1, header, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })), blankRows: [] };
}
