/**
 * The rows of a sheet of exceljs's streaming WorkbookWriter written as SpreadsheetML text straight
 * into the sheet's stream, instead of through exceljs's Row and Cell objects: for the CLI's
 * result workbook, whose 人员 and 校验报告 sheets hold millions of cells. exceljs builds a Row,
 * a Cell, a style object and a cell model for every cell and renders each through its XML
 * writer; that took ~24 s of a 1M-visit run. Here a cell is one string append, with its style
 * id looked up once per (number format, look, value type) from exceljs's own style table
 * (wb.styles.addStyleModel, the call exceljs makes for each cell), and its text either in
 * exceljs's shared-string table (wb.sharedStrings.add, as exceljs does) or inline.
 *
 * Everything else is still exceljs's: the package, [Content_Types], workbook.xml, styles.xml,
 * sharedStrings.xml, the sheet's <cols>, views and the close of <sheetData>, and the zip. The
 * cells are those exceljs writes for the same values and styles (test/projection/
 * writeWorkbookFile.test.ts reads both back and compares every cell's value and number format).
 *
 * This uses three members of exceljs 4's WorksheetWriter that are not in its typings
 * (stream, _writeColumns, _writeOpenSheetData, startedData); XmlRows checks they are there and
 * throws a bilingual error at once if an exceljs upgrade removed them.
 */
import type ExcelJS from 'exceljs';

/** What exceljs's WorksheetWriter has that its typings do not show. */
interface SheetStream {
  stream: { write(chunk: string | Buffer): unknown };
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/** exceljs's style table and shared strings on its WorkbookWriter (not in its typings). */
interface WorkbookInternals {
  styles: { addStyleModel(model: object, cellType: number): number };
  sharedStrings: { add(text: string): number };
}

/** exceljs's Enums.ValueType: what addStyleModel is told the cell holds. */
const VALUE_TYPE = { number: 2, string: 3 } as const;

/**
 * How text cells are stored: 'shared' every text in the shared-string table (as exceljs does);
 * 'inline' every text in its cell; 'auto' labels shared, the rest inline (sharedText).
 */
export type StringMode = 'shared' | 'inline' | 'auto';

/** Longest text 'auto' puts in the shared-string table. */
const SHARED_MAX = 24;

/**
 * 'auto': a text is shared when it is a label that repeats down a column — a district, a
 * category, 未计算, a severity or code — and inline when it is likely unique: anything with a
 * digit (an ID number, a row number in a message, a date) or longer than SHARED_MAX. The choice
 * changes only how the file stores the text, never the cell's value; it keeps the shared table
 * small (each entry is held in memory to the end) and each repeated label one index.
 */
export function sharedText(text: string): boolean {
  if (text.length > SHARED_MAX) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

/** A style as exceljs's Cell.style holds it (what addStyleModel takes). */
export interface CellStyle {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
}

/** Characters XML 1.0 does not allow, dropped as exceljs's xmlEncode drops them. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** Text as XML character data, as exceljs escapes it (& < > " ' escaped, disallowed controls dropped). */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Appended text is handed to the sheet's stream in pieces of about this many characters. */
const FLUSH_AT = 1 << 16;

export class XmlRows {
  private readonly ws: SheetStream;
  private readonly wb: WorkbookInternals;
  private readonly ids = new Map<string, number>();
  private readonly letters: string[] = [''];
  private buf = '';
  /** The row being written. */
  private at = 0;
  private started = false;

  constructor(ws: ExcelJS.Worksheet, wb: ExcelJS.stream.xlsx.WorkbookWriter, private readonly strings: StringMode = 'shared') {
    this.ws = ws as unknown as SheetStream;
    this.wb = wb as unknown as WorkbookInternals;
    const ok = typeof this.ws._writeColumns === 'function' && typeof this.ws._writeOpenSheetData === 'function' && !!this.ws.stream
      && typeof this.wb.styles?.addStyleModel === 'function' && typeof this.wb.sharedStrings?.add === 'function';
    if (!ok) {
      throw new Error('exceljs 的流式写入接口与本程序所用的不同（升级了 exceljs？）：无法写出结果工作簿 / exceljs\'s streaming writer is not the one this program writes rows into (exceljs upgraded?): the workbook cannot be written');
    }
  }

  /**
   * The style id exceljs gives a cell of this type with this style (the style built once per key;
   * exceljs caches by object, not by the cell's type, so each type gets its own object).
   */
  styleId(key: string, type: 'number' | 'string', style: () => CellStyle): number {
    const k = `${type}\u0000${key}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.wb.styles.addStyleModel(style(), VALUE_TYPE[type]);
      this.ids.set(k, id);
    }
    return id;
  }

  private letter(col: number): string {
    while (this.letters.length <= col) this.letters.push(columnName(this.letters.length));
    return this.letters[col];
  }

  /** Starts row `row` (1-based, rows in increasing order); then its cells, then endRow(). */
  startRow(row: number): void {
    if (!this.started) this.start();
    this.at = row;
    this.buf += `<row r="${row}">`;
  }

  /** A number cell in column `col` (1-based) of the row, written as exceljs writes it (String(n)). */
  number(col: number, value: number, styleId: number): void {
    this.buf += `<c r="${this.letter(col)}${this.at}"${styleId ? ` s="${styleId}"` : ''}><v>${value}</v></c>`;
  }

  /** A text cell in column `col` (1-based) of the row: shared or inline as the mode says. */
  text(col: number, value: string, styleId: number): void {
    const head = `<c r="${this.letter(col)}${this.at}"${styleId ? ` s="${styleId}"` : ''}`;
    // An empty text is kept as exceljs keeps it: a shared string (an empty inline one reads back as no cell).
    if (this.strings === 'shared' || value === '' || (this.strings === 'auto' && sharedText(value))) {
      this.buf += `${head} t="s"><v>${this.wb.sharedStrings.add(value)}</v></c>`;
    } else {
      const space = /^\s|\n|\s$/.test(value) ? ' xml:space="preserve"' : '';
      this.buf += `${head} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
    }
  }

  endRow(): void {
    this.buf += '</row>';
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  /** Everything appended so far, to the sheet's stream (call before committing the sheet). */
  flush(): void {
    if (this.buf) this.ws.stream.write(this.buf);
    this.buf = '';
  }

  /** What exceljs writes before a sheet's first row: its <cols> and the opening of <sheetData>. */
  private start(): void {
    this.started = true;
    if (!this.ws.startedData) {
      this.ws._writeColumns();
      this.ws._writeOpenSheetData();
      this.ws.startedData = true;
    }
  }
}
