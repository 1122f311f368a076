/**
 * `medaid project` end to end: a tiny roster worked by hand (信医保办〔2024〕52号, ruling 11),
 * summary.json and the workbook read back with exceljs, exit codes, and the bundled sample
 * giving the same totals through the CLI as through the API the task pane calls.
 */
import { preflight } from '../../src/projection/preflight';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { readRoster, runProjection, runSummary, parseScenarioJson } from '../../src/projection';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const id = idNumber;
const E1 = id('41150219600101001');
const E2 = id('41150319550505002');

const { dir, file } = tempFolder('medaid-project-');
const people = file('people.csv', `\uFEFF身份证号,姓名,人员类别,区县,个人缴费\n${E1},张三,低保对象,浉河区,380\n${E2},李四,特困人员,平桥区,380\n`);
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${E1},2024-01-15,住院,,10000,否\n${E2},2024-01-20,住院,,5000,否\n`);
const scenario = file('s.json', JSON.stringify({ name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }));

const { out, err } = captureConsole();

const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];

test('tiny roster: summary.json, stdout table and the workbook', async () => {
  const xlsx = join(dir, 'out', 'result.xlsx');
  const summary = join(dir, 'out', 'summary.json');
  const code = await main([...base, '--scenario', scenario, '--donations', '1000', '--transfers', '2000', '--out', xlsx, '--summary', summary, '--detail', 'visits']);
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  // 二、二是: 低保 10000 × 70% = 7000.00; 特困 5000 × 90% = 4500.00.
  expect(s.assistance.total).toBe('11500.00');
  expect(s.assistance.byCategory).toEqual({ tekun: '4500.00', dibao: '7000.00' });
  expect(s.assistance.byDistrict).toEqual({ 平桥区: '4500.00', 浉河区: '7000.00' });
  // 二、一是: 低保 80 (ruling 8) + 特困 the full premium 380.
  expect(s.premiumSubsidy.total).toBe('460.00');
  expect(s.premiumSubsidy.byCategory).toEqual({ tekun: '380.00', dibao: '80.00' });
  expect(s.fundNeed).toBe('11960.00');
  // Sources 3000 pro rata: 1775.92 / 1224.08; fiscal 5304.08 / 3655.92; 1:9 → 530.41 + 4773.67, 365.59 + 3290.33 (ruling 11).
  expect(s.split.city).toBe('896.00');
  expect(s.split.districts).toEqual({ 平桥区: { city: '365.59', district: '3290.33' }, 浉河区: { city: '530.41', district: '4773.67' } });
  expect(s.sources.byDistrict).toEqual({ 平桥区: '1224.08', 浉河区: '1775.92' });
  // Scenario: 低保 75% → 7500.00, so +500.00 (+4.35 %: 500/11500).
  expect(s.scenarios['dibao-75'].assistance.total).toBe('12000.00');
  expect(s.scenarios['dibao-75'].diff['assistance.total']).toEqual({ baseline: '11500.00', scenario: '12000.00', diff: '500.00', pct: '4.35' });
  expect(s.rows.visits).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 0 });

  expect(out.join('\n')).toContain('救助合计');
  expect(out.join('\n')).toContain('11,500.00');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '情景对比', '明细', '人员', '校验报告', '预测']);
  const details = wb.getWorksheet('明细')!;
  expect(details.getRow(1).getCell(2).value).toBe('身份证号');
  expect(details.getRow(2).getCell(2).value).toBe(E1); // text, all 18 characters
  expect(details.getRow(2).getCell(14).value).toBe(7000);
  expect(details.getRow(2).getCell(14).numFmt).toBe('#,##0.00');
  expect(details.getRow(2).getCell(15).value).toBe(7500); // the scenario's column
});

test('--mask and --lang en', async () => {
  const xlsx = join(dir, 'masked.xlsx');
  expect(await main([...base, '--mask', '--lang', 'en', '--out', xlsx, '--detail', 'visits'])).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Scenarios', 'Details', 'People', 'Validation', 'Forecast']);
  const row = wb.getWorksheet('Details')!.getRow(2);
  expect(row.getCell(2).value).toBe(`${E1.slice(0, 4)}**********${E1.slice(-4)}`);
  expect(row.getCell(3).value).toBe('张*');
});

test('a rejected row: outputs still written, exit 1, the count and where the report is', async () => {
  const bad = file('visits-bad.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${E1},2024-01-15,住院,,10000,否\n${E2},2024-01-20,住院,,-5,否\n`);
  const summary = join(dir, 'bad-summary.json');
  const xlsx = join(dir, 'bad.xlsx');
  const code = await main(['project', '--people', people, '--visits', bad, '--region', '信阳', '--year', '2024', '--summary', summary, '--out', xlsx]);
  expect(code).toBe(1);
  expect(err.join('\n')).toContain('有 1 行未使用');
  expect(err.join('\n')).toContain('bad.xlsx');
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  expect(s.assistance.total).toBe('7000.00');
  expect(s.rows.visits).toEqual({ total: 2, used: 1, rejected: 1, blank: 0, notComputed: 0 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  const report = wb.getWorksheet('校验报告')!;
  const codes: unknown[] = [];
  report.eachRow((r) => codes.push(r.getCell(8).value));
  expect(codes).toContain('NEGATIVE_AMOUNT');
  expect(await main(['project', '--people', people, '--visits', bad, '--region', '信阳', '--year', '2024', '--allow-rejected'])).toBe(0);
});

