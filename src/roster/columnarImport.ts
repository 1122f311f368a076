/**
 * A plain people file and a plain visits file (plainCsv.ts) imported into columns: no Person or
 * Visit object, no Decimal, no row array — a person is an index, a visit a few numbers in typed
 * arrays (Node only).
 *
 * Exactly what the importers (importPeople / importVisits) would accept, and only that: the
 * columnar import takes a roster only when the importers would use every row and say nothing
 * about any (no error, no warning); otherwise it gives up with the reason (NotColumnar) and the
 * caller runs the importers, which report each row. It is exact by construction:
 *  - the cells whose values repeat (人员类别 and 区县; 就诊类型, 门诊类型 and the referral flag)
 *    are read by the importer itself: the first row holding each new combination of them is
 *    imported with importPeople / importVisits, and the combination is taken only when that
 *    row is used without an entry; every later row with the same cells gets the same reading;
 *  - ID numbers: each people row's through parseIdNumber (accepted only as typed, without a
 *    warning, and only once: a duplicate ID gives up); a visit's ID must be typed exactly as a
 *    people row's (otherwise: an unknown person, or an ID written another way — the importers say);
 *  - dates: each distinct text once through parseRosterDate, in the run's year;
 *  - amounts: digits with at most two decimals (1234 / 1234.5 / 1234.56), read as whole fen —
 *    the subset of requiredAmount's input that it reads without a word (property-tested);
 *  - identical visits (the importer's ROSTER_DUPLICATE_VISIT warning) give up.
 */
import type { CategoryId } from '../engine/categories';
import { isMedaidError } from '../engine/errors';
import { parseRosterDate } from './dates';
import { id18BirthOk, id18CheckOk } from './idNumber';
import { applyMapping, detectMapping } from './mapping';
import { importPeople } from './people';
import { lineBound, NotPlainCsv, readPlainCsv } from './plainCsv';
import type { ColumnMapping, FieldOf, RawTable, RosterKind } from './types';
import { importVisits } from './visits';
import { IdTable } from './idTable';
import { SpanDictionary } from './spanDictionary';
import { ownCopy } from './ownCopy';

/** The roster is not one the columnar import takes; `reason` says why (the importers then read it). */
export class NotColumnar extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotColumnar';
  }
}

/** What the people file's repeating cells say, read by importPeople. */
export interface PersonKind {
  categories: CategoryId[];
  district: string;
}

/** What the visits file's repeating cells say, read by importVisits. */
export interface VisitKind {
  kind: 'inpatient' | 'outpatient';
  /** The scheme text as the importer keeps it (Visit.scheme). */
  scheme?: string;
  referred: boolean;
}

export interface ColumnarPeople {
  head: RawTable;
  count: number;
  /** Person p is on row firstRow + p (a plain file has no blank or multi-line row). */
  firstRow: number;
  /** Person p's ID is ids.text(p); a visit's ID is found in it. */
  ids: IdTable;
  /** Index into kinds. */
  kind: Uint16Array;
  kinds: PersonKind[];
  /** The names as importPeople reads them (trimmed), when asked for (detail rows); else empty. */
  names: string[];
}

export interface ColumnarVisits {
  head: RawTable;
  count: number;
  /** Visit i is on row firstRow + i. */
  firstRow: number;
  /** Person index (ColumnarPeople); only read to group the visits by person (the run then gives it back). */
  person: Int32Array;
  /** Index into dates. */
  date: Uint16Array;
  /** The dates as the importer reads them (YYYY-MM-DD). */
  dates: string[];
  kind: Uint16Array;
  kinds: VisitKind[];
  /** 政策范围内自付 in whole fen (at most 42,949,672.95 yuan a visit: a larger one is not taken). */
  costFen: Uint32Array;
}

const PEOPLE_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'categories', 'district']);
const VISIT_FIELDS: ReadonlySet<string> = new Set(['id', 'date', 'kind', 'scheme', 'cost', 'referred']);

