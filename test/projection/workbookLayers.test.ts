/**
 * The 结算各层 sheet of the result workbook (workbookLayout.ts layersSheets): a settlement roster
 * read from CSV, run with a scenario, written by both writers (in memory for the pane,
 * streaming for the CLI) and read back with exceljs. Values hand-worked from 威医保发〔2019〕25号
 * 三、(一) brackets, 三、(二) reduction, 三、(三) 1. assistance (as in test/projection/layers.test.ts).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { runProjection } from '../../src/projection/run';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { writeWorkbookFile } from '../../src/projection/writeWorkbookFile';
import { importPeople, importVisits, readCsv } from '../../src/roster';

const A = '11010519491231002X';
const B = '410102199001011234';

function run(visitsCsv: string, scenarios = true) {
  const p = importPeople(readCsv(`身份证号,姓名,人员类别,区县\n${A},张三,建档立卡贫困人口,环翠区\n${B},李四,低保对象,文登区\n`, { sheet: 'p.csv' }));
  const v = importVisits(readCsv(visitsCsv, { sheet: 'v.csv' }), undefined, { year: 2019, people: p.rows });
  return runProjection({
    people: p.rows, visits: v.rows, importReports: [p.report, v.report], region: '威海', year: 2019,
    scenarios: scenarios ? [{ name: '85%段降至20万', overrides: { 威海: { 'ciInsurance.tiers.hardship.brackets': [{ threshold: 0, rate: 0.65 }, { threshold: 100000, rate: 0.75 }, { threshold: 200000, rate: 0.85 }] } } }] : [],
  });
}

const SETTLEMENT = [
  '身份证号,结算日期,就诊类型,是否规范转诊省内就医,医疗总费用,目录外费用,基本医保统筹支付,大病保险支付,医疗机构减免',
  `${A},2019-08-01,住院,否,130000,5000,5000,,`,
  `${B},2019-10-01,住院,否,260000,0,10000,170000,`,
].join('\n') + '\n';

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

function expectLayerSheet(wb: ExcelJS.Workbook): void {
  expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '情景对比', '明细', '结算各层', '人员', '校验报告', '预测']);
  const ws = wb.getWorksheet('结算各层')!;
  expect(rowValues(ws, 1)).toEqual([
    '行号', '身份证号', '姓名', '区县', '结算日期', '就诊类型', '门诊统筹类别', '记账身份',
    '医疗总费用', '目录外费用', '基本医保', '大病保险', '医疗机构减免', '医疗机构承担目录外超限', '政策范围内自付', '医疗救助', '其中倾斜救助', '个人负担',
    '取值来源（基本医保；大病保险；减免）', '85%段降至20万：医疗救助', '85%段降至20万：个人负担',
  ]);
  // Row 2 (建档立卡): CI (100000 − 5000) × 65% + 20000 × 75% = 76750 (三、(一)); OOP 43250;
  // reduction 5000 × 10% = 500 → 200 (三、(二)); assistance (43250 − 20000) × 70% = 16275 (三、(三) 1.);
  // residual 130000 − 5000 − 76750 − 200 − 16275 = 31775. Below 20万: the scenario leaves it.
  expect(rowValues(ws, 2)).toEqual([2, A, '张三', '环翠区', '2019-08-01', '住院', '', '建档立卡贫困人口',
    130000, 5000, 5000, 76750, 200, 0, 43250, 16275, 0, 31775, '结算数据；按规则；按规则', 16275, 31775]);
  // Row 3 (低保, CI given 170000; no reduction: 三、(二) is for 建档立卡 — the rule gives 0): OOP 80000; 20000 × 70% + 60000 × 80% = 62000 → cap 50000; residual 30000.
  // Scenario: CI moves by rule(20万 85%) − rule(30万 85%) on 250000 = 179250 − 174250 = +5000 → OOP 75000,
  // assistance still 50000, residual 25000.
  expect(rowValues(ws, 3)).toEqual([3, B, '李四', '文登区', '2019-10-01', '住院', '', '低保对象',
    260000, 0, 10000, 170000, 0, 0, 80000, 50000, 0, 30000, '结算数据；结算数据；按规则', 50000, 25000]);
  expect(ws.getCell('B2').numFmt).toBe('@'); // the ID stays text
  expect(ws.getCell('L2').numFmt).toBe('#,##0.00');
  // Every row: basic + ci + reduction + excess + assistance + residual = total.
  for (const r of [2, 3]) {
    const v = rowValues(ws, r) as number[];
    expect(v[10] + v[11] + v[12] + v[13] + v[15] + v[17]).toBe(v[8]);
  }
  expect(ws.rowCount).toBe(3);
  // The scenarios sheet names the layer measures (76750 + 170000 = 246750; +5000 in the scenario).
  const sc = wb.getWorksheet('情景对比')!;
  const byName = new Map<string, unknown[]>();
  sc.eachRow((row) => { const v = (row.values as unknown[]).slice(1); byName.set(String(v[0]), v); });
  expect(byName.get('结算各层 · 大病保险')!.slice(1, 4)).toEqual([246750, 251750, 5000]);
  expect(byName.get('结算各层 · 低保对象 · 个人负担')!.slice(1, 4)).toEqual([30000, 25000, -5000]);
}

describe('结算各层 sheet', () => {
  test('in-memory writer (the pane): one row per settlement visit, each layer, its source, each scenario', async () => {
    expectLayerSheet(await load(await writeWorkbook(run(SETTLEMENT))));
  });

  test('streaming writer (the CLI) gives the same cells', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medaid-layers-')), 'r.xlsx');
    await writeWorkbookFile(run(SETTLEMENT), file);
    expectLayerSheet(await load(fs.readFileSync(file)));
  });

  test('cut at maxDetailRows like 明细, said in a notice row and on the summary sheet', async () => {
    const wb = await load(await writeWorkbook(run(SETTLEMENT, false), { maxDetailRows: 1 }));
    const ws = wb.getWorksheet('结算各层')!;
    expect(ws.rowCount).toBe(3);
    expect(String(ws.getCell('A3').value)).toContain('结算各层（逐次结算就诊）共 2 行，本工作簿只列出前 1 行');
    const summary = wb.getWorksheet('汇总')!;
    const texts: string[] = [];
    summary.eachRow((row) => texts.push((row.values as unknown[]).join(' ')));
    expect(texts.join('\n')).toContain('结算各层（逐次结算就诊）共 2 行');
  });

  test('an out-of-pocket roster has no layer sheet; --detail people leaves it out', async () => {
    const oop = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2019-08-01,住院,30000,否\n`;
    expect((await load(await writeWorkbook(run(oop, false)))).worksheets.map((s) => s.name)).not.toContain('结算各层');
    const people = await load(await writeWorkbook(run(SETTLEMENT, false), { detail: 'people' }));
    expect(people.worksheets.map((s) => s.name)).not.toContain('结算各层');
    const notes: string[] = [];
    people.getWorksheet('汇总')!.eachRow((row) => notes.push((row.values as unknown[]).join(' ')));
    expect(notes.join('\n')).toContain('“结算各层”表也未写出');
  });
});
