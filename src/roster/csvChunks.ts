/**
 * A CSV file read in pieces, for rosters too large to hold as one text (Node only: it opens
 * the file; not exported from src/roster/index.ts, so the task pane's bundle has no fs).
 *
 * The fields are split by the same tokenizer as the whole-file reader: each piece is cut at a
 * record boundary (a line break outside quotes) and handed to `readCsv`, so quoting, line
 * endings, row notes and blank rows follow exactly its rules; only the row numbers are shifted
 * by the records of the pieces before. The boundary scan below only finds where a record ends
 * (it reads quotes the way papaparse does: a quote opens a quoted field at the start of a field
 * and closes it only before a delimiter, a line break or the end); it never splits fields. A
 * file whose quotes never close has no boundary after them: the rest of it is one piece, i.e.
 * read as the whole-file reader would.
 *
 * The encoding is decided as `detectEncoding` decides it (BOM, else strict UTF-8, else
 * GB18030), without holding the file: the file is decoded as strict UTF-8 on the fly and, if a
 * byte sequence is not UTF-8, the reading starts again as GB18030 (the sink is told to forget
 * what it had: `restart`).
 */
import { closeSync, openSync, readSync } from 'fs';
import * as iconv from 'iconv-lite';
import { readCsv } from './csv';
import type { CsvEncoding } from './encoding';
import type { RawRow, RawTable } from './types';

export interface CsvChunkSink {
  /** The header, found in the first piece as readCsv finds it (title rows above it are skipped). */
  header(table: RawTable): void;
  /** Data rows of one piece, row numbers as in the whole file (blank rows are not here). */
  rows(rows: RawRow[]): void;
  /** Fully blank rows between data rows (trailing blank rows of the file are not counted). */
  blank(rowNumbers: number[]): void;
  /** Problems readCsv found in particular rows (row numbers as in the whole file). */
  notes(notes: NonNullable<RawTable['rowNotes']>): void;
  /** The file turned out not to be UTF-8: forget everything, it is read again as GB18030. */
  restart(): void;
}

export interface CsvChunkOptions {
  /** Label used as the "sheet" in report locations (the file name). */
  sheet: string;
  /** Force the header row (1-based) instead of detecting it, as readCsv's headerRow. */
  headerRow?: number;
  /** Characters per piece (default 4 Mi): memory use is a few times this. */
  pieceChars?: number;
}

interface Decoder {
  write(b: Uint8Array): string;
  end(): string;
}

