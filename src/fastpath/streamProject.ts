/**
 * Streaming projection of a visits CSV too large to hold in memory (10 million rows and
 * more): the file is read line by line, each person's visits are projected through the
 * kernel as soon as the person's last row has been read, and only totals are kept — so
 * memory stays flat however long the file is.
 *
 * Input: ONE CSV, UTF-8, one row per visit with the person's columns repeated
 * (身份证号, 结算日期, 人员类别, 区县, 就诊类型, [门诊类型], 政策范围内自付, 规范转诊,
 * [目录内总费用], [医保支付]; any header the importer knows). It must be sorted by ID
 * (text order) and then by date, e.g.
 *   (head -n 1 visits.csv; tail -n +2 visits.csv | LC_ALL=C sort -t, -k1,1 -k2,2) > sorted.csv
 * A row out of that order stops the run with an error naming the line: a silently wrong
 * total is worse than none. Quoted fields are supported; a field may not contain a line break.
 *
 * A row that cannot be read (bad amount, date, flag…) is rejected and counted with its line
 * number (first 20 messages kept); a person the engine refuses is counted with the reason.
 * Nothing is dropped silently: rows = used + rejected, always.
 */
import { createReadStream } from 'fs';
import { StringDecoder } from 'string_decoder';
import { CATEGORIES, parseCategories } from '../engine/categories';
import { MedaidError, isMedaidError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import { D, Dec, parseAmount } from '../engine/money';
import { PersonYear, VisitInput } from '../engine/rules/personYear';
import { Ratio, splitAmount } from '../engine/rules/fund';
import { fieldForHeader } from '../roster/fields';
import { parseRosterDate } from '../roster/dates';
import { parseVisitKind, parseYesNo } from '../roster/flags';
import { CATEGORY_CODE, CompiledPolicy, compilePolicy } from './compiledPolicy';
import { FastPersonYear } from './fastPersonYear';
import { decToFen, fenToText } from './fixedPoint';

export interface StreamOptions {
  engine: Engine;
  region: string;
  year: number;
  ratio: Ratio;
  /** Called every `progressEvery` rows (e.g. to sample memory). */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
}

export interface StreamMessage {
  line: number;
  zh: string;
  en: string;
}

export interface StreamResult {
  rows: number;
  usedRows: number;
  rejectedRows: number;
  persons: number;
  kernelPersons: number;
  decimalPersons: number;
  errorPersons: number;
  /** Visit rows of persons the engine refused (part of usedRows: read, but not in the totals). */
  errorVisits: number;
  totalFen: { ordinary: number; topUp: number; tilt: number; assistance: number };
  byDistrictFen: Map<string, number>;
  byCategoryFen: Map<string, number>;
  split: { city: string; districts: { district: string; need: string; city: string; rest: string }[] };
  messages: StreamMessage[];
}

/** The file is not sorted as streaming needs: the run stops (a wrong total is worse than none). */
export class StreamOrderError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

const REQUIRED = ['id', 'date', 'categories', 'district', 'kind', 'cost', 'referred'] as const;
type Col = 'id' | 'date' | 'categories' | 'district' | 'kind' | 'scheme' | 'cost' | 'referred' | 'totalCost' | 'insurancePaid';
const MAX_MESSAGES = 20;

/** Splits one CSV line (RFC 4180 quotes; no line breaks inside fields). */
export function splitCsvLine(line: string, lineNo: number): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new MedaidError('ROSTER_MALFORMED_ROW', { row: lineNo, problem: '引号不成对', problemEn: 'unbalanced quotes' });
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(s);
      if (line[i] === ',') i++;
      else if (i < line.length) throw new MedaidError('ROSTER_MALFORMED_ROW', { row: lineNo, problem: '引号后有多余字符', problemEn: 'text after a closing quote' });
      else break;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, c));
      i = c + 1;
      if (i === line.length) out.push('');
    }
  }
  return out;
}

