/**
 * .xlsx source, via exceljs (runs in Node and in the browser task pane). Cell values are
 * kept close to what Excel holds: numbers stay numbers (so an ID that Excel turned into a
 * number can be recognised and refused), dates are Date (UTC midnight, as exceljs
 * builds them), formulas give their cached result, rich text and hyperlinks their text.
 */
import type ExcelJS from 'exceljs';
import { excelJs } from './excelJs';
import { MedaidError, inputText } from '../engine/errors';
import { UncachedFormula } from './cells';
import { toUint8 } from './encoding';
import { tableFromGrid } from './table';
import type { RawRow, RawTable } from './types';

export interface XlsxOptions {
  /** Sheet name or 1-based position; the first sheet by default. */
  sheet?: string | number;
  headerRow?: number;
}

/** One exceljs cell value to a plain value: string | number | boolean | Date | null. */
export function plainCellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    // The cached result is used, the formula never evaluated. No cached result (a file written
    // by a program that does not calculate) is not a blank cell: it is said (issue 16).
    if (o.result === undefined || o.result === null) return new UncachedFormula(inputText(o.formula ?? o.sharedFormula ?? ''));
    return plainCellValue(o.result);
  }
  if ('hyperlink' in o) return plainCellValue(o.text);
  if (typeof o.error === 'string') return o.error; // '#N/A', '#REF!' … shown as Excel shows them
  if ('text' in o) return plainCellValue(o.text);
  return String(v);
}

async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const u8 = toUint8(bytes);
  const wb = new (await excelJs()).Workbook();
  // exceljs wants a Buffer in Node; in the browser an ArrayBuffer works as well.
  const data = typeof Buffer !== 'undefined' ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8.slice().buffer;
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('ROSTER_BAD_FILE', { problem: `不是有效的 .xlsx 文件（${msg}）`, problemEn: `not a valid .xlsx file (${msg})` });
  }
  return wb;
}

function sheetToTable(ws: ExcelJS.Worksheet, headerRow?: number): RawTable {
  const grid: RawRow[] = [];
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.findRow(r);
    const cells: unknown[] = [];
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plainCellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null; // sparse → dense
    }
    grid.push({ rowNumber: r, cells });
  }
  return tableFromGrid(grid, { sheet: ws.name, headerRow, source: { kind: 'xlsx' } });
}

function pickSheet(wb: ExcelJS.Workbook, sheet?: string | number): ExcelJS.Worksheet {
  const sheets = wb.worksheets;
  const known = sheets.map((s) => s.name).join('、') || '(无 / none)';
  if (sheet === undefined) {
    if (!sheets[0]) throw new MedaidError('ROSTER_NO_SHEET', { value: '', known });
    // The first sheet the user can see: a hidden first sheet (a lookup list, an old copy) is
    // not the roster they mean (issue 16). Named or numbered, any sheet can still be chosen.
    return sheets.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets[0];
  }
  const ws = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim() === sheet.trim());
  if (!ws) throw new MedaidError('ROSTER_NO_SHEET', { value: String(sheet), known });
  return ws;
}

/** One sheet of a workbook as a RawTable. */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer, opts: XlsxOptions = {}): Promise<RawTable> {
  const wb = await loadWorkbook(bytes);
  return sheetToTable(pickSheet(wb, opts.sheet), opts.headerRow);
}

/** Every sheet of a workbook (people and visits often come in one file), loaded once. */
export async function readXlsxSheets(bytes: Uint8Array | ArrayBuffer): Promise<RawTable[]> {
  const wb = await loadWorkbook(bytes);
  return wb.worksheets.map((ws) => sheetToTable(ws));
}
