/**
 * Writes samples/budget-forecast.xlsx: a medical-assistance budget forecast laid out as an
 * analyst would (Xinyang, 2024 policy), computed by the MEDAID functions — one row per
 * category with head counts, admission rates and average out-of-pocket costs,
 * =MEDAID.ASSIST_INPATIENT(...) per admission, totals, and a city/district FUND_SPLIT block.
 *
 *   npm run sample:workbook
 *
 * Every formula's cached result is computed here with the HyperFormula harness (the same
 * adapters as in Excel), so the file shows numbers even before the add-in loads; Excel
 * recomputes them once it has the MEDAID functions. test/functions/sample-workbook.test.ts
 * re-evaluates the committed file and checks the totals against hand-worked values.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import { asText, createWorkbook, normalizeFormula } from '../src/functions/hyperformula';

export const SAMPLE_PATH = path.join(__dirname, '..', 'samples', 'budget-forecast.xlsx');
/** dist/scripts/scripts/… when compiled: the repo root is two levels further up. */
function samplePath(): string {
  const compiled = path.join(__dirname, '..', '..', '..', 'samples', 'budget-forecast.xlsx');
  return __dirname.includes(`${path.sep}dist${path.sep}`) ? compiled : SAMPLE_PATH;
}

export const SHEET = '预算测算';
export const NOTES_SHEET = '说明';

/** Inputs per category: head count, admission rate, average policy-range out-of-pocket cost per admission. */
export const CATEGORY_ROWS: readonly [string, number, number, number][] = [
  ['特困人员', 1200, 0.25, 8123.45],
  ['孤儿', 80, 0.1, 5000],
  ['低保对象', 15000, 0.12, 6000.55],
  ['返贫致贫人口', 2000, 0.15, 7000],
  ['低保边缘家庭成员', 3000, 0.1, 9000],
  ['农村易返贫致贫人口', 2500, 0.08, 10000],
  ['因病致贫重病患者', 500, 0.4, 30000],
];

export const FIRST_ROW = 7;
export const TOTAL_ROW = FIRST_ROW + CATEGORY_ROWS.length; // 14
export const SPLIT_ROW = TOTAL_ROW + 3; // 17: city, 18: district, 19: check

type Content = string | number | { formula: string };

/** The sheet as cell contents (address → value or formula), the single source of the layout. */
export function sampleCells(): Map<string, Content> {
  const cells = new Map<string, Content>();
  const f = (formula: string) => ({ formula });
  cells.set('A1', '医疗救助资金预算测算（示例）/ Medical-assistance budget forecast (sample)');
  cells.set('A2', '地区 Region');
  cells.set('B2', '信阳');
  cells.set('A3', '政策年度 Policy year');
  cells.set('B3', 2024);
  cells.set('A4', '市:区县分担比例 City:district ratio');
  cells.set('B4', '1:9');
  const head = [
    '人员类别 Category',
    '人数 Head count',
    '住院率 Admission rate',
    '住院人次 Admissions',
    '次均政策范围内自付费用（元）Avg out-of-pocket per admission',
    '次均住院救助（元）Avg assistance per admission',
    '住院救助预算（元）Inpatient assistance budget',
  ];
  head.forEach((h, i) => cells.set(`${String.fromCharCode(65 + i)}6`, h));
  CATEGORY_ROWS.forEach(([category, people, rate, cost], i) => {
    const r = FIRST_ROW + i;
    cells.set(`A${r}`, category);
    cells.set(`B${r}`, people);
    cells.set(`C${r}`, rate);
    cells.set(`D${r}`, f(`ROUND(B${r}*C${r},0)`));
    cells.set(`E${r}`, cost);
    cells.set(`F${r}`, f(`MEDAID.ASSIST_INPATIENT(E${r},A${r},$B$2,$B$3)`));
    cells.set(`G${r}`, f(`ROUND(D${r}*F${r},2)`));
  });
  const last = TOTAL_ROW - 1;
  cells.set(`A${TOTAL_ROW}`, '合计 Total');
  cells.set(`B${TOTAL_ROW}`, f(`SUM(B${FIRST_ROW}:B${last})`));
  cells.set(`D${TOTAL_ROW}`, f(`SUM(D${FIRST_ROW}:D${last})`));
  cells.set(`G${TOTAL_ROW}`, f(`SUM(G${FIRST_ROW}:G${last})`));
  cells.set(`A${SPLIT_ROW - 1}`, '财政分担 Fiscal split（比例 1:9 取自威医保发〔2019〕25号 四、(一) 3；市级四舍五入到分，区县为余额，裁定 11）');
  cells.set(`A${SPLIT_ROW}`, '市级 City');
  cells.set(`B${SPLIT_ROW}`, f(`MEDAID.FUND_SPLIT($G$${TOTAL_ROW},"市级",$B$4)`));
  cells.set(`A${SPLIT_ROW + 1}`, '区县 Districts');
  cells.set(`B${SPLIT_ROW + 1}`, f(`MEDAID.FUND_SPLIT($G$${TOTAL_ROW},"区县",$B$4)`));
  cells.set(`A${SPLIT_ROW + 2}`, '核对：合计 − 预算 Check: parts − budget');
  cells.set(`B${SPLIT_ROW + 2}`, f(`B${SPLIT_ROW}+B${SPLIT_ROW + 1}-G${TOTAL_ROW}`));
  return cells;
}