test.each([
  [['project', '--people', people], '--visits'],
  [[...base, '--scenario', join(dir, 'missing.json')], 'missing.json'],
  [[...base, '--scenario', file('bad-scenario.json', '{"name":"x","overrides":{},"growth":{"cost":"fast"}}')], 'growth.cost'],
  [['project', '--people', join(dir, 'nope.csv'), '--visits', visits, '--region', '信阳', '--year', '2024'], 'nope.csv'],
  [['project', '--people', people, '--visits', visits, '--region', '火星', '--year', '2024'], '火星'],
  [[...base, '--lottery', 'lots'], 'lottery'],
  [[...base, '--bogus'], '--bogus'],
])('bad usage → exit 2 naming the problem (%#)', async (args, named) => {
  expect(await main(args as string[])).toBe(2);
  expect(err.join('\n')).toContain(named);
});

test('the bundled sample: the CLI and the API (task pane) give identical totals', async () => {
  const root = join(__dirname, '../..');
  const p = join(root, 'samples/xinyang-2024-people.csv');
  const v = join(root, 'samples/xinyang-2024-visits.csv');
  const sc = join(root, 'samples/scenario-dibao-75.json');
  const summary = join(dir, 'sample-summary.json');
  const code = await main(['project', '--people', p, '--visits', v, '--region', '信阳', '--year', '2024', '--scenario', sc, '--summary', summary]);
  expect(code).toBe(1); // the sample has deliberately bad rows
  const roster = await readRoster({ name: 'xinyang-2024-people.csv', bytes: readFileSync(p) }, { name: 'xinyang-2024-visits.csv', bytes: readFileSync(v) }, 2024);
  const apiRun = runProjection({ ...roster, region: '信阳', year: 2024, scenarios: parseScenarioJson(readFileSync(sc, 'utf8'), 'scenario-dibao-75.json') });
  // The pre-flight's notes travel with the run into summary.json (issue 16), as the pane attaches them.
  const api = runSummary({ ...apiRun, preflight: preflight({ ...roster, region: '信阳', year: 2024 }) });
  expect(JSON.parse(readFileSync(summary, 'utf8'))).toEqual(JSON.parse(JSON.stringify(api)));
  // Every row is accounted for: used + rejected + blank = total.
  for (const t of [api.rows.people, api.rows.visits]) expect(t.used + t.rejected + t.blank).toBe(t.total);
  expect(api.rows.people.total).toBe(3002);
});

test('--detail: people (default) leaves out the per-visit sheet, none both detail sheets, and the summary sheet says so', async () => {
  const sheets = async (extra: string[]) => {
    const xlsx = join(dir, `detail-${extra.join('') || 'default'}.xlsx`);
    expect(await main([...base, '--out', xlsx, ...extra])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const notes: string[] = [];
    wb.getWorksheet('汇总')!.eachRow((r) => {
      const v = r.getCell(2).value;
      if (typeof v === 'string' && v.includes('--detail')) notes.push(v);
    });
    return { names: wb.worksheets.map((w) => w.name), notes };
  };
  expect(await sheets([])).toEqual({ names: ['汇总', '情景对比', '人员', '校验报告', '预测'], notes: [expect.stringContaining('--detail people')] });
  expect(await sheets(['--detail', 'none'])).toEqual({ names: ['汇总', '情景对比', '校验报告', '预测'], notes: [expect.stringContaining('--detail none')] });
  expect((await sheets(['--detail', 'visits'])).names).toEqual(['汇总', '情景对比', '明细', '人员', '校验报告', '预测']);
  expect(await main([...base, '--detail', 'all'])).toBe(2);
  expect(err.join('\n')).toContain('--detail must be none, people or visits, not "all"');
});
