/**
 * A range for the plan, not only a point: the persons of the roster are resampled with
 * replacement (a nonparametric bootstrap over persons), each resampled roster is followed
 * through every plan year with the same per-person amounts and head-count factors as the
 * point plan (multiYear.ts), and P10 / P50 / P90 of the fund need and of each district's
 * need and share are reported per year.
 *
 * - One draw = N persons picked uniformly with replacement from the N of the roster
 *   (SeededRandom, default seed 20240101): the same draw is used for every year, so a draw
 *   is one possible roster followed over the plan.
 * - Percentiles are nearest-rank on the sorted draws (P_q = the ⌈q·B⌉-th smallest), so every
 *   money figure is one draw's exact total, in fen.
 * - Each person's year was computed once, exactly, by the engine (a person's assistance does
 *   not depend on anyone else), so a draw is a sum: 1,000 draws of 100k visits are seconds.
 *
 * What the range covers, and what it does not, is in RANGE_COVERS and said in every output.
 */
import { ZERO, D, type Dec } from '../engine/money';
import { MedaidError } from '../engine/errors';
import { cellSums, scaleCells, type MultiYearPlan } from './multiYear';
import { SeededRandom } from './seededRandom';

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 20240101;
export const MAX_DRAWS = 100000;

export interface Percentiles {
  p10: Dec;
  p50: Dec;
  p90: Dec;
}

export interface SharePercentiles {
  /** Percent of the year's fund need, 2 decimals. */
  p10: Dec;
  p50: Dec;
  p90: Dec;
}

export interface RangeYear {
  year: number;
  /** The point plan's figure, for reference. */
  point: Dec;
  fundNeed: Percentiles;
  byDistrict: Record<string, { need: Percentiles; sharePct: SharePercentiles }>;
}

export interface PlanRange {
  draws: number;
  seed: number;
  method: { zh: string; en: string };
  covers: { zh: string; en: string };
  years: RangeYear[];
}

export const RANGE_COVERS = {
  zh: '区间反映的是名单中人员构成的抽样波动（按人有放回重抽样：谁生病、花多少），以现有人员与费用分布为准；不包括：增长率假设本身的不确定性、政策调整、名单外新增人员或罕见的超大额病例、未计算的人员（已单独列出）。',
  en: 'The range reflects sampling variation in who is on the roster (persons resampled with replacement: who falls ill and how much it costs), taking the present persons and cost distribution as given. It does not cover: uncertainty in the growth assumptions themselves, policy changes, new entrants unlike anyone on the roster or rare very large cases, or persons not computed (listed separately).',
};

const METHOD = {
  zh: '按人自助法（bootstrap），每次抽取与名单人数相同的人员（有放回），各年使用同一次抽样；P10/P50/P90 为最近秩百分位数。',
  en: 'Person-level bootstrap: each draw picks as many persons as the roster holds, with replacement, and follows the same draw through every year; P10/P50/P90 are nearest-rank percentiles.',
};

function badInput(field: string, value: unknown, problem: string, problemEn: string): MedaidError {
  return new MedaidError('INVALID_BUDGET_INPUT', { field, value: value === undefined ? undefined : String(value), problem, problemEn });
}

function wholeNumber(input: unknown, field: string, min: number, max: number, dflt: number, zh: string, en: string): number {
  if (input === undefined || input === null || input === '') return dflt;
  const n = typeof input === 'number' ? input : Number(String(input).trim());
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(field, input, zh, en);
  return n;
}

export const parseDraws = (x: unknown): number =>
  wholeNumber(x, 'draws 抽样次数 (--draws)', 1, MAX_DRAWS, DEFAULT_DRAWS, `应为 1 到 ${MAX_DRAWS} 之间的整数（默认 ${DEFAULT_DRAWS}）`, `must be a whole number from 1 to ${MAX_DRAWS} (default ${DEFAULT_DRAWS})`);
export const parseSeed = (x: unknown): number =>
  wholeNumber(x, 'seed 随机种子 (--seed)', 0, 0xffffffff, DEFAULT_SEED, '应为 0 到 4294967295 之间的整数', 'must be a whole number from 0 to 4294967295');

/** Nearest-rank percentile of sorted values: the ⌈q·n⌉-th smallest. */
export function nearestRank<T>(sorted: readonly T[], q: number): T {
  const i = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[i - 1];
}

const fenDec = (f: bigint): Dec => (f === 0n ? ZERO : new D(f.toString()).dividedBy(100));

/** One draw's totals: per year, per district (fen), from a list of person indices. */
export function drawTotals(plan: MultiYearPlan, draw?: Int32Array): { total: bigint; byDistrict: bigint[] }[] {
  const s = plan.samples;
  const nd = s.districts.length;
  const cells = s.categories.length * nd;
  return s.needFen.map((need, y) => {
    const scaled = scaleCells(cellSums(s.cellOf, cells, need, draw), nd, s.yearPeople[y], s.basePeople);
    const byDistrict = new Array<bigint>(nd).fill(0n);
    let total = 0n;
    scaled.forEach((x, cell) => {
      byDistrict[cell % nd] += x;
      total += x;
    });
    return { total, byDistrict };
  });
}

export function bootstrapRange(plan: MultiYearPlan, opts: { draws?: unknown; seed?: unknown } = {}): PlanRange {
  const draws = parseDraws(opts.draws);
  const seed = parseSeed(opts.seed);
  const s = plan.samples;
  const n = s.cellOf.length;
  const nd = s.districts.length;
  const rng = new SeededRandom(seed);
  const totals: bigint[][] = plan.years.map(() => []);
  const dist: bigint[][][] = plan.years.map(() => s.districts.map(() => []));
  const shares: number[][][] = plan.years.map(() => s.districts.map(() => []));
  const idx = new Int32Array(n);
  for (let b = 0; b < draws; b++) {
    for (let j = 0; j < n; j++) idx[j] = rng.below(n);
    drawTotals(plan, idx).forEach((t, y) => {
      totals[y].push(t.total);
      for (let d = 0; d < nd; d++) {
        dist[y][d].push(t.byDistrict[d]);
        // Share in basis points of a percent (1/10000 %), exact integer division: not money.
        shares[y][d].push(t.total === 0n ? 0 : Number((t.byDistrict[d] * 1000000n) / t.total));
      }
    });
  }
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  const pct = (xs: bigint[]): Percentiles => {
    const sorted = [...xs].sort(cmp);
    return { p10: fenDec(nearestRank(sorted, 0.1)), p50: fenDec(nearestRank(sorted, 0.5)), p90: fenDec(nearestRank(sorted, 0.9)) };
  };
  const sharePct = (xs: number[]): SharePercentiles => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (q: number) => new D(nearestRank(sorted, q)).dividedBy(10000).toDecimalPlaces(2, D.ROUND_HALF_UP);
    return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
  };
  return {
    draws,
    seed,
    method: METHOD,
    covers: RANGE_COVERS,
    years: plan.years.map((py, y) => {
      const byDistrict: RangeYear['byDistrict'] = {};
      s.districts.forEach((d, i) => Object.defineProperty(byDistrict, d, { value: { need: pct(dist[y][i]), sharePct: sharePct(shares[y][i]) }, enumerable: true, writable: true, configurable: true }));
      return { year: py.year, point: py.total.fundNeed, fundNeed: pct(totals[y]), byDistrict };
    }),
  };
}
