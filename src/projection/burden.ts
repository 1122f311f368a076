/**
 * Who still bears the cost after assistance. Per person, the residual out-of-pocket =
 * the year's policy-range out-of-pocket cost of their computed visits (what basic and
 * critical-illness insurance left, ruling 2) − the assistance paid. Costs outside the policy
 * range are not on the roster, so they are not in the residual (said in every output).
 *
 * Burden line: the analyst's figure, else the region's monitoring line (Xiping 2022: 50 % of
 * last year's income, published as 11000 — 五、(一) 强化高额医疗费用支出预警监测); a region with
 * neither is an error asking for the figure, never a silent zero. A person is above the line
 * when the residual exceeds it (the monitoring rule's "超过").
 *
 * For each scenario: people who gain (assistance up) and lose, how much in total and at the
 * median, and how the count above the line changes. People whose year is not computed in either
 * run are left out and counted.
 */
import type { CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import { MedaidError } from '../engine/errors';
import { D, ZERO, parseAmount, round2, type Dec } from '../engine/money';
import { byCodePoint } from './totals';
import type { AmountInput, Projection } from './types';

export interface BurdenLine {
  value: Dec;
  origin: 'analyst' | 'monitoring';
  citation?: string;
}

export interface BurdenGroup {
  people: number;
  /** People whose residual exceeds the line. */
  above: number;
  /** above / people, percent, 2 decimals. */
  sharePct: Dec;
  residual: Dec;
}

export interface BurdenTable {
  line: BurdenLine;
  overall: BurdenGroup;
  byCategory: Partial<Record<CategoryId, BurdenGroup>>;
  byDistrict: Record<string, BurdenGroup>;
  /** People left out: their year was not computed. */
  notComputed: number;
  /** Residual per person id (computed people only). */
  residualOf: Map<string, Dec>;
}

export interface Gainers {
  scenario: string;
  gainers: number;
  gainTotal: Dec;
  gainMedian: Dec;
  losers: number;
  lossTotal: Dec;
  lossMedian: Dec;
  unchanged: number;
  aboveBaseline: number;
  aboveScenario: number;
  /** People computed in one run but not the other (not compared). */
  notCompared: number;
}

export const BURDEN_SCOPE = {
  zh: '个人负担 = 政策范围内自付（基本医保、大病保险之后）− 医疗救助；名单不含政策范围外费用，故未计入。',
  en: 'Residual = policy-range out-of-pocket (after basic and critical-illness insurance) − assistance; costs outside the policy range are not on the roster and are not included.',
};

/** The burden line: the analyst's, else the region's monitoring line for the year. */
export function burdenLine(engine: Engine, region: string, year: number, analyst?: AmountInput): BurdenLine {
  if (analyst !== undefined && analyst !== '') return { value: round2(parseAmount(analyst, '--burden-line 负担线')), origin: 'analyst' };
  const rp = engine.resolve(region, year);
  const rule = rp.policy.monitoring;
  if (rule && rp.has(rule.threshold)) return { value: rp.number('monitoring.threshold', rule.threshold), origin: 'monitoring', citation: rp.citation(rule.threshold.ref) };
  throw new MedaidError('INVALID_BUDGET_INPUT', {
    field: '--burden-line 负担线',
    problem: `${rp.regionName} ${year} 年的政策未给出监测线（上年收入的 50% 等）：请用 --burden-line 给出负担线金额`,
    problemEn: `${rp.regionName}'s policy gives no monitoring line for ${year} (such as 50% of last year's income): give the burden line with --burden-line`,
  });
}

const pct = (a: number, n: number): Dec => (n === 0 ? ZERO : new D(a).times(100).dividedBy(n).toDecimalPlaces(2, D.ROUND_HALF_UP));

export function burdenTable(p: Projection, line: BurdenLine): BurdenTable {
  const cost = new Map<number, Dec>();
  for (const v of p.visits) cost.set(v.personRow, (cost.get(v.personRow) ?? ZERO).plus(v.visit.cost));
  const empty = () => ({ people: 0, above: 0, residual: ZERO });
  const overall = empty();
  const byCat = new Map<CategoryId, ReturnType<typeof empty>>();
  const byDist = new Map<string, ReturnType<typeof empty>>();
  const residualOf = new Map<string, Dec>();
  let notComputed = 0;
  for (const o of p.people) {
    if (!o.assistanceComputed) {
      notComputed++;
      continue;
    }
    const residual = (cost.get(o.person.rowNumber) ?? ZERO).minus(o.assistance);
    residualOf.set(o.person.id, residual);
    const above = residual.greaterThan(line.value) ? 1 : 0;
    for (const g of [overall, byCat.get(o.category) ?? byCat.set(o.category, empty()).get(o.category)!, byDist.get(o.person.district) ?? byDist.set(o.person.district, empty()).get(o.person.district)!]) {
      g.people++;
      g.above += above;
      g.residual = g.residual.plus(residual);
    }
  }
  const done = (g: ReturnType<typeof empty>): BurdenGroup => ({ ...g, sharePct: pct(g.above, g.people) });
  const byDistrict: Record<string, BurdenGroup> = {};
  for (const d of [...byDist.keys()].sort(byCodePoint)) Object.defineProperty(byDistrict, d, { value: done(byDist.get(d)!), enumerable: true, writable: true, configurable: true });
  return { line, overall: done(overall), byCategory: Object.fromEntries([...byCat].map(([c, g]) => [c, done(g)])), byDistrict, notComputed, residualOf };
}

/** The middle value; for an even count the mean of the two middle ones, rounded half-up to the fen. */
export function median(xs: Dec[]): Dec {
  if (xs.length === 0) return ZERO;
  const s = [...xs].sort((a, b) => a.comparedTo(b));
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : round2(s[m - 1].plus(s[m]).dividedBy(2));
}

export function gainers(base: Projection, scenario: Projection, line: BurdenLine): Gainers {
  const b = burdenTable(base, line);
  const s = burdenTable(scenario, line);
  const gains: Dec[] = [];
  const losses: Dec[] = [];
  let unchanged = 0;
  let notCompared = 0;
  for (const [id, rb] of b.residualOf) {
    const rs = s.residualOf.get(id);
    if (rs === undefined) {
      notCompared++;
      continue;
    }
    const gain = rb.minus(rs); // residual down = assistance up
    if (gain.greaterThan(0)) gains.push(gain);
    else if (gain.lessThan(0)) losses.push(gain.negated());
    else unchanged++;
  }
  for (const id of s.residualOf.keys()) if (!b.residualOf.has(id)) notCompared++;
  const total = (xs: Dec[]) => xs.reduce((t, x) => t.plus(x), ZERO);
  return {
    scenario: scenario.scenario,
    gainers: gains.length,
    gainTotal: total(gains),
    gainMedian: median(gains),
    losers: losses.length,
    lossTotal: total(losses),
    lossMedian: median(losses),
    unchanged,
    aboveBaseline: b.overall.above,
    aboveScenario: s.overall.above,
    notCompared,
  };
}