/** The mapping readRoster would use, when it is one the columnar import takes (only the basic fields, all there, nothing ignored). */
function plainMapping<K extends RosterKind>(head: RawTable, kind: K, fields: ReadonlySet<string>): ColumnMapping<K> {
  const m = detectMapping(head, kind);
  if (m.missing.length) throw new NotColumnar(`${kind}: missing columns`);
  for (const f of Object.keys(m.columns)) if (!fields.has(f)) throw new NotColumnar(`${kind}: column ${f}`);
  const mapped = applyMapping(head, m, kind);
  if (mapped.ignored.length) throw new NotColumnar(`${kind}: duplicate columns`);
  return m;
}

/**
 * Whether a span is blank as isBlankCell reads a string (nothing but white space), `text` being
 * its bytes one character each: usually told by its first byte.
 */
function blankSpan(text: string, from: number, to: number, decode: (from: number, to: number) => string): boolean {
  if (from === to) return true;
  const c = text.charCodeAt(from);
  if (c > 0x20 && c < 0x7f) return false; // printable ASCII is not white space
  if (c >= 0xe4 && c <= 0xe9) return false; // the lead byte of a CJK ideograph (U+4E00–U+9FFF): no white space starts so
  return decode(from, to).trim() === '';
}

const col = <K extends RosterKind>(m: ColumnMapping<K>, f: FieldOf<K>): number => m.columns[f] ?? -1;

/** Rows of a plain file are its lines after the header, in order: data row i is on line FIRST_ROW + i. */
const FIRST_ROW = 2;
/** The most distinct values a Uint16 code column holds. */
const MAX_CODES = 0xffff;

/** A one-row table of the file's header and one of its rows, for the importer to read. */
function oneRow(head: RawTable, decode: (from: number, to: number) => string, start: Int32Array, end: Int32Array, row: number): RawTable {
  const cells: string[] = [];
  for (let f = 0; f < start.length; f++) cells.push(decode(start[f], end[f]));
  return { ...head, rows: [{ rowNumber: row, cells }], blankRows: [], rowNotes: [] };
}

/** `names`: keep each person's name (for detail rows and masking); a summary does not need them. */
export async function readColumnarPeople(file: string, label: string, opts: { names?: boolean } = {}): Promise<ColumnarPeople> {
  let head: RawTable | undefined;
  let mapping: ColumnMapping<'people'> | undefined;
  let cId = -1, cName = -1, cCat = -1, cDist = -1;
  const bound = lineBound(file);
  const kind = new Uint16Array(bound);
  const ids = new IdTable(bound);
  const digits = new Int32Array(3);
  const kinds: PersonKind[] = [];
  const names: string[] = [];
  const kindOf = new Map<number, number>();
  const cats = new SpanDictionary();
  const districts = new SpanDictionary();
  let n = 0;
  try {
    await readPlainCsv(file, {
      header(h) {
        head = h;
        mapping = plainMapping(h, 'people', PEOPLE_FIELDS);
        [cId, cName, cCat, cDist] = [col(mapping, 'id'), col(mapping, 'name'), col(mapping, 'categories'), col(mapping, 'district')];
      },
      row(text, start, end, row, decode) {
        // An ID typed as 17 digits and a digit or X is what parseIdNumber returns as is, without a word,
        // exactly when its check character and birth date are right (the checks parseIdNumber makes).
        const ok = IdTable.parse(text, start[cId], end[cId], digits) && id18CheckOk(text, start[cId]) && id18BirthOk(text, start[cId]);
        if (!ok) throw new NotColumnar(`people row ${row}: ID`);
        if (ids.find(digits[0], digits[1]) >= 0) throw new NotColumnar(`people row ${row}: duplicate ID`);
        if (blankSpan(text, start[cName], end[cName], decode)) throw new NotColumnar(`people row ${row}: blank name`);
        const key = cats.code(text, start[cCat], end[cCat]) * 0x100000 + districts.code(text, start[cDist], end[cDist]);
        let k = kindOf.get(key);
        if (k === undefined) {
          if (districts.size >= 0x100000) throw new NotColumnar('people: too many districts');
          const r = importPeople(oneRow(head!, decode, start, end, row), mapping);
          if (r.rows.length !== 1 || r.report.entries.length) throw new NotColumnar(`people row ${row}: the importer has something to say`);
          if (kinds.length >= MAX_CODES) throw new NotColumnar('people: too many combinations of status and district');
          k = kinds.push({ categories: r.rows[0].categories, district: ownCopy(r.rows[0].district) }) - 1;
          kindOf.set(key, k);
        }
        if (row !== FIRST_ROW + n) throw new NotColumnar(`people row ${row}: not the line of its record`);
        ids.add(digits[0], digits[1], digits[2]);
        kind[n] = k;
        if (opts.names) names.push(decode(start[cName], end[cName]).trim()); // requiredText's reading
        n++;
      },
    }, label);
  } catch (e) {
    if (e instanceof NotPlainCsv) throw new NotColumnar(`people: ${e.reason}`);
    throw e;
  }
  if (!head || n === 0) throw new NotColumnar('people: no data rows');
  return { head, count: n, firstRow: FIRST_ROW, ids, kind: kind.subarray(0, n), kinds, names };
}

