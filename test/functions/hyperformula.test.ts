/**
 * Every MEDAID function as a spreadsheet formula, evaluated by HyperFormula with the same
 * adapters Excel runs: cell references, ranges in, spilled arrays out, optional arguments
 * left empty, and errors with their messages. Expected values are worked by hand from the
 * policy documents (shared/seeds, cited per case).
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import { EXPLAIN_ROWS, cellValue, createWorkbook } from '../../src/functions/hyperformula';

function num(v: CellValue): number {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${v instanceof DetailedCellError ? `${v.value} ${v.message}` : JSON.stringify(v)}`);
  return v;
}

function err(v: CellValue): DetailedCellError {
  if (!(v instanceof DetailedCellError)) throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return v;
}

/** One formula on its own sheet, with optional input cells. */
function evalOne(formula: string, inputs: (string | number | boolean | null)[][] = []): CellValue {
  const hf = createWorkbook({ In: inputs.length ? inputs : [[null]], Out: [[formula]] });
  try {
    return hf.getCellValue({ sheet: hf.getSheetId('Out')!, row: 0, col: 0 });
  } finally {
    hf.destroy();
  }
}

describe('per-row functions with single values and cell references', () => {
  it.each([
    // 信医保办〔2024〕52号 二、二是: 低保对象 no deductible, 70%; 特困人员 90%
    ['=MEDAID.ASSIST_INPATIENT(10000,"低保对象","信阳")', 7000],
    ['=ASSIST_INPATIENT(10000,"特困人员","信阳",2024)', 9000],
    // 低保边缘家庭成员: deductible 2400, 65% → (10000 − 2400) × 0.65
    ['=ASSIST_INPATIENT(10000,"低保边缘家庭成员","信阳")', 4940],
    // 因病致贫重病患者: deductible 6000, 65% = 15600, annual cap 1万 (二、四是)
    ['=ASSIST_INPATIENT(30000,"因病致贫重病患者","信阳")', 10000],
    // exact money: 8123.45 × 0.9 = 7311.105 → 7311.11 half up (binary floats give 7311.10)
    ['=ASSIST_INPATIENT(8123.45,"特困人员","信阳")', 7311.11],
    // ytdCost left empty args: 2000 already counted, this 1000 takes the total to 3000; above 2400: 600 × 0.65
    ['=ASSIST_INPATIENT(1000,"低保边缘家庭成员","信阳",,2000)', 390],
    // ytdAssist: 28000 of the 30000 cap already paid
    ['=ASSIST_INPATIENT(10000,"低保对象","信阳",2024,,28000)', 2000],
    // Weihai 威医保发〔2019〕25号: key recipients 70% to 20000, 80% above → 14000 + 8000
    ['=ASSIST_INPATIENT(30000,"低保对象","威海")', 22000],
    // Weihai registered poor: 70% above 20000
    ['=ASSIST_INPATIENT(30000,"建档立卡贫困人口","威海")', 7000],
    // Shanxi 特困人员 "由医疗救助给予保障" = 100% (ruling 6)
    ['=ASSIST_INPATIENT(10000,"特困人员","山西")', 10000],
    // Shanxi 返贫致贫人口: 70% = 2100, topped up so insurance + assistance = 90% of 20000 (ruling 7)
    ['=ASSIST_INPATIENT(3000,"返贫致贫人口","山西",,,,20000,15000)', 3000],
    ['=ASSIST_INPATIENT(3000,"返贫致贫人口","山西")', 2100],
    // Xinyang outpatient, nine diseases: 50% for core recipients, 30% for the others; rare disease 30%
    ['=ASSIST_OUTPATIENT(4000,"低保对象","信阳")', 2000],
    ['=ASSIST_OUTPATIENT(4000,"低保对象","信阳","rare_disease")', 1200],
    ['=ASSIST_OUTPATIENT(4000,"低保边缘家庭成员","信阳")', 1200],
    // Weihai 威医保发〔2019〕25号 三、(三) 3.: at most 20000 × 70% = 14000 a year; 10500 paid → 3500 (issue 15 item 1)
    ['=ASSIST_OUTPATIENT(15000,"其他低收入救助对象","威海","门诊慢性病",,10500)', 3500],
    // same, with the cost so far as ytdCost (7th argument): (20000 − 15000) × 70% = 3500
    ['=ASSIST_OUTPATIENT(15000,"其他低收入救助对象","威海","门诊慢性病",,,15000)', 3500],
    // Annual: inpatient 7000 + outpatient 2000 under the shared 3万 cap
    ['=ASSIST_ANNUAL(10000,4000,"低保对象","信阳")', 9000],
    // capped: 28000 + 5000 → 30000
    ['=ASSIST_ANNUAL(40000,10000,"低保对象","信阳")', 30000],
    // referred: tilted 60% of the out-of-pocket above 12000 after three layers: (50000 − 30000 − 12000) × 0.6 (二、五是)
    ['=ASSIST_ANNUAL(40000,10000,"低保对象","信阳",,TRUE())', 34800],
    // Yiyang premium 2022: 320; 特困 in full, 低保 50%
    ['=PREMIUM_SUBSIDY("特困人员","益阳",2022)', 320],
    ['=PREMIUM_SUBSIDY("低保对象","益阳",2022)', 160],
    ['=PREMIUM_SUBSIDY("低保对象","益阳",2023,380)', 190],
    // Xinyang 低保 "不低于80元" → 80 (ruling 8)
    ['=PREMIUM_SUBSIDY("低保对象","信阳")', 80],
    // Shanxi monitored: 280 fixed
    ['=PREMIUM_SUBSIDY("农村易返贫致贫人口","山西")', 280],
    // Weihai critical illness, hardship: (100000 − 5000) × 65% + 50000 × 75%
    ['=CI_INSURANCE(150000,"低保对象","威海")', 99250],
    ['=CI_INSURANCE(4000,"低保对象","威海")', 0],
    // Weihai hospital reduction: 10%, at most 200 per admission
    ['=HOSPITAL_REDUCTION(1500,"建档立卡贫困人口","威海")', 150],
    ['=HOSPITAL_REDUCTION(5000,"重度残疾人","威海")', 200],
    // Xinyang 三、门诊统筹: 600 × 60% = 360 > the 300 annual limit → 300; 高血压 200 × 60% = 120, 50 already paid of 120 → 70
    ['=OUTPATIENT_POOLING(600,"信阳")', 300],
    ['=OUTPATIENT_POOLING(200,"信阳","高血压",2024,50)', 70],
    // Xiping: secondary hospitals 5% of the total cost
    ['=OUT_OF_CATALOGUE_LIMIT(20000,"二级","西平")', 1000],
    // 1:9, city rounded to the fen, district the rest (ruling 11)
    ['=FUND_SPLIT(12345.67,"city")', 1234.57],
    ['=FUND_SPLIT(12345.67,"区县")', 11111.1],
    ['=FUND_SPLIT(1000,"市级","2:8")', 200],
    ['=ASSIST_RATE("低保对象","信阳")', 0.7],
    ['=ASSIST_RATE("低保对象","信阳",,"rare_disease")', 0.3],
    ['=ASSIST_DEDUCTIBLE("低保边缘家庭成员","信阳")', 2400],
    ['=ASSIST_DEDUCTIBLE("特困人员","信阳")', 0],
    ['=ASSIST_CAP("低保对象","信阳")', 30000],
  ])('%s = %p', (formula, expected) => {
    expect(num(evalOne(formula))).toBeCloseTo(expected, 2);
  });

  it('MONITOR_ALERT is TRUE above half of Xiping income (11000 in 2022)', () => {
    expect(evalOne('=MONITOR_ALERT(12000,"西平",2022)')).toBe(true);
    expect(evalOne('=MONITOR_ALERT(10000,"西平",2022)')).toBe(false);
    expect(evalOne('=MONITOR_ALERT(12000,"西平",2023,30000)')).toBe(false);
  });

  it('reads its arguments from cells, and FUND_SPLIT parts add up to the total', () => {
    const inputs = [
      [12345.67, 'city', 'district'],
      [10000, '低保对象', '信阳'],
    ];
    const hf = createWorkbook({
      In: inputs,
      Out: [['=FUND_SPLIT(In!A1,In!B1)', '=FUND_SPLIT(In!A1,In!C1)', '=A1+B1', '=ASSIST_INPATIENT(In!A2,In!B2,In!C2)']],
    });
    expect(num(cellValue(hf, 'Out!A1'))).toBeCloseTo(1234.57, 2);
    expect(num(cellValue(hf, 'Out!B1'))).toBeCloseTo(11111.1, 2);
    expect(num(cellValue(hf, 'Out!C1'))).toBeCloseTo(12345.67, 2);
    expect(num(cellValue(hf, 'Out!D1'))).toBe(7000);
    // Recalculation follows the inputs.
    hf.setCellContents({ sheet: hf.getSheetId('In')!, row: 1, col: 1 }, '特困人员');
    expect(num(cellValue(hf, 'Out!D1'))).toBe(9000);
    hf.destroy();
  });

  it('treats an empty optional cell as not given', () => {
    const hf = createWorkbook({ In: [[10000, '低保对象', '信阳', null]], Out: [['=ASSIST_INPATIENT(In!A1,In!B1,In!C1,In!D1)']] });
    expect(num(cellValue(hf, 'Out!A1'))).toBe(7000);
    hf.destroy();
  });
});

