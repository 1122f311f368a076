/**
 * Error values Excel passes INTO a custom function.
 *
 * Excel calls a custom function whose range argument holds an error cell (#DIV/0!, #N/A …)
 * only when functions.json says `"allowErrorForDataTypeAny": true` (then for `any`
 * parameters only; scripts/functions-metadata-options.js sets it, the metadata plugin cannot),
 * and it passes the error as its own object, not as this project's { error, message }:
 *   - a CustomFunctions.Error: { code: "#DIV/0!" | "#N/A" | …, message? } (the ErrorCode
 *     enum values are the codes as shown), and
 *   - with `allowCustomDataForDataTypeAny` (the plugin sets it), possibly the data-types
 *     shape of an error cell: { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }.
 * See Microsoft's "Handle and return errors from your custom function" (errors as custom
 * function inputs) and the custom-functions JSON metadata reference.
 *
 * A row whose input is such an error gets its own error cell naming where the error is (the
 * argument, and the row and column inside its range, which are also the row and column of
 * the result in the spill): #N/A stays #N/A, every other code becomes #VALUE! (the only two
 * kinds Excel shows a message for), so the analyst sees which input cell to fix.
 */
import type { ErrorCell } from './adapters';

/** Error codes Excel shows (input errors may be any of these). */
const EXCEL_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#CONNECT!', '#BLOCKED!', '#BUSY!', '#UNKNOWN!', '#PYTHON!']);

/** Data-types errorType names (Excel.ErrorCellValueType) → the code shown. */
const ERROR_TYPES: Record<string, string> = {
  Null: '#NULL!', Div0: '#DIV/0!', Value: '#VALUE!', Ref: '#REF!', Name: '#NAME?', Num: '#NUM!', NotAvailable: '#N/A',
  GettingData: '#GETTING_DATA', Spill: '#SPILL!', Calc: '#CALC!', Field: '#FIELD!', Connect: '#CONNECT!', Blocked: '#BLOCKED!', Busy: '#BUSY!',
};

export interface ExcelInputError {
  code: string;
  message?: string;
}

/** The Excel error an input cell holds, or undefined when it is a value (or one of our error cells). */
export function excelInputError(x: unknown): ExcelInputError | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.code === 'string' && EXCEL_CODES.has(o.code.toUpperCase())) {
    return { code: o.code.toUpperCase(), message: typeof o.message === 'string' && o.message !== '' ? o.message : undefined };
  }
  if (o.type === 'Error') {
    const code = typeof o.basicValue === 'string' && EXCEL_CODES.has(o.basicValue.toUpperCase()) ? o.basicValue.toUpperCase() : ERROR_TYPES[String(o.errorType)] ?? '#VALUE!';
    return { code };
  }
  return undefined;
}

/**
 * Where an input error sits: a single-value argument, or a cell of a range argument (1-based
 * row and column inside the range); `address`, the cell's A1 address when Excel gave the
 * argument's address (parameterAddress.ts).
 */
export interface InputPlace {
  fn: string;
  param: string;
  row?: number;
  col?: number;
  address?: string;
}

function placeZh(at: InputPlace): string {
  if (at.row === undefined) return at.address ? `参数 ${at.param}（单元格 ${at.address}）` : `参数 ${at.param}`;
  const inRange = `所给区域的第 ${at.row} 行第 ${at.col} 列`;
  return at.address ? `参数 ${at.param} 的单元格 ${at.address}（${inRange}）` : `参数 ${at.param} ${inRange}`;
}

function placeEn(at: InputPlace): string {
  if (at.row === undefined) return at.address ? `argument ${at.param} (cell ${at.address})` : `argument ${at.param}`;
  const inRange = `row ${at.row}, column ${at.col} of the range given as ${at.param}`;
  return at.address ? `cell ${at.address} (${inRange})` : inRange;
}

/** The error cell for an Excel error in an input: specific, bilingual, naming the place. */
export function inputErrorCell(e: ExcelInputError, at: InputPlace): ErrorCell {
  const kind: ErrorCell['error'] = e.code === '#N/A' ? '#N/A' : '#VALUE!';
  const whereZh = placeZh(at);
  const whereEn = placeEn(at);
  const upstream = e.message ? `（原错误：${e.message}）` : '';
  const upstreamEn = e.message ? ` (its message: ${e.message})` : '';
  return {
    error: kind,
    message:
      `${at.fn}：${whereZh}是 Excel 错误 ${e.code}${upstream}，本行无法计算：请先修正该单元格` +
      ` / ${at.fn}: ${whereEn} holds the Excel error ${e.code}${upstreamEn}; this row cannot be computed: fix that cell first`,
  };
}
