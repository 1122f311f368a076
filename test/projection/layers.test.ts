/**
 * Settlement rows through the projection (src/projection/layers.ts): per-visit layers and
 * totals hand-worked from 威医保发〔2019〕25号, a scenario across layers (85% bracket from 20万),
 * recompute-all mode, the missing-column error, and two properties: layers + residual = total
 * to the fen, and "as given" with no scenario reproduces the out-of-pocket form exactly.
 */
import fc from 'fast-check';
import { D, type Dec } from '../../src/engine';
import { compare } from '../../src/projection/compare';
import { project } from '../../src/projection/project';
import { runProjection } from '../../src/projection/run';
import type { Scenario } from '../../src/projection/types';
import type { Settlement, Visit } from '../../src/roster/types';
import { person, s2 } from './helpers';

const A = '11010519491231002X';
const B = '410102199001011234';
const C = '440305200012250012';

function sv(rowNumber: number, personId: string, date: string, kind: 'inpatient' | 'outpatient', s: { total: number; out: number; basic: number; ci?: number; red?: number; level?: string }, scheme?: string): Visit {
  const settlement: Settlement = { total: new D(s.total), outOfCatalogue: new D(s.out), basicPaid: new D(s.basic) };
  if (s.ci !== undefined) settlement.ciPaid = new D(s.ci);
  if (s.red !== undefined) settlement.reduction = new D(s.red);
  if (s.level !== undefined) settlement.level = s.level;
  const v: Visit = { rowNumber, personId, date, kind, cost: new D(s.total - s.out - s.basic - (s.ci ?? 0)), referred: false, settlement };
  if (scheme) v.scheme = scheme;
  return v;
}

const weihai = {
  people: [person(A, '建档立卡贫困人口', '环翠区'), person(B, '低保对象', '文登区'), person(C, '建档立卡贫困人口', '环翠区')],
  visits: [
    sv(2, A, '2019-08-01', 'inpatient', { total: 130000, out: 5000, basic: 5000 }),
    sv(3, A, '2019-09-01', 'inpatient', { total: 30000, out: 1000, basic: 9000 }),
    sv(4, B, '2019-10-01', 'inpatient', { total: 260000, out: 0, basic: 10000, ci: 170000 }),
    sv(5, C, '2019-11-01', 'inpatient', { total: 250000, out: 0, basic: 0 }),
  ],
  region: '威海',
  year: 2019,
};

const BRACKETS_20W: Scenario = {
  name: '85%段降至20万',
  overrides: { 威海: { 'ciInsurance.tiers.hardship.brackets': [{ threshold: 0, rate: 0.65 }, { threshold: 100000, rate: 0.75 }, { threshold: 200000, rate: 0.85 }] } },
};