describe('columns in, one result per row spilled out', () => {
  const inputs: (string | number | null)[][] = [
    ['费用', '人员类别'],
    [10000, '低保对象'],
    [10000, '特困人员'],
    [10000, '低保边缘家庭成员'],
    [30000, '因病致贫重病患者'],
    [10000, '外星人'],
    [-5, '低保对象'],
    [null, null],
  ];
  let hf: HyperFormula;
  beforeAll(() => {
    hf = createWorkbook({
      In: inputs,
      Out: [
        ['=ASSIST_INPATIENT(In!A2:A8,In!B2:B8,"信阳")', null, '=SUM(A1:A4)'],
      ],
    });
  });
  afterAll(() => hf.destroy());

  it('spills one value per row', () => {
    expect([1, 2, 3, 4].map((r) => num(cellValue(hf, `Out!A${r}`)))).toEqual([7000, 9000, 4940, 10000]);
    expect(hf.isCellPartOfArray(hf.simpleCellAddressFromString('A4', hf.getSheetId('Out')!)!)).toBe(true);
  });

  it('puts an error in its own row only, with the bilingual message', () => {
    const unknown = err(cellValue(hf, 'Out!A5'));
    expect(unknown.value).toBe('#N/A');
    expect(unknown.message).toContain('未知人员类别 "外星人"');
    expect(unknown.message).toContain('unknown category "外星人"');
    const negative = err(cellValue(hf, 'Out!A6'));
    expect(negative.value).toBe('#VALUE!');
    expect(negative.message).toMatch(/负数.*negative/);
  });

  it('leaves a row blank when all its range arguments are blank', () => {
    expect(cellValue(hf, 'Out!A7')).toBe('');
  });

  it('feeds other formulas', () => {
    expect(num(cellValue(hf, 'Out!C1'))).toBe(30940);
  });

  it('broadcasts single values and takes a 2-D block', () => {
    const v = evalOne('=ASSIST_INPATIENT(In!A1:B2,"低保对象","信阳")', [
      [1000, 2000],
      [3000, 4000],
    ]);
    expect(num(v)).toBe(700);
    const hf2 = createWorkbook({ In: [[1000, 2000], [3000, 4000]], Out: [['=ASSIST_INPATIENT(In!A1:B2,"低保对象","信阳")']] });
    expect(hf2.getSheetValues(hf2.getSheetId('Out')!)).toEqual([
      [700, 1400],
      [2100, 2800],
    ]);
    hf2.destroy();
  });

  it('takes a column in any argument, e.g. regions and years', () => {
    const hf2 = createWorkbook({
      In: [['信阳', 2024], ['西平', 2022], ['威海', 2019]],
      Out: [['=ASSIST_RATE("低保对象",In!A1:A3,In!B1:B3)']],
    });
    expect(hf2.getSheetValues(hf2.getSheetId('Out')!)).toEqual([[0.7], [0.7], [0.7]]);
    hf2.destroy();
  });

  it('rejects ranges of different sizes with one #VALUE! naming them', () => {
    const v = err(evalOne('=ASSIST_INPATIENT(In!A1:A3,In!B1:B2,"信阳")', [[1, 'a'], [2, 'b'], [3, 'c']]));
    expect(v.value).toBe('#VALUE!');
    expect(v.message).toContain('cost 3×1');
    expect(v.message).toContain('category 2×1');
    expect(v.message).toContain('differ in size');
  });
});

