/**
 * 就高不就低 booking (ruling 9; docs/projection.md, "Booking"): one person, one status per
 * year — the status that won the year — for every visit, with that status's own parts of
 * each visit: no negative row, no assistance split across statuses. The decimal path
 * (PersonYear.booked), the integer kernel (FastPersonYear via personAssistance.ts) and the
 * column kernel (projectColumns) book identically.
 * 信阳 = 信医保办〔2024〕52号 (seed 000): 二、三是 门诊救助, 四是 救助限额, 五是 倾斜救助.
 */
import { D, defaultEngine } from '../../src/engine';
import { compilePolicy } from '../../src/fastpath/compiledPolicy';
import { columnarFromRoster } from '../../src/fastpath/columnarRoster';
import { projectColumns } from '../../src/fastpath/projectColumns';
import { project } from '../../src/projection';
import { person, s2, visit } from './helpers';

const XY = { region: '信阳', year: 2024 };

/*
 * By hand, two referred outpatient visits (9类病种, the main scheme) 39000 then 20000:
 * 低保对象 (二、三是: no deductible, 50 %; 四、: 3万 a year shared with inpatient):
 *   visit 1: 39000 × 50 % = 19500.00 (cap not reached, so no tilt — 五是 starts once the cap is reached);
 *   visit 2: 20000 × 50 % = 10000.00 (room 30000 − 19500 = 10500): 29500 used < 30000 → no tilt. Year 29500.00.
 * 农村易返贫致贫人口 (二、三是: 30 %; 四、: 1万 a year):
 *   visit 1: 39000 × 30 % = 11700 → cap 10000.00; cap reached, so tilt (五是) on the referred remainder
 *            39000 − 10000 = 29000: (29000 − 12000) × 60 % = 10200 → tilt cap 1万 → 10000.00. Year so far 20000;
 *   visit 2: ordinary 0 (cap used); remainder 49000 → (49000 − 12000) × 60 % = 22200 → still 10000: +0. Year 20000.00.
 * 低保对象 wins the year (29500 > 20000): both visits are booked under it, 19500.00 and 10000.00, tilt 0.
 * (The running best at the desk pays visit 1 as 农村易返贫致贫人口 — 10000 + 10000 tilt — and re-bases at
 * visit 2: +19500 ordinary, −10000 tilt. That split is what the booking removes.)
 */
const TWO_STATUSES = ['低保对象;农村易返贫致贫人口', '农村易返贫致贫人口;低保对象'];

describe.each(TWO_STATUSES)('信阳 2024, %s, referred outpatient 39000 then 20000', (statuses) => {
  const people = [person('D1', statuses, '浉河区', undefined, 2)];
  const visits = [
    visit(10, 'D1', '2024-03-01', 'outpatient', 39000, { referred: true }),
    visit(11, 'D1', '2024-08-01', 'outpatient', 20000, { referred: true }),
  ];

  const expectBooked = (rows: { ordinary: string; topUp: string; tilt: string; assistance: string; category: string }[]) =>
    expect(rows).toEqual([
      { ordinary: '19500.00', topUp: '0.00', tilt: '0.00', assistance: '19500.00', category: 'dibao' },
      { ordinary: '10000.00', topUp: '0.00', tilt: '0.00', assistance: '10000.00', category: 'dibao' },
    ]);

  test.each([true, false])('project (kernel: %s): every visit under 低保对象, its own parts, none negative', (kernel) => {
    const counts = { kernel: 0, decimal: 0 };
    const r = project({ ...XY, people, visits }, undefined, { kernel, counts });
    expect(counts).toEqual(kernel ? { kernel: 1, decimal: 0 } : { kernel: 0, decimal: 1 });
    expectBooked(r.visits.map((v) => ({ ordinary: s2(v.ordinary), topUp: s2(v.topUp), tilt: s2(v.tilt), assistance: s2(v.assistance), category: v.category })));
    expect(r.people[0].category).toBe('dibao');
    expect(s2(r.people[0].assistance)).toBe('29500.00');
    // The summary's by-category table has the person once, under 低保对象 only.
    expect(Object.keys(r.totals.byCategory)).toEqual(['dibao']);
    const b = r.totals.byCategory.dibao!;
    expect([b.people, b.visits, s2(b.assistance.outpatient), s2(b.assistance.tilt), s2(b.assistance.total)]).toEqual([1, 2, '29500.00', '0.00', '29500.00']);
    // The forecast's base agrees (same person, same status, same amount).
    expect(r.forecast.rows.filter((x) => x.people > 0).map((x) => [x.category, x.people, s2(x.assistance)])).toEqual([['dibao', 1, '29500.00']]);
  });

  test('the column kernel (and its PersonYear fallback) books the same', () => {
    const rp = defaultEngine().resolve('信阳', 2024);
    const c = compilePolicy(rp);
    const { roster, source } = columnarFromRoster(c, people, visits);
    for (const decimalOnly of [false, true]) {
      const got = projectColumns(c, roster, { perVisit: true, decimalInput: source.decimalInput, decimalOnly });
      expect(Array.from(got.ordinaryFen!)).toEqual([1950000, 1000000]);
      expect(Array.from(got.tiltFen!)).toEqual([0, 0]);
      expect(Array.from(got.assistanceFen!)).toEqual([1950000, 1000000]);
      const dibao = c.categories.indexOf('dibao');
      expect(dibao).toBeGreaterThanOrEqual(0);
      // byCategoryFen is indexed by the global category code; only one entry is non-zero: 29500.00 under 低保对象.
      expect(Array.from(got.byCategoryFen).filter((x) => x !== 0)).toEqual([2950000]);
    }
  });

  test('the desk view (PersonYear.visit) still pays the running best; its year total is the booked one', () => {
    const py = defaultEngine().personYear({ categories: people[0].categories, region: '信阳', year: 2024 });
    const paid = visits.map((v) => py.visit({ kind: 'outpatient', cost: v.cost, referred: true }));
    expect(paid.map((x) => [s2(x.ordinary), s2(x.tilt), x.category])).toEqual([['10000.00', '10000.00', 'monitored'], ['19500.00', '-10000.00', 'dibao']]);
    const booked = py.booked();
    expect(booked.map((x) => [s2(x.ordinary), s2(x.tilt), x.category])).toEqual([['19500.00', '0.00', 'dibao'], ['10000.00', '0.00', 'dibao']]);
    expect(s2(booked.reduce((t, x) => t.plus(x.assistance), new D(0)))).toBe(s2(py.totals.total));
  });
});

test('tilt is booked under the status that won the year too (信阳 二、五是)', () => {
  // 低保对象;因病致贫重病患者, one referred inpatient visit 60000 (二、二是, 四是, 五是):
  // 低保: 60000 × 70 % = 42000 → cap 30000.00; remainder 30000 → (30000 − 12000) × 60 % = 10800 → 10000.00; year 40000.
  // 因病致贫 (deductible 6000, 65 %, cap 1万): (60000 − 6000) × 65 % = 35100 → 10000.00; remainder 50000 → tilt 10000.00; year 20000.
  const people = [person('T1', '因病致贫重病患者;低保对象', '浉河区', undefined, 2)];
  const visits = [visit(10, 'T1', '2024-05-01', 'inpatient', 60000, { referred: true })];
  for (const kernel of [true, false]) {
    const r = project({ ...XY, people, visits }, undefined, { kernel });
    expect(r.visits.map((v) => [s2(v.ordinary), s2(v.tilt), v.category])).toEqual([['30000.00', '10000.00', 'dibao']]);
    expect(Object.keys(r.totals.byCategory)).toEqual(['dibao']);
  }
});
