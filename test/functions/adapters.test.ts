/**
 * The pure adapters (src/functions/adapters.ts): the code both Excel and HyperFormula run.
 */
import {
  ROW_FUNCTIONS,
  applyRowFunction,
  asTable,
  callRowFunction,
  currentEngine,
  explain,
  isErrorCell,
  materialize,
  policyList,
  rowFunction,
  setEngine,
  toErrorCell,
} from '../../src/functions/adapters';
import { MedaidError, defaultEngine } from '../../src/engine';

describe('row functions', () => {
  it('are found with or without the MEDAID. prefix, in any case', () => {
    expect(rowFunction('MEDAID.ASSIST_INPATIENT')?.id).toBe('ASSIST_INPATIENT');
    expect(rowFunction('assist_inpatient')?.id).toBe('ASSIST_INPATIENT');
    expect(rowFunction(' medaid.fund_split ')?.id).toBe('FUND_SPLIT');
    expect(rowFunction('POLICY_LIST')).toBeUndefined();
  });

  it('an amount whose fen no cell can hold is a bilingual #VALUE!, never Infinity or a figure off the fen (fuzz seed 782120948)', () => {
    // 区县 share of Number.MAX_VALUE under 1:9 is 1.6e308 yuan: its fen overflow a double.
    const out = callRowFunction('FUND_SPLIT', [Number.MAX_VALUE, '区县']);
    expect(isErrorCell(out)).toBe(true);
    expect(out).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('超出 Excel 能表示的数字范围') });
    // A large but real amount is still computed to the fen: 1e15 × 9/10.
    expect(callRowFunction('FUND_SPLIT', [1e15, '区县'])).toBe(9e14);
  });

  it('return a single value for single values (a 1×1 range counts as one)', () => {
    expect(callRowFunction('ASSIST_INPATIENT', [10000, '低保对象', '信阳'])).toBe(7000);
    expect(callRowFunction('ASSIST_INPATIENT', [[[10000]], [['低保对象']], [['信阳']]])).toBe(7000);
  });

  it('accept what Excel passes for omitted optional arguments', () => {
    expect(callRowFunction('ASSIST_INPATIENT', [10000, '低保对象', '信阳', null, undefined, [[null]], '', '  '])).toBe(7000);
  });

  it('round money to the fen, half up, from the exact decimal', () => {
    expect(callRowFunction('ASSIST_INPATIENT', [8123.45, '特困人员', '信阳'])).toBe(7311.11);
    expect(callRowFunction('FUND_SPLIT', ['12345.67', 'district'])).toBe(11111.1);
  });

  it('keep rates exact and alerts boolean', () => {
    expect(callRowFunction('ASSIST_RATE', ['低保边缘家庭成员', '信阳'])).toBe(0.65);
    expect(callRowFunction('MONITOR_ALERT', [11000.01, '西平', 2022])).toBe(true);
    expect(callRowFunction('MONITOR_ALERT', [11000, '西平', 2022])).toBe(false);
  });

  it('give one result per row of same-sized ranges, broadcasting single values', () => {
    const out = applyRowFunction(rowFunction('ASSIST_INPATIENT')!, [[[10000], [10000], [1000]], [['低保对象'], ['特困人员'], ['孤儿']], '信阳']);
    expect(out).toEqual([[7000], [9000], [900]]);
  });

  it('fail only the bad row, with the engine error kind and bilingual message', () => {
    const out = applyRowFunction(rowFunction('ASSIST_INPATIENT')!, [[[10000], ['abc'], [10000]], [['低保对象'], ['低保对象'], ['外星人']], '信阳']) as unknown[][];
    expect(out[0][0]).toBe(7000);
    expect(out[1][0]).toEqual({ error: '#VALUE!', message: expect.stringMatching(/cost 费用 的值 "abc" 不是有效金额.* \/ cost 费用 value "abc" is not an amount/) });
    expect(out[2][0]).toEqual({ error: '#N/A', message: expect.stringContaining('unknown category "外星人"') });
  });

  it('leave rows blank where every range argument is blank', () => {
    const out = applyRowFunction(rowFunction('FUND_SPLIT')!, [[[100], [null], ['']], [['city'], [null], ['  ']]]);
    expect(out).toEqual([[10], [''], ['']]);
  });

  it('pass an input error cell through in its row', () => {
    const e = { error: '#DIV/0!', message: '' } as const;
    const out = applyRowFunction(rowFunction('FUND_SPLIT')!, [[[100], [e as never]], 'city']);
    expect(out).toEqual([[10], [e]]);
  });

  it('refuse ranges of different sizes, naming them', () => {
    const out = applyRowFunction(rowFunction('ASSIST_INPATIENT')!, [[[1], [2], [3]], [['a'], ['b']], '信阳']);
    expect(isErrorCell(out)).toBe(true);
    expect(out).toEqual({ error: '#VALUE!', message: expect.stringContaining('cost 3×1, category 2×1') });
  });

  it('refuse too many arguments and unknown functions', () => {
    expect(callRowFunction('FUND_SPLIT', [1, 'city', '1:9', 'extra'])).toEqual({ error: '#VALUE!', message: expect.stringContaining('takes at most 3 arguments') });
    expect(callRowFunction('NOPE', [])).toEqual({ error: '#VALUE!', message: expect.stringContaining('unknown function "NOPE"') });
  });

  it('cover every contract function that computes per row', () => {
    expect(ROW_FUNCTIONS.map((f) => f.id).sort()).toEqual(
      ['ASSIST_ANNUAL', 'ASSIST_CAP', 'ASSIST_DEDUCTIBLE', 'ASSIST_INPATIENT', 'ASSIST_OUTPATIENT', 'ASSIST_RATE', 'CI_INSURANCE', 'FUND_SPLIT', 'HOSPITAL_REDUCTION', 'MONITOR_ALERT', 'OUT_OF_CATALOGUE_LIMIT', 'OUTPATIENT_POOLING', 'PREMIUM_SUBSIDY', 'VISIT_ASSIST'].sort(),
    );
  });
});

