/**
 * Issue 16 (review item 4): a cell over Excel's 32,767 characters (a document pasted into a
 * roster's 姓名 or 区县 cell, a bad export) is never written whole into the result workbook —
 * Excel repairs such a file, dropping content, or refuses it. The cell is cut with a marker
 * saying how long it was, and the validation sheet lists each cut cell (CELL_TRUNCATED, a
 * warning). Both writers (in memory for the pane, streamed for the CLI) do the same. The rows
 * on the validation sheet still hold: total = used + rejected + blank.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readRoster, runProjection } from '../../src/projection';
import { CELL_TEXT_LIMIT, fitCellText } from '../../src/projection/workbookLayout';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { writeWorkbookFile } from '../../src/projection/writeWorkbookFile';
import { idNumber } from '../cli/cliHarness';

const A = idNumber('41150219800101001');
const B = idNumber('41150219600101002');
const LONG_NAME = '张'.repeat(40_000);
const LONG_DISTRICT = '浉河区'.repeat(12_000); // 36,000 characters

async function run() {
  const enc = (s: string) => new TextEncoder().encode(s);
  const roster = await readRoster(
    { name: 'p.csv', bytes: enc(`身份证号,姓名,人员类别,区县,个人缴费\n${A},${LONG_NAME},低保对象,${LONG_DISTRICT},380\n${B},李四,特困人员,平桥区,380\n`) },
    { name: 'v.csv', bytes: enc(`身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,10000,否\n${B},2024-05-01,住院,5000,否\n`) },
    2024,
  );
  return runProjection({ ...roster, region: '信阳', year: 2024 });
}

function cells(wb: ExcelJS.Workbook): { sheet: string; address: string; text: string }[] {
  const out: { sheet: string; address: string; text: string }[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string') out.push({ sheet: ws.name, address: c.address, text: c.value });
  })));
  return out;
}

function validationRows(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet('校验报告')!;
  const row = (n: number) => [2, 3, 4, 5].map((c) => Number(ws.getRow(n).getCell(c).value));
  return { people: row(2), visits: row(3), ws };
}

async function check(wb: ExcelJS.Workbook) {
  const all = cells(wb);
  for (const c of all) expect(c.text.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  const cut = all.filter((c) => c.text.includes('截断：原文'));
  // 人员 People: the name (40,000) and the district (36,000) of row 2; 明细 Details: the district.
  expect(cut.map((c) => c.text.match(/原文 (\d+) 字符/)![1]).sort()).toEqual(expect.arrayContaining(['36000', '40000']));
  const name = cut.find((c) => c.text.startsWith('张张张'))!;
  expect(name.text.length).toBe(CELL_TEXT_LIMIT);
  const { people, visits, ws } = validationRows(wb);
  for (const [total, used, rejected, blank] of [people, visits]) expect(total).toBe(used + rejected + blank);
  expect(people).toEqual([2, 2, 0, 0]);
  expect(visits).toEqual([2, 2, 0, 0]);
  const listed: string[] = [];
  ws.eachRow((r) => {
    if (r.getCell(8).value === 'CELL_TRUNCATED') listed.push(`${r.getCell(1).value}!${r.getCell(4).value}`);
  });
  // Every cut cell is listed, by sheet and address.
  expect(listed.sort()).toEqual(cut.map((c) => `${c.sheet}!${c.address}`).sort());
}

test('fitCellText: at the limit unchanged; over it, cut to exactly the limit with the length in the marker; no half surrogate pair', () => {
  const at = 'x'.repeat(CELL_TEXT_LIMIT);
  expect(fitCellText(at)).toEqual({ text: at, cut: false });
  const over = fitCellText('y'.repeat(CELL_TEXT_LIMIT + 1));
  expect(over.cut).toBe(true);
  expect(over.text.length).toBe(CELL_TEXT_LIMIT);
  expect(over.text).toContain(`原文 ${CELL_TEXT_LIMIT + 1} 字符`);
  const emoji = fitCellText('😀'.repeat(20_000)).text;
  expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(emoji)).toBe(false);
});

test('the in-memory workbook (task pane): long cells cut, listed on 校验报告; 10000 × 70 % + 5000 × 90 % still 11,500.00', async () => {
  const r = await run();
  expect(r.baseline.totals.overall.assistance.total.toFixed(2)).toBe('11500.00');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(r)) as never);
  await check(wb);
});

test('the streamed workbook (CLI --out): the same', async () => {
  const r = await run();
  const file = join(mkdtempSync(join(tmpdir(), 'medaid-cells-')), 'out.xlsx');
  await writeWorkbookFile(r, file, { detail: 'visits' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  await check(wb);
});