describe('威海 settlement roster', () => {
  const base = project(weihai);

  test('per visit, hand-worked (三、(一) brackets, 三、(二) reduction, 三、(三) 1. assistance)', () => {
    const byRow = new Map(base.visits.map((v) => [v.visit.rowNumber, v.layers!]));
    // Row 2: CI (100000 − 5000) × 65% + 20000 × 75% = 76750; OOP 43250; reduction min(500, 200) = 200;
    //   assistance (43250 − 20000) × 70% = 16275; residual 31775.
    expect([s2(byRow.get(2)!.ci), s2(byRow.get(2)!.reduction), s2(byRow.get(2)!.assistance), s2(byRow.get(2)!.residual)]).toEqual(['76750.00', '200.00', '16275.00', '31775.00']);
    // Row 3 (same person, annual CI): after-basic 20000, cumulative 120000 → 140000: 91750 − 76750 = 15000;
    //   OOP 5000 → 3500; reduction 1000 × 10% = 100; residual 30000 − 9000 − 15000 − 100 − 3500 = 2400.
    expect([s2(byRow.get(3)!.ci), s2(byRow.get(3)!.reduction), s2(byRow.get(3)!.assistance), s2(byRow.get(3)!.residual)]).toEqual(['15000.00', '100.00', '3500.00', '2400.00']);
    // Row 4 (低保, settlement gives CI 170000, taken as given): OOP 80000;
    //   20000 × 70% + 60000 × 80% = 62000 → annual cap 50000; residual 30000. No reduction for 低保 (三、(二) is for 建档立卡).
    expect([s2(byRow.get(4)!.ci), s2(byRow.get(4)!.reduction), s2(byRow.get(4)!.assistance), s2(byRow.get(4)!.residual)]).toEqual(['170000.00', '0.00', '50000.00', '30000.00']);
    expect(byRow.get(4)!.source.ci).toBe('given');
    // Row 5: CI on 250000: 61750 + 150000 × 75% = 174250; OOP 75750; (75750 − 20000) × 70% = 39025; residual 36725.
    expect([s2(byRow.get(5)!.ci), s2(byRow.get(5)!.assistance), s2(byRow.get(5)!.residual)]).toEqual(['174250.00', '39025.00', '36725.00']);
  });

  test('totals reconcile to the fen and the assistance total is the projection\'s', () => {
    const o = base.layers!.overall;
    expect([s2(o.total), s2(o.basic), s2(o.ci), s2(o.reduction), s2(o.hospitalExcess), s2(o.assistance), s2(o.residual)])
      .toEqual(['670000.00', '24000.00', '436000.00', '300.00', '0.00', '108800.00', '100900.00']);
    expect(s2(base.totals.overall.assistance.total)).toBe('108800.00');
    expect(s2(base.layers!.byDistrict['环翠区'].total)).toBe('410000.00');
  });

  test('scenario across layers: 85% bracket from 20万 — insurance +10000, assistance −3500, residual −6500', () => {
    const scen = project(weihai, BRACKETS_20W);
    // Row 4 (given 170000): scenario rule − baseline rule on 250000 = 179250 − 174250 = +5000 → 175000;
    //   OOP 75000 → assistance still capped at 50000; residual 25000.
    // Row 5 (rule): 179250; OOP 70750 → (70750 − 20000) × 70% = 35525 (−3500); residual 35225 (−1500).
    // Person A stays below 20万: unchanged.
    const o = scen.layers!.overall;
    expect([s2(o.ci), s2(o.assistance), s2(o.residual)]).toEqual(['446000.00', '105300.00', '94400.00']);
    const m = compare(base, scen).measures;
    expect(s2(m['layers.ci'].diff)).toBe('10000.00');
    expect(s2(m['layers.assistance'].diff)).toBe('-3500.00');
    expect(s2(m['layers.residual'].diff)).toBe('-6500.00');
    expect(s2(m['assistance.total'].diff)).toBe('-3500.00');
  });

  test('recompute all layers: row 4\'s CI from the rule (174250), not the settlement\'s 170000', () => {
    const p = project({ ...weihai, layerMode: 'recomputeAll' });
    const v4 = p.visits.find((v) => v.visit.rowNumber === 4)!.layers!;
    expect(s2(v4.ci)).toBe('174250.00');
    expect(v4.source.ci).toBe('rule');
  });
});

test('西平: an inpatient settlement row of 低保对象 without 医院等级 is not computed, and the problem names the row and the column (七、(三))', () => {
  const p = project({
    people: [person(A, '低保对象', '城关镇')],
    visits: [sv(7, A, '2022-06-01', 'inpatient', { total: 20000, out: 500, basic: 12000, ci: 0 })],
    region: '西平',
    year: 2022,
  });
  const rowProblem = p.problems.find((x) => x.table === 'visits' && x.rowNumber === 7)!;
  expect(rowProblem.code).toBe('LAYER_INPUT_MISSING');
  expect(rowProblem.zh).toContain('第 7 行');
  expect(rowProblem.zh).toContain('医院等级');
  expect(s2(p.totals.overall.assistance.total)).toBe('0.00');
  expect(p.layers).toBeUndefined();
});

test('a district named "__proto__" gets its own layer bucket (no prototype pollution)', () => {
  const p = project({ ...weihai, people: weihai.people.map((x) => ({ ...x, district: '__proto__' })) });
  expect(Object.prototype.hasOwnProperty.call(p.layers!.byDistrict, '__proto__')).toBe(true);
  expect(s2(p.layers!.byDistrict['__proto__'].total)).toBe('670000.00');
  expect(({} as Record<string, unknown>).residual).toBeUndefined();
});

