/**
 * The bad-input matrix for the MEDAID custom functions, through the adapters (the code Excel
 * and HyperFormula both run). For every function and every argument, each class of bad
 * input must give an error cell of the right kind — #VALUE! for a value that is not what
 * the argument takes, #N/A for a name the policies do not know or a figure the analyst has
 * not supplied — whose message names the bad value (and the argument, for amounts) in
 * Chinese and in English and says what to do. Amount forms people type (12,345 / １２３４５ /
 * 1.2万元) are accepted with the right value.
 *
 * The adapter does not know which cell it is in (Excel shows the error in that cell); the
 * HyperFormula sample at the end checks the cell through real formulas.
 */
import { callRowFunction, explain, isErrorCell, policyList, ROW_FUNCTIONS } from '../../src/functions/adapters';
import type { Arg, Cell, ErrorCell } from '../../src/functions/adapters';
import { Engine } from '../../src/engine';
import { expectSaysWhatToDo } from './expectations';

type Kind = 'amount' | 'requiredAmount' | 'category' | 'region' | 'year' | 'scheme' | 'level' | 'pool' | 'poolUnread' | 'part' | 'ratio' | 'flag';

/**
 * Arguments that give a value, per function, and the kind of each argument. The region
 * and year are chosen so that every function has a rule to apply (CI_INSURANCE and
 * HOSPITAL_REDUCTION exist in Weihai only; the others in Xiping 2022).
 */
const GOOD: Record<string, { args: Cell[]; kinds: Kind[]; earliest: number }> = {
  ASSIST_INPATIENT: { args: [10000, '低保对象', '西平', 2022, '', '', '', ''], kinds: ['requiredAmount', 'category', 'region', 'year', 'amount', 'amount', 'amount', 'amount'], earliest: 2022 },
  ASSIST_OUTPATIENT: { args: [1000, '低保对象', '西平', '', 2022, ''], kinds: ['requiredAmount', 'category', 'region', 'scheme', 'year', 'amount'], earliest: 2022 },
  ASSIST_ANNUAL: { args: [10000, 1000, '低保对象', '西平', 2022, '否'], kinds: ['amount', 'amount', 'category', 'region', 'year', 'flag'], earliest: 2022 },
  PREMIUM_SUBSIDY: { args: ['低保对象', '西平', 2022, 350], kinds: ['category', 'region', 'year', 'amount'], earliest: 2022 },
  CI_INSURANCE: { args: [50000, '建档立卡', '威海', 2019], kinds: ['requiredAmount', 'category', 'region', 'year'], earliest: 2019 },
  HOSPITAL_REDUCTION: { args: [5000, '建档立卡', '威海', 2019], kinds: ['requiredAmount', 'category', 'region', 'year'], earliest: 2019 },
  OUT_OF_CATALOGUE_LIMIT: { args: [10000, '二级', '西平', 2022], kinds: ['requiredAmount', 'level', 'region', 'year'], earliest: 2022 },
  OUTPATIENT_POOLING: { args: [200, '信阳', '高血压', 2024, 50], kinds: ['requiredAmount', 'region', 'pool', 'year', 'amount'], earliest: 2024 },
  MONITOR_ALERT: { args: [10000, '西平', 2022, ''], kinds: ['requiredAmount', 'region', 'year', 'amount'], earliest: 2022 },
  FUND_SPLIT: { args: [1000, '市级', '1:9'], kinds: ['requiredAmount', 'part', 'ratio'], earliest: 0 },
  ASSIST_RATE: { args: ['低保对象', '西平', 2022, ''], kinds: ['category', 'region', 'year', 'scheme'], earliest: 2022 },
  ASSIST_DEDUCTIBLE: { args: ['低保对象', '西平', 2022, ''], kinds: ['category', 'region', 'year', 'scheme'], earliest: 2022 },
  ASSIST_CAP: { args: ['低保对象', '西平', 2022, ''], kinds: ['category', 'region', 'year', 'scheme'], earliest: 2022 },
  VISIT_ASSIST: {
    args: [80000, 5000, 40000, '低保对象', '西平', '', 17875, '', '二级', 2022, '否', ''],
    kinds: ['requiredAmount', 'requiredAmount', 'requiredAmount', 'category', 'region', 'scheme', 'amount', 'amount', 'level', 'year', 'flag', 'poolUnread'],
    earliest: 2022,
  },
};

