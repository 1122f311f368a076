/**
 * Every source (CSV, .xlsx, an Excel range) first becomes a grid of rows; this turns a
 * grid into a RawTable: it finds the header row (exports often have a title row or two
 * above it), and sets fully blank rows aside so the report can count them.
 */
import { inputText } from '../engine/errors';
import { isBlankRow } from './cells';
import { isKnownHeader } from './fields';
import type { RawRow, RawTable } from './types';

export interface GridOptions {
  sheet: string;
  /** Force the header row (1-based, as the user sees it) instead of detecting it. */
  headerRow?: number;
  firstColumn?: number;
  source?: RawTable['source'];
  rowNotes?: RawTable['rowNotes'];
}

/** How many non-blank rows from the top are searched for the header. */
// Templates put long instructions above the header (issue 16); searching 200 rows costs nothing.
const HEADER_SEARCH_ROWS = 200;

/**
 * The header is the row, among the first non-blank rows, with the most cells that are a
 * known column name; ties go to the upper row. If no row has any known name the first
 * non-blank row is taken, so the missing-column error can list what was found there.
 */
export function detectHeaderRow(grid: readonly RawRow[]): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  let first: number | undefined;
  let seen = 0;
  for (const row of grid) {
    if (isBlankRow(row.cells)) continue;
    if (first === undefined) first = row.rowNumber;
    let score = 0;
    for (const c of row.cells) if (typeof c === 'string' && isKnownHeader(c)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = row.rowNumber;
    }
    if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  return best ?? first;
}

export function tableFromGrid(grid: readonly RawRow[], opts: GridOptions): RawTable {
  const headerRow = opts.headerRow ?? detectHeaderRow(grid);
  const base = { sheet: opts.sheet, firstColumn: opts.firstColumn ?? 0, source: opts.source, rowNotes: opts.rowNotes };
  if (headerRow === undefined) return { ...base, headerRow: 1, header: [], rows: [], blankRows: [] };
  const headerIdx = grid.findIndex((r) => r.rowNumber === headerRow);
  const headerCells = headerIdx >= 0 ? grid[headerIdx].cells : [];
  const header = headerCells.map((c) => (c === null || c === undefined ? '' : inputText(c).trim()));
  // Trailing blank rows are not rows the user made (a CSV's final newline, an empty but
  // formatted row at the end of a sheet); blank rows between data rows are counted.
  let end = grid.length;
  while (end > headerIdx + 1 && isBlankRow(grid[end - 1].cells)) end--;
  const rows: RawRow[] = [];
  const blankRows: number[] = [];
  for (let i = headerIdx + 1; i < end; i++) {
    const r = grid[i];
    if (r.rowNumber <= headerRow) continue;
    if (isBlankRow(r.cells)) blankRows.push(r.rowNumber);
    else rows.push(r);
  }
  return { ...base, headerRow, header, rows, blankRows };
}
