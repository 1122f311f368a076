/**
 * Generated 信阳 2024 rosters for the benchmark, built straight into columns (no object per
 * row) from a fixed seed: a realistic mix of the seven Xinyang statuses (some people with
 * two), the city's ten districts, 1–8 visits per person in date order, inpatient and
 * outpatient (9类病种 / 罕见病) visits, some referred in-province, and costs in whole fen
 * from a skewed lognormal distribution (most visits small, a long tail of large ones, so
 * caps and tilted assistance are reached by a realistic minority).
 */
import type { CategoryId } from '../src/engine/categories';
import type { ColumnarRoster } from '../src/fastpath/columnarRoster';
import { CATEGORY_CODE, CompiledPolicy } from '../src/fastpath/compiledPolicy';
import { idCheckChar } from '../src/roster/idNumber';
import { Prng, cumulative } from './prng';

export const XINYANG_DISTRICTS = ['浉河区', '平桥区', '罗山县', '光山县', '新县', '商城县', '固始县', '潢川县', '淮滨县', '息县'];
const DISTRICT_W = cumulative([7, 8, 9, 10, 4, 9, 17, 10, 8, 10]);

const STATUSES: CategoryId[] = ['dibao', 'tekun', 'orphan', 'returned_poverty', 'dibao_edge', 'monitored', 'illness_poverty'];
const STATUS_W = cumulative([45, 8, 1, 6, 12, 18, 10]);
/** Share of people holding a second status (e.g. 低保 + 因病致贫). */
const MULTI_STATUS = 0.1;
/** Visits per person, 1..8, skewed to few. */
const VISITS_W = cumulative([35, 22, 14, 10, 7, 5, 4, 3]);

/** Visit kinds: 0 inpatient, 1 outpatient 9类病种, 2 outpatient 罕见病. */
export const KIND_NAMES = ['住院', '门诊', '门诊'] as const;
export const SCHEME_NAMES = ['', '9类病种', '罕见病'] as const;
const KIND_W = cumulative([55, 41, 4]);
/** Lognormal cost per kind: median (yuan) and sigma. */
const COST_MEDIAN = [2500, 300, 3000];
const COST_SIGMA = [1.1, 0.9, 1.0];
const COST_MAX_FEN = 50_000_000; // 50万元 per visit
const REFERRED = [0.35, 0.05, 0.2];

export interface GeneratedRoster extends ColumnarRoster {
  /** yyyymmdd */
  visitDate: Int32Array;
  /** 0 inpatient, 1 nine diseases, 2 rare disease */
  visitKind: Uint8Array;
}

/** The 18-digit ID text of generated person p (valid check digit; IDs stay text). */
export function personIdText(p: number): string {
  // p written in mixed radix (sequence 1000, day 28, month 12, year 60): unique for 20,160,000 people.
  const seq = p % 1000;
  const q = Math.floor(p / 1000);
  const day = 1 + (q % 28);
  const month = 1 + (Math.floor(q / 28) % 12);
  const year = 1940 + (Math.floor(q / 336) % 60);
  const first17 = `411500${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function generateRoster(compiled: CompiledPolicy, visits: number, seed = 20240101): GeneratedRoster {
  const rng = new Prng(seed);
  const schemeOfKind = [compiled.schemeIndex('inpatient'), compiled.schemeIndex('outpatient', '9类病种'), compiled.schemeIndex('outpatient', '罕见病')];
  const maxPersons = visits; // at least one visit each
  const visitStart = new Int32Array(maxPersons + 1);
  const statusStart = new Int32Array(maxPersons + 1);
  const statusCodes = new Uint8Array(maxPersons * 2);
  const personDistrict = new Int32Array(maxPersons);
  const visitScheme = new Int8Array(visits);
  const visitKind = new Uint8Array(visits);
  const visitCostFen = new Float64Array(visits);
  const visitReferred = new Uint8Array(visits);
  const visitDate = new Int32Array(visits);
  const days = new Int32Array(8);
  let v = 0;
  let p = 0;
  let s = 0;
  while (v < visits) {
    visitStart[p] = v;
    statusStart[p] = s;
    const first = STATUSES[rng.pick(STATUS_W)];
    statusCodes[s++] = CATEGORY_CODE.get(first)!;
    if (rng.next() < MULTI_STATUS) {
      let second = first;
      while (second === first) second = STATUSES[rng.pick(STATUS_W)];
      statusCodes[s++] = CATEGORY_CODE.get(second)!;
    }
    personDistrict[p] = rng.pick(DISTRICT_W);
    const k = Math.min(1 + rng.pick(VISITS_W), visits - v);
    for (let i = 0; i < k; i++) days[i] = rng.int(0, 365);
    days.subarray(0, k).sort();
    for (let i = 0; i < k; i++, v++) {
      const kind = rng.pick(KIND_W);
      visitKind[v] = kind;
      visitScheme[v] = schemeOfKind[kind];
      const yuan = COST_MEDIAN[kind] * Math.exp(COST_SIGMA[kind] * rng.normal());
      visitCostFen[v] = Math.min(COST_MAX_FEN, Math.max(1, Math.round(yuan * 100)));
      visitReferred[v] = rng.next() < REFERRED[kind] ? 1 : 0;
      visitDate[v] = dayToYmd(days[i]);
    }
    p++;
  }
  visitStart[p] = v;
  statusStart[p] = s;
  return {
    persons: p,
    visits,
    visitStart: visitStart.slice(0, p + 1),
    statusStart: statusStart.slice(0, p + 1),
    statusCodes: statusCodes.slice(0, s),
    personDistrict: personDistrict.slice(0, p),
    districtNames: XINYANG_DISTRICTS,
    visitScheme,
    visitCostFen,
    visitReferred,
    visitDate,
    visitKind,
  };
}

const MONTH_START_2024 = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

/** Day of 2024 (0 = 1 January, a leap year) as yyyymmdd. */
export function dayToYmd(day: number): number {
  let m = 0;
  while (day >= MONTH_START_2024[m + 1]) m++;
  return 20240000 + (m + 1) * 100 + (day - MONTH_START_2024[m] + 1);
}

export function ymdText(ymd: number): string {
  return `${Math.floor(ymd / 10000)}-${String(Math.floor(ymd / 100) % 100).padStart(2, '0')}-${String(ymd % 100).padStart(2, '0')}`;
}
