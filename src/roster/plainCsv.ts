/**
 * A plain CSV file read field by field without building rows (Node only: it opens the file).
 *
 * "Plain" is the common export: UTF-8 (with or without a BOM), one header row on line 1, no
 * quote character anywhere, every record on one line with exactly the header's number of
 * fields, no blank line. For such a file the records are the lines and the fields are what lies
 * between delimiters, which is exactly what readCsv / readCsvChunks give (their tokenizer only
 * differs from a split on quotes, odd line ends and ragged rows). Anything else — a quote, a
 * byte that is not UTF-8, a ragged or blank line, a lone carriage return, a title row above the
 * header — is not plain: `readPlainCsv` throws NotPlainCsv saying why, and the caller reads the
 * file the general way (the importers, which report every such row). The first piece is also
 * read by readCsv itself and the two readings are compared field by field, so the header, the
 * delimiter and the cells are readCsv's own.
 *
 * Fields reach the caller as offsets into the current piece (no array per row, no string per
 * field): the caller reads ASCII fields in place and decodes the spans whose text it needs.
 */
import { closeSync, openSync, readSync } from 'fs';
import { isUtf8 } from 'buffer';
import { readCsv } from './csv';
import type { RawTable } from './types';

/** Why a file is not plain (for the run's notes); the general reader takes it. */
export class NotPlainCsv extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotPlainCsv';
  }
}

export interface PlainCsvSink {
  /** The header as readCsv reads it (sheet = the file label, headerRow 1). Throw NotPlainCsv to stop. */
  header(head: RawTable): void;
  /**
   * One data record. `text` is the piece's bytes one character each (latin1: byte offsets are
   * string offsets, and an ASCII field — an ID, a date, an amount — reads as itself); field f is
   * [start[f], end[f]) and `decode(from, to)` gives that span as the UTF-8 text it is. `row` is
   * the row number (the line: a plain file has no blank or multi-line record). Only valid during
   * the call.
   */
  row(text: string, start: Int32Array, end: Int32Array, row: number, decode: (from: number, to: number) => string): void;
}

const BLOCK = 1 << 23; // 8 MiB of bytes per piece
const QUOTE = 0x22;
const LF = 0x0a;