/**
 * An amount typed as digits with at most two decimals, in fen; -1 for anything else (which the
 * columnar import does not take). Up to 13 integer digits, so the fen stay exact integers.
 */
export function plainFen(s: string, from = 0, to = s.length): number {
  let fen = 0;
  let i = from;
  let digits = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    fen = fen * 10 + c;
    digits++;
  }
  if (digits === 0 || digits > 13) return -1;
  fen *= 100;
  if (i === to) return fen;
  if (s.charCodeAt(i) !== 46) return -1;
  const d1 = s.charCodeAt(i + 1) - 48;
  if (i + 1 >= to || d1 < 0 || d1 > 9) return -1;
  if (i + 2 === to) return fen + d1 * 10;
  const d2 = s.charCodeAt(i + 2) - 48;
  if (d2 < 0 || d2 > 9 || i + 3 !== to) return -1;
  return fen + d1 * 10 + d2;
}

export interface VisitReadOptions {
  year: number;
  /**
   * The people read first (their ID index), or being read beside this file (peopleAside.ts): then
   * each visit's ID is kept as its digits and looked up once the people are there. A roster the
   * columnar import does not take is then given up on at the first thing found in the visits file,
   * which may not be the first row the one-after-the-other reading would have named: either way the
   * run goes the general way, which reports every row.
   */
  people: ColumnarPeople | Promise<ColumnarPeople>;
  /** The region's scheme check, as the importer gets it (readRoster.ts schemeChecker). */
  checkScheme?: (scheme: string | undefined) => string | void;
}

const idNotOnPeople = (row: number) => new NotColumnar(`visits row ${row}: ID not typed as on a people row`);

