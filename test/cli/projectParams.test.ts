/**
 * `medaid project --set / --params / --policy`: figures the documents leave to the analyst go
 * into the baseline (and so into every scenario), are recorded in stdout, summary.json and the
 * workbook, and a bad flag, file or field is exit 2 naming it. Amounts by hand from
 * 信医保办〔2024〕52号 (clause beside each).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { BUILTIN_POLICIES } from '../../src/engine';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const id = idNumber;
const D1 = id('41150219600101001');
const M1 = id('41150319800101002');

const { dir, file } = tempFolder('medaid-params-');
const people = file('people.csv', `身份证号,姓名,人员类别,区县,个人缴费\n${D1},张三,低保对象,浉河区,380\n${M1},王五,农村易返贫致贫人口,平桥区,380\n`);
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${D1},2024-01-15,住院,,10000,否\n`);
const scenario = file('s.json', JSON.stringify({ name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }));

const { out, err } = captureConsole();

const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];

test('without the figure the 农村易返贫致贫人口 subsidy is a reported row (exit 1, ruling 8)', async () => {
  expect(await main(base)).toBe(1);
  expect(err.join('\n')).toContain('premium.tiers.monitored.amount');
});

test('--set 信阳:premium.tiers.monitored.amount=100: baseline and scenario, recorded everywhere', async () => {
  const summary = join(dir, 'set', 'summary.json');
  const xlsx = join(dir, 'set', 'result.xlsx');
  const code = await main([...base, '--set', '信阳:premium.tiers.monitored.amount=100', '--scenario', scenario, '--summary', summary, '--out', xlsx]);
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  // 二、一是 + ruling 8: 农村易返贫致贫人口 100 (the analyst's figure); 低保 80. Total 180.00.
  expect(s.premiumSubsidy.byCategory).toEqual({ dibao: '80.00', monitored: '100.00' });
  expect(s.premiumSubsidy.total).toBe('180.00');
  // The scenario is built on that baseline: the subsidies stay, 低保 10000 × 75% = 7500.00 (二、二是 at 70% = 7000.00).
  expect(s.scenarios['dibao-75'].premiumSubsidy.total).toBe('180.00');
  expect(s.scenarios['dibao-75'].diff['assistance.total']).toMatchObject({ baseline: '7000.00', scenario: '7500.00', diff: '500.00' });
  expect(s.analystParameters).toEqual([{ source: '--set 信阳:premium.tiers.monitored.amount=100', region: '信阳', path: 'premium.tiers.monitored.amount', value: 100 }]);
  expect(out.join('\n')).toContain('信阳:premium.tiers.monitored.amount = 100');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  wb.getWorksheet('汇总')!.eachRow((r) => void rows.push((r.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(['信阳', 'premium.tiers.monitored.amount', '100', '--set 信阳:premium.tiers.monitored.amount=100']);
});

test('--explain runs on the same baseline: the analyst’s figure and its citation', async () => {
  expect(await main([...base, '--set', '信阳:premium.tiers.monitored.amount=100', '--explain', M1])).toBe(0);
  const text = out.join('\n');
  expect(text).toContain('资助参保 100.00'); // 二、一是, ruling 8: the analyst's 100
  expect(text).toContain('二、一是');
});

test('--params FILE gives the same baseline; --set after it wins', async () => {
  const params = file('params.json', JSON.stringify({ 信阳: { 'premium.tiers.monitored.amount': 100 } }));
  const summary = join(dir, 'params-summary.json');
  expect(await main([...base, '--params', params, '--summary', summary])).toBe(0);
  expect(JSON.parse(readFileSync(summary, 'utf8')).premiumSubsidy.total).toBe('180.00');
  expect(await main([...base, '--params', params, '--set=信阳:premium.tiers.monitored.amount=90', '--summary', summary, '--force'])).toBe(0);
  expect(JSON.parse(readFileSync(summary, 'utf8')).premiumSubsidy.total).toBe('170.00'); // 90 + 80
});

test('--policy FILE: the analyst’s region, with a scenario checked against it', async () => {
  const xinyang = BUILTIN_POLICIES.find((p) => p.id === 'xinyang-2024')!;
  const own = { ...JSON.parse(JSON.stringify(xinyang)), id: 'example-2024', region: { ...xinyang.region, id: 'example', names: { zh: '示例市', en: 'Example City' }, aliases: ['示例市', '示例'] } };
  const policy = file('example.json', JSON.stringify(own));
  const sc = file('example-scenario.json', JSON.stringify({ name: 'ex-80', overrides: { 示例: { 'inpatient.tiers.dibao_returned.ratio': 0.8 } } }));
  const summary = join(dir, 'policy-summary.json');
  const args = ['project', '--people', people, '--visits', visits, '--region', '示例', '--year', '2024', '--policy', policy, '--set', '示例:premium.tiers.monitored.amount=100', '--scenario', sc, '--summary', summary];
  expect(await main(args)).toBe(0);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  // The copied rules (二、二是 低保 70%): 7000.00; the scenario's 80%: 8000.00.
  expect(s.assistance.total).toBe('7000.00');
  expect(s.scenarios['ex-80'].assistance.total).toBe('8000.00');
});

describe('bad flags and files: exit 2 naming the flag, the file and the field', () => {
  const bad = (name: string, text: string) => file(name, text);
  test.each([
    [['--set', '信阳:premium.tiers.monitored.amount=abc'], ['--set 信阳:premium.tiers.monitored.amount=abc', '应为金额（元）', 'must be an amount in yuan']],
    [['--set', '信阳:premium.tiers.nobody.amount=100'], ['--set 信阳:premium.tiers.nobody.amount=100', '"nobody"']],
    [['--set', '信阳premium=1'], ['--set 信阳premium=1', 'REGION:PATH=VALUE']],
    [['--set', '火星:premium.tiers.monitored.amount=1'], ['火星']],
    [['--params', join(dir, 'missing-params.json')], ['missing-params.json']],
    [['--params', bad('bad-params.json', '{"信阳": {"premium.tiers.monitored.amont": 1}}')], ['--params', 'bad-params.json', 'premium.tiers.monitored.amont']],
    [['--params', bad('shape-params.json', '[]')], ['shape-params.json']],
    [['--policy', bad('bad-policy.json', JSON.stringify({ id: 'x-2024' }))], ['--policy', 'bad-policy.json', 'region']],
    [['--policy', bad('dup-policy.json', JSON.stringify(BUILTIN_POLICIES.find((p) => p.id === 'xinyang-2024')))], ['dup-policy.json', 'xinyang-2024']],
    [['--set'], ['--set']],
  ])('%j', async (extra, named) => {
    expect(await main([...base, ...(extra as string[])])).toBe(2);
    for (const n of named as string[]) expect(err.join('\n')).toContain(n);
  });
});
