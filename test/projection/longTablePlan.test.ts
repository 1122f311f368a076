/** How long tables fall into sheets: Excel's 1,048,576 rows a sheet, a header on each, the notice row counted. */
import { EXCEL_MAX_ROWS, planLongTable, planNotice } from '../../src/projection/longTablePlan';

const slices = (p: ReturnType<typeof planLongTable>) => p.sheets.map((s) => [s.name, s.from, s.to, s.notice]);

test('100,404 visits fit one Excel sheet; 2,500,000 take three (1,048,575 data rows each under a header)', () => {
  expect(slices(planLongTable('明细', 100_404))).toEqual([['明细', 0, 100_404, false]]);
  const big = planLongTable('明细', 2_500_000);
  expect(slices(big)).toEqual([
    ['明细1', 0, 1_048_575, false],
    ['明细2', 1_048_575, 2_097_150, false],
    ['明细3', 2_097_150, 2_500_000, false],
  ]);
  expect(big.sheetRows).toBe(EXCEL_MAX_ROWS);
});

test('edges: an empty table keeps its sheet; a table that exactly fills a sheet is not split', () => {
  expect(slices(planLongTable('明细', 0))).toEqual([['明细', 0, 0, false]]);
  expect(slices(planLongTable('明细', 3, { sheetRows: 4 }))).toEqual([['明细', 0, 3, false]]);
  expect(planNotice(planLongTable('明细', 3, { sheetRows: 4 }), { zh: '明细', en: 'Details' })).toBeUndefined();
});

test('a cut table: the notice row needs a row of its own, on a new sheet if the last one is full', () => {
  const p = planLongTable('明细', 5, { maxRows: 3, sheetRows: 4 });
  expect(p).toMatchObject({ total: 5, shown: 3, truncated: true, limit: 3 });
  expect(slices(p)).toEqual([
    ['明细1', 0, 3, false],
    ['明细2', 3, 3, true],
  ]);
  expect(slices(planLongTable('明细', 5, { maxRows: 0 }))).toEqual([['明细', 0, 0, true]]);
});
