/**
 * Cell addresses from what Excel says about a custom function's arguments.
 *
 * With `"requiresParameterAddresses": true` in a function's options (JSDoc tag
 * @requiresParameterAddresses, which custom-functions-metadata-plugin turns into that option),
 * Excel passes `invocation.parameterAddresses`: one address per argument, in the form
 * `SheetName!RelativeCellAddress` — `Costs!D8`, and for a range `Costs!D8:D100` — with the
 * sheet name in single quotes when it holds a space or punctuation (`'Latest Prices'!F6`,
 * a quote inside doubled: `'Bob''s Region'!F6`). Microsoft: "Custom functions parameter
 * options", section "Detect the address of a parameter"; CustomFunctions.Invocation
 * (parameterAddresses, CustomFunctionsRuntime 1.3).
 *
 * From a range's address and a cell's place inside it this gives that cell's own A1 address,
 * so an error message can say "cell Costs!D12" instead of "row 5 of the range". Anything that
 * is not such an address (an argument typed as a value, a future format) gives undefined and
 * the message falls back to the row and column inside the range.
 */
import { columnLetter } from '../roster/cells';

/** Excel's grid: columns A…XFD, rows 1…1 048 576. */
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

export interface RangeOrigin {
  /** The sheet part as Excel wrote it, with its "!" ("Costs!", "'Latest Prices'!"), or "". */
  sheet: string;
  /** Top-left cell: 0-based column, 1-based row. */
  column: number;
  row: number;
}

const SHEET = String.raw`(?:('(?:[^']|'')+'|[^'!:]+)!)?`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?([0-9]{1,7})`;
const CELL_RANGE = new RegExp(`^${SHEET}${CELL}(?::\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7})?$`);
const COLUMNS = new RegExp(`^${SHEET}\\$?([A-Za-z]{1,3}):\\$?[A-Za-z]{1,3}$`);
const ROWS = new RegExp(`^${SHEET}\\$?([0-9]{1,7}):\\$?[0-9]{1,7}$`);

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Where a range given as an address starts, or undefined when it is not an A1 address. */
export function rangeOrigin(address: unknown): RangeOrigin | undefined {
  if (typeof address !== 'string') return undefined;
  const a = address.trim();
  let m = CELL_RANGE.exec(a);
  let origin: RangeOrigin | undefined;
  if (m) origin = { sheet: m[1] ? `${m[1]}!` : '', column: columnIndex(m[2]), row: Number(m[3]) };
  else if ((m = COLUMNS.exec(a))) origin = { sheet: m[1] ? `${m[1]}!` : '', column: columnIndex(m[2]), row: 1 };
  else if ((m = ROWS.exec(a))) origin = { sheet: m[1] ? `${m[1]}!` : '', column: 0, row: Number(m[2]) };
  if (!origin || origin.column >= MAX_COLUMNS || origin.row < 1 || origin.row > MAX_ROWS) return undefined;
  return origin;
}

/**
 * The A1 address of the cell `rowOffset` rows and `colOffset` columns (0-based) from the
 * top-left of the range at `address`, with its sheet: "Costs!D12". Undefined when the address
 * is not one, or the cell would fall outside the grid.
 */
export function cellAddressIn(address: unknown, rowOffset: number, colOffset: number): string | undefined {
  const o = rangeOrigin(address);
  if (!o) return undefined;
  const column = o.column + colOffset;
  const row = o.row + rowOffset;
  if (column < 0 || column >= MAX_COLUMNS || row < 1 || row > MAX_ROWS) return undefined;
  return `${o.sheet}${columnLetter(column)}${row}`;
}
