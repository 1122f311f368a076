/**
 * samples/budget-forecast.xlsx, opened with exceljs and recomputed by HyperFormula with the
 * MEDAID functions. Totals worked by hand from 信医保办〔2024〕52号 (二、二是 ratios and
 * deductibles; 二、四是 caps) and the 1:9 split (ruling 11):
 *
 *   category            admissions  per admission                     budget
 *   特困人员             1200×25%=300  8123.45×90% = 7311.105 → 7311.11     2,193,333.00
 *   孤儿                   80×10%=8    5000×90%    = 4500                   36,000.00
 *   低保对象            15000×12%=1800 6000.55×70% = 4200.385 → 4200.39  7,560,702.00
 *   返贫致贫人口         2000×15%=300  7000×70%    = 4900               1,470,000.00
 *   低保边缘家庭成员      3000×10%=300  (9000−2400)×65%  = 4290          1,287,000.00
 *   农村易返贫致贫人口     2500×8%=200  (10000−2400)×65% = 4940            988,000.00
 *   因病致贫重病患者       500×40%=200  (30000−6000)×65% = 15600 → cap 10000  2,000,000.00
 *   total               24280 people, 3108 admissions              15,535,035.00
 *   city 10% = 1,553,503.50; districts = 13,981,531.50
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { cellValue, workbookFromExcelJs } from '../../src/functions/hyperformula';
import { CATEGORY_ROWS, SAMPLE_PATH, SHEET, SPLIT_ROW, TOTAL_ROW, buildSampleWorkbook, sampleCells } from '../../scripts/make-sample-workbook';

let hf: HyperFormula;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_PATH);
  hf = workbookFromExcelJs(wb);
});

afterAll(() => hf?.destroy());

const v = (ref: string) => cellValue(hf, `${SHEET}!${ref}`);

describe('samples/budget-forecast.xlsx', () => {
  it('exists and uses the MEDAID functions per category row', () => {
    expect(fs.existsSync(SAMPLE_PATH)).toBe(true);
    const ws = wb.getWorksheet(SHEET)!;
    for (let r = 7; r < TOTAL_ROW; r++) {
      expect(ws.getCell(`F${r}`).formula).toBe(`MEDAID.ASSIST_INPATIENT(E${r},A${r},$B$2,$B$3)`);
    }
    expect(ws.getCell(`B${SPLIT_ROW}`).formula).toContain('MEDAID.FUND_SPLIT');
  });

  it('computes the assistance per admission from the policy', () => {
    const expected = [7311.11, 4500, 4200.39, 4900, 4290, 4940, 10000];
    expected.forEach((x, i) => expect(v(`F${7 + i}`)).toBeCloseTo(x, 2));
    expect(v('D7')).toBe(300);
  });

  it('adds up to the hand-worked totals', () => {
    expect(v(`B${TOTAL_ROW}`)).toBe(24280);
    expect(v(`D${TOTAL_ROW}`)).toBe(3108);
    expect(v(`G${TOTAL_ROW}`)).toBeCloseTo(15535035, 2);
  });

  it('splits the budget 1:9 between city and districts to the fen', () => {
    expect(v(`B${SPLIT_ROW}`)).toBeCloseTo(1553503.5, 2);
    expect(v(`B${SPLIT_ROW + 1}`)).toBeCloseTo(13981531.5, 2);
    expect(v(`B${SPLIT_ROW + 2}`)).toBeCloseTo(0, 6);
  });

  it('caches the same values Excel shows before the add-in loads', () => {
    const ws = wb.getWorksheet(SHEET)!;
    for (const ref of ['F7', 'F9', `G${TOTAL_ROW}`, `B${SPLIT_ROW}`, `B${SPLIT_ROW + 1}`]) {
      const cached = (ws.getCell(ref).value as ExcelJS.CellFormulaValue).result as number;
      expect(cached).toBeCloseTo(v(ref) as number, 2);
    }
  });

  it('is what scripts/make-sample-workbook.ts writes (regenerate with npm run sample:workbook)', () => {
    const fresh = buildSampleWorkbook().getWorksheet(SHEET)!;
    const committed = wb.getWorksheet(SHEET)!;
    for (const ref of sampleCells().keys()) {
      expect([ref, committed.getCell(ref).formula ?? committed.getCell(ref).value]).toEqual([ref, fresh.getCell(ref).formula ?? fresh.getCell(ref).value]);
    }
    expect(CATEGORY_ROWS).toHaveLength(TOTAL_ROW - 7);
  });
});