describe('properties (信阳 2024: no critical-illness rule, so the settlement gives 大病保险支付)', () => {
  const CATS = ['低保对象', '特困人员', '低保边缘家庭成员', '因病致贫重病患者', '低保对象;农村易返贫致贫人口'];
  const IDS = [A, B, C];
  const row = fc.record({
    who: fc.integer({ min: 0, max: 2 }),
    day: fc.integer({ min: 1, max: 28 }),
    inpatient: fc.boolean(),
    referred: fc.boolean(),
    oop: fc.integer({ min: 0, max: 6_000_000 }),
    out: fc.integer({ min: 0, max: 500_000 }),
    basic: fc.integer({ min: 0, max: 6_000_000 }),
    ci: fc.integer({ min: 0, max: 3_000_000 }),
  });
  test('as given, no scenario: the same assistance, visit by visit, as the out-of-pocket rows; layers + residual = total', () => {
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...CATS), { minLength: 3, maxLength: 3 }), (rows, cats) => {
      const people = IDS.map((id, i) => person(id, cats[i], '浉河区', undefined, i + 2));
      const settle: Visit[] = [];
      const plain: Visit[] = [];
      rows.forEach((r, i) => {
        const fen = (x: number) => new D(x).div(100);
        const total = fen(r.oop + r.out + r.basic + r.ci);
        const v: Visit = {
          rowNumber: i + 2, personId: IDS[r.who], date: `2024-03-${String(r.day).padStart(2, '0')}`, kind: r.inpatient ? 'inpatient' : 'outpatient', referred: r.referred,
          cost: fen(r.oop),
        };
        plain.push({ ...v, totalCost: total.minus(fen(r.out)), insurancePaid: fen(r.basic + r.ci) });
        settle.push({ ...v, cost: new D(0), settlement: { total, outOfCatalogue: fen(r.out), basicPaid: fen(r.basic), ciPaid: fen(r.ci) } });
      });
      const a = project({ people, visits: plain, region: '信阳', year: 2024 });
      const b = project({ people, visits: settle, region: '信阳', year: 2024 });
      expect(b.visits.map((v) => s2(v.assistance))).toEqual(a.visits.map((v) => s2(v.assistance)));
      expect(s2(b.totals.overall.assistance.total)).toBe(s2(a.totals.overall.assistance.total));
      const o = b.layers!.overall;
      expect(s2(o.basic.plus(o.ci).plus(o.reduction).plus(o.hospitalExcess).plus(o.assistance).plus(o.residual))).toBe(s2(o.total));
      // A person's year leaves no negative residual (one visit may: the accumulator can book a year's tilt on a later visit).
      const perPerson = new Map<number, Dec>();
      for (const v of b.visits) perPerson.set(v.personRow, (perPerson.get(v.personRow) ?? new D(0)).plus(v.layers!.residual));
      for (const r of perPerson.values()) expect(r.isNegative()).toBe(false);
    }), { numRuns: 60 });
  });
});

