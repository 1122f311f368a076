/**
 * Who bears it (src/projection/burden.ts) on a three-person 信阳 2024 roster, by hand from
 * 信医保办〔2024〕52号 二、二是 / 二、四是, with an analyst's burden line of 3000:
 *   A 低保对象 10000 → 70 % = 7000 → residual 3000 (not above: the line must be exceeded);
 *   B 低保边缘 20000 → (20000 − 2400) × 65 % = 11440 → cap 10000 → residual 10000 (above);
 *   C 特困人员 5000 → 90 % = 4500 → residual 500.
 */
import { defaultEngine } from '../../src/engine';
import { project } from '../../src/projection';
import { burdenLine, burdenTable, gainers, median } from '../../src/projection/burden';
import { D } from '../../src/engine/money';
import { person, s2, visit } from './helpers';

const A = '411502198001010011';
const B = '411502196001010022';
const C = '411502197001010033';
const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3), person(C, '特困人员', '浉河区', 380, 4)];
const visits = [visit(2, A, '2024-03-01', 'inpatient', 10000), visit(3, B, '2024-05-01', 'inpatient', 20000), visit(4, C, '2024-06-01', 'inpatient', 5000)];
const input = { people, visits, region: '信阳', year: 2024 };
const engine = defaultEngine();

test('residuals, counts above the line and shares by category and district', () => {
  const line = burdenLine(engine, '信阳', 2024, 3000);
  const t = burdenTable(project(input), line);
  expect(t.residualOf.get(A)!.toFixed(2)).toBe('3000.00');
  expect(t.residualOf.get(B)!.toFixed(2)).toBe('10000.00');
  expect(t.residualOf.get(C)!.toFixed(2)).toBe('500.00');
  expect(t.overall).toMatchObject({ people: 3, above: 1 });
  expect(s2(t.overall.sharePct)).toBe('33.33');
  expect(s2(t.overall.residual)).toBe('13500.00');
  expect(t.byCategory.dibao_edge).toMatchObject({ people: 1, above: 1 });
  expect(t.byCategory.dibao).toMatchObject({ people: 1, above: 0 });
  expect(t.byDistrict['浉河区']).toMatchObject({ people: 2, above: 0 });
});

test('gainers and losers between scenarios, total and median, and the change above the line', () => {
  const line = burdenLine(engine, '信阳', 2024, 3000);
  // 低保 75 % (A +500) and 低保边缘 cap 12000 (B gets the full 11440: +1440, still 8560 above the line).
  const s = project(input, { name: 's', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75, 'inpatient.tiers.edge_monitored.cap': 12000 } } });
  const g = gainers(project(input), s, line);
  expect(g).toMatchObject({ gainers: 2, losers: 0, unchanged: 1, aboveBaseline: 1, aboveScenario: 1, notCompared: 0 });
  expect(s2(g.gainTotal)).toBe('1940.00');
  expect(s2(g.gainMedian)).toBe('970.00'); // (500 + 1440) / 2
  // The reverse scenario: the same two lose.
  const back = gainers(s, project(input), line);
  expect([back.losers, s2(back.lossTotal)]).toEqual([2, '1940.00']);
});

test('the default line is the region monitoring line (西平 2022: 11000, 五、(一)); none → an error asking for it', () => {
  const l = burdenLine(engine, '西平', 2022);
  expect([s2(l.value), l.origin]).toEqual(['11000.00', 'monitoring']);
  expect(l.citation).toContain('五、(一)');
  expect(() => burdenLine(engine, '信阳', 2024)).toThrow(/--burden-line/);
});

test('median', () => {
  expect(median([new D(3), new D(1), new D(2)]).toString()).toBe('2');
  expect(median([new D('0.01'), new D('0.02')]).toFixed(2)).toBe('0.02'); // 0.015 half-up
});
