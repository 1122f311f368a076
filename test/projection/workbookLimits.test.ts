/**
 * Long tables past a row limit: the in-memory workbook cuts 明细 at maxDetailRows with a
 * bilingual notice row and a note in the summary sheet; the streamed file splits 明细 over
 * 明细1, 明细2 … past a sheet's row limit (injected small here). Never a row lost silently, and
 * the totals do not change. Amounts by hand from 信医保办〔2024〕52号.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runProjection, writeWorkbook } from '../../src/projection';
import { writeWorkbookFile } from '../../src/projection/writeWorkbookFile';
import { person, visit } from './helpers';

const P1 = '411502196001010011';
const P2 = '411503195501010022';
const P3 = '411502197001010033';

const run = runProjection({
  people: [person(P1, '低保对象', '浉河区', 380, 2), person(P2, '特困人员', '平桥区', 380, 3), person(P3, '低保对象', '浉河区', 380, 4)],
  visits: [
    visit(2, P1, '2024-01-10', 'inpatient', 1000),
    visit(3, P1, '2024-02-10', 'inpatient', 2000),
    visit(4, P1, '2024-03-10', 'inpatient', 3000),
    visit(5, P2, '2024-01-20', 'inpatient', 1000),
    visit(6, P2, '2024-02-20', 'inpatient', 1000),
    visit(7, P3, '2024-04-01', 'inpatient', 500),
    visit(8, P3, '2024-05-01', 'inpatient', 500),
  ],
  region: '信阳',
  year: 2024,
});
// 信医保办〔2024〕52号 二、二是 (no deductible): 低保 70% → 700, 1400, 2100 and 350, 350;
// 特困 90% → 900, 900. Sum 6700.00.
const ASSISTANCE = [700, 1400, 2100, 900, 900, 350, 350];
const TOTAL_ASSISTANCE = 6700;
// 二、一是: 低保 80 × 2 (ruling 8) + 特困 the full premium 380 = 540; need 6700 + 540 = 7240.
const FUND_NEED = 7240;

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet as rows of values (row 1 first). */
function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
}

const isNote = (row: unknown[]) => typeof row[0] === 'string' && /Note/.test(row[0]);
const totalRow = (ws: ExcelJS.Worksheet) => values(ws).find((r) => r[0] === '合计')!;

test('maxDetailRows: the first rows, then a bilingual notice row; the summary sheet says so; totals unchanged', async () => {
  const whole = await load(await writeWorkbook(run));
  const cut = await load(await writeWorkbook(run, { maxDetailRows: 3 }));
  expect(cut.worksheets.map((w) => w.name)).toEqual(['汇总', '情景对比', '明细', '人员', '校验报告', '预测']);

  const details = values(cut.getWorksheet('明细')!);
  expect(details).toHaveLength(1 + 3 + 1); // header, 3 visit rows, the notice
  expect(details.slice(1, 4).map((r) => r[0])).toEqual([2, 3, 4]);
  const notice = String(details[4][0]);
  expect(notice).toContain('明细（逐次就诊）共 7 行');
  expect(notice).toContain('只列出前 3 行');
  expect(notice).toContain('the first 3');
  expect(notice).toContain('the other 4 are not listed');

  const summary = values(cut.getWorksheet('汇总')!);
  const notes = summary.filter(isNote);
  expect(notes).toHaveLength(1);
  expect(String(notes[0][1])).toBe(notice);
  // The summary's figures are the whole roster's: the same sheet as without a limit, note aside.
  expect(summary.filter((r) => !isNote(r))).toEqual(values(whole.getWorksheet('汇总')!));
  expect(totalRow(cut.getWorksheet('汇总')!)[6]).toBe(TOTAL_ASSISTANCE);
  expect(totalRow(cut.getWorksheet('汇总')!)[9]).toBe(FUND_NEED);
  for (const name of ['情景对比', '人员', '校验报告', '预测']) expect(values(cut.getWorksheet(name)!)).toEqual(values(whole.getWorksheet(name)!));
  // Without a limit nothing is said: no note, no notice.
  expect(values(whole.getWorksheet('汇总')!).filter(isNote)).toEqual([]);
  expect(values(whole.getWorksheet('明细')!)).toHaveLength(1 + 7);
});

test('sheet row limit: 明细 split over 明细1, 明细2, 明细3 with every row once, in order; the summary sheet says so', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'medaid-split-')), 'split.xlsx');
  await writeWorkbookFile(run, file, { sheetRowLimit: 4 }); // a header + 3 rows a sheet
  const wb = await load(readFileSync(file));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '情景对比', '明细1', '明细2', '明细3', '人员', '校验报告', '预测']);
  const parts = ['明细1', '明细2', '明细3'].map((n) => values(wb.getWorksheet(n)!));
  expect(parts.map((p) => p.length)).toEqual([4, 4, 2]);
  for (const p of parts) expect(p[0][1]).toBe('身份证号'); // each part has the header
  const rows = parts.flatMap((p) => p.slice(1));
  expect(rows.map((r) => r[0])).toEqual([2, 3, 4, 5, 6, 7, 8]);
  expect(rows.map((r) => r[13])).toEqual(ASSISTANCE);
  expect(rows.reduce((a, r) => a + (r[13] as number), 0)).toBe(TOTAL_ASSISTANCE);
  expect(wb.getWorksheet('明细2')!.getRow(2).getCell(14).numFmt).toBe('#,##0.00');
  expect(wb.getWorksheet('明细2')!.getRow(2).getCell(2).value).toBe(P2); // ID stays text

  const notes = values(wb.getWorksheet('汇总')!).filter(isNote);
  expect(notes).toHaveLength(1);
  expect(String(notes[0][1])).toContain('分为 3 个工作表：明细1（第 1–3 条）、明细2（第 4–6 条）、明细3（第 7–7 条）');
  expect(String(notes[0][1])).toContain('split across 3 sheets');
  expect(totalRow(wb.getWorksheet('汇总')!)[9]).toBe(FUND_NEED);
  // The People table (3 rows) fits in one sheet of 4 rows: not split.
  expect(values(wb.getWorksheet('人员')!)).toHaveLength(4);
});

test('cut and split together (in memory): the notice ends the last part', async () => {
  const wb = await load(await writeWorkbook(run, { maxDetailRows: 5, sheetRowLimit: 4 }));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '情景对比', '明细1', '明细2', '人员', '校验报告', '预测']);
  const second = values(wb.getWorksheet('明细2')!);
  expect(second.slice(1, 3).map((r) => r[0])).toEqual([5, 6]);
  expect(String(second[3][0])).toContain('只列出前 5 行');
  expect(values(wb.getWorksheet('汇总')!).filter(isNote)).toHaveLength(1);
});

test('English workbook: split sheet names follow the language, the notice reads English first', async () => {
  const wb = await load(await writeWorkbook(run, { lang: 'en', maxDetailRows: 2 }));
  const details = values(wb.getWorksheet('Details')!);
  expect(String(details[3][0])).toMatch(/^Details \(one row per visit\): 7 rows; this workbook lists only the first 2/);
  expect(String(details[3][0])).toContain(' / 明细（逐次就诊）共 7 行');
});

test('bad limits are refused, not ignored', async () => {
  await expect(writeWorkbook(run, { sheetRowLimit: 2 })).rejects.toThrow(RangeError);
  await expect(writeWorkbook(run, { maxDetailRows: -1 })).rejects.toThrow(RangeError);
  await expect(writeWorkbook(run, { sheetRowLimit: 2_000_000 })).rejects.toThrow(/1048576/);
});