describe('errors', () => {
  it.each([
    ['=ASSIST_INPATIENT(10000,"外星人","信阳")', '#N/A', /未知人员类别 "外星人".*unknown category "外星人"/],
    ['=ASSIST_INPATIENT(10000,"低保对象","火星")', '#N/A', /未知地区 "火星".*unknown region "火星"/],
    ['=ASSIST_INPATIENT("abc","低保对象","信阳")', '#VALUE!', /不是有效金额.*not an amount/],
    ['=ASSIST_INPATIENT(,"低保对象","信阳")', '#VALUE!', /为空.*is blank/],
    ['=ASSIST_INPATIENT(10000,"低保对象","信阳",1800)', '#VALUE!', /年度 "1800" 无效/],
    ['=ASSIST_INPATIENT(10000,"低保对象","信阳",2010)', '#N/A', /没有适用于 2010 年的政策版本/],
    ['=PREMIUM_SUBSIDY("低保对象","益阳",2023)', '#N/A', /premium/],
    ['=MONITOR_ALERT(12000,"西平",2023)', '#N/A', /income/],
    ['=ASSIST_CAP("特困人员","山西")', '#N/A', /未规定.*does not define/],
    ['=OUT_OF_CATALOGUE_LIMIT(20000,"五级","西平")', '#N/A', /hospital level/],
    ['=FUND_SPLIT(100,"省级")', '#VALUE!', /分担方 "省级" 无效/],
    ['=FUND_SPLIT(100,"city","1-9")', '#VALUE!', /"1:9"/],
    // HyperFormula checks the count itself (Excel refuses such a formula when it is typed).
    ['=ASSIST_INPATIENT(1,2,3,4,5,6,7,8,9)', '#N/A', /number of arguments/i],
  ])('%s → %s', (formula, code, message) => {
    const v = err(evalOne(formula));
    expect(v.value).toBe(code);
    expect(v.message).toMatch(message);
  });

  it('passes an error in an input cell through', () => {
    const v = err(evalOne('=ASSIST_INPATIENT(In!A1,"低保对象","信阳")', [['=1/0']]));
    expect(v.value).toBe('#DIV/0!');
  });
});