describe('the engine in use', () => {
  afterEach(() => setEngine(undefined));

  it('is the built-in one unless a scenario is set', () => {
    expect(currentEngine()).toBe(defaultEngine());
    setEngine(defaultEngine().withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } }));
    expect(callRowFunction('ASSIST_INPATIENT', [10000, '低保对象', '信阳'])).toBe(7500);
    setEngine(undefined);
    expect(callRowFunction('ASSIST_INPATIENT', [10000, '低保对象', '信阳'])).toBe(7000);
  });

  it('marks an overridden parameter in the explanation', () => {
    setEngine(defaultEngine().withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } }));
    const rows = explain('ASSIST_INPATIENT', [10000, '低保对象', '信阳']);
    expect(rows.flat().join(' ')).toContain('分析人员调整');
  });
});

describe('tables', () => {
  it('POLICY_LIST in Chinese or English', () => {
    const zh = policyList('zh');
    const en = policyList('en');
    expect(zh).toHaveLength(6);
    expect(en[0][0]).toBe('Region');
    expect(en.find((r) => r[3] === 'xinyang-2024')!.slice(0, 2)).toEqual(['Xinyang', '信阳市']);
  });

  it('ASSIST_EXPLAIN: header, steps with citations, a result row; 5 columns', () => {
    const rows = explain('MEDAID.ASSIST_INPATIENT', [10000, '低保对象', '信阳'], 'en');
    expect(rows[0]).toEqual(['Step', 'Amount', 'Parameter', 'Value', 'Source']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows[rows.length - 1]).toEqual(['Result ASSIST_INPATIENT', '7000.00', '', '', '']);
    expect(rows.some((r) => String(r[4]).includes('信医保办〔2024〕52号'))).toBe(true);
  });

  it('ASSIST_EXPLAIN shows rates and alerts as they are', () => {
    expect(explain('ASSIST_RATE', ['低保对象', '信阳']).at(-1)!.slice(0, 2)).toEqual(['结果 ASSIST_RATE', '0.7']);
    expect(explain('MONITOR_ALERT', [12000, '西平', 2022]).at(-1)!.slice(0, 2)).toEqual(['结果 MONITOR_ALERT', 'true']);
  });

  it('ASSIST_EXPLAIN errors are one cell', () => {
    expect(explain('NOPE', [])).toEqual([[{ error: '#VALUE!', message: expect.stringContaining('cannot explain "NOPE"') }]]);
    expect(explain('FUND_SPLIT', [1, 2, 3, 4])).toEqual([[{ error: '#VALUE!', message: expect.stringContaining('at most 3') }]]);
    expect(explain('FUND_SPLIT', [[[1], [2]], 'city'])).toEqual([[{ error: '#VALUE!', message: expect.stringContaining('explains one row') }]]);
  });
});

describe('host boundary', () => {
  it('materializes error cells with the host factory and blanks as ""', () => {
    const out = materialize([[1, null, { error: '#N/A', message: 'm' }], ['x']], (e) => `ERR(${e.error}:${e.message})`);
    expect(out).toEqual([
      [1, '', 'ERR(#N/A:m)'],
      ['x', '', ''],
    ]);
    expect(asTable(5)).toEqual([[5]]);
  });

  it('turns unexpected exceptions into #VALUE! with a message', () => {
    expect(toErrorCell(new Error('boom'))).toEqual({ error: '#VALUE!', message: '内部错误：boom / internal error: boom' });
    expect(toErrorCell(new MedaidError('BAD_PART', { value: 'x' }))).toEqual({ error: '#VALUE!', message: expect.stringContaining('part "x" is not valid') });
  });
});
