/**
 * Totals summed in integer fen and converted once (totals.ts, issue 9): the same figures as
 * decimal additions — whole fen on the fast path, any amount that is not a whole fen (an
 * analyst's sub-fen override) kept exactly — and assertReconciled still refuses totals that are
 * not the sum of their rows.
 */
import { D } from '../../src/engine/money';
import { assertReconciled, computeTotals } from '../../src/projection/totals';
import type { PersonOutcome, VisitOutcome } from '../../src/projection/types';

const visit = (row: number, kind: 'inpatient' | 'outpatient', ordinary: string, tilt: string, district: string): VisitOutcome =>
  ({ visit: { rowNumber: row, kind }, ordinary: new D(ordinary), tilt: new D(tilt), topUp: new D(0), assistance: new D(ordinary).plus(tilt), category: 'dibao', district }) as unknown as VisitOutcome;
const person = (row: number, district: string, subsidy: string, assistance: string): PersonOutcome =>
  ({ person: { rowNumber: row, district }, category: 'dibao', premiumComputed: true, premiumSubsidy: new D(subsidy), assistance: new D(assistance) }) as unknown as PersonOutcome;

test('whole fen: 21000.00 + 9000.00 + 4800.00 tilt (信阳 二、四是 / 二、五是 worked in duckdbPeer.test.ts) and 4940.00, by district', () => {
  const visits = [visit(2, 'inpatient', '21000.00', '0', '息县'), visit(3, 'inpatient', '9000.00', '4800.00', '息县'), visit(4, 'inpatient', '4940.00', '0', '平桥区')];
  const people = [person(2, '息县', '80.00', '34800.00'), person(3, '平桥区', '0', '4940.00')];
  const t = computeTotals(people, visits);
  expect(t.overall.assistance.total.toFixed(2)).toBe('39740.00');
  expect(t.overall.assistance.inpatient.toFixed(2)).toBe('34940.00');
  expect(t.overall.assistance.tilt.toFixed(2)).toBe('4800.00');
  expect(t.overall.fundNeed.toFixed(2)).toBe('39820.00');
  expect(t.overall.subsidised).toBe(1);
  expect(t.byDistrict['息县'].assistance.total.toFixed(2)).toBe('34800.00');
  expect(t.byDistrict['平桥区'].visits).toBe(1);
  expect(() => assertReconciled(people, visits, t)).not.toThrow();
});

test('an amount that is not a whole fen is summed exactly beside the fen, and reported as not at the fen', () => {
  // 0.015 + 0.005 = 0.02 exactly (a decimal, not a float: 0.015 + 0.005 is 0.019999… in binary).
  const visits = [visit(2, 'outpatient', '0.015', '0', '新县'), visit(3, 'outpatient', '0.005', '0', '新县'), visit(4, 'outpatient', '1.00', '0', '新县')];
  const t = computeTotals([], visits);
  expect(t.overall.assistance.outpatient.toString()).toBe('1.02');
  expect(() => assertReconciled([], visits, t)).toThrow('projection amount not rounded to the fen: row 2 = 0.015');
});

test('a total that is not the sum of its rows is refused', () => {
  const visits = [visit(2, 'inpatient', '100.00', '0', '息县')];
  const people = [person(2, '息县', '0', '100.00')];
  const t = computeTotals(people, visits);
  t.byDistrict['息县'].assistance.total = new D('100.01');
  expect(() => assertReconciled(people, visits, t)).toThrow('projection does not reconcile: byDistrict assistance.total 100.01 ≠ 100.00');
});
