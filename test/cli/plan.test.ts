/**
 * `medaid plan`: the three-year plan with its range on a two-person 信阳 roster (amounts by
 * hand from 信医保办〔2024〕52号 二、二是 / 二、四是 / 二、一是, as in test/projection/multiYear.test.ts),
 * recorded in --summary, reproducible from the seed; bad flags are exit 2 naming the flag.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const A = idNumber('41150219800101001');
const B = idNumber('41150219600101002');
const { dir, file } = tempFolder('medaid-plan-');
const people = file('people.csv', `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n${B},李四,低保边缘家庭成员,平桥区,380\n`);
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,,10000,否\n${B},2024-05-01,住院,,20000,否\n`);
const base = ['plan', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];
const { out, err } = captureConsole();

test('three years at 10 % cost growth, range recorded with seed and what it covers', async () => {
  const summary = join(dir, 'plan.json');
  expect(await main([...base, '--cost-growth', '10%', '--draws', '50', '--seed', '9', '--summary', summary])).toBe(0);
  expect(err).toEqual([]);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  // 2024: 10000 × 70 % = 7000 + 80 subsidy; B: (20000 − 2400) × 65 % = 11440 → cap 10000. Need 17080.
  expect(s.base.fundNeed).toBe('17080.00');
  // 2025: 11000 × 70 % = 7700 + 80; B capped 10000 → 17780. 2026: 8470 + 80 + 10000 = 18550. 2027: 9317 + 80 + 10000 = 19397.
  expect(s.years.map((y: { fundNeed: string }) => y.fundNeed)).toEqual(['17780.00', '18550.00', '19397.00']);
  expect(s.range).toMatchObject({ draws: 50, seed: 9 });
  expect(s.range.covers.en).toMatch(/does not cover/);
  expect(s.years[0].carriedForward.length).toBeGreaterThan(0);
  expect(out.join('\n')).toContain('P90');
  const again = join(dir, 'plan2.json');
  await main([...base, '--cost-growth', '10%', '--draws', '50', '--seed', '9', '--summary', again]);
  expect(JSON.parse(readFileSync(again, 'utf8')).range).toEqual(s.range);
});

test.each([
  [['--years', '11'], '--years'],
  [['--draws', 'many'], 'draws'],
  [['--cost-growth', '-150%'], '-100%'],
  [['--bogus', '1'], '--bogus'],
])('bad input %j is exit 2 naming it', async (extra, says) => {
  expect(await main([...base, ...extra])).toBe(2);
  expect(err.join('\n')).toContain(says);
});

test('--out writes 多年规划 and 区间 sheets (a scenario gets its own pair)', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const book = join(dir, 'plan.xlsx');
  const scen = file('s75.json', JSON.stringify({ name: '低保75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }));
  expect(await main([...base, '--cost-growth', '10%', '--draws', '50', '--scenario', scen, '--out', book])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['多年规划', '区间', '多年规划 低保75', '区间 低保75']);
  // 2027 as in the summary test: 9317 + 80 + 10000 = 19397; the scenario: 13310 × 75 % = 9982.5 + 80 + 10000 = 20062.5
  const need = (sheet: string) => (wb.getWorksheet(sheet)!.getRow(5).values as unknown[]).slice(1, 6);
  expect(need('多年规划')).toEqual([2027, 2, 19317, 80, 19397]);
  expect(need('多年规划 低保75')).toEqual([2027, 2, 19982.5, 80, 20062.5]);
});
