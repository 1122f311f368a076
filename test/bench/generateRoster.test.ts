/** The benchmark's generated rosters: same seed, same roster; the mix the benchmark claims. */
import { defaultEngine } from '../../src/engine/engine';
import { compilePolicy } from '../../src/fastpath/compiledPolicy';
import { generateRoster, personIdText, dayToYmd } from '../../bench/generateRoster';
import { idCheckChar } from '../../src/roster/idNumber';
import { Prng } from '../../bench/prng';

const c = compilePolicy(defaultEngine().resolve('信阳', 2024));

test('a fixed seed gives the same roster', () => {
  const a = generateRoster(c, 2000, 5);
  const b = generateRoster(c, 2000, 5);
  expect(Array.from(a.visitCostFen)).toEqual(Array.from(b.visitCostFen));
  expect(Array.from(a.statusCodes)).toEqual(Array.from(b.statusCodes));
  expect(new Prng(1).next()).toBe(new Prng(1).next());
});

test('the roster has the mix the benchmark relies on', () => {
  const r = generateRoster(c, 20000);
  expect(r.visits).toBe(20000);
  expect(r.visitStart[r.persons]).toBe(20000);
  let multi = 0;
  let maxVisits = 0;
  for (let p = 0; p < r.persons; p++) {
    if (r.statusStart[p + 1] - r.statusStart[p] > 1) multi++;
    const n = r.visitStart[p + 1] - r.visitStart[p];
    maxVisits = Math.max(maxVisits, n);
    for (let v = r.visitStart[p] + 1; v < r.visitStart[p + 1]; v++) expect(r.visitDate[v]).toBeGreaterThanOrEqual(r.visitDate[v - 1]);
  }
  expect(multi).toBeGreaterThan(0);
  expect(maxVisits).toBe(8);
  expect(new Set(r.visitScheme).size).toBe(3); // inpatient, 9类病种, 罕见病
  expect(r.visitCostFen.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
  expect(r.visitReferred.some((x) => x === 1)).toBe(true);
});

test('IDs are valid 18-digit text, unique and in text order', () => {
  const ids = [0, 1, 999, 1000, 27999, 28000, 335999, 336000, 20_159_999].map(personIdText);
  for (const id of ids) {
    expect(id).toMatch(/^\d{17}[\dX]$/);
    expect(id[17]).toBe(idCheckChar(id.slice(0, 17)));
  }
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  expect(dayToYmd(0)).toBe(20240101);
  expect(dayToYmd(59)).toBe(20240229); // 2024 is a leap year
  expect(dayToYmd(365)).toBe(20241231);
});
