/**
 * Excel range source for the Office task pane: `range.values` is a 2-D array where empty
 * cells are "", dates are serial numbers, and numbers/booleans are themselves. The caller
 * passes the sheet name and where the range starts, so row numbers and cell addresses in
 * the report are the ones the user sees.
 */
import { tableFromGrid } from './table';
import type { RawRow, RawTable } from './types';

export interface RangeOptions {
  sheet: string;
  /** 1-based row of values[0] in the sheet. Default 1. */
  topRow?: number;
  /** Column of values[i][0]: a letter ("C") or a 0-based index. Default column A. */
  leftColumn?: string | number;
  headerRow?: number;
}

function columnIndex(c: string | number | undefined): number {
  if (c === undefined) return 0;
  if (typeof c === 'number') return c;
  let n = 0;
  for (const ch of c.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function readRangeValues(values: readonly (readonly unknown[])[], opts: RangeOptions): RawTable {
  const top = opts.topRow ?? 1;
  const grid: RawRow[] = values.map((cells, i) => ({ rowNumber: top + i, cells: cells.slice() }));
  return tableFromGrid(grid, { sheet: opts.sheet, headerRow: opts.headerRow, firstColumn: columnIndex(opts.leftColumn), source: { kind: 'range' } });
}
