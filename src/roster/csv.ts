/**
 * CSV source. Every field stays text (no dynamic typing): an ID number must never become
 * a float, and "0012" must stay "0012". Row numbers are record numbers (1-based), which is
 * the row the user sees when the file is opened in Excel.
 */
import Papa from 'papaparse';
import { MedaidError } from '../engine/errors';
import { decodeText, type CsvEncoding } from './encoding';
import { tableFromGrid } from './table';
import type { RawRow, RawTable } from './types';

export interface CsvOptions {
  /** Label used as the "sheet" in report locations, e.g. the file name. */
  sheet?: string;
  encoding?: CsvEncoding;
  /** Force a delimiter; by default papaparse guesses among , tab ; | */
  delimiter?: string;
  headerRow?: number;
}

// Papaparse reports this for one-column files; it is not a problem with the data.
const HARMLESS = new Set(['UndetectableDelimiter']);

export function readCsv(input: Uint8Array | ArrayBuffer | string, opts: CsvOptions = {}): RawTable {
  const { text, encoding } = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: undefined } : decodeText(input, opts.encoding);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter: opts.delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const grid: RawRow[] = parsed.data.map((cells, i) => ({ rowNumber: i + 1, cells }));
  const rowNotes: NonNullable<RawTable['rowNotes']> = [];
  for (const e of parsed.errors) {
    if (HARMLESS.has(e.code)) continue;
    if (e.row === undefined || e.row === null) {
      throw new MedaidError('ROSTER_BAD_FILE', { file: opts.sheet, problem: e.message, problemEn: e.message });
    }
    const m = new MedaidError('ROSTER_MALFORMED_ROW', { problem: e.message });
    rowNotes.push({ rowNumber: e.row + 1, zh: m.zh, en: m.en, problem: e.message });
  }
  return tableFromGrid(grid, {
    sheet: opts.sheet ?? 'CSV',
    headerRow: opts.headerRow,
    source: { kind: 'csv', encoding, delimiter: parsed.meta.delimiter },
    rowNotes,
  });
}