/** "1234.5" / "1234.56" / "12" → fen without a Decimal; anything else → undefined (the slow, exact parser decides). */
function quickFen(s: string): number | undefined {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
}

interface PendingVisit {
  line: number;
  scheme: number;
  kind: 'inpatient' | 'outpatient';
  schemeText?: string;
  costFen: number;
  cost: string;
  referred: boolean;
  totalFen: number;
  insuranceFen: number;
  totalCost?: string;
  insurancePaid?: string;
}

export async function streamProject(file: string, o: StreamOptions): Promise<StreamResult> {
  const rp = o.engine.resolve(o.region, o.year);
  const compiled = compilePolicy(rp);
  const kernel = new FastPersonYear(compiled);
  const res: StreamResult = {
    rows: 0, usedRows: 0, rejectedRows: 0, persons: 0, kernelPersons: 0, decimalPersons: 0, errorPersons: 0, errorVisits: 0,
    totalFen: { ordinary: 0, topUp: 0, tilt: 0, assistance: 0 },
    byDistrictFen: new Map(), byCategoryFen: new Map(), split: { city: '', districts: [] }, messages: [],
  };
  const note = (line: number, zh: string, en: string) => {
    if (res.messages.length < MAX_MESSAGES) res.messages.push({ line, zh, en });
  };
  const catCache = new Map<string, Uint8Array>();
  const kindCache = new Map<string, { kind: 'inpatient' | 'outpatient'; scheme?: string }>();
  const dateCache = new Map<string, string>();
  const yearText = String(o.year);

  let cols: Partial<Record<Col, number>> | undefined;
  let curId: string | undefined;
  let curDate = '';
  let curCodes: Uint8Array = new Uint8Array(0);
  let curDistrict = '';
  let firstLine = 0;
  const pending: PendingVisit[] = [];

  const flush = () => {
    if (curId === undefined || pending.length === 0) return;
    res.persons++;
    let ok = kernel.begin(curCodes, 0, curCodes.length);
    let ord = 0, top = 0, tilt = 0;
    const cat = new Map<number, number>();
    for (let i = 0; ok && i < pending.length; i++) {
      const v = pending[i];
      ok = kernel.visit(v.scheme, v.costFen, v.referred, v.totalFen, v.insuranceFen);
    }
    if (ok) {
      // The whole year under the status that won it (PersonYear.booked).
      ord = kernel.yearOrdinary;
      top = kernel.yearTopUp;
      tilt = kernel.yearTilt;
      cat.set(CATEGORY_CODE.get(compiled.categories[kernel.leader])!, ord + tilt);
    }
    if (ok) res.kernelPersons++;
    else {
      res.decimalPersons++;
      const exact = decimalPerson(compiled, curCodes, pending);
      if ('error' in exact) {
        res.errorPersons++;
        res.errorVisits += pending.length;
        const e = exact.error;
        note(exact.line, `第 ${exact.line} 行（身份证号 ${curId} 自第 ${firstLine} 行起）本年救助未计算：${e.zh}`, `line ${exact.line} (ID ${curId} from line ${firstLine}): the year was not computed: ${e.en}`);
        pending.length = 0;
        return;
      }
      ({ ord, top, tilt } = exact);
      cat.clear();
      for (const [c, a] of exact.cat) cat.set(c, a);
    }
    res.totalFen.ordinary += ord;
    res.totalFen.topUp += top;
    res.totalFen.tilt += tilt;
    res.byDistrictFen.set(curDistrict, (res.byDistrictFen.get(curDistrict) ?? 0) + ord + tilt);
    for (const [c, a] of cat) {
      const name = CATEGORIES[c].id;
      res.byCategoryFen.set(name, (res.byCategoryFen.get(name) ?? 0) + a);
    }
    pending.length = 0;
  };

  const flagCache = new Map<string, boolean>();
  const schemeCache = new Map<string, number>();
  const schemeOf = (kind: 'inpatient' | 'outpatient', text: string | undefined): number => {
    const key = kind === 'inpatient' ? '' : `o${text ?? ''}`;
    let hit = schemeCache.get(key);
    if (hit === undefined) {
      hit = compiled.schemeIndex(kind, text);
      if (schemeCache.size < 1000) schemeCache.set(key, hit);
    }
    return hit;
  };
  let lineNo = 0;
  const processLine = (raw: string): void => {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!cols) {
      cols = {};
      splitCsvLine(line, lineNo).forEach((h, i) => {
        const f = (fieldForHeader('visits', h) ?? fieldForHeader('people', h)) as Col | undefined;
        if (f && cols![f] === undefined) cols![f] = i;
      });
      const missing = REQUIRED.filter((f) => cols![f] === undefined);
      if (missing.length) {
        throw new MedaidError('ROSTER_MISSING_COLUMN', { table: '就诊（逐行含人员列）', tableEn: 'visits (with person columns)', columns: missing.join('、'), columnsEn: missing.join(', '), found: line });
      }
      return;
    }
    if (line.trim() === '') return;
    res.rows++;
    if (o.onProgress && res.rows % (o.progressEvery ?? 1_000_000) === 0) o.onProgress(res.rows);
    let cells: string[];
    let id: string;
    let v: PendingVisit;
    let date: string;
    try {
      cells = splitCsvLine(line, lineNo);
      const get = (c: Col) => (cols![c] === undefined ? '' : (cells[cols![c]!] ?? '').trim());
      id = get('id').toUpperCase();
      if (id === '') throw new MedaidError('ROSTER_BLANK_CELL', { column: '身份证号 ID', what: '身份证号', whatEn: 'the ID number' });
      const dateText = get('date');
      date = dateCache.get(dateText) ?? parseRosterDate(dateText, '结算日期 date');
      if (dateCache.size < 10000) dateCache.set(dateText, date);
      if (date.slice(0, 4) !== yearText) throw new MedaidError('ROSTER_DATE_OUT_OF_YEAR', { column: '结算日期 date', value: date, year: o.year });
      const kindText = get('kind');
      let k = kindCache.get(kindText);
      if (!k) {
        k = parseVisitKind(kindText, '就诊类型 visit type');
        if (kindCache.size < 1000) kindCache.set(kindText, k);
      }
      const schemeText = k.kind === 'outpatient' ? get('scheme') || k.scheme : undefined;
      const costText = get('cost');
      let costFen = quickFen(costText);
      if (costFen === undefined) costFen = decToFen(parseAmount(costText, '政策范围内自付 cost')) ?? -1;
      // Blank = no, as the importer reads it (ROSTER_FLAG_BLANK is a warning there).
      const referredText = get('referred');
      let referred = flagCache.get(referredText);
      if (referred === undefined) {
        referred = parseYesNo(referredText, '规范转诊 referred') ?? false;
        if (flagCache.size < 1000) flagCache.set(referredText, referred);
      }
      const totalText = get('totalCost');
      const insText = get('insurancePaid');
      const optFen = (t: string, field: string) => (t === '' ? NaN : quickFen(t) ?? decToFen(parseAmount(t, field)) ?? -1);
      v = {
        line: lineNo, kind: k.kind, schemeText, scheme: schemeOf(k.kind, schemeText),
        costFen, cost: costText, referred,
        totalFen: optFen(totalText, '目录内总费用 totalCost'), insuranceFen: optFen(insText, '医保支付 insurancePaid'),
        totalCost: totalText || undefined, insurancePaid: insText || undefined,
      };
      if (id !== curId) {
        const catText = get('categories');
        let codes = catCache.get(catText);
        if (!codes) {
          codes = Uint8Array.from(parseCategories(catText).map((c) => CATEGORY_CODE.get(c)!));
          if (catCache.size < 1000) catCache.set(catText, codes);
        }
        if (curId !== undefined && id < curId) {
          throw new StreamOrderError(
            `第 ${lineNo} 行：未按身份证号排序（${id} 在 ${curId} 之后）。请先排序：(head -n 1 f.csv; tail -n +2 f.csv | LC_ALL=C sort -t, -k1,1 -k2,2)`,
            `line ${lineNo}: not sorted by ID (${id} after ${curId}). Sort first: (head -n 1 f.csv; tail -n +2 f.csv | LC_ALL=C sort -t, -k1,1 -k2,2)`,
          );
        }
        flush();
        curId = id;
        curCodes = codes;
        curDistrict = get('district');
        curDate = '';
        firstLine = lineNo;
      }
      if (date < curDate) {
        throw new StreamOrderError(
          `第 ${lineNo} 行：身份证号 ${id} 的就诊未按日期排序（${date} 在 ${curDate} 之后）`,
          `line ${lineNo}: the visits of ID ${id} are not in date order (${date} after ${curDate})`,
        );
      }
    } catch (e) {
      if (!isMedaidError(e)) throw e;
      res.rejectedRows++;
      note(lineNo, `第 ${lineNo} 行未使用：${e.zh}`, `line ${lineNo} not used: ${e.en}`);
      return;
    }
    curDate = date;
    res.usedRows++;
    pending.push(v);
  };

  // Big chunks split on '\n' by hand: much faster than readline's async iterator per line.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) {
    const text = rest + decoder.write(chunk as Buffer);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      processLine(text.charCodeAt(nl - 1) === 13 ? text.slice(from, nl - 1) : text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  rest += decoder.end();
  if (rest !== '') processLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  flush();
  res.totalFen.assistance = res.totalFen.ordinary + res.totalFen.tilt;
  let city = new D(0);
  for (const [district, need] of res.byDistrictFen) {
    const s = splitAmount(new D(need).dividedBy(100), o.ratio);
    city = city.plus(s.city);
    res.split.districts.push({ district, need: fenToText(need), city: s.city.toFixed(2), rest: s.district.toFixed(2) });
  }
  res.split.city = city.toFixed(2);
  return res;
}