export const NOTES: readonly string[] = [
  '本表用 MedAid Budget 加载项的 MEDAID 函数计算；未加载该加载项时显示的是保存时的计算结果。',
  'This sheet uses the MEDAID functions of the MedAid Budget add-in; without the add-in Excel shows the values saved with the file.',
  '住院救助按信医保办〔2024〕52号 二、二是：特困人员、孤儿 90%，低保对象、返贫致贫人口 70%，均不设起付标准；低保边缘家庭成员、农村易返贫致贫人口起付 2400 元、因病致贫重病患者起付 6000 元，比例 65%。',
  '年度最高救助限额（二、四是）：特困人员、孤儿、低保对象、返贫致贫人口 3 万元；其余 1 万元。每人次单独计算，未计同一人年度内的累计。',
  '金额精确计算，四舍五入到分（裁定 1）；市、区县按 1:9 分担，市级四舍五入到分、区县为余额（裁定 11）。',
];

function toPlain(col: string, r: number): { col: number; row: number } {
  return { col: col.charCodeAt(0) - 65, row: r - 1 };
}

/** The sheet's cells as a HyperFormula array (formulas with "="). */
export function sampleSheetData(cells = sampleCells()): (string | number | null)[][] {
  const data: (string | number | null)[][] = [];
  for (const [ref, v] of cells) {
    const m = /^([A-Z])(\d+)$/.exec(ref)!;
    const { col, row } = toPlain(m[1], Number(m[2]));
    while (data.length <= row) data.push([]);
    const line = data[row];
    while (line.length <= col) line.push(null);
    line[col] = typeof v === 'object' ? normalizeFormula(v.formula) : typeof v === 'string' ? asText(v) : v;
  }
  return data;
}

/** Every formula's value, as HyperFormula with the MEDAID functions computes it. */
export function computeSample(cells = sampleCells()): Map<string, CellValue> {
  const hf = createWorkbook({ [SHEET]: sampleSheetData(cells) });
  try {
    const out = new Map<string, CellValue>();
    for (const [ref, v] of cells) {
      if (typeof v !== 'object') continue;
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      const { col, row } = toPlain(m[1], Number(m[2]));
      out.set(ref, hf.getCellValue({ sheet: 0, col, row }));
    }
    return out;
  } finally {
    hf.destroy();
  }
}

export function buildSampleWorkbook(): ExcelJS.Workbook {
  const cells = sampleCells();
  const values = computeSample(cells);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MedAid Budget';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 6 }] });
  ws.columns = [{ width: 30 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 22 }, { width: 20 }, { width: 22 }];
  for (const [ref, v] of cells) {
    const cell = ws.getCell(ref);
    if (typeof v === 'object') {
      const result = values.get(ref);
      if (result instanceof DetailedCellError) throw new Error(`${ref} = ${v.formula} evaluates to ${result.value} ${result.message}`);
      cell.value = { formula: v.formula, result: result as number } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = v;
    }
  }
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(6).font = { bold: true };
  ws.getRow(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(TOTAL_ROW).font = { bold: true };
  ws.getCell(`A${SPLIT_ROW - 1}`).font = { bold: true };
  for (let r = FIRST_ROW; r < TOTAL_ROW; r++) {
    ws.getCell(`C${r}`).numFmt = '0%';
    for (const c of ['E', 'F', 'G']) ws.getCell(`${c}${r}`).numFmt = '#,##0.00';
    ws.getCell(`B${r}`).numFmt = '#,##0';
  }
  ws.getCell(`B${TOTAL_ROW}`).numFmt = '#,##0';
  ws.getCell(`D${TOTAL_ROW}`).numFmt = '#,##0';
  ws.getCell(`G${TOTAL_ROW}`).numFmt = '#,##0.00';
  for (let r = SPLIT_ROW; r <= SPLIT_ROW + 2; r++) ws.getCell(`B${r}`).numFmt = '#,##0.00';

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 120 }];
  NOTES.forEach((line, i) => {
    notes.getCell(`A${i + 1}`).value = line;
    notes.getCell(`A${i + 1}`).alignment = { wrapText: true };
  });
  return wb;
}

async function main(): Promise<void> {
  const file = samplePath();
  await buildSampleWorkbook().xlsx.writeFile(file);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
