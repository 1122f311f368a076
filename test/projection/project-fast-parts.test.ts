/**
 * The pieces the kernel-based project() rests on, each on its own: which person goes to
 * which path (and gets the amounts worked out by hand from the policy), the cost conversion
 * to fen read from decimal.js's digits, the premium-subsidy cache, the compiled policy made
 * once per engine/scenario, region and year, and explainPerson agreeing with the kernel.
 * 信阳 = 信医保办〔2024〕52号 (seed 000), 山西 = 2022 press briefing (seed 003).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { D, Engine, defaultEngine } from '../../src/engine';
import * as compiledPolicyModule from '../../src/fastpath/compiledPolicy';
import { fenOfDecimal } from '../../src/fastpath/fenOfDecimal';
import { decToFen } from '../../src/fastpath/fixedPoint';
import { explainPerson, project } from '../../src/projection';
import { person, s2, visit } from './helpers';

const XY = { region: '信阳', year: 2024 };

describe('which path each person takes', () => {
  test('a 5-decimal rate sends only the people who need it to PersonYear; amounts by hand', () => {
    const people = [person('K1', '低保对象', '浉河区', 380, 2), person('K2', '低保对象', '平桥区', 380, 3), person('K3', '特困人员', '息县', 380, 4)];
    const visits = [
      visit(10, 'K1', '2024-03-01', 'inpatient', '1234.56'),
      visit(11, 'K2', '2024-03-01', 'outpatient', 100, { scheme: '9类病种' }),
      visit(12, 'K3', '2024-03-01', 'inpatient', 1000),
    ];
    const scenario = { name: 'r5', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.66667 } } };
    const counts = { kernel: 0, decimal: 0 };
    const r = project({ ...XY, people, visits }, scenario, { counts });
    // K1 has an inpatient visit under the 0.66667 ratio → PersonYear; K2 (outpatient only) and K3 (特困) → kernel.
    expect(counts).toEqual({ kernel: 2, decimal: 1 });
    const byRow = new Map(r.visits.map((v) => [v.visit.rowNumber, v]));
    // 低保 inpatient, no deductible for 低保 (二、二是), ratio as overridden: 1234.56 × 0.66667 = 823.0441… → 823.04.
    expect(s2(byRow.get(10)!.assistance)).toBe('823.04');
    // 9类病种 门诊 低保 50 % (二、三是): 100 × 50 % = 50.00.
    expect(s2(byRow.get(11)!.assistance)).toBe('50.00');
    // 特困 inpatient 90 % (二、二是): 1000 × 90 % = 900.00.
    expect(s2(byRow.get(12)!.assistance)).toBe('900.00');
    expect(s2(r.totals.overall.assistance.total)).toBe('1773.04');
  });

  test('a missing income figure fails only the person whose tier needs it (山西, ruling 5)', () => {
    const people = [person('F1', '低保边缘家庭成员', '太原', 350, 5), person('F2', '低保对象', '太原', 350, 6)];
    const visits = [visit(70, 'F1', '2022-02-02', 'inpatient', 9000), visit(72, 'F2', '2022-03-03', 'inpatient', 1000)];
    const counts = { kernel: 0, decimal: 0 };
    const r = project({ region: '山西', year: 2022, people, visits }, undefined, { counts });
    // F1's deductible is 25 % of last year's income, not supplied: PersonYear raises MISSING_INCOME for F1 alone.
    expect(counts).toEqual({ kernel: 1, decimal: 1 });
    expect(r.problems.filter((p) => p.part === 'assistance').map((p) => `${p.table}:${p.rowNumber}:${p.code}`)).toEqual(['people:5:MISSING_INCOME', 'visits:70:MISSING_INCOME']);
    // F2: 低保 70 % × 1000 = 700.00 (答记者问：合理确定住院救助水平), in the kernel.
    expect(s2(r.visits[0].assistance)).toBe('700.00');
  });

  test('kernel: false sends everyone to PersonYear, with the same amounts', () => {
    const people = [person('M1', '低保对象', '浉河区', 380, 2)];
    const visits = [visit(10, 'M1', '2024-04-01', 'inpatient', 60000, { referred: true })];
    const counts = { kernel: 0, decimal: 0 };
    const r = project({ ...XY, people, visits }, undefined, { kernel: false, counts });
    expect(counts).toEqual({ kernel: 0, decimal: 1 });
    // 60000 × 70 % = 42000 → cap 30000 (二、四是); referred remainder 30000, (30000 − 12000) × 60 % = 10800 → tilt cap 10000 (二、五是).
    expect(s2(r.visits[0].assistance)).toBe('40000.00');
    expect(s2(project({ ...XY, people, visits }).visits[0].assistance)).toBe('40000.00');
  });
});

describe('fenOfDecimal = decToFen', () => {
  const check = (x: Decimal) => expect([x.toString(), fenOfDecimal(x as never)]).toEqual([x.toString(), decToFen(x as never)]);

  test('on hand-picked amounts', () => {
    // whole fen, part of a fen, word boundaries of decimal.js's base-10^7 digits, the MAX_FEN edge, signs, non-finite
    const texts = ['0', '-0', '0.01', '0.1', '0.001', '0.005', '1e-7', '1e-8', '12.5', '12.50', '1234567.89', '9999999.99', '10000000', '10000000.01', '12345678.9',
      '999999999.99', '1000000000', '1000000000.01', '1e14', '1.5e3', '123.456', '-12.5', '1e21', '0.0100000', 'NaN', 'Infinity', '-Infinity'];
    for (const t of texts) check(new D(t));
    check(new Decimal('12.34')); // the global decimal.js, not the engine's clone
    check(new D(0.1)); // from a float
    check(new D('0.1').plus('0.2'));
    check(new D(123456).dividedBy(100));
    check(new D('2').dividedBy(3));
  });

  test('on generated amounts, however the Decimal was made', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: -4, max: 14 }), fc.constantFrom('text', 'divide', 'times', 'plus', 'neg'), (n, k, how) => {
        const t = `${n}e${-k}`;
        const x = how === 'text' ? new D(t) : how === 'divide' ? new D(n.toString()).dividedBy(new D(10).pow(k)) : how === 'times' ? new D(n.toString()).times(new D(10).pow(-k)) : how === 'plus' ? new D(t).plus('0.01').minus('0.01') : new D(t).negated();
        check(x);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('premium subsidies: one engine call per (statuses, premium)', () => {
  test('40 people, three distinct pairs: three calls, each person the amount of their pair, errors on every row', () => {
    const spy = jest.spyOn(Engine.prototype, 'premiumSubsidy'); // on the prototype: the engine's own method, which is cached
    const people = Array.from({ length: 40 }, (_, i) => {
      const kind = i % 4;
      if (kind === 0 || kind === 1) return person(`Q${i}`, '低保对象', '浉河区', 380, 100 + i);
      if (kind === 2) return person(`Q${i}`, '特困人员', '息县', '380.00', 100 + i);
      return person(`Q${i}`, '农村易返贫致贫人口', '平桥区', 380, 100 + i);
    });
    const r = project({ ...XY, people, visits: [] });
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
    const byId = new Map(r.people.map((p) => [p.person.id, p]));
    // 二、一是: 低保对象 a fixed 80 yuan (ruling 8); 特困人员 the whole individual premium, 380.00.
    expect(s2(byId.get('Q0')!.premiumSubsidy)).toBe('80.00');
    expect(s2(byId.get('Q2')!.premiumSubsidy)).toBe('380.00');
    // 农村易返贫致贫人口: the amount is delegated to the province (ruling 8) → reported on each of the ten rows, with its own row number.
    const missing = r.problems.filter((p) => p.part === 'premiumSubsidy');
    expect(missing.map((p) => `${p.rowNumber}:${p.code}`)).toEqual(Array.from({ length: 10 }, (_, j) => `${103 + 4 * j}:MISSING_PARAMETER`));
    expect(missing[0].zh).toContain('第 103 行');
    expect(missing[1].en).toContain('row 107');
    // 20 × 80 + 10 × 380 = 5400.00
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('5400.00');
  });
});

test('an engine that overrides premiumSubsidy is called once per person (the task pane counts them as progress)', () => {
  let calls = 0;
  class Counting extends Engine {
    override premiumSubsidy(a: Parameters<Engine['premiumSubsidy']>[0]) {
      calls++;
      return super.premiumSubsidy(a);
    }
  }
  const engine = new Counting(defaultEngine().registry);
  const people = Array.from({ length: 7 }, (_, i) => person(`U${i}`, '低保对象', '浉河区', 380, 200 + i));
  const r = project({ ...XY, engine, people, visits: [] });
  expect(calls).toBe(7);
  // 二、一是: 7 × 80 = 560.00 (ruling 8)
  expect(s2(r.totals.overall.premiumSubsidy)).toBe('560.00');
});

describe('the policy is compiled once per engine (or scenario), region and year', () => {
  test('two runs on one engine compile once; a scenario compiles its own', () => {
    const spy = jest.spyOn(compiledPolicyModule, 'compilePolicy');
    const engine = defaultEngine().withOverrides({}); // a fresh engine: nothing compiled for it yet
    const input = { ...XY, engine, people: [person('R1', '低保对象')], visits: [visit(5, 'R1', '2024-02-02', 'inpatient', 100)] };
    project(input);
    project(input);
    expect(spy).toHaveBeenCalledTimes(1);
    project(input, { name: 's', overrides: { 'xinyang-2024': { 'tilt.threshold': 10000 } } });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});

test('explainPerson (PersonYear with explain) gives the amounts the kernel projected', () => {
  const people = [person('T1', '低保对象;特困人员', '浉河区', 380, 2)];
  const visits = [visit(10, 'T1', '2024-04-01', 'inpatient', 20000, { referred: true }), visit(11, 'T1', '2024-06-01', 'inpatient', 40000, { referred: true })];
  const counts = { kernel: 0, decimal: 0 };
  const r = project({ ...XY, people, visits }, undefined, { counts });
  expect(counts.kernel).toBe(1);
  const x = explainPerson({ ...XY, people, visits }, 'T1')!;
  expect(x.visits.map((v) => s2(v.assistance))).toEqual(r.visits.map((v) => s2(v.assistance)));
  // 特困 90 % (二、二是): 20000 × 90 % = 18000.00; then 40000 × 90 % = 36000 → cap 3万 left 12000.00 (二、四是),
  // plus tilt on the referred remainder 60000 − 30000 = 30000: (30000 − 12000) × 60 % = 10800 → 10000.00 (二、五是): year 40000.
  // 低保 70 %: 20000 × 70 % = 14000.00; 40000 × 70 % = 28000 → cap left 16000.00; remainder 6000 + 24000 = 30000 → tilt 10000.00: year 40000.
  // A tie: the year goes to the first status in the person's order, 低保对象 (就高不就低, ruling 9; docs/projection.md, Booking),
  // and both visits are booked with 低保's own parts: 14000.00, then 16000 + 10000 = 26000.00.
  expect(r.visits.map((v) => s2(v.assistance))).toEqual(['14000.00', '26000.00']);
  expect(r.visits.map((v) => v.category)).toEqual(['dibao', 'dibao']);
});
