/**
 * The budget sheets of the result workbook (src/projection/budgetSheets.ts), written to xlsx and
 * read back with exceljs. Figures are the hand-worked ones of multiYear.test.ts (two persons,
 * 信阳 2024 → 2027, 信医保办〔2024〕52号 二、一是 / 二、二是 / 二、四是, 低保 75 % from 2026, cost +10 %,
 * 低保边缘 head count +50 % a year) and burden.test.ts (three persons, line 3000).
 */
import ExcelJS from 'exceljs';
import { defaultEngine } from '../../src/engine';
import { project } from '../../src/projection';
import { bootstrapRange } from '../../src/projection/bootstrap';
import { addBudgetSheets, budgetSheetName } from '../../src/projection/budgetSheets';
import { burdenLine, burdenTable, gainers } from '../../src/projection/burden';
import { projectYears } from '../../src/projection/multiYear';
import { person, visit } from './helpers';

const A = '411502198001010011';
const B = '411502196001010022';
const C = '411502197001010033';

function planInput() {
  const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3)];
  const visits = [visit(2, A, '2024-03-01', 'inpatient', '10000.05'), visit(3, B, '2024-05-01', 'inpatient', 20000)];
  const engine = defaultEngine().withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': { '2026': 0.75 } } });
  return { people, visits, region: '信阳', year: 2024, engine, growth: { cost: '10%', byCategory: { dibao_edge: { headcount: 0.5 } } } };
}

function burdenInput() {
  const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3), person(C, '特困人员', '浉河区', 380, 4)];
  const visits = [visit(2, A, '2024-03-01', 'inpatient', 10000), visit(3, B, '2024-05-01', 'inpatient', 20000), visit(4, C, '2024-06-01', 'inpatient', 5000)];
  return { people, visits, region: '信阳', year: 2024 };
}

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const bytes = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as ArrayBuffer);
  return back;
}

const rows = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};
const find = (rs: unknown[][], first: unknown, from = 0) => rs.slice(from).find((r) => r[0] === first)!;

describe('plan and range sheets', () => {
  let wb: ExcelJS.Workbook;
  let plan: ReturnType<typeof projectYears>;
  beforeAll(async () => {
    plan = projectYears(planInput());
    const range = bootstrapRange(plan, { draws: 200 });
    wb = await roundTrip((w) => addBudgetSheets(w, { plan, range }));
  });

  test('多年规划: years with the fund need and the 1:9 parts, then years × districts, Chinese headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['多年规划', '区间']);
    const rs = rows(wb.getWorksheet('多年规划')!);
    expect(rs[0].slice(0, 7)).toEqual(['年度', '人数', '救助合计', '资助参保', '资金需求', '市级', '区县级']);
    // 2024: 7000.04 + 10000 + subsidy 80 = 17080.04 (multiYear.test.ts)
    expect(rs[1].slice(0, 5)).toEqual(['2024（实际名单）', 2, 17000.04, 80, 17080.04]);
    // 2025: 7700.04 + 80 + 2 × 10000 = 27780.04; 2027: 9982.55 + 80 + 3 × 10000 = 40062.55 (4 people)
    expect(find(rs, 2025).slice(4, 5)).toEqual([27780.04]);
    expect(find(rs, 2027).slice(1, 5)).toEqual([4, 39982.55, 80, 40062.55]);
    // city + district = fiscal part (no other sources): 1:9 of each district, city rounded half-up
    const y2027 = find(rs, 2027) as number[];
    expect(Math.round((y2027[5] + y2027[6]) * 100)).toBe(4006255);
    const head = rs.findIndex((r) => r[0] === '区县');
    expect(rs[head]).toEqual(['区县', '2024（实际名单）', 2025, 2026, 2027]);
    // 浉河区 is A: 7080.04, 7780.04, 9155.05, 10062.55; 平桥区 B's 10000 × 1, 2, 2, 3 people
    expect(find(rs, '浉河区', head)).toEqual(['浉河区', 7080.04, 7780.04, 9155.05, 10062.55]);
    expect(find(rs, '平桥区', head)).toEqual(['平桥区', 10000, 20000, 20000, 30000]);
    expect(find(rs, '合计', head)).toEqual(['合计', 17080.04, 27780.04, 29155.05, 40062.55]);
    expect(find(rs, '低保边缘家庭成员', head)).toEqual(['低保边缘家庭成员', 10000, 20000, 20000, 30000]);
  });

  test('多年规划: funding sources and the city:district parts each year, and per district (1:9, 威海 四、(一) 3. as the default)', () => {
    const rs = rows(wb.getWorksheet('多年规划')!);
    const head = rs.findIndex((r) => r[0] === '年度' && r[1] === '市:区县分担比例');
    expect(rs[head]).toEqual(['年度', '市:区县分担比例', '福彩公益金', '社会捐赠', '上级补助', '非财政来源合计', '财政安排', '市级', '区县级']);
    // No sources given: the fiscal budget is the whole need, 40062.55 in 2027.
    const y2027 = find(rs, 2027, head) as (string | number)[];
    expect(y2027.slice(1, 7)).toEqual(['1:9', 0, 0, 0, 0, 40062.55]);
    const split = rs.findIndex((r) => r[0] === '区县' && r[1] === '年度');
    const part = (d: string, y: unknown) => rs.slice(split).find((r) => r[0] === d && r[1] === y)!.slice(2);
    // 平桥区 2027: 30000 → city 1/10 = 3000, district 27000.
    expect(part('平桥区', 2027)).toEqual([30000, 0, 3000, 27000]);
    // 浉河区 2027: 10062.55 → city 1006.255 rounded half-up to 1006.26 (ruling 11), district the rest 9056.29.
    expect(part('浉河区', 2027)).toEqual([10062.55, 0, 1006.26, 9056.29]);
    // The year's city and district totals are the sums of the districts' parts.
    expect(y2027[7]).toBe(4006.26);
    expect(y2027[8]).toBe(36056.29);
    expect(part('浉河区', '2024（实际名单）')).toEqual([7080.04, 0, 708, 6372.04]);
  });

  test('区间: P10 ≤ P50 ≤ P90 each year and per district, with method, draws, seed and what it covers', () => {
    const rs = rows(wb.getWorksheet('区间')!);
    expect(rs[0]).toEqual(['年度', '测算值', '资金需求 P10', '资金需求 P50', '资金需求 P90']);
    for (const y of [2025, 2026, 2027]) {
      const [, point, p10, p50, p90] = find(rs, y) as number[];
      expect(point).toBe(Number(plan.years.find((x) => x.year === y)!.total.fundNeed));
      expect(p10).toBeLessThanOrEqual(p50);
      expect(p50).toBeLessThanOrEqual(p90);
    }
    const d = rs.find((r) => r[0] === '浉河区' && r[1] === 2027) as number[];
    expect(d[5]).toBeLessThanOrEqual(d[7]);
    expect(find(rs, '抽样次数')[1]).toBe(200);
    expect(find(rs, '随机种子')[1]).toBe(20240101);
    expect(String(find(rs, '区间说明')[1])).toMatch(/不包括/);
  });

  test('English sheet names and headers on request', async () => {
    const en = await roundTrip((w) => addBudgetSheets(w, { plan }, 'en'));
    expect(en.worksheets.map((w) => w.name)).toEqual(['Plan']);
    expect(rows(en.worksheets[0])[0][0]).toBe('Year');
  });
});

