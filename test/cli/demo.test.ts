/**
 * The engine end to end through the CLI's demo: each figure worked by hand from the text.
 */
import { demo } from '../../src/cli/demo';

test('medaid demo prints hand-checked figures', () => {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { lines.push(a.join(' ')); });
  try {
    expect(demo()).toBe(0);
  } finally {
    spy.mockRestore();
  }
  const out = lines.join('\n');
  // 10000 × 70% = 7000 — 信医保办〔2024〕52号 二、二是 (低保对象 no deductible, 70%)
  expect(out).toMatch(/信阳 低保对象 住院 10000\t7000\b/);
  // (10000 − 2400) × 65% = 4940 — ibid. (低保边缘家庭成员 deductible 2400, 65%)
  expect(out).toMatch(/信阳 低保边缘 住院 10000\t4940\b/);
  // 20000 × 70% + 10000 × 80% = 22000 — 威医保发〔2019〕25号 三、(三) 1.
  expect(out).toMatch(/威海 重点救助对象 住院 30000\t22000\b/);
  // 280 × 50% = 140 — 益阳 reply 二、(一): Hunan 2021 premium 280, 低保 50%
  expect(out).toMatch(/益阳 低保对象 资助参保 2021\t140\b/);
  // 12345.67 / 10 = 1234.567 → 1234.57 — 威医保发〔2019〕25号 四、(一) 3., ruling 11
  expect(out).toMatch(/1:9 市级 12345.67\t1234.57\b/);
  // min(60000 × 70%, 30000) = 30000; tilt: (60000 − 30000 − 12000) × 60% = 10800 → cap 10000; total 40000
  // — 信医保办〔2024〕52号 二、四是 and 五是, ruling 4
  expect(out).toMatch(/规范转诊\t40000.00/);
});