interface BadValue {
  label: string;
  value: Cell;
  error: ErrorCell['error'];
  /** Must appear in both the Chinese and the English half of the message. */
  mentions: (param: string) => string[];
}

const amountBad = (withBlank: boolean): BadValue[] => [
  ...(withBlank ? [{ label: 'blank', value: '', error: '#VALUE!' as const, mentions: (p: string) => [p] }] : []),
  { label: 'text in a number cell', value: 'abc', error: '#VALUE!', mentions: (p) => [p, 'abc'] },
  { label: 'negative', value: -5, error: '#VALUE!', mentions: (p) => [p, '-5'] },
  { label: 'NaN', value: NaN, error: '#VALUE!', mentions: (p) => [p, 'NaN'] },
  { label: 'Infinity', value: Infinity, error: '#VALUE!', mentions: (p) => [p, 'Infinity'] },
  { label: 'misplaced thousands separators', value: '1,2,3', error: '#VALUE!', mentions: (p) => [p, '1,2,3'] },
  { label: 'a TRUE/FALSE cell', value: true, error: '#VALUE!', mentions: (p) => [p, 'true'] },
];

const BAD: Record<Kind, BadValue[]> = {
  requiredAmount: amountBad(true),
  amount: amountBad(false),
  category: [
    { label: 'unknown category', value: '外星人', error: '#N/A', mentions: () => ['外星人'] },
    { label: 'several statuses with one unknown', value: '低保对象;外星人', error: '#N/A', mentions: () => ['外星人'] },
    { label: 'blank category', value: '', error: '#N/A', mentions: () => [] },
  ],
  region: [
    { label: 'unknown region', value: '火星', error: '#N/A', mentions: () => ['火星', '西平县'] },
    { label: 'blank region', value: '', error: '#N/A', mentions: () => ['西平县'] },
  ],
  year: [
    { label: 'year as text', value: 'abc', error: '#VALUE!', mentions: () => ['abc'] },
    { label: 'year out of range', value: 1989, error: '#VALUE!', mentions: () => ['1989'] },
    { label: 'year in Chinese numerals', value: '二〇二二', error: '#VALUE!', mentions: () => ['二〇二二'] },
  ],
  scheme: [{ label: 'unknown outpatient scheme', value: '牙科', error: '#N/A', mentions: () => ['牙科'] }],
  level: [
    { label: 'unknown hospital level', value: '四级', error: '#N/A', mentions: () => ['四级', '二级定点医疗机构'] },
    { label: 'blank hospital level', value: '', error: '#N/A', mentions: () => ['二级定点医疗机构'] },
  ],
  pool: [{ label: 'unknown outpatient pooling class', value: '牙科', error: '#N/A', mentions: () => ['牙科', '高血压'] }],
  // VISIT_ASSIST's pool on a 西平 inpatient row: 西平 states no outpatient pooling and an inpatient row is in no pool, so
  // the class is not read (its bad values are checked on 信阳 outpatient rows in test/functions/visit-layers.test.ts).
  poolUnread: [],
  part: [
    { label: 'unknown part', value: '省级', error: '#VALUE!', mentions: () => ['省级'] },
    { label: 'blank part', value: '', error: '#VALUE!', mentions: () => [] },
  ],
  ratio: [
    { label: 'ratio not a:b', value: '1比9', error: '#VALUE!', mentions: () => ['1比9'] },
    { label: 'ratio 0:0', value: '0:0', error: '#VALUE!', mentions: () => ['0:0'] },
  ],
  flag: [{ label: 'unreadable yes/no', value: '也许', error: '#VALUE!', mentions: () => ['也许'] }],
};

