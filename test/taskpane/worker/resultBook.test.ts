import ExcelJS from 'exceljs';
import { figureRows } from '../../../src/taskpane/analystFigures';
import { addScenarioSheet, FIGURES_SHEET, readScenarioSheet, SCENARIO_SHEET } from '../../../src/taskpane/host/scenarioSheet';
import { readCsv } from '../../../src/roster/csv';
import { detectMapping } from '../../../src/roster/mapping';
import { runJob } from '../../../src/taskpane/worker/projectionJob';
import { buildBook, CHART_SHEET_KEY } from '../../../src/taskpane/worker/resultBook';
import { roster2500 } from './roster2500';

function job() {
  const people = readCsv('身份证号,姓名,人员类别,区县\n411524194203289881,严辉丽,低保对象,商城县\n41152219640620205X,刘云,特困人员,光山县\n', { sheet: 'p.csv' });
  const visits = readCsv('身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n411524194203289881,2024-05-01,住院,10000,否\n', { sheet: 'v.csv' });
  return runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
}

describe('result book', () => {
  test('Office sheets: the workbook sheets as values, IDs kept as text, plus chart data with two charts', async () => {
    const { run, summary } = job();
    const book = await buildBook(run, summary, { lang: 'zh', mask: false, sheets: true });
    expect(book.fileName).toBe('救助测算-信阳市-2024.xlsx');
    const people = book.sheets.find((s) => s.title === '人员')!;
    const idCol = people.rows.findIndex((r) => r.includes('411524194203289881'));
    expect(idCol).toBeGreaterThan(-1);
    const col = people.rows[idCol].indexOf('411524194203289881');
    expect(people.textColumns).toContain(col);
    const chart = book.sheets.find((s) => s.key === CHART_SHEET_KEY)!;
    // 商城县: 10000 × 70% (信医保办〔2024〕52号 二、二是) = 7000; 光山县 had no visit
    expect(chart.rows.slice(1, 3)).toEqual([['光山县', 0, expect.any(Number)], ['商城县', 7000, 80]]);
    expect(book.charts.map((c) => c.kind)).toEqual(['column', 'pie']);
  });

  test('masking reaches the sheets; scenarios go into a hidden sheet of the download', async () => {
    const { run, summary } = job();
    const set = { scenarios: [{ name: 'a', overrides: { 'xinyang-2024': { 'tilt.threshold': 10000 } } }] };
    const book = await buildBook(run, summary, { lang: 'zh', mask: true, sheets: true, scenarios: set });
    const all = JSON.stringify(book.sheets);
    expect(all).not.toContain('411524194203289881');
    expect(all).not.toContain('严辉丽');
    expect(book.sheets.some((s) => s.title === SCENARIO_SHEET)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.xlsx) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SCENARIO_SHEET)!.state).toBe('hidden');
    expect(readScenarioSheet(wb)).toEqual(set);
  });

  test('the download keeps scenarios and figures in hidden sheets and lists the figures on the summary sheet; Excel needs no file', async () => {
    const { run, summary } = job();
    const figures = { parameters: { 'xinyang-2024': { 'premium.tiers.monitored.amount': 100 } }, policies: [] };
    const set = { scenarios: [{ name: 'a', overrides: { 'xinyang-2024': { 'tilt.threshold': 10000 } } }], figures };
    const book = await buildBook(run, summary, { lang: 'zh', mask: false, sheets: false, scenarios: set, parameters: figureRows(figures) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.xlsx) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.filter((s) => s.state === 'hidden').map((s) => s.name)).toEqual([SCENARIO_SHEET, FIGURES_SHEET]);
    expect(readScenarioSheet(wb)).toEqual(set);
    const cells: unknown[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toEqual(expect.arrayContaining(['xinyang-2024', 'premium.tiers.monitored.amount', '100']));
    // A workbook saved before figures existed (scenarios only) still reads.
    const old = new ExcelJS.Workbook();
    addScenarioSheet(old, { scenarios: set.scenarios });
    expect(readScenarioSheet(old)).toEqual({ scenarios: set.scenarios });

    const office = await buildBook(run, summary, { lang: 'zh', mask: false, sheets: true, xlsx: false });
    expect(office.xlsx.byteLength).toBe(0);
    expect(office.sheets.map((s) => s.title)).toContain('汇总');
  });

  test('detail sheets: people only by default (as the CLI), every visit or none on request; the summary sheet names the pane field, not a CLI flag', async () => {
    const { run, summary } = job();
    const titles = async (detail?: 'none' | 'people' | 'visits') => (await buildBook(run, summary, { lang: 'zh', mask: false, sheets: true, xlsx: false, ...(detail ? { detail } : {}) })).sheets.map((s) => s.title);
    expect(await titles()).toEqual(['汇总', '情景对比', '人员', '校验报告', '预测', '图表']);
    expect(await titles('visits')).toEqual(['汇总', '情景对比', '明细', '人员', '校验报告', '预测', '图表']);
    expect(await titles('none')).toEqual(['汇总', '情景对比', '校验报告', '预测', '图表']);
    const book = await buildBook(run, summary, { lang: 'zh', mask: false, sheets: true, xlsx: false });
    const note = JSON.stringify(book.sheets[0].rows);
    expect(note).toContain('未写出逐次就诊明细表（任务窗格“结果中的明细表”）');
    expect(note).not.toContain('--detail');
    // The totals still include the visit that is not listed: 10000 × 70% = 7000 (信医保办〔2024〕52号 二、二是).
    expect(book.sheets.find((s) => s.key === CHART_SHEET_KEY)!.rows[2]).toEqual(['商城县', 7000, 80]);
  });
});

test('the result tables report their progress while they are built: 0, every 2,000 rows, then all (the pane’s bar)', async () => {
  // 2,500 信阳 低保对象 people (valid IDs), one visit: the 人员 sheet is the long table.
  const { people, visits } = roster2500();
  const { run, summary } = runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
  const ticks: [number, number][] = [];
  await buildBook(run, summary, { lang: 'zh', mask: false, sheets: false, xlsx: false }, { onProgress: (phase, done, total) => { if (phase === 'book') ticks.push([done, total]); } });
  const total = run.baseline.people.length + run.importReports.reduce((n, r) => n + r.entries.length, 0);
  expect(run.baseline.people.length).toBe(2500);
  expect(ticks[0]).toEqual([0, total]);
  expect(ticks).toContainEqual([2000, total]);
  expect(ticks[ticks.length - 1]).toEqual([total, total]);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i][0]).toBeGreaterThanOrEqual(ticks[i - 1][0]);
});
