/**
 * `medaid burden`: 信阳 2024, analyst's line 3000 (信阳 gives no monitoring line): A 低保对象 10000 →
 * 7000 (二、二是 70 %), residual 3000 (not above); B 低保边缘 20000 → cap 10000 (二、四是), residual
 * 10000 (above). Scenario 低保 75 %: A gains 500. Without --burden-line: exit 2 asking for it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const A = idNumber('41150219800101001');
const B = idNumber('41150219600101002');
const { dir, file } = tempFolder('medaid-burden-');
const people = file('people.csv', `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n${B},李四,低保边缘家庭成员,平桥区,380\n`);
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,,10000,否\n${B},2024-05-01,住院,,20000,否\n`);
const scen = file('s.json', JSON.stringify({ name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }));
const base = ['burden', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];
const { err } = captureConsole();

test('counts above the line and the scenario gainers', async () => {
  const summary = join(dir, 'burden.json');
  expect(await main([...base, '--burden-line', '3000', '--scenario', scen, '--summary', summary])).toBe(0);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  expect(s.overall).toEqual({ people: 2, above: 1, sharePct: '50.00', residual: '13000.00' });
  expect(s.scenarios[0]).toMatchObject({ scenario: 'dibao-75', gainers: 1, gainTotal: '500.00', gainMedian: '500.00', losers: 0, aboveBaseline: 1, aboveScenario: 1 });
});

test('no monitoring line and no --burden-line: exit 2 asking for it', async () => {
  expect(await main(base)).toBe(2);
  expect(err.join('\n')).toContain('--burden-line');
});

test('--out writes 个人负担 and 情景受益 sheets', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const book = join(dir, 'burden.xlsx');
  expect(await main([...base, '--burden-line', '3000', '--scenario', scen, '--out', book])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['个人负担', '情景受益']);
  expect((wb.getWorksheet('个人负担')!.getRow(1).values as unknown[]).slice(1)).toEqual(['负担线', 3000]);
  // A gains 500 (7000 → 7500), B unchanged
  expect((wb.getWorksheet('情景受益')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['dibao-75', 1, 500, 500]);
});
