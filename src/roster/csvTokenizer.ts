/**
 * CSV text → records, RFC 4180 quoting, with two things papaparse cannot do and a roster
 * needs (issues 12 item 1 and 16 "mixed line ends"; both reproduced with papaparse 5.7):
 *
 *  - Line ends of every kind in one file. papaparse picks ONE newline for the whole file, so
 *    in a CRLF file whose last rows end in LF only, those rows were merged into the previous
 *    row's last cell and vanished from the count. Here \r\n, \n and a lone \r each end a
 *    record, wherever they are.
 *  - Recovery from an unbalanced quote. With papaparse an opening quote that never closes
 *    swallows every following row into one cell. Here a quoted field that runs to the end of
 *    the file, or whose "closing" quote is followed by more text after a line break, is an
 *    unbalanced quote: the physical line where it opened becomes one record of its own (the
 *    quote taken as a plain character) marked as an error, and reading resumes on the next
 *    line, so every other row is kept.
 *
 * A quoted field that closes properly may hold line breaks (Excel writes Alt+Enter that way);
 * such a record is reported (multiLine) so that a quote that happens to pair up with a later
 * one is never silent either. Everything stays text. One pass, O(length of the text).
 */

export interface CsvRecord {
  cells: string[];
  /** 1-based physical line of the file where the record starts / ends. */
  line: number;
  endLine: number;
}

export type CsvProblemKind = 'unbalanced-quote' | 'text-after-quote';

export interface CsvProblem {
  /** Index of the record in `records`. */
  record: number;
  /** 0-based index of the field the problem is in. */
  field: number;
  kind: CsvProblemKind;
  /** Physical line of the file where the problem starts. */
  line: number;
}

export interface CsvTokens {
  records: CsvRecord[];
  problems: CsvProblem[];
  /** Records holding a quoted cell that spans line breaks: record index and field index. */
  multiLine: { record: number; field: number }[];
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** Line breaks in text[from, to): \r\n counts once. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/** Index of the first \r or \n at or after `from`, or text.length. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

/** Past the line break at `i` (if any). */
function skipBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (c === LF) return i + 1;
  return i;
}

/** Index of the next delimiter, \r or \n at or after `from`, or text.length. */
function fieldEnd(text: string, from: number, delim: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === delim || c === LF || c === CR) return i;
  }
  return text.length;
}

export function tokenizeCsv(text: string, delimiter: string): CsvTokens {
  if (delimiter.length !== 1) throw new RangeError(`delimiter must be one character, got ${JSON.stringify(delimiter)}`);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const multiLine: CsvTokens['multiLine'] = [];
  let i = 0;
  /** Physical line of position i. */
  let line = 1;

  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    const record = records.length;
    for (;;) {
      const field = cells.length;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: find the closing quote ("" is a quote inside the field).
        let j = i + 1;
        let close = -1;
        let bad: 'eof' | 'after-break' | 'same-line' | undefined;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            bad = 'eof';
            break;
          }
          const next = text.charCodeAt(q + 1); // NaN past the end
          if (next === QUOTE) {
            j = q + 2;
            continue;
          }
          close = q;
          if (!(q + 1 >= n || next === delim || next === LF || next === CR)) {
            // A quote followed by more text is not a closing quote.
            bad = countBreaks(text, i, q) > 0 ? 'after-break' : 'same-line';
          }
          break;
        }
        if (bad === 'eof' || bad === 'after-break') {
          // The opening quote is unbalanced: the rest of this physical line is read with the
          // quote as a plain character, and the next line starts a record of its own.
          const end = lineEnd(text, i);
          for (const part of text.slice(i, end).split(delimiter)) cells.push(part);
          problems.push({ record, field, kind: 'unbalanced-quote', line });
          i = end;
        } else if (bad === 'same-line') {
          // "ab"cd on one line: read as Excel does (abcd), but the row is flagged.
          const end = fieldEnd(text, close + 1, delim);
          cells.push(text.slice(i + 1, close).replace(/""/g, '"') + text.slice(close + 1, end));
          problems.push({ record, field, kind: 'text-after-quote', line });
          i = end;
        } else {
          const breaks = countBreaks(text, i, close);
          cells.push(text.slice(i + 1, close).replace(/""/g, '"'));
          if (breaks > 0) multiLine.push({ record, field });
          line += breaks;
          i = close + 1;
        }
      } else {
        const end = fieldEnd(text, i, delim);
        cells.push(text.slice(i, end));
        i = end;
      }
      // After a field: a delimiter (another field follows), a line break or the end.
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      break;
    }
    records.push({ cells, line: startLine, endLine: line });
    if (i < n) {
      i = skipBreak(text, i);
      line++;
    }
  }
  return { records, problems, multiLine };
}