describe('table functions', () => {
  it('POLICY_LIST() spills a header and one row per edition', () => {
    const hf = createWorkbook({ Out: [['=MEDAID.POLICY_LIST()']] });
    const rows = hf.getSheetValues(0);
    expect(rows[0]).toEqual(['地区', '地区（英文）', '省份', '政策版本', '生效日期', '年度', '状态', '文件']);
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(['shanxi-2022', 'weihai-2019', 'xinyang-2024', 'xiping-2022', 'yiyang-2022']);
    const xinyang = rows.find((r) => r[3] === 'xinyang-2024')!;
    expect(xinyang.slice(0, 3)).toEqual(['信阳市', 'Xinyang', '河南省']);
    expect(xinyang[5]).toBe(2024);
    expect(xinyang[7]).toContain('信医保办〔2024〕52号');
    hf.destroy();
  });

  it('ASSIST_EXPLAIN with literal arguments spills exactly its steps, citations and result', () => {
    const hf = createWorkbook({ Out: [['=ASSIST_EXPLAIN("ASSIST_INPATIENT",10000,"低保对象","信阳")']] });
    const rows = hf.getSheetValues(0);
    expect(rows[0]).toEqual(['步骤', '金额', '参数', '取值', '依据']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const ratio = rows.find((r) => String(r[2]).includes('inpatient.tiers.dibao_returned.ratio'))!;
    expect(ratio[3]).toBe('0.7');
    expect(ratio[4]).toContain('信医保办〔2024〕52号 二、二是');
    expect(rows[rows.length - 1].slice(0, 2)).toEqual(['结果 ASSIST_INPATIENT', '7000.00']);
    hf.destroy();
  });

  it('ASSIST_EXPLAIN with cell references explains the row (a fixed-size spill under HyperFormula)', () => {
    const hf = createWorkbook({
      In: [[12345.67, 'district']],
      Out: [['=ASSIST_EXPLAIN("FUND_SPLIT",In!A1,In!B1)']],
    });
    const out = hf.getSheetId('Out')!;
    const rows = hf.getSheetValues(out);
    expect(rows.length).toBeLessThanOrEqual(EXPLAIN_ROWS);
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('裁定 11');
    expect(text).toContain('结果 FUND_SPLIT 11111.10');
    // It follows its inputs.
    hf.setCellContents({ sheet: hf.getSheetId('In')!, row: 0, col: 1 }, 'city');
    expect(hf.getSheetValues(out).map((r) => r.join(' ')).join('\n')).toContain('结果 FUND_SPLIT 1234.57');
    hf.destroy();
  });

  it('ASSIST_EXPLAIN reports what it cannot explain', () => {
    expect(err(evalOne('=ASSIST_EXPLAIN("POLICY_LIST")')).message).toMatch(/cannot explain "POLICY_LIST"/);
    expect(err(evalOne('=ASSIST_EXPLAIN("ASSIST_INPATIENT",10000,"外星人","信阳")')).value).toBe('#N/A');
    expect(err(evalOne('=ASSIST_EXPLAIN("ASSIST_INPATIENT",In!A1:A2,"低保对象","信阳")', [[1], [2]])).message).toMatch(/explains one row/);
  });
});
