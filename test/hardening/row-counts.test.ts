/**
 * Issue 16 (review item 6): one definition of the row counts (RowAccount, src/projection/types.ts)
 * in the CLI table, summary.json, the workbook's 校验报告 and the pane. A person whose premium
 * subsidy cannot be computed (信阳 leaves 农村易返贫致贫人口's amount to the analyst, ruling 8) is in
 * the projection with their assistance: counted as used — and among notComputed — never as
 * rejected. Before, the counts said 2 rows = 1 used + 1 rejected while 2 people were projected.
 * total = used + rejected + blank; people used = people projected.
 *
 * Amounts from 信医保办〔2024〕52号 二、二是: 低保 10000 × 70 % = 7000.00; 农村易返贫致贫人口
 * (the 低保边缘 tier) (10000 − 2400) × 65 % = 4940.00; assistance 11940.00.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { readRoster, runProjection } from '../../src/projection';
import { detectMapping, readCsv } from '../../src/roster';
import { runJob } from '../../src/taskpane/worker/projectionJob';
import { captureConsole, idNumber, tempFolder } from '../cli/cliHarness';

const A = idNumber('41150219800101001');
const M = idNumber('41150219600101002');
const PEOPLE = `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n${M},李四,农村易返贫致贫人口,平桥区,380\n`;
const VISITS = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,10000,否\n${M},2024-05-01,住院,10000,否\n`;
const enc = (s: string) => new TextEncoder().encode(s);
const accounted = (r: { total: number; used: number; rejected: number; blank: number }) => expect(r.total).toBe(r.used + r.rejected + r.blank);

test('runProjection: the partly computed person is used (and not fully computed), not rejected; used = people projected', async () => {
  const roster = await readRoster({ name: 'p.csv', bytes: enc(PEOPLE) }, { name: 'v.csv', bytes: enc(VISITS) }, 2024);
  const run = runProjection({ ...roster, region: '信阳', year: 2024 });
  expect(run.baseline.problems.map((p) => [p.rowNumber, p.part, p.code])).toEqual([[3, 'premiumSubsidy', 'MISSING_PARAMETER']]);
  expect(run.baseline.totals.overall.assistance.total.toFixed(2)).toBe('11940.00');
  accounted(run.rows.people);
  accounted(run.rows.visits);
  expect(run.rows.people).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 1 });
  expect(run.rows.visits).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 0 });
  expect(run.rows.people.used).toBe(run.baseline.people.length);
});

describe('the CLI: table, summary.json and 校验报告 say the same', () => {
  const { dir, file } = tempFolder('medaid-rowcounts-');
  const { out, err } = captureConsole();

  test('exit 1 (a part not computed), the same counts everywhere', async () => {
    const summary = join(dir, 's.json');
    const book = join(dir, 'out.xlsx');
    expect(await main(['project', '--people', file('p.csv', PEOPLE), '--visits', file('v.csv', VISITS), '--region', '信阳', '--year', '2024', '--summary', summary, '--out', book])).toBe(1);
    expect(out.join('\n')).toContain('人员: 2 总行数, 2 已使用（其中未完全计算 1）, 0 未使用（见下）, 0 空行');
    expect(err.join('\n')).toContain('有 1 行未使用或未完全计算');
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s.rows.people).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 1 });
    expect(s.people).toBe(s.rows.people.used);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(book) as never);
    const ws = wb.getWorksheet('校验报告')!;
    expect(ws.getRow(1).values).toEqual([undefined, '表', '总行数', '已使用', '未使用（见下）', '空行', '其中未完全计算']);
    expect(ws.getRow(2).values).toEqual([undefined, '人员', 2, 2, 0, 0, 1]);
  });
});

test('the pane: its summary carries the same RowAccount, and people projected = used', () => {
  const people = readCsv(PEOPLE);
  const visits = readCsv(VISITS);
  const { summary } = runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
  expect(summary.rows.people).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 1 });
  expect(summary.baseline.overall.people).toBe(summary.rows.people.used);
});
