/**
 * `medaid project` on incomplete runs (issue 17; issue 15 item 3): the table, summary.json and
 * the workbook's first sheet say what share was computed, a figure not computed reads 未计算
 * (never 0.00), and below the threshold the fund need is withheld until --accept-partial.
 * Hand-worked: 山西 2022 press briefing (低保 70 %, no deductible; subsidy 80 % of the premium);
 * 信阳 信医保办〔2024〕52号 二、二是 (低保 70 %).
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const S1 = idNumber('14010219600101001');
const X1 = idNumber('41150219600101001');
const X2 = idNumber('41150319550505002');
const { dir, file } = tempFolder('medaid-complete-');
const { out, err } = captureConsole();

const HEAD_P = '身份证号,姓名,人员类别,区县,个人缴费';
const HEAD_V = '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医';

describe('山西: delegated tilt', () => {
  const people = file('sx-p.csv', `${HEAD_P}\n${S1},王一,低保对象,太原,350\n`);
  const visits = file('sx-v.csv', `${HEAD_V}\n${S1},2022-03-01,住院,,20000,是\n`);

  test('table and summary.json: 倾斜救助 未计算 with the reason; the other figures computed', async () => {
    const summary = join(dir, 'sx.json');
    const xlsx = join(dir, 'sx.xlsx');
    const code = await main(['project', '--people', people, '--visits', visits, '--region', '山西', '--year', '2022', '--summary', summary, '--out', xlsx]);
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const text = out.join('\n');
    // 20000 × 70 % = 14000.00; the tilt's terms are the prefecture's (ruling 4).
    expect(text).toMatch(/住院救助\s+14,000\.00/);
    expect(text).toMatch(/倾斜救助\s+未计算/);
    expect(text).toContain('部分测算');
    expect(text).toContain('倾斜救助未计算：山西省倾斜救助标准由统筹地区确定');
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s.assistance.tilt).toBeNull();
    expect(s.partial).toBe(true);
    expect(s.completeness.rules).toMatchObject({ total: 5, computed: 4 });
    expect(s.premiumSubsidy.total).toBe('280.00'); // 80 % × 350
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const first = wb.worksheets[0];
    expect(first.name).toBe('汇总');
    expect(first.getCell('A3').value).toBe('部分测算');
    expect(String(first.getCell('B3').value)).toContain('规则 4/5');
  });
});

describe('信阳: below the threshold the fund need is withheld until the analyst confirms', () => {
  // X1: admission 10000 → 7000.00. X2: an outpatient scheme 信阳 does not have → not computed.
  const people = file('xy-p.csv', `${HEAD_P}\n${X1},张三,低保对象,浉河区,380\n${X2},李四,低保对象,平桥区,380\n`);
  const visits = file('xy-v.csv', `${HEAD_V}\n${X1},2024-01-15,住院,,10000,否\n${X2},2024-01-20,门诊,普通门诊慢病,500,否\n`);
  const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];

  test('withheld: 50.00 % of visits computed < 95 %', async () => {
    const code = await main(base);
    expect(code).toBe(1); // a row was not computed
    const text = out.join('\n');
    expect(text).toContain('部分测算：已计算 50.00% 的就诊（1/2）');
    expect(text).toMatch(/资金需求\s+暂不显示/);
    expect(text).toContain('--accept-partial');
    expect(text).not.toMatch(/资金需求\s+7,160\.00/);
  });

  test('--accept-partial shows the partial figures, labelled; --min-complete 40 does not withhold', async () => {
    await main([...base, '--accept-partial']);
    // 7000.00 assistance + 80 + 80 premium subsidies (二、一是, ruling 8) = 7160.00
    expect(out.join('\n')).toMatch(/资金需求\s+7,160\.00/);
    expect(out.join('\n')).toContain('基准（部分测算）');
    out.length = 0;
    await main([...base, '--min-complete', '40']);
    expect(out.join('\n')).toMatch(/资金需求\s+7,160\.00/);
  });

  test('a bad --min-complete is a usage error naming the flag', async () => {
    expect(await main([...base, '--min-complete', 'lots'])).toBe(2);
    expect(err.join('\n')).toContain('--min-complete');
  });
});

describe('pre-flight', () => {
  const people = file('pf-p.csv', `${HEAD_P}\n${X1},张三,低保对象,浉河区,380\n`);
  const visits = file('pf-v.csv', `${HEAD_V}\n${X1},2024-01-15,住院,,10000,否\n${X1},2024-02-15,住院,,2000,否\n`);

  test('a year with no visits stops with exit 2 and a message naming the year to choose; nothing is written', async () => {
    const summary = join(dir, 'pf.json');
    const code = await main(['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2025', '--summary', summary]);
    expect(code).toBe(2);
    const e = err.join('\n');
    expect(e).toContain('名册中没有 2025 年的就诊：2 行就诊的结算日期都在其他年度（2024（2 行））');
    expect(e).toContain('--year 2024');
    expect(e).toContain('the roster has no visit in 2025');
    expect(out.join('\n')).not.toContain('0.00');
    expect(existsSync(summary)).toBe(false);
  });

  test('a year with no visits, roster in parts (--memory): stops while reading, before any part is projected', async () => {
    // 40 people × 3 visits, all in 2024, run for 2025: YEAR_WITHOUT_VISITS (preflight.ts), the same message.
    const ids = Array.from({ length: 40 }, (_, i) => idNumber(`41150219600101${String(100 + i)}`));
    const bigP = file('pf-big-p.csv', `${HEAD_P}\n${ids.map((x, i) => `${x},人${i},低保对象,浉河区,380`).join('\n')}\n`);
    const bigV = file('pf-big-v.csv', `${HEAD_V}\n${ids.flatMap((x) => [1, 2, 3].map((m) => `${x},2024-0${m}-15,住院,,1000,否`)).join('\n')}\n`);
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let code: number;
    try {
      code = await main(['project', '--people', bigP, '--visits', bigV, '--region', '信阳', '--year', '2025', '--memory', '0.001']);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(2);
    const e = err.join('\n');
    expect(e).toContain('【停止】名册中没有 2025 年的就诊：120 行就诊的结算日期都在其他年度（2024（120 行））');
    expect(e).toContain('[stop] the roster has no visit in 2025: all 120 visit rows are dated in other years (2024 (120 rows))');
    // The roster is in parts (progress would say "part i of N projected"), and none was projected.
    expect(written.join('')).not.toMatch(/projected/);
    expect(out.join('\n')).not.toContain('0.00');
  });

  test('the same roster run for its own year in parts says its progress on stderr, part by part', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let code: number;
    try {
      code = await main(['project', '--people', join(dir, 'pf-big-p.csv'), '--visits', join(dir, 'pf-big-v.csv'), '--region', '信阳', '--year', '2024', '--memory', '0.01']);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    const lines = written.join('').split('\n').filter((l) => l.includes('projected'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[lines.length - 1]).toMatch(/^已测算第 (\d+)\/\1 部分 \/ part (\d+) of \2 projected$/);
  });

  test('the wrong region is announced before the table, with the region that fits', async () => {
    const sx = file('pf-sx.csv', `${HEAD_P}\n${X1},张三,低保边缘家庭成员,浉河区,380\n`);
    await main(['project', '--people', sx, '--visits', visits, '--region', '威海', '--year', '2024', '--accept-partial']);
    const text = out.join('\n');
    expect(text.indexOf('测算前检查')).toBeLessThan(text.indexOf('威海市 2024 年医疗救助资金测算'));
    expect(text).toContain('名册与 信阳市 的政策相符');
    expect(text).toContain('--region 信阳');
  });
});
