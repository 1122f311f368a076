/**
 * A sample of the bad-input matrix through real formulas in the HyperFormula harness: cell
 * references, a column formula that spills one result per row, errors from other cells.
 * Here the layer knows the cell: each error is reported at the cell that shows it, with the
 * engine's bilingual message naming the bad value.
 */
import { DetailedCellError } from 'hyperformula';
import { cellValue, createWorkbook, evaluateFormula } from '../../src/functions/hyperformula';
import { expectSaysWhatToDo } from './expectations';

/** `at` undefined: a cell of a spilled array, which HyperFormula gives no address (its position is its row). */
function expectCellError(v: unknown, type: string, at: string | undefined, mentions: string[]): void {
  expect(v).toBeInstanceOf(DetailedCellError);
  const e = v as DetailedCellError;
  expect(e.value).toBe(type);
  if (at !== undefined) expect(e.address).toBe(at);
  for (const m of mentions) expect(e.message.split(m).length - 1).toBeGreaterThanOrEqual(2); // once per language
  expectSaysWhatToDo(e.message, e.message);
}

describe('bad cells through real formulas', () => {
  // A: cost, B: category, C: region, D: year; E: one formula per row; G1: one column formula.
  const rows = [
    [10000, '低保对象', '西平', 2022],
    ['abc', '低保对象', '西平', 2022],
    [-5, '低保对象', '西平', 2022],
    ['1.2万元', '低保对象', '西平', 2022],
    [10000, '外星人', '西平', 2022],
    [10000, '低保对象;外星人', '西平', 2022],
    [10000, '低保对象', '火星', 2022],
    [10000, '低保对象', '西平', 'abc'],
    [10000, '低保对象', '西平', 2021],
    [10000, '低保边缘家庭成员', '西平', 2023],
    ['１２３４５', '低保对象', '西平', 2022],
    [null, null, null, null],
  ];
  const sheet = rows.map((r, i) => [...r, `=MEDAID.ASSIST_INPATIENT(A${i + 1},B${i + 1},C${i + 1},D${i + 1})`]);
  sheet[0].push(null, '=MEDAID.ASSIST_INPATIENT(A1:A11,B1:B11,C1:C11,D1:D11)');
  const hf = createWorkbook({ Roster: sheet });
  afterAll(() => hf.destroy());

  // Xiping 2022 低保对象: 70%, no deductible (西平县 四、(三) 1.住院救助).
  test('good rows: 10000 × 70% = 7000; 1.2万元 = 12000 × 70% = 8400; １２３４５ × 70% = 8641.5', () => {
    expect(cellValue(hf, 'Roster!E1')).toBe(7000);
    expect(cellValue(hf, 'Roster!E4')).toBe(8400);
    expect(cellValue(hf, 'Roster!E11')).toBe(8641.5);
  });

  test.each([
    ['E2', '#VALUE!', ['abc', 'cost']],
    ['E3', '#VALUE!', ['-5', 'cost']],
    ['E5', '#N/A', ['外星人']],
    ['E6', '#N/A', ['外星人']],
    ['E7', '#N/A', ['火星']],
    ['E8', '#VALUE!', ['abc']],
    ['E9', '#N/A', ['2021', '2022']],
    ['E10', '#N/A', ['income.perCapitaDisposable']],
  ])('Roster!%s → %s naming %j', (ref, type, mentions) => {
    expectCellError(cellValue(hf, `Roster!${ref}`), type, `Roster!${ref}`, mentions);
  });

  test('a blank input row gives a blank required-amount error, not a zero', () => {
    expectCellError(cellValue(hf, 'Roster!E12'), '#VALUE!', 'Roster!E12', ['cost']);
  });

  test('the column formula spills: each row its own value or error, in the row of its input', () => {
    expect(cellValue(hf, 'Roster!G1')).toBe(7000);
    expectCellError(cellValue(hf, 'Roster!G2'), '#VALUE!', undefined, ['abc']);
    expectCellError(cellValue(hf, 'Roster!G3'), '#VALUE!', undefined, ['-5']);
    expect(cellValue(hf, 'Roster!G4')).toBe(8400);
    expectCellError(cellValue(hf, 'Roster!G7'), '#N/A', undefined, ['火星']);
    expect(cellValue(hf, 'Roster!G11')).toBe(8641.5);
  });
});

describe('one formula per function with a bad argument', () => {
  test.each([
    ['=MEDAID.ASSIST_OUTPATIENT(1000,"低保对象","西平","牙科",2022)', '#N/A', '牙科'],
    ['=MEDAID.ASSIST_ANNUAL(10000,1000,"低保对象","西平",2022,"也许")', '#VALUE!', '也许'],
    ['=MEDAID.PREMIUM_SUBSIDY("建档立卡","威海",2019)', '#N/A', 'premium'],
    ['=MEDAID.CI_INSURANCE(50000,"特困人员","西平",2022)', '#N/A', 'ciInsurance.base.deductible'],
    ['=MEDAID.HOSPITAL_REDUCTION(-1,"建档立卡","威海",2019)', '#VALUE!', '-1'],
    ['=MEDAID.OUT_OF_CATALOGUE_LIMIT(10000,"四级","西平",2022)', '#N/A', '四级'],
    ['=MEDAID.OUTPATIENT_POOLING(100,"信阳","牙科",2024)', '#N/A', '牙科'],
    ['=MEDAID.MONITOR_ALERT("十万","西平",2022)', '#VALUE!', '十万'],
    ['=MEDAID.FUND_SPLIT(1000,"省级")', '#VALUE!', '省级'],
    ['=MEDAID.ASSIST_RATE("外星人","西平",2022)', '#N/A', '外星人'],
    ['=MEDAID.ASSIST_DEDUCTIBLE("低保边缘家庭成员","山西",2022)', '#N/A', 'income.perCapitaDisposable'],
    ['=MEDAID.ASSIST_CAP("低保对象","火星")', '#N/A', '火星'],
    ['=MEDAID.ASSIST_EXPLAIN("ASSIST_INPATIENT","abc","低保对象","西平",2022)', '#VALUE!', 'abc'],
  ])('%s', (formula, type, mention) => {
    const r = evaluateFormula(formula);
    expect(r.hasError).toBe(true);
    const v = Array.isArray(r.value) ? r.value[0][0] : r.value;
    expectCellError(v, type, 'Sheet1!A1', [mention]);
  });

  test('an error from another cell passes through unchanged (#DIV/0! stays #DIV/0!)', () => {
    const r = evaluateFormula('=MEDAID.ASSIST_INPATIENT(1/0,"低保对象","西平",2022)');
    expect((r.value as DetailedCellError).value).toBe('#DIV/0!');
  });

  test('POLICY_LIST() lists the five built-in editions', () => {
    const r = evaluateFormula('=MEDAID.POLICY_LIST()');
    expect(r.hasError).toBe(false);
    expect((r.value as unknown[][]).length).toBe(6);
  });
});