/** A person the kernel could not take exactly, through the decimal engine from the row texts. */
function decimalPerson(c: CompiledPolicy, codes: Uint8Array, visits: PendingVisit[]):
  { ord: number; top: number; tilt: number; cat: Map<number, number> } | { error: MedaidError; line: number } {
  let line = visits[0].line;
  try {
    const py = new PersonYear(c.rp, [...new Set(Array.from(codes, (x) => CATEGORIES[x].id))]);
    let ord = new D(0), top = new D(0), tilt = new D(0);
    const cat = new Map<number, number>();
    for (const v of visits) {
      line = v.line;
      const input: VisitInput = {
        kind: v.kind,
        scheme: v.schemeText,
        cost: parseAmount(v.cost, '政策范围内自付 cost'),
        referred: v.referred,
        totalCost: v.totalCost === undefined ? undefined : parseAmount(v.totalCost, '目录内总费用 totalCost'),
        insurancePaid: v.insurancePaid === undefined ? undefined : parseAmount(v.insurancePaid, '医保支付 insurancePaid'),
      };
      py.visit(input);
    }
    for (const r of py.booked()) { // under the status that won the year, as the kernel books it
      ord = ord.plus(r.ordinary);
      top = top.plus(r.topUp);
      tilt = tilt.plus(r.tilt);
      const code = CATEGORY_CODE.get(r.category)!;
      cat.set(code, (cat.get(code) ?? 0) + fenOf(r.assistance));
    }
    return { ord: fenOf(ord), top: fenOf(top), tilt: fenOf(tilt), cat };
  } catch (e) {
    if (!isMedaidError(e)) throw e;
    return { error: e, line };
  }
}

/** An engine amount (rounded to the fen; possibly negative after a re-base) as fen. */
function fenOf(x: Dec): number {
  return x.times(100).toNumber();
}
