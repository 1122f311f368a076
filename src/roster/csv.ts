/**
 * CSV source. Every field stays text (no dynamic typing): an ID number must never become
 * a float, and "0012" must stay "0012". Row numbers are record numbers (1-based), which is
 * the row the user sees when the file is opened in Excel; messages about the file's layout
 * also give the physical line.
 *
 * The records come from tokenizeCsv (mixed line ends, unbalanced quotes kept to their own
 * line: see csvTokenizer.ts); papaparse only guesses the delimiter from the first lines.
 */
import Papa from 'papaparse';
import { MedaidError } from '../engine/errors';
import { decodeText, type CsvEncoding } from './encoding';
import { assertReadable, sniffFile } from './fileType';
import { tokenizeCsv } from './csvTokenizer';
import { tableFromGrid } from './table';
import type { RawRow, RawTable, RowNote } from './types';

export interface CsvOptions {
  /** Label used as the "sheet" in report locations, e.g. the file name. */
  sheet?: string;
  encoding?: CsvEncoding;
  /** Force a delimiter; by default guessed among , tab ; | */
  delimiter?: string;
  headerRow?: number;
}

const DELIMITERS = [',', '\t', ';', '|'];
const PREVIEW_LINES = 20;

/** The delimiter papaparse guesses from the first lines (',' for a one-column file). */
export function guessDelimiter(text: string): string {
  let end = 0;
  for (let k = 0; k < PREVIEW_LINES && end >= 0; k++) end = text.indexOf('\n', end + 1);
  const preview = (end < 0 ? text : text.slice(0, end)).replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(preview, { header: false, dynamicTyping: false, delimiter: '', delimitersToGuess: DELIMITERS, newline: '\n' });
  return DELIMITERS.includes(parsed.meta.delimiter) ? parsed.meta.delimiter : ',';
}

export function readCsv(input: Uint8Array | ArrayBuffer | string, opts: CsvOptions = {}): RawTable {
  let forced = opts.encoding;
  if (typeof input !== 'string' && forced === undefined) {
    const kind = sniffFile(input);
    if (kind === 'xlsx') {
      throw new MedaidError('ROSTER_BAD_FILE', { file: opts.sheet, problem: '这是 .xlsx 工作簿（zip），不是 CSV 文本：请以 .xlsx 文件名打开', problemEn: 'this is an .xlsx workbook (zip), not CSV text: open it under an .xlsx name' });
    }
    assertReadable(kind, opts.sheet);
    if (kind === 'utf-16le' || kind === 'utf-16be') forced = kind;
  }
  const { text, encoding } = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: undefined } : decodeText(input, forced);
  const delimiter = opts.delimiter ?? guessDelimiter(text);
  const tokens = tokenizeCsv(text, delimiter);
  const grid: RawRow[] = tokens.records.map((r, i) => ({ rowNumber: i + 1, cells: r.cells }));
  const rowNotes: RowNote[] = [];
  for (const p of tokens.problems) {
    const rec = tokens.records[p.record];
    const m = p.kind === 'unbalanced-quote'
      ? new MedaidError('ROSTER_UNBALANCED_QUOTE', { line: p.line })
      : new MedaidError('ROSTER_MALFORMED_ROW', { line: p.line, problem: '右引号后还有其他字符', problemEn: 'text after a closing quote' });
    rowNotes.push({ rowNumber: p.record + 1, column: p.field, value: rec.cells[p.field], severity: 'error', code: m.code, zh: m.zh, en: m.en, problem: p.kind });
  }
  for (const ml of tokens.multiLine) {
    const rec = tokens.records[ml.record];
    const m = new MedaidError('ROSTER_MULTILINE_CELL', { from: rec.line, to: rec.endLine });
    rowNotes.push({ rowNumber: ml.record + 1, column: ml.field, value: rec.cells[ml.field], severity: 'warning', code: m.code, zh: m.zh, en: m.en, problem: 'multi-line' });
  }
  return tableFromGrid(grid, {
    sheet: opts.sheet ?? 'CSV',
    headerRow: opts.headerRow,
    source: { kind: 'csv', encoding, delimiter },
    rowNotes,
  });
}