test('个人负担 and 情景受益: the burden table and the gainers, as worked by hand', async () => {
  const input = burdenInput();
  const line = burdenLine(defaultEngine(), '信阳', 2024, 3000);
  const base = project(input);
  // 低保 75 % (A +500) and 低保边缘 cap 12000 (B +1440): burden.test.ts
  const s = project(input, { name: '提高比例', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75, 'inpatient.tiers.edge_monitored.cap': 12000 } } });
  const wb = await roundTrip((w) => addBudgetSheets(w, { burden: burdenTable(base, line), gainers: [gainers(base, s, line)] }));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['个人负担', '情景受益']);
  const b = rows(wb.getWorksheet('个人负担')!);
  expect(b[0]).toEqual(['负担线', 3000]);
  expect(b[1]).toEqual(['负担线来源', '分析人员给定']);
  const head = b.findIndex((r) => r[0] === '人员类别');
  expect(b[head]).toEqual(['人员类别', '人数', '超过负担线人数', '占比', '个人负担合计']);
  // residuals A 3000 (not above: must exceed), B 10000 (above), C 500
  expect(find(b, '低保边缘家庭成员', head)).toEqual(['低保边缘家庭成员', 1, 1, 100, 10000]);
  expect(find(b, '低保对象', head)).toEqual(['低保对象', 1, 0, 0, 3000]);
  expect(find(b, '合计', head)).toEqual(['合计', 3, 1, 33.33, 13500]);
  const dist = b.findIndex((r) => r[0] === '区县');
  expect(find(b, '浉河区', dist)).toEqual(['浉河区', 2, 0, 0, 3500]);
  const g = rows(wb.getWorksheet('情景受益')!);
  expect(g[0]).toEqual(['情景', '受益人数', '受益合计', '受益中位数', '受损人数', '受损合计', '受损中位数', '不变人数', '超线人数（基准）', '超线人数（情景）', '未比较人数']);
  expect(g[1]).toEqual(['提高比例', 2, 1940, 970, 0, 0, 0, 1, 1, 1, 0]);
});

test('sheet names for a scenario stay within Excel\'s 31 characters and its forbidden characters', () => {
  expect(budgetSheetName('plan', 'zh')).toBe('多年规划');
  const n = budgetSheetName('plan', 'zh', '提高比例/方案[1]: 一个非常非常非常非常非常非常长的名字');
  expect(n.length).toBeLessThanOrEqual(31);
  expect(n).not.toMatch(/[\\/?*[\]:]/);
  expect(n.startsWith('多年规划 ')).toBe(true);
});
