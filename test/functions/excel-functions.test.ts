/**
 * The Excel wrappers (src/functions/functions.ts) without Excel: CustomFunctions is a
 * stand-in with the real API's shape, so the mapping of error kinds to Excel error codes
 * and the 2-D results Excel spills can be checked here.
 */
import { EXCEL_FUNCTIONS, officeError, setErrorFactory } from '../../src/functions/functions';

class FakeCFError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const globals = globalThis as unknown as Record<string, unknown>;

beforeAll(() => {
  globals.CustomFunctions = {
    Error: FakeCFError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    associate: () => undefined,
  };
});

afterAll(() => {
  delete globals.CustomFunctions;
  delete globals.Office;
});

describe('Excel custom functions', () => {
  it('FUND_NEED / PROJECT over ranges as Excel passes them (repeating pairs; blanks at the end dropped)', async () => {
    const { idCheckChar } = await import('../../src/roster');
    const A = '41150219800101001' + idCheckChar('41150219800101001');
    const people = [['身份证号', '姓名', '人员类别', '区县', '个人缴费'], [A, '张三', '低保对象', '浉河区', 380]];
    const visits = [['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医'], [A, '2024-03-01', '住院', '', 10000, '否']];
    // 信医保办〔2024〕52号 二、二是 70 % → 7000; with 0.75 → 7500; + 80 subsidy (二、一是)
    expect(await EXCEL_FUNCTIONS.FUND_NEED(people, visits, [['信阳']], [[2024]])).toEqual([[7080]]);
    expect(await EXCEL_FUNCTIONS.FUND_NEED(people, visits, [['信阳']], [[2024]], ['inpatient.tiers.dibao_returned.ratio', 0.75, null])).toEqual([[7580]]);
    const odd = await EXCEL_FUNCTIONS.FUND_NEED(people, visits, [['信阳']], [[2024]], ['inpatient.tiers.dibao_returned.ratio']);
    expect(odd[0][0]).toBeInstanceOf(FakeCFError);
    expect((await EXCEL_FUNCTIONS.PROJECT(people, visits, [['信阳']], [[2024]], [['区县']]))[1]).toEqual(['浉河区', 1, 1, 7000, 0, 0, 7000, 80, 7080]);
  });

  it('return a 1×1 table for single values', async () => {
    expect(await EXCEL_FUNCTIONS.ASSIST_INPATIENT([[10000]], [['低保对象']], [['信阳']])).toEqual([[7000]]);
    expect(await EXCEL_FUNCTIONS.FUND_SPLIT([[12345.67]], [['district']])).toEqual([[11111.1]]);
    expect(await EXCEL_FUNCTIONS.MONITOR_ALERT([[12000]], [['西平']], [[2022]])).toEqual([[true]]);
  });

  it('take omitted optional arguments as Excel passes them (null or undefined)', async () => {
    const f = EXCEL_FUNCTIONS.ASSIST_INPATIENT as (...a: unknown[]) => unknown;
    expect(await f([[1000]], [['低保边缘家庭成员']], [['信阳']], null, [[2000]], null, undefined, null)).toEqual([[390]]);
  });

  it('spill one row per row of a column', async () => {
    const cost = [[10000], [10000], [10000]];
    const cat = [['低保对象'], ['特困人员'], ['外星人']];
    const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT(cost, cat, [['信阳']]);
    expect(out.slice(0, 2)).toEqual([[7000], [9000]]);
    expect(out[2][0]).toBeInstanceOf(FakeCFError);
    expect(out[2][0]).toMatchObject({ code: '#N/A', message: expect.stringContaining('未知人员类别 "外星人"：') });
  });

  it('map error kinds to CustomFunctions.Error: #VALUE! and #N/A with the message, #NUM! without', async () => {
    expect(officeError({ error: '#VALUE!', message: 'v' })).toEqual(new FakeCFError('#VALUE!', 'v'));
    expect(officeError({ error: '#N/A', message: 'n' })).toEqual(new FakeCFError('#N/A', 'n'));
    expect(officeError({ error: '#NUM!', message: 'x' })).toEqual(new FakeCFError('#NUM!', undefined));
    const bad = await EXCEL_FUNCTIONS.FUND_SPLIT([[100]], [['省级']]);
    expect(bad).toEqual([[new FakeCFError('#VALUE!', expect.stringContaining('part "省级" is not valid'))]]);
  });

  it('let the error construction be replaced', async () => {
    setErrorFactory((e) => `#${e.error}`);
    try {
      expect(await EXCEL_FUNCTIONS.FUND_SPLIT([[100]], [['省级']])).toEqual([['##VALUE!']]);
    } finally {
      setErrorFactory();
    }
  });

  it('ASSIST_EXPLAIN and POLICY_LIST follow Excel\'s display language', async () => {
    globals.Office = { context: { displayLanguage: 'en-US' } };
    expect(EXCEL_FUNCTIONS.POLICY_LIST()[0][0]).toBe('Region');
    const en = EXCEL_FUNCTIONS.ASSIST_EXPLAIN('ASSIST_INPATIENT', [10000, '低保对象', '信阳']);
    expect(en[0]).toEqual(['Step', 'Amount', 'Parameter', 'Value', 'Source']);
    globals.Office = { context: { displayLanguage: 'zh-CN' } };
    expect(EXCEL_FUNCTIONS.POLICY_LIST()[0][0]).toBe('地区');
    delete globals.Office;
    const zh = EXCEL_FUNCTIONS.ASSIST_EXPLAIN('ASSIST_INPATIENT', [10000, '低保对象', '信阳']);
    expect(zh.at(-1)!.slice(0, 2)).toEqual(['结果 ASSIST_INPATIENT', '7000.00']);
  });

  it('ASSIST_EXPLAIN errors come back as one Excel error', async () => {
    const out = EXCEL_FUNCTIONS.ASSIST_EXPLAIN('ASSIST_INPATIENT', [10000, '低保对象', '火星']);
    expect(out).toEqual([[new FakeCFError('#N/A', expect.stringContaining('unknown region "火星"'))]]);
  });
});