/**
 * Each mention must appear at least twice in "中文 / English": once per language. (Splitting
 * on " / " is unsafe: some Chinese messages contain "city / district" themselves.)
 */
function expectBilingualErrorCell(out: unknown, error: ErrorCell['error'], mentions: string[]): void {
  expect(isErrorCell(out)).toBe(true);
  const cell = out as ErrorCell;
  expect(cell.error).toBe(error);
  for (const m of mentions) expect(cell.message.split(m).length - 1).toBeGreaterThanOrEqual(2);
  expect(cell.message).toMatch(/[\u4e00-\u9fff]/);
  expectSaysWhatToDo(cell.message, cell.message);
  expect(cell.message).not.toMatch(/内部错误|internal error|undefined|\[object /);
}

interface MatrixCase {
  fn: string;
  param: string;
  label: string;
  args: Cell[];
  error: ErrorCell['error'];
  mentions: string[];
}

const cases: MatrixCase[] = [];
for (const f of ROW_FUNCTIONS) {
  const good = GOOD[f.id];
  good.kinds.forEach((kind, i) => {
    const param = f.params[i].name;
    const bad = [...BAD[kind]];
    if (kind === 'year') {
      bad.push({ label: 'year before the first edition', value: good.earliest - 1, error: '#N/A', mentions: () => [String(good.earliest - 1), String(good.earliest)] });
    }
    for (const b of bad) {
      const args = good.args.slice();
      args[i] = b.value;
      cases.push({ fn: f.id, param, label: b.label, args, error: b.error, mentions: b.mentions(param) });
    }
  });
}

describe('every function, every argument, every class of bad input', () => {
  test('the matrix covers all twelve per-row functions', () => {
    expect(new Set(cases.map((c) => c.fn))).toEqual(new Set(ROW_FUNCTIONS.map((f) => f.id)));
    expect(Object.keys(GOOD).sort()).toEqual(ROW_FUNCTIONS.map((f) => f.id).sort());
  });

  test.each(Object.entries(GOOD))('%s: the good arguments give a value (the baseline of the matrix)', (fn, g) => {
    expect(isErrorCell(callRowFunction(fn, g.args))).toBe(false);
  });

  test.each(cases)('$fn($param = $label) → $error', (c) => {
    expectBilingualErrorCell(callRowFunction(c.fn, c.args), c.error, c.mentions);
  });

  test.each(cases.filter((_, i) => i % 3 === 0))('ASSIST_EXPLAIN($fn, $param = $label) → the same error, not a table', (c) => {
    const table = explain(c.fn, c.args);
    expect(table).toHaveLength(1);
    expectBilingualErrorCell(table[0][0], c.error, c.mentions);
  });

  test('one bad row in a column does not fail the column: each row its own error or value', () => {
    // Xiping 2022, 低保对象: 70% of the policy-range out-of-pocket cost, no deductible
    // (西平县 四、(三) 1.住院救助：低保对象…按70%予以救助，不设起付标准).
    const out = callRowFunction('ASSIST_INPATIENT', [[[10000], ['abc'], [''], [-5], ['1.2万元']], '低保对象', '西平', 2022]) as Cell[][];
    expect(out[0][0]).toBe(7000); // 10000 × 70%
    expectBilingualErrorCell(out[1][0], '#VALUE!', ['abc', 'cost']);
    expect(out[2][0]).toBe(''); // a blank row of a column formula stays blank
    expectBilingualErrorCell(out[3][0], '#VALUE!', ['-5']);
    expect(out[4][0]).toBe(8400); // 12000 × 70%
  });

  test('ranges of different sizes: one #VALUE! naming the sizes', () => {
    const out = callRowFunction('ASSIST_INPATIENT', [[[1], [2], [3]], [['低保对象'], ['特困人员']], '西平', 2022]);
    expect(isErrorCell(out)).toBe(true);
    expect((out as ErrorCell).message).toContain('3×1');
    expect((out as ErrorCell).message).toContain('2×1');
  });

  test('an error cell passed in is passed through unchanged (no new message over it)', () => {
    const div0: ErrorCell = { error: '#VALUE!', message: '上游错误 / upstream error' };
    expect(callRowFunction('ASSIST_INPATIENT', [div0 as Arg, '低保对象', '西平', 2022])).toEqual(div0);
  });

  test('too many arguments and unknown function names are #VALUE! in both languages', () => {
    const tooMany = callRowFunction('FUND_SPLIT', [1, '市级', '1:9', 'extra']) as ErrorCell;
    expect(tooMany.error).toBe('#VALUE!');
    expect(tooMany.message).toMatch(/最多.*3[\s\S]*at most 3/);
    const unk = explain('ASSIST_EVERYTHING', []);
    expectBilingualErrorCell(unk[0][0], '#VALUE!', ['ASSIST_EVERYTHING']);
    const rangeArg = explain('ASSIST_INPATIENT', [[[1], [2]], '低保对象', '西平']);
    expect((rangeArg[0][0] as ErrorCell).message).toMatch(/cost[\s\S]*cost/);
  });
});

describe('amounts as people type them are accepted, with the right value', () => {
  // Xiping 2022 低保对象 inpatient: 70%, no deductible, annual cap 30000
  // (西平县 四、(三) 1.住院救助 and 3.救助限额).
  test.each([
    ['12,345', 8641.5, '12345 × 70% = 8641.50'],
    ['12,345.67', 8641.97, '12345.67 × 70% = 8641.969 → 8641.97 (half up to the fen, ruling 1)'],
    ['１２３４５', 8641.5, 'full-width digits are 12345; × 70% = 8641.50'],
    ['1.2万元', 8400, '1.2万元 = 12000 yuan; × 70% = 8400'],
    ['1.2万', 8400, '1.2万 = 12000 yuan; × 70% = 8400'],
    ['300元', 210, '300 × 70% = 210'],
    ['5万元', 30000, '50000 × 70% = 35000, over the 30000 cap (四、(三) 3) → 30000'],
  ])('ASSIST_INPATIENT(%s) = %s  [%s]', (cost, expected) => {
    expect(callRowFunction('ASSIST_INPATIENT', [cost, '低保对象', '西平', 2022])).toBe(expected);
  });

  test('FUND_SPLIT("1,000.05", 市级) = 100.01 and 区县 = 900.04 (Weihai 四、(一) 3, 1:9; ruling 11)', () => {
    // city = 1000.05 × 1/10 = 100.005 → 100.01 (half up); district = 1000.05 − 100.01 = 900.04.
    expect(callRowFunction('FUND_SPLIT', ['1,000.05', '市级'])).toBe(100.01);
    expect(callRowFunction('FUND_SPLIT', ['1,000.05', '区县'])).toBe(900.04);
  });

  test('year as "2022年" or full-width "２０２２" is the year 2022', () => {
    expect(callRowFunction('ASSIST_RATE', ['低保对象', '西平', '2022年'])).toBe(0.7);
    expect(callRowFunction('ASSIST_RATE', ['低保对象', '西平', '２０２２'])).toBe(0.7);
  });
});

describe('amounts too large for a cell', () => {
  const huge = '9'.repeat(400); // 10^400 − 1 yuan: a paste gone wrong
  test.each([
    ['FUND_SPLIT', [huge, '市级']],
    ['OUT_OF_CATALOGUE_LIMIT', [huge, '二级', '西平', 2022]],
    ['CI_INSURANCE', [huge, '建档立卡', '威海', 2019]],
  ] as [string, Cell[]][])('%s(10^400) → #VALUE! naming the result, never Infinity', (fn, args) => {
    expectBilingualErrorCell(callRowFunction(fn, args), '#VALUE!', ['e+']);
  });

  test('a capped rule still gives its cap: ASSIST_INPATIENT(10^400, 低保对象, 西平) = 30000 (西平县 四、(三) 3.救助限额 3万元)', () => {
    expect(callRowFunction('ASSIST_INPATIENT', [huge, '低保对象', '西平', 2022])).toBe(30000);
  });
});

describe('rules whose figure the analyst has not supplied: #N/A saying which parameter to set', () => {
  test('Shanxi inpatient deductible of 低保边缘 without the income figure (ruling 5)', () => {
    for (const [fn, args] of [
      ['ASSIST_INPATIENT', [10000, '低保边缘家庭成员', '山西', 2022]],
      ['ASSIST_DEDUCTIBLE', ['低保边缘家庭成员', '山西', 2022]],
      ['ASSIST_ANNUAL', [10000, 0, '低保边缘家庭成员', '山西', 2022]],
    ] as [string, Cell[]][]) {
      expectBilingualErrorCell(callRowFunction(fn, args), '#N/A', ['income.perCapitaDisposable', '2021']);
    }
  });

  test('Xiping 2023: the published 2200 / 5600 are for 2022 only; 2023 needs the 2022 income (ruling 5)', () => {
    expectBilingualErrorCell(callRowFunction('ASSIST_INPATIENT', [10000, '低保边缘家庭成员', '西平', 2023]), '#N/A', ['income.perCapitaDisposable', '2022']);
    expectBilingualErrorCell(callRowFunction('ASSIST_DEDUCTIBLE', ['因病致贫重病患者', '西平', 2023]), '#N/A', ['income.perCapitaDisposable']);
  });

  test('Weihai first-tier premium: the text gives no amount, so PREMIUM_SUBSIDY needs the premium argument', () => {
    expectBilingualErrorCell(callRowFunction('PREMIUM_SUBSIDY', ['建档立卡', '威海', 2019]), '#N/A', ['premium', '2019']);
  });

  test('Xiping critical-illness insurance base terms are not in the text (普惠 deductible)', () => {
    expectBilingualErrorCell(callRowFunction('CI_INSURANCE', [50000, '特困人员', '西平', 2022]), '#N/A', ['ciInsurance.base.deductible']);
  });

  test('Xinyang: monitoring threshold and 农村易返贫致贫人口 premium amount are delegated', () => {
    expectBilingualErrorCell(callRowFunction('MONITOR_ALERT', [10000, '信阳', 2024]), '#N/A', ['xinyang-2024']);
    expectBilingualErrorCell(callRowFunction('PREMIUM_SUBSIDY', ['农村易返贫致贫人口', '信阳', 2024]), '#N/A', ['premium.tiers.monitored.amount']);
  });

  test('a category the region does not define: #N/A naming it and the region', () => {
    const out = callRowFunction('ASSIST_INPATIENT', [10000, '重点救助对象', '信阳', 2024]);
    expectBilingualErrorCell(out, '#N/A', ['重点救助对象']);
    // The region is named in each language's own words: 信阳市 in Chinese, Xinyang in English.
    const [zh, en] = (out as ErrorCell).message.split(' / Xinyang');
    expect(zh).toContain('信阳市');
    expect(en).toBeDefined();
    expect(en).not.toContain('信阳');
  });
});

describe('POLICY_LIST', () => {
  test('lists every edition, and an analyst region that failed validation never appears', () => {
    const e = new Engine();
    expect(() => e.addPolicy({ id: 'bad', region: 'nowhere' }, 'mine.json')).toThrow(/mine\.json/);
    const rows = policyList('zh', e);
    expect(rows.length).toBe(1 + 5);
    expect(rows.flat().some((c) => isErrorCell(c))).toBe(false);
    expect(rows.flat().join('|')).not.toContain('nowhere');
  });
});
