/**
 * A workbook harness over HyperFormula with the MEDAID functions: build a workbook from
 * arrays or from an .xlsx (exceljs), evaluate real formulas — cell references, ranges in,
 * spilled arrays out — and read values back. Node only (HyperFormula is GPL-3.0, never in
 * the Excel bundle). Used by `medaid eval`, the tests and the benchmark.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { CellValue, ConfigParams, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { Workbook as ExcelWorkbook } from 'exceljs';
import { registerMedaidFunctions } from './plugin';

export const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  // Excel's sheet size (HyperFormula's default stops at 40,000 rows).
  maxRows: 1048576,
  maxColumns: 16384,
};

export type SheetData = RawCellContent[][];

/** A HyperFormula workbook with the MEDAID functions registered. */
export function createWorkbook(sheets: Record<string, SheetData>, config: Partial<ConfigParams> = {}): HyperFormula {
  registerMedaidFunctions();
  return HyperFormula.buildFromSheets(sheets, { ...HF_CONFIG, ...config });
}

/**
 * Formulas Excel saved for add-in functions may read `_xldudf_MEDAID_NAME(` or
 * `_xldudf_MEDAID.NAME(` until the add-in loads; they are the same MEDAID functions.
 */
export function normalizeFormula(formula: string): string {
  const f = formula.trim();
  const body = f.startsWith('=') ? f.slice(1) : f;
  return `=${outsideQuotes(body, (part) =>
    part
      .replace(/_xldudf_MEDAID[._]/gi, 'MEDAID.')
      .replace(/_xlfn\./gi, '')
      // Excel's TRUE / FALSE literals are HyperFormula's TRUE() / FALSE().
      .replace(/(^|[^A-Za-z0-9_.$])(TRUE|FALSE)(?![A-Za-z0-9_.]|\s*\()/gi, (_m, pre: string, b: string) => `${pre}${b.toUpperCase()}()`),
  )}`;
}

/** Applies `fn` to the parts of a formula outside "strings" and 'sheet names'. */
function outsideQuotes(formula: string, fn: (part: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula[i];
    if (q === '"' || q === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === q) {
          if (formula[j + 1] === q) j += 2; // doubled quote inside the string
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      let j = i;
      while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
      out += fn(formula.slice(i, j));
      i = j;
    }
  }
  return out;
}

/**
 * The sheets of an exceljs workbook as HyperFormula input: values as they are, formulas as
 * formulas (the cached results exceljs holds are ignored: HyperFormula recomputes).
 */
export function sheetsFromExcelJs(wb: ExcelWorkbook): Record<string, SheetData> {
  const sheets: Record<string, SheetData> = {};
  wb.eachSheet((ws) => {
    const data: SheetData = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const line = (data[r - 1] ??= []);
        while (line.length < c) line.push(null);
        line[c - 1] = excelJsCellContent(cell.value, cell.formula);
      });
    });
    for (let i = 0; i < data.length; i++) data[i] ??= [];
    sheets[ws.name] = data;
  });
  return sheets;
}

function excelJsCellContent(value: unknown, formula: string | undefined): RawCellContent {
  if (formula) return normalizeFormula(formula);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return asText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (v.richText) return asText(v.richText.map((t) => t.text).join(''));
    if (typeof v.text === 'string') return asText(v.text);
    if (v.error) return v.error;
    if (v.result !== undefined) return v.result as RawCellContent;
  }
  return String(value);
}

/**
 * A text cell as text: HyperFormula would read "1:9" as a time and "2024" as a number;
 * an apostrophe in front keeps the text (as the cell's type in the .xlsx says).
 */
export function asText(s: string): string {
  return `'${s}`;
}

/** An exceljs workbook evaluated by HyperFormula with the MEDAID functions. */
export function workbookFromExcelJs(wb: ExcelWorkbook, config: Partial<ConfigParams> = {}): HyperFormula {
  return createWorkbook(sheetsFromExcelJs(wb), config);
}

/** "A1" / "B12" / "Sheet!C3" → a HyperFormula address on the named (or first) sheet. */
export function address(hf: HyperFormula, ref: string, sheetName?: string): SimpleCellAddress {
  const [maybeSheet, cellRef] = ref.includes('!') ? ref.split('!') : [sheetName, ref];
  const sheet = maybeSheet === undefined ? 0 : hf.getSheetId(maybeSheet.replace(/^'|'$/g, ''));
  if (sheet === undefined) throw new Error(`no sheet ${maybeSheet}`);
  const a = hf.simpleCellAddressFromString(cellRef, sheet);
  if (!a) throw new Error(`not a cell reference: ${ref}`);
  return a;
}

/** A cell's value ("Sheet!B7" or "B7" on the first sheet). */
export function cellValue(hf: HyperFormula, ref: string, sheetName?: string): CellValue {
  return hf.getCellValue(address(hf, ref, sheetName));
}

export interface EvalResult {
  /** The value, or a table (rows of cells) when the formula spills. */
  value: CellValue | CellValue[][];
  /** True when the result, or any cell of it, is an error. */
  hasError: boolean;
  /** One line: the value; an error as its code and message; a table as tab-separated rows joined by " | ". */
  text: string;
}

/** A number as Excel's General format shows it (no float noise). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number.parseFloat(n.toPrecision(15)));
}

export function formatCell(v: CellValue): string {
  if (v instanceof DetailedCellError) return v.message ? `${v.value} ${v.message}` : v.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Evaluates one formula ("=" optional; MEDAID. prefix optional) on an empty sheet. */
export function evaluateFormula(formula: string): EvalResult {
  const hf = createWorkbook({ Sheet1: [[normalizeFormula(formula)]] });
  try {
    const sheet = 0;
    const top = hf.getCellValue({ sheet, row: 0, col: 0 });
    const isArray = hf.isCellPartOfArray({ sheet, row: 0, col: 0 });
    if (!isArray) {
      return { value: top, hasError: top instanceof DetailedCellError, text: formatCell(top) };
    }
    const rows = trimTable(hf.getSheetValues(sheet));
    const hasError = rows.some((r) => r.some((c) => c instanceof DetailedCellError));
    const text = rows.map((r) => r.map(formatCell).join('\t')).join(' | ');
    return { value: rows, hasError, text };
  } finally {
    hf.destroy();
  }
}

/** Drops trailing blank rows and columns (HyperFormula pads a reserved spill with blanks). */
export function trimTable(rows: CellValue[][]): CellValue[][] {
  const blank = (c: CellValue) => c === null || c === undefined || c === '';
  let out = rows.map((r) => r.slice());
  while (out.length > 0 && out[out.length - 1].every(blank)) out.pop();
  let width = out.reduce((m, r) => Math.max(m, r.length), 0);
  while (width > 0 && out.every((r) => r.length < width || blank(r[width - 1]))) width--;
  out = out.map((r) => {
    const line = r.slice(0, width);
    while (line.length < width) line.push(null);
    return line;
  });
  return out;
}
