/**
 * Issue 16 (review item 1): an outpatient scheme the region does not have rejects that visit
 * row only — in the task pane's worker (RosterSession, runJob) and in `medaid plan` — as it
 * already did in `medaid project`; the person's year (their other visits) is still computed.
 * Every path's row accounting holds: total = used + rejected + blank.
 *
 * Amounts by hand from 信医保办〔2024〕52号 二、二是 (低保对象 inpatient 70 %, 特困人员 90 %,
 * no deductible for either) and 二、一是 (premium subsidy: 低保 80 yuan of 380).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { detectMapping, readCsv, type RawTable } from '../../src/roster';
import { runJob } from '../../src/taskpane/worker/projectionJob';
import { RosterSession } from '../../src/taskpane/worker/rosterSession';
import { captureConsole, idNumber, tempFolder } from '../cli/cliHarness';

const A = idNumber('41150219800101001');
const B = idNumber('41150219600101002');
const PEOPLE = `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n${B},李四,特困人员,平桥区,380\n`;
const VISITS = [
  '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医',
  `${A},2024-03-01,住院,,10000,否`,
  `${A},2024-04-01,门诊,牙科,500,否`, // 信阳 has no such scheme: this row only is rejected
  `${B},2024-05-01,住院,,5000,否`,
].join('\n');
// 张三 10000 × 70 % = 7000.00; 李四 5000 × 90 % = 4500.00 (the 牙科 row counts nothing).
const ASSISTANCE = '11500.00';

const enc = (s: string) => new TextEncoder().encode(s);
const accounted = (r: { total: number; used: number; rejected: number; blank: number }) => expect(r.total).toBe(r.used + r.rejected + r.blank);

describe('the pane worker', () => {
  test('RosterSession.run: the 牙科 visit row is rejected (UNKNOWN_SCHEME on D3), 张三’s inpatient year is computed', async () => {
    const s = new RosterSession();
    await s.load('people', { file: { name: 'p.csv', bytes: enc(PEOPLE) } }, { year: 2024 });
    await s.load('visits', { file: { name: 'v.csv', bytes: enc(VISITS) } }, { year: 2024 });
    const { summary, run } = s.run({ region: '信阳', year: 2024, scenarios: [] });
    expect(summary.baseline.overall.assistance).toBe(ASSISTANCE);
    accounted(run.rows.visits);
    accounted(run.rows.people);
    expect(run.rows.visits).toEqual({ total: 3, used: 2, rejected: 1, blank: 0, notComputed: 0 });
    expect(run.rows.people).toEqual({ total: 2, used: 2, rejected: 0, blank: 0, notComputed: 0 });
    const vr = run.importReports.find((r) => r.kind === 'visits')!;
    expect(vr.entries.filter((e) => e.severity === 'error').map((e) => [e.rowNumber, e.code, e.cell])).toEqual([[3, 'UNKNOWN_SCHEME', 'D3']]);
    expect(run.baseline.problems).toEqual([]);
  });

  test('the check names the region: the pane sees the rejected row before the run, and the run imports nothing again', async () => {
    const s = new RosterSession();
    await s.load('people', { file: { name: 'p.csv', bytes: enc(PEOPLE) } }, { year: 2024 });
    const v = await s.load('visits', { file: { name: 'v.csv', bytes: enc(VISITS) } }, { year: 2024, region: { region: '信阳' } });
    expect(v.check.visits!.summary).toMatchObject({ total: 3, used: 2, rejected: 1, blank: 0 });
    expect(v.check.visits!.entries[0]).toMatchObject({ code: 'UNKNOWN_SCHEME', rowNumber: 3 });
    // Another region with its own schemes: checked again (山西 has no 牙科 either, but the key changed).
    const sx = s.check(2024, undefined, { region: '山西' });
    accounted(sx.visits!.summary);
    expect(sx.visits!.summary.rejected).toBe(1);
  });

  test('runJob (the same job from raw tables) rejects the row only', () => {
    const people: RawTable = readCsv(enc(PEOPLE));
    const visits: RawTable = readCsv(enc(VISITS));
    const { run, summary } = runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
    expect(summary.baseline.overall.assistance).toBe(ASSISTANCE);
    accounted(run.rows.visits);
    expect(run.rows.visits).toEqual({ total: 3, used: 2, rejected: 1, blank: 0, notComputed: 0 });
  });
});

describe('medaid plan', () => {
  const { dir, file } = tempFolder('medaid-scheme-row-');
  const people = file('people.csv', PEOPLE);
  const visits = file('visits.csv', VISITS);
  const { out, err } = captureConsole();

  test('the 牙科 row is rejected and listed; 张三’s year counts; exit 1 (a row was rejected); rows in summary.json', async () => {
    const summary = join(dir, 'plan.json');
    const code = await main(['plan', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--no-range', '--summary', summary]);
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s.base.assistance).toBe(ASSISTANCE);
    expect(s.base.notComputed.people).toBe(0);
    accounted(s.rows.visits);
    expect(s.rows.visits).toEqual({ total: 3, used: 2, rejected: 1, blank: 0 });
    expect(s.rows.people).toEqual({ total: 2, used: 2, rejected: 0, blank: 0 });
    expect(code).toBe(1);
    const text = [...out, ...err].join('\n');
    expect(text).toContain('牙科');
    expect(text).toMatch(/就诊.*3.*2.*1/);
  });
});

describe('medaid solve and medaid burden: the same row check, the rows printed and in summary.json', () => {
  const { dir, file } = tempFolder('medaid-scheme-row-sb-');
  const people = file('people.csv', PEOPLE);
  const visits = file('visits.csv', VISITS);
  const base = ['--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];
  const { out, err } = captureConsole();

  test.each([
    ['burden', ['--burden-line', '3000']],
    ['solve', ['--param', 'inpatient.tiers.dibao_returned.ratio', '--ceiling', '100000']],
  ])('medaid %s: the 牙科 row listed on stderr, rows in summary.json (total = used + rejected + blank)', async (cmd, extra) => {
    const summary = join(dir, `${cmd}.json`);
    expect(await main([cmd, ...base, ...extra, '--summary', summary])).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    accounted(s.rows.visits);
    expect(s.rows.visits).toEqual({ total: 3, used: 2, rejected: 1, blank: 0 });
    expect(out.join('\n')).toMatch(/就诊: 3 总行数, 2 已使用, 1 未使用/);
    expect(err.join('\n')).toContain('牙科');
  });
});