export async function readColumnarVisits(file: string, label: string, opts: VisitReadOptions): Promise<ColumnarVisits> {
  const ready = opts.people instanceof Promise ? undefined : opts.people;
  const ids = ready?.ids;
  const digits = new Int32Array(3);
  const yearText = String(opts.year);
  let head: RawTable | undefined;
  let mapping: ColumnMapping<'visits'> | undefined;
  let cId = -1, cDate = -1, cKind = -1, cScheme = -1, cCost = -1, cRef = -1;
  const bound = lineBound(file);
  const person = new Int32Array(bound);
  // People still being read: each ID's digits, the first nine in `person` (replaced by the person's index once found).
  const idLo = new Int32Array(ready ? 0 : bound);
  const idCheck = new Uint8Array(ready ? 0 : bound);
  const date = new Uint16Array(bound);
  const kind = new Uint16Array(bound);
  const costFen = new Uint32Array(bound);
  const dates: string[] = [];
  const dateTexts = new SpanDictionary();
  /** Date text code → index into dates (two texts of one date, e.g. 2024-1-5 and 2024-01-05, are one date). */
  const dateOfCode: number[] = [];
  const kinds: VisitKind[] = [];
  const kindOf = new Map<number, number>();
  const kindTexts = new SpanDictionary();
  const schemeTexts = new SpanDictionary();
  const refTexts = new SpanDictionary();
  const span = (dict: SpanDictionary, text: string, start: Int32Array, end: Int32Array, c: number) => (c < 0 ? 0 : dict.code(text, start[c], end[c]));
  let n = 0;
  try {
    await readPlainCsv(file, {
      header(h) {
        head = h;
        mapping = plainMapping(h, 'visits', VISIT_FIELDS);
        [cId, cDate, cKind, cScheme, cCost, cRef] = (['id', 'date', 'kind', 'scheme', 'cost', 'referred'] as const).map((f) => col(mapping!, f));
      },
      row(text, start, end, row, decode) {
        if (!IdTable.parse(text, start[cId], end[cId], digits)) throw idNotOnPeople(row);
        let p = digits[0];
        if (ids) {
          p = ids.find(digits[0], digits[1]);
          if (p < 0 || ids.checkOf(p) !== digits[2]) throw idNotOnPeople(row);
        } else {
          idLo[n] = digits[1];
          idCheck[n] = digits[2];
        }
        const dc = dateTexts.code(text, start[cDate], end[cDate]);
        let d = dateOfCode[dc];
        if (d === undefined) {
          let iso: string;
          try {
            iso = parseRosterDate(decode(start[cDate], end[cDate]), '');
          } catch (e) {
            if (!isMedaidError(e)) throw e;
            throw new NotColumnar(`visits row ${row}: date`);
          }
          if (iso.slice(0, 4) !== yearText) throw new NotColumnar(`visits row ${row}: date outside the year`);
          if (dateTexts.size >= MAX_CODES) throw new NotColumnar('visits: too many date texts');
          d = dates.indexOf(iso);
          if (d < 0) d = dates.push(iso) - 1;
          dateOfCode[dc] = d;
        }
        const fen = plainFen(text, start[cCost], end[cCost]);
        if (fen < 0 || fen > 0xffffffff) throw new NotColumnar(`visits row ${row}: amount`);
        const key = (span(kindTexts, text, start, end, cKind) * 1024 + span(schemeTexts, text, start, end, cScheme)) * 1024 + span(refTexts, text, start, end, cRef);
        let k = kindOf.get(key);
        if (k === undefined) {
          if (kinds.length >= MAX_CODES || kindTexts.size >= 1024 || schemeTexts.size >= 1024 || refTexts.size >= 1024) throw new NotColumnar('visits: too many distinct visit types');
          const r = importVisits(oneRow(head!, decode, start, end, row), mapping, { year: opts.year, checkScheme: opts.checkScheme });
          if (r.rows.length !== 1 || r.report.entries.length) throw new NotColumnar(`visits row ${row}: the importer has something to say`);
          const v = r.rows[0];
          const vk: VisitKind = { kind: v.kind, referred: v.referred };
          if (v.scheme !== undefined) vk.scheme = ownCopy(v.scheme);
          k = kinds.push(vk) - 1;
          kindOf.set(key, k);
        }
        if (row !== FIRST_ROW + n) throw new NotColumnar(`visits row ${row}: not the line of its record`);
        person[n] = p;
        date[n] = d;
        kind[n] = k;
        costFen[n] = fen;
        n++;
      },
    }, label);
  } catch (e) {
    if (e instanceof NotPlainCsv) throw new NotColumnar(`visits: ${e.reason}`);
    throw e;
  }
  if (!head || n === 0) throw new NotColumnar('visits: no data rows');
  if (!ready) {
    const table = (await opts.people).ids;
    for (let i = 0; i < n; i++) {
      const p = table.find(person[i], idLo[i]);
      if (p < 0 || table.checkOf(p) !== idCheck[i]) throw idNotOnPeople(FIRST_ROW + i);
      person[i] = p;
    }
  }
  // The bound counted every line break: the columns are a row or two longer than the data.
  return { head, count: n, firstRow: FIRST_ROW, person: person.subarray(0, n), date: date.subarray(0, n), dates, kind: kind.subarray(0, n), kinds, costFen: costFen.subarray(0, n) };
}
