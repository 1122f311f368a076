/**
 * The kernel on a few person-years worked out by hand from the policy texts (values in fen).
 */
import { CategoryId } from '../../src/engine/categories';
import { defaultEngine } from '../../src/engine/engine';
import { CATEGORY_CODE, DECIMAL, OK, compilePolicy } from '../../src/fastpath/compiledPolicy';
import { FastPersonYear } from '../../src/fastpath/fastPersonYear';
import { fenToText, unitsToFenHalfUp } from '../../src/fastpath/fixedPoint';

const engine = defaultEngine();
const codes = (...c: CategoryId[]) => Uint8Array.from(c.map((x) => CATEGORY_CODE.get(x)!));

function year(region: string, y: number, cats: CategoryId[], eng = engine) {
  const c = compilePolicy(eng.resolve(region, y));
  const k = new FastPersonYear(c);
  const cs = codes(...cats);
  expect(k.begin(cs, 0, cs.length)).toBe(true);
  return { c, k };
}

test('rounding half up to the fen on units of 10^-4 fen', () => {
  expect(unitsToFenHalfUp(789_450_000 / 10)).toBe(7895); // 78.945 → 78.95
  expect(unitsToFenHalfUp(78_944_999)).toBe(7894);
  expect(unitsToFenHalfUp(0)).toBe(0);
  expect(fenToText(5)).toBe('0.05');
  expect(fenToText(123456)).toBe('1234.56');
});

test('信阳 2024 低保: 70% inpatient, shared 30000 cap, then tilted assistance', () => {
  const { c, k } = year('信阳', 2024, ['dibao']);
  const inpatient = c.schemeIndex('inpatient');
  // 信医保办〔2024〕52号 二、二是: 低保 no deductible, 70%. 40000.00 × 70% = 28000.00
  expect(k.visit(inpatient, 4_000_000, true, NaN, NaN)).toBe(true);
  expect(k.ordinary).toBe(2_800_000);
  // 二、四是: annual cap 30000 → only 2000.00 left of 5000.00 × 70% = 3500.00
  // 二、五是 (ruling 4): cap reached; referred remainder = 40000 − 28000 + 5000 − 2000 = 15000;
  // above 12000: 3000 × 60% = 1800.00 tilted
  expect(k.visit(inpatient, 500_000, true, NaN, NaN)).toBe(true);
  expect(k.ordinary).toBe(200_000);
  expect(k.tilt).toBe(180_000);
  expect(k.assistance).toBe(380_000);
  // 9类病种 outpatient (二、三是 50%) shares the cap: nothing ordinary; remainder +100 → tilt +60.00
  expect(k.visit(c.schemeIndex('outpatient', '9类病种'), 10_000, true, NaN, NaN)).toBe(true);
  expect(k.ordinary).toBe(0);
  expect(k.tilt).toBe(6_000);
  expect(k.totalFen).toBe(3_000_000 + 186_000);
});

test('信阳 2024 因病致贫: deductible 6000 on the year, 65%, half-fen rounds up', () => {
  const { c, k } = year('信阳', 2024, ['illness_poverty']);
  const inpatient = c.schemeIndex('inpatient');
  // 二、二是: 起付 6000 — 5000.00 is all below it
  k.visit(inpatient, 500_000, false, NaN, NaN);
  expect(k.ordinary).toBe(0);
  // cumulative 6001.01: 1.01 above → 1.01 × 65% = 0.6565 → 0.66
  k.visit(inpatient, 100_101, false, NaN, NaN);
  expect(k.ordinary).toBe(66);
});

test('就高不就低: 低保边缘 + 低保 pays the better status once', () => {
  const { c, k } = year('信阳', 2024, ['dibao_edge', 'dibao']);
  // 低保边缘: (3000 − 2400) × 65% = 390.00; 低保: 3000 × 70% = 2100.00 → 2100.00, once
  k.visit(c.schemeIndex('inpatient'), 300_000, false, NaN, NaN);
  expect(k.assistance).toBe(210_000);
  expect(c.categories[k.leader]).toBe('dibao');
});

test('威海 2019 重点救助对象: brackets 70% to 20000 and 80% above, on the cumulative cost', () => {
  const { c, k } = year('威海', 2019, ['key_assistance']);
  const inpatient = c.schemeIndex('inpatient');
  // 威医保发〔2019〕25号: 15000 × 70% = 10500.00
  k.visit(inpatient, 1_500_000, false, NaN, NaN);
  expect(k.ordinary).toBe(1_050_000);
  // next 10000 crosses 20000: 5000 × 70% + 5000 × 80% = 7500.00
  k.visit(inpatient, 1_000_000, false, NaN, NaN);
  expect(k.ordinary).toBe(750_000);
});

test('山西 2022 返贫致贫: one admission topped up to 90% combined (ruling 7)', () => {
  const eng = engine.withOverrides({ 'shanxi-2022': { 'income.perCapitaDisposable': { 2021: 27426.07 } } });
  const { c, k } = year('山西', 2022, ['returned_poverty'], eng);
  // in-catalogue 10000, insurance paid 6000, out-of-pocket 4000: 70% = 2800; 90% × 10000 − 6000 = 3000 → 3000.00, of which 200.00 top-up
  k.visit(c.schemeIndex('inpatient'), 400_000, false, 1_000_000, 600_000);
  expect(k.ordinary).toBe(300_000);
  expect(k.topUp).toBe(20_000);
});

test('what the kernel cannot hold exactly is marked for the decimal engine', () => {
  const eng = engine.withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.66667 } });
  const c = compilePolicy(eng.resolve('信阳', 2024));
  const at = (scheme: number, cat: CategoryId) => c.tiers[scheme * c.categories.length + c.categories.indexOf(cat)].kind;
  expect(at(c.schemeIndex('inpatient'), 'dibao')).toBe(DECIMAL); // 5 decimals
  expect(at(c.schemeIndex('inpatient'), 'tekun')).toBe(OK);
  // 山西 without the income figure: the 10%-of-income deductible cannot be read (ruling 5)
  const sx = compilePolicy(engine.resolve('山西', 2022));
  expect(sx.tiers[sx.schemeIndex('inpatient') * sx.categories.length + sx.categories.indexOf('monitored')].kind).toBe(DECIMAL);
  const k = new FastPersonYear(sx);
  const cs = codes('monitored');
  k.begin(cs, 0, 1);
  expect(k.visit(sx.schemeIndex('inpatient'), 100_000, false, NaN, NaN)).toBe(false);
  // an unknown scheme or a cost with part of a fen is also refused
  expect(k.visit(-1, 100, false, NaN, NaN)).toBe(false);
  expect(k.visit(0, 0.5, false, NaN, NaN)).toBe(false);
});