describe('the bundled settlement sample (samples/weihai-2019-settlement-*.csv, scripts/make-settlement-sample.js)', () => {
  test('reads with its Chinese headers, reconciles to the fen, and the 20万 scenario moves the funds by amounts that cancel', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const { readRoster } = await import('../../src/projection/readRoster');
    const { runProjection } = await import('../../src/projection/run');
    const { parseScenarioJson } = await import('../../src/projection/scenarioFile');
    const { summaryText } = await import('../../src/cli/project');
    const dir = path.join(__dirname, '../../samples');
    const file = (n: string) => ({ name: n, bytes: fs.readFileSync(path.join(dir, n)) });
    const roster = await readRoster(file('weihai-2019-settlement-people.csv'), file('weihai-2019-settlement-visits.csv'), 2019);
    expect(roster.importReports[1].summary.rejected).toBe(0);
    expect(roster.visits.every((v) => v.settlement)).toBe(true);
    const scenarios = parseScenarioJson(fs.readFileSync(path.join(dir, 'scenario-weihai-ci-200k.json'), 'utf8'), 'scenario-weihai-ci-200k.json');
    const run = runProjection({ ...roster, region: '威海', year: 2019, scenarios });
    const o = run.baseline.layers!.overall;
    expect(o.basic.plus(o.ci).plus(o.reduction).plus(o.hospitalExcess).plus(o.assistance).plus(o.residual).equals(o.total)).toBe(true);
    const m = run.comparisons[0].measures;
    expect(m['layers.ci'].diff.greaterThan(0)).toBe(true);
    expect(m['layers.assistance'].diff.isNegative()).toBe(true);
    expect(m['layers.ci'].diff.plus(m['layers.assistance'].diff).plus(m['layers.residual'].diff).plus(m['layers.reduction'].diff).plus(m['layers.hospitalExcess'].diff).isZero()).toBe(true);
    expect(summaryText(run, 'zh')).toContain('结算数据各层（1804 次就诊）');
    // The pane's view of the same table (src/taskpane/runSummary.ts): text amounts equal to the run's.
    const { summarize } = await import('../../src/taskpane/runSummary');
    const view = summarize(run).layers!;
    expect(view.map((r) => r.id)).toEqual(['total', 'basic', 'ci', 'reduction', 'hospitalExcess', 'assistance', 'tilt', 'residual']);
    expect(view[2].baseline).toBe(o.ci.toFixed(2));
    expect(view[2].scenarios[0].diff).toBe(m['layers.ci'].diff.toFixed(2));
  });
});

describe('信阳 settlement roster: outpatient pooling computes basic insurance (信医保办〔2024〕52号 三、; assistance 二、三是)', () => {
  const pooled = (rowNumber: number, date: string, total: number, out: number): Visit => ({
    rowNumber, personId: A, date, kind: 'outpatient', cost: new D(total - out), referred: false,
    settlement: { total: new D(total), outOfCatalogue: new D(out), ciPaid: new D(0), pool: '普通门诊' },
  });
  const xinyang = { people: [person(A, '低保对象', '浉河区')], visits: [pooled(2, '2024-03-01', 500, 100), pooled(3, '2024-06-01', 300, 0)], region: '信阳', year: 2024 };

  test('per visit and in total; a scenario raising the 300 limit to 400 moves basic insurance, assistance and the residual', () => {
    const base = project(xinyang);
    const byRow = new Map(base.visits.map((v) => [v.visit.rowNumber, v.layers!]));
    // Row 2: in-catalogue 400 × 60% = 240 (三、); OOP 160 × 50% (低保, 9类病种, no deductible, 二、三是) = 80; residual 500 − 240 − 80 = 180.
    expect([s2(byRow.get(2)!.basic), s2(byRow.get(2)!.assistance), s2(byRow.get(2)!.residual)]).toEqual(['240.00', '80.00', '180.00']);
    expect(byRow.get(2)!.source.basic).toBe('rule');
    // Row 3: 300 × 60% = 180, 300 − 240 = 60 left → 60; OOP 240 × 50% = 120; residual 300 − 60 − 120 = 120.
    expect([s2(byRow.get(3)!.basic), s2(byRow.get(3)!.assistance), s2(byRow.get(3)!.residual)]).toEqual(['60.00', '120.00', '120.00']);
    expect([s2(base.layers!.overall.basic), s2(base.layers!.overall.assistance), s2(base.layers!.overall.residual)]).toEqual(['300.00', '200.00', '300.00']);
    // Every visit computed: complete, 100 % of the cost (the imported figure on both sides of the share, not 400 of 700).
    const c = runProjection(xinyang).baseline.completeness!;
    expect([c.complete, c.cost.pct.toFixed(2)]).toEqual([true, '100.00']);
    // Scenario: limit 400 → row 3 min(180, 400 − 240) = 160; OOP 140 → 70. Basic +100, assistance −50, residual −50.
    const scen = project(xinyang, { name: '门诊统筹400', overrides: { 信阳: { 'outpatientPooling.pools.general.annualLimit': 400 } } });
    const m = compare(base, scen).measures;
    expect([s2(m['layers.basic'].diff), s2(m['layers.assistance'].diff), s2(m['layers.residual'].diff)]).toEqual(['100.00', '-50.00', '-50.00']);
  });
});