function decoderFor(enc: CsvEncoding): Decoder {
  if (enc === 'gb18030') {
    const d = iconv.getDecoder('gb18030');
    return { write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(enc, { fatal: enc === 'utf-8' });
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

function bomEncoding(b: Uint8Array): CsvEncoding | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Where the last complete record of `text` ends: the index of its line break, or -1. Also the
 * number of records ending in text[0, index]. `delim` is the field delimiter.
 */
export function lastRecordEnd(text: string, delim: string, atEnd = false): { end: number; records: number } {
  const d = delim.charCodeAt(0);
  let inQuotes = false;
  let fieldStart = true;
  let end = -1;
  let records = 0;
  let seen = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c !== 34) continue;
      if (i + 1 >= n) {
        if (atEnd) inQuotes = false;
        else return { end, records }; // cannot tell yet what follows the quote
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (next === 34) i++;
      else if (next === d || next === 10 || next === 13) inQuotes = false;
      // any other character: papaparse keeps looking for the closing quote
      continue;
    }
    if (c === 10) {
      seen++;
      end = i;
      records = seen;
      fieldStart = true;
    } else if (c === d || c === 13) fieldStart = true;
    else if (c === 34 && fieldStart) inQuotes = true;
    else fieldStart = false;
  }
  return { end, records };
}

/**
 * Reads `file` piece by piece into `sink`. Resolves when the whole file has been read; between
 * pieces it lets the event loop run (so Ctrl-C is handled while a big file is read).
 */
export async function readCsvChunks(file: string, sink: CsvChunkSink, opts: CsvChunkOptions): Promise<{ encoding: CsvEncoding; delimiter: string }> {
  try {
    return await readWith(file, sink, opts, undefined);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    sink.restart();
    return await readWith(file, sink, opts, 'gb18030');
  }
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

class NotUtf8 extends Error {}

async function readWith(file: string, sink: CsvChunkSink, opts: CsvChunkOptions, forced: CsvEncoding | undefined): Promise<{ encoding: CsvEncoding; delimiter: string }> {
  const pieceChars = opts.pieceChars ?? 1 << 22;
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let decoder: Decoder | undefined;
  let encoding: CsvEncoding = forced ?? 'utf-8';
  let text = '';
  let delimiter: string | undefined;
  let headerRow: number | undefined;
  /** Records before `text` (the row number offset of its first record). */
  let before = 0;
  let first = true;
  const pendingBlank: number[] = [];

  const piece = (chunk: string, records: number) => {
    // The first piece finds the delimiter and the header as readCsv does on a whole file.
    const t = readCsv(chunk, { sheet: opts.sheet, delimiter, headerRow: headerRow === undefined ? opts.headerRow : 0 });
    if (headerRow === undefined) {
      delimiter = t.source?.delimiter ?? ',';
      headerRow = t.headerRow;
      sink.header({ ...t, rows: [], blankRows: [], rowNotes: [], source: { kind: 'csv', encoding, delimiter } });
    }
    const shift = (r: number) => r + before;
    if (t.rows.length) {
      // Blank rows seen before a data row are between data rows: they count.
      if (pendingBlank.length) sink.blank(pendingBlank.splice(0));
      const firstData = shift(t.rows[0].rowNumber);
      const inner = (t.blankRows ?? []).map(shift);
      sink.blank(inner.filter((r) => r < firstData));
      for (const r of t.rows) r.rowNumber = shift(r.rowNumber);
      sink.rows(t.rows);
      const lastData = t.rows[t.rows.length - 1].rowNumber;
      sink.blank(inner.filter((r) => r > firstData && r < lastData));
      // Blank records after the last data row of this piece wait for a data row in a later one.
      for (let r = lastData + 1; r <= before + records; r++) pendingBlank.push(r);
    } else {
      // No data row in this piece: all its records after the header are blank (or title rows).
      const from = Math.max(before + 1, (headerRow ?? 0) + 1);
      for (let r = from; r <= before + records; r++) pendingBlank.push(r);
    }
    if (t.rowNotes?.length) sink.notes(t.rowNotes.map((n) => ({ ...n, rowNumber: shift(n.rowNumber) })));
    before += records;
  };

  /** The delimiter is readCsv's guess on the start of the file (papaparse looks at the first rows). */
  const guess = () => {
    if (delimiter === undefined) delimiter = readCsv(text.slice(0, Math.min(text.length, 1 << 16)), { sheet: opts.sheet }).source?.delimiter ?? ',';
    return delimiter;
  };

  const cut = () => {
    while (text.length >= pieceChars) {
      const { end, records } = lastRecordEnd(text, guess());
      if (end < 0) return; // no record ends yet: read more
      piece(text.slice(0, end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end), records);
      text = text.slice(end + 1);
    }
  };

  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const bytes: Uint8Array = buf.subarray(0, n);
      if (!decoder) {
        const bom = bomEncoding(bytes);
        if (bom) encoding = bom;
        else if (!forced && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
        decoder = decoderFor(encoding);
      }
      let s: string;
      try {
        s = decoder.write(bytes);
      } catch (e) {
        if (encoding === 'utf-8' && !forced) throw new NotUtf8();
        throw e;
      }
      if (first) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        if (s.length) first = false;
      }
      text += s;
      if (text.length >= pieceChars) {
        cut();
        await breathe();
      }
    }
    try {
      text += decoder ? decoder.end() : '';
    } catch (e) {
      if (encoding === 'utf-8' && !forced) throw new NotUtf8();
      throw e;
    }
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // The last piece: its records are its line breaks outside quotes, plus the unterminated last one.
    if (headerRow === undefined || text.length) piece(text, text.length ? lastRecordEnd(text, guess(), true).records + 1 : 0);
  } finally {
    closeSync(fd);
  }
  return { encoding, delimiter: delimiter ?? ',' };
}