/** Line breaks in the file plus one: at least its number of lines (for columns sized once, not grown). */
export function lineBound(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    let lines = 1;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return lines;
      for (let i = buf.indexOf(LF, 0); i >= 0 && i < n; i = buf.indexOf(LF, i + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a plain CSV file into `sink`; throws NotPlainCsv (before or while reading) if it is not plain. */
export async function readPlainCsv(file: string, sink: PlainCsvSink, label: string): Promise<{ rows: number }> {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(BLOCK);
    let carry = 0; // bytes of an unfinished line kept at the start of buf
    let line = 0; // lines handed on so far (the header is line 1)
    let fields = -1;
    let delim = 44;
    let start = new Int32Array(0);
    let end = new Int32Array(0);
    let first = true;
    let eof = false;
    while (!eof) {
      if (carry === buf.length) {
        // One line longer than a piece: grow (a plain roster never has one; still read correctly).
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = readSync(fd, buf, carry, buf.length - carry, null);
      eof = n === 0;
      const have = carry + n;
      let from = 0;
      if (first) {
        if (have >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) throw new NotPlainCsv('UTF-16');
        if (have >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) from = 3;
      }
      // The piece ends at its last line break (all of the rest at the end of the file).
      let cut = eof ? have : buf.lastIndexOf(LF, have - 1);
      if (cut < from) {
        if (eof) cut = have;
        else {
          carry = have;
          continue;
        }
      } else if (!eof) cut += 1;
      const bytes = buf.subarray(from, cut);
      if (bytes.indexOf(QUOTE) >= 0) throw new NotPlainCsv('quotes');
      if (!isUtf8(bytes)) throw new NotPlainCsv('not UTF-8');
      // One character a byte: decoding is a copy, and the fields' offsets are the bytes'. Spans are
      // decoded as UTF-8 where the text matters (decode), and the piece is valid UTF-8 (checked above).
      const text = bytes.toString('latin1');
      const decode = (a: number, b: number) => bytes.toString('utf8', a, b);
      let pos = 0;
      if (first) {
        first = false;
        const firstLines = decode(0, nthLineEnd(text, 201));
        const head = headerOf(firstLines, label);
        delim = head.source!.delimiter!.charCodeAt(0);
        fields = head.header.length;
        start = new Int32Array(fields);
        end = new Int32Array(fields);
        sink.header(head);
        pos = text.indexOf('\n') + 1;
        if (pos === 0) pos = text.length;
        line = 1;
        sameAsReadCsv(firstLines, head, delim, fields, label);
      }
      const d = String.fromCharCode(delim);
      const len = text.length;
      let nextCr = -1; // the next carriage return at or after pos, -2 for none: searched again only once passed (linear)
      while (pos < len) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0) nl = len;
        let stop = nl;
        if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
        line++;
        if (stop === pos) {
          if (nl === len) break; // the file ends with a line break
          throw new NotPlainCsv(`blank line ${line}`);
        }
        let p = pos;
        for (let f = 0; f < fields - 1; f++) {
          const c = text.indexOf(d, p);
          if (c < 0 || c > stop) throw new NotPlainCsv(`line ${line}: fewer fields than the header`);
          start[f] = p;
          end[f] = c;
          p = c + 1;
        }
        const c = text.indexOf(d, p);
        if (c >= 0 && c < stop) throw new NotPlainCsv(`line ${line}: more fields than the header`);
        start[fields - 1] = p;
        end[fields - 1] = stop;
        if (nextCr !== -2 && nextCr < pos) {
          const cr = text.indexOf('\r', pos);
          nextCr = cr < 0 ? -2 : cr;
        }
        if (nextCr >= 0 && nextCr < stop) throw new NotPlainCsv(`line ${line}: a carriage return inside the line`);
        sink.row(text, start, end, line, decode);
        pos = nl + 1;
      }
      carry = have - cut;
      if (carry > 0) buf.copy(buf, 0, cut, have);
      await new Promise<void>((resolve) => setImmediate(resolve)); // Ctrl-C is heard between pieces
    }
    return { rows: Math.max(0, line - 1) };
  } finally {
    closeSync(fd);
  }
}

/** The header of the first piece as readCsv reads it; plain only with the header on line 1 and one-character delimiter. */
function headerOf(text: string, label: string): RawTable {
  const firstLines = text.slice(0, nthLineEnd(text, 50));
  const t = readCsv(firstLines, { sheet: label });
  if (t.headerRow !== 1) throw new NotPlainCsv(`header on row ${t.headerRow}`);
  if (t.rowNotes?.length) throw new NotPlainCsv('row notes');
  const delimiter = t.source?.delimiter ?? ',';
  if (delimiter.length !== 1) throw new NotPlainCsv('delimiter');
  return { ...t, rows: [], blankRows: [], rowNotes: [], source: { kind: 'csv', encoding: 'utf-8', delimiter } };
}

function nthLineEnd(text: string, n: number): number {
  let end = 0;
  for (let k = 0; k < n; k++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return text.length;
    end = nl + 1;
  }
  return end;
}

/**
 * readCsv's own reading of the first lines, compared with the split: the header cells and every
 * cell of up to 200 rows. A difference (which a plain file cannot have) makes the file not plain.
 */
function sameAsReadCsv(text: string, head: RawTable, delim: number, fields: number, label: string): void {
  const sample = text.slice(0, nthLineEnd(text, 201));
  const t = readCsv(sample, { sheet: label, delimiter: String.fromCharCode(delim) });
  const lines = sample.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const mine = lines[0].split(String.fromCharCode(delim));
  if (mine.length !== fields || head.header.length !== fields) throw new NotPlainCsv('header cells');
  for (const r of t.rows) {
    const cells = lines[r.rowNumber - 1]?.split(String.fromCharCode(delim));
    if (!cells || cells.length !== fields || r.cells.length !== fields) throw new NotPlainCsv(`row ${r.rowNumber} cells`);
    for (let f = 0; f < fields; f++) if (r.cells[f] !== cells[f]) throw new NotPlainCsv(`row ${r.rowNumber} cells`);
  }
}
