/**
 * =MEDAID.FUND_NEED and =MEDAID.PROJECT as real formulas over sheet ranges, evaluated by
 * HyperFormula with the adapters Excel runs (src/functions/rosterFunctions.ts). The roster is
 * the one of test/functions/rosterFunctions.test.ts, worked by hand from 信医保办〔2024〕52号:
 * A 低保对象, inpatient 10000 → 70 % (二、二是) = 7000, premium subsidy 80 (二、一是, ruling 8);
 * B 低保边缘家庭成员, inpatient 20000 → (20000 − 2400) × 65 % = 11440 → cap 10000 (二、四是).
 * Changing a parameter cell recalculates the formula, as Data Table / Goal Seek do in Excel.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, HyperFormula } from 'hyperformula';
import { createWorkbook } from '../../src/functions/hyperformula';
import { idCheckChar } from '../../src/roster';

const id = (s: string) => s + idCheckChar(s);
// A leading apostrophe keeps an 18-digit ID as text (as in Excel); B's ends in X.
const A = id('41150219800101001');
const B = id('41150219600101002');
const text = (x: string) => (/^\d+$/.test(x) ? `'${x}` : x);

function workbook(): HyperFormula {
  return createWorkbook({
    P: [['身份证号', '姓名', '人员类别', '区县', '个人缴费'], [text(A), '张三', '低保对象', '浉河区', 380], [text(B), '李四', '低保边缘家庭成员', '平桥区', 380]],
    V: [['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医'], [text(A), '2024-03-01', '住院', null, 10000, '否'], [text(B), '2024-05-01', '住院', null, 20000, '否']],
    S: [
      ['inpatient.tiers.dibao_returned.ratio', 0.75],
      ['=MEDAID.FUND_NEED(P!A1:E3,V!A1:F3,"信阳",2024)'],
      ['=MEDAID.FUND_NEED(P!A1:E3,V!A1:F3,"信阳",2024,A1,B1)'],
      ['=MEDAID.PROJECT(P!A1:E3,V!A1:F3,"信阳",2024)'],
    ],
    D: [['=MEDAID.PROJECT(P!A1:E3,V!A1:F3,"信阳",2024,"区县",S!A1,S!B1)']],
  });
}

const at = (hf: HyperFormula, sheet: string, row: number, col: number): CellValue => hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });

test('FUND_NEED of the ranges, and with a parameter cell that recalculates', () => {
  const hf = workbook();
  try {
    expect(at(hf, 'S', 1, 0)).toBe(17080); // 7000 + 10000 + 80
    expect(at(hf, 'S', 2, 0)).toBe(17580); // 低保 ratio 0.75: 7500 + 10000 + 80
    hf.setCellContents({ sheet: hf.getSheetId('S')!, row: 0, col: 1 }, 0.9);
    expect(at(hf, 'S', 2, 0)).toBe(19080); // 9000 + 10000 + 80
  } finally {
    hf.destroy();
  }
});

test('PROJECT spills by category (default) and by district, rows summing to the total', () => {
  const hf = workbook();
  try {
    const s = hf.getSheetId('S')!;
    const cat = hf.getRangeValues({ start: { sheet: s, row: 3, col: 0 }, end: { sheet: s, row: 6, col: 8 } });
    expect(cat).toEqual([
      ['人员类别', '人数', '就诊次数', '住院救助', '门诊救助', '倾斜救助', '救助合计', '资助参保', '资金需求'],
      ['低保对象', 1, 1, 7000, 0, 0, 7000, 80, 7080],
      ['低保边缘家庭成员', 1, 1, 10000, 0, 0, 10000, 0, 10000],
      ['合计', 2, 2, 17000, 0, 0, 17000, 80, 17080],
    ]);
    const d = hf.getSheetId('D')!;
    const dist = hf.getRangeValues({ start: { sheet: d, row: 0, col: 0 }, end: { sheet: d, row: 3, col: 8 } });
    expect(dist).toEqual([
      ['区县', '人数', '就诊次数', '住院救助', '门诊救助', '倾斜救助', '救助合计', '资助参保', '资金需求'],
      ['平桥区', 1, 1, 10000, 0, 0, 10000, 0, 10000],
      ['浉河区', 1, 1, 7500, 0, 0, 7500, 80, 7580],
      ['合计', 2, 2, 17500, 0, 0, 17500, 80, 17580],
    ]);
  } finally {
    hf.destroy();
  }
});

test('an 18-digit ID typed as a number is a #VALUE! naming it, not a lost row', () => {
  const hf = createWorkbook({
    P: [['身份证号', '姓名', '人员类别', '区县', '个人缴费'], [Number(A), '张三', '低保对象', '浉河区', 380]],
    V: [['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医'], [text(A), '2024-03-01', '住院', null, 10000, '否']],
    S: [['=MEDAID.FUND_NEED(P!A1:E2,V!A1:F2,"信阳",2024)']],
  });
  try {
    const v = at(hf, 'S', 0, 0);
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe('#VALUE!');
    expect((v as DetailedCellError).message).toMatch(/未通过校验.* \/ .*rejected/);
  } finally {
    hf.destroy();
  }
});
