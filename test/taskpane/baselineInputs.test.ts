import { defaultEngine } from '../../src/engine/engine';
import { D } from '../../src/engine/money';
import { readCsv } from '../../src/roster/csv';
import { detectMapping } from '../../src/roster/mapping';
import { figuresJson, hasFigures, noFigures, parseFiguresJson } from '../../src/taskpane/analystFigures';
import {
  baselineFunding, baselineGrowth, fundDefaults, parseBaselineField, percentText,
} from '../../src/taskpane/baselineInputs';
import { runJob } from '../../src/taskpane/worker/projectionJob';

/** The refusal's two messages, or undefined when accepted. */
function refusal(f: () => unknown): { zh: string; en: string } | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    const x = e as { zh: string; en: string };
    return { zh: x.zh, en: x.en };
  }
}

describe('parsing a field as the CLI parses its flag', () => {
  test('amounts: the engine parseAmount forms are kept as typed; blank = not given', () => {
    expect(parseBaselineField('lottery', ' 2,000,000 ')).toBe('2,000,000');
    expect(parseBaselineField('donations', '30万')).toBe('30万');
    expect(parseBaselineField('transfers', '')).toBeUndefined();
    expect(parseBaselineField('transfers', '   ')).toBeUndefined();
  });

  test('a bad or negative amount is refused in both languages, naming the field and the value', () => {
    const bad = refusal(() => parseBaselineField('lottery', '两百万'))!;
    expect(bad.zh).toContain('福彩公益金');
    expect(bad.zh).toContain('两百万');
    expect(bad.en).toContain('--lottery');
    const neg = refusal(() => parseBaselineField('transfers', '-5'))!;
    expect(neg.zh).toContain('上级补助');
    expect(neg.en).toContain('-5');
  });

  test('ratio: parseRatio (full-width colon accepted), 0:0 and text refused', () => {
    expect(parseBaselineField('ratio', '1：9')).toBe('1:9');
    expect(parseBaselineField('ratio', '2:8')).toBe('2:8');
    expect(refusal(() => parseBaselineField('ratio', '0:0'))!.zh).toContain('0:0');
    const r = refusal(() => parseBaselineField('ratio', '一比九'))!;
    expect(r.zh).toContain('分担比例');
    expect(r.en).toContain('--ratio');
  });

  test('growth is typed in percent: "3" and "3%" both mean 3 %; −100 % or less and text refused', () => {
    expect(percentText('3')).toBe('3%');
    expect(parseBaselineField('headcountGrowth', '3')).toBe('3%');
    expect(parseBaselineField('costGrowth', '5%')).toBe('5%');
    expect(parseBaselineField('premiumGrowth', '-1.5')).toBe('-1.5%');
    const r = refusal(() => parseBaselineField('costGrowth', '-100'))!;
    expect(r.zh).toContain('费用增长率');
    expect(r.en).toContain('-100%');
    expect(refusal(() => parseBaselineField('headcountGrowth', 'abc'))!.en).toContain('--headcount-growth');
  });
});

describe('the funding and growth runProjection gets', () => {
  test('only the fields given, checked by the projection’s validateFunding / validateGrowth', () => {
    expect(baselineFunding({ lottery: '2,000,000', ratio: '2:8' })).toEqual({ lottery: '2,000,000', ratio: '2:8' });
    expect(baselineFunding({})).toBeUndefined();
    expect(baselineFunding(undefined)).toBeUndefined();
    expect(baselineGrowth({ headcountGrowth: '3', premiumGrowth: '4%' })).toEqual({ headcount: '3%', premium: '4%' });
    expect(baselineGrowth({ lottery: '1' })).toBeUndefined();
  });

  test('what a blank field falls back to: Weihai’s fund.lottery and fund.split, with their clause', () => {
    const d = fundDefaults(defaultEngine(), '威海', 2020);
    // 威医保发〔2019〕25号 四、(一) 3.: 福彩公益金筹资标准为每年200万元; 市、区市两级财政按1:9的比例负担
    expect(d.lottery).toMatchObject({ value: '2000000', origin: 'policy' });
    expect(d.lottery.citation).toContain('四、(一) 3.');
    expect(d.lottery.quote).toContain('200万元');
    expect(d.ratio).toMatchObject({ value: '1:9', origin: 'policy' });
    expect(d.transfers).toEqual({ value: '0', origin: 'default' });
    // 信阳 has no lottery figure: 0 (docs/projection.md, Funding)
    expect(fundDefaults(defaultEngine(), '信阳', 2024).lottery).toEqual({ value: '0', origin: 'default' });
  });
});

describe('saved with the figures (document settings / the MedAid-figures sheet)', () => {
  test('round trip keeps them; a set with only these inputs is still saved', () => {
    const f = { ...noFigures(), baseline: { lottery: '1500000', ratio: '2:8', costGrowth: '5%' } };
    expect(hasFigures(f)).toBe(true);
    const back = parseFiguresJson(figuresJson(f), 'MedAid-figures');
    expect(back.baseline).toEqual({ lottery: '1500000', ratio: '2:8', costGrowth: '5%' });
    // without inputs the JSON is what it was before (no baseline key)
    expect(figuresJson(noFigures())).not.toContain('baseline');
    expect(parseFiguresJson(figuresJson(noFigures()), 'x').baseline).toBeUndefined();
  });

  test('a hand-edited saved value is refused, naming the sheet and the field', () => {
    const text = JSON.stringify({ $format: 'medaid-figures/1', parameters: {}, policies: [], baseline: { ratio: '9' } });
    const r = refusal(() => parseFiguresJson(text, 'MedAid-figures'))!;
    expect(r.zh).toContain('MedAid-figures');
    expect(r.en).toContain('--ratio');
  });
});

/** An 18-digit ID with its GB 11643 check digit (Weihai 环翠区 371002). */
function idNumber(n: number): string {
  const body = `371002197001${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`.slice(0, 17);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** `count` 重点救助对象 in 环翠区, one 20,000 inpatient stay each in 2020. */
function weihaiRequest(count: number) {
  const ids = Array.from({ length: count }, (_, i) => idNumber(i + 1));
  const people = readCsv('身份证号,姓名,人员类别,区县\n' + ids.map((id, i) => `${id},人员${i + 1},重点救助对象,环翠区`).join('\n') + '\n', { sheet: 'people.csv' });
  const visits = readCsv('身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n' + ids.map((id) => `${id},2020-03-03,住院,20000,是`).join('\n') + '\n', { sheet: 'visits.csv' });
  return { people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '威海', year: 2020, scenarios: [] };
}

describe('the job passes the inputs into runProjection', () => {
  const req = weihaiRequest(150);

  test('Weihai: lottery 2,000,000 lowers the fiscal remainder by exactly 2,000,000 when the need exceeds it', () => {
    const none = runJob({ ...req, figures: { ...noFigures(), baseline: { lottery: '0' } } }).summary.baseline;
    const blank = runJob(req).summary.baseline;
    const given = runJob({ ...req, figures: { ...noFigures(), baseline: { lottery: '2,000,000' } } }).summary.baseline;
    // 二、(三): 重点救助对象 20,000 in the first bracket at 70 % = 14,000.00 each; × 150 = 2,100,000.00
    expect(none.overall.assistance).toBe('2100000.00');
    // 四、(一) 3.: lottery 0 → the whole need is fiscal
    expect(none.funding.lottery).toBe('0.00');
    expect(none.funding.fiscal).toBe(none.funding.need);
    // 四、(一) 3.: 福彩公益金 200万元 a year → fiscal = need − 2,000,000.00
    expect(given.funding.lottery).toBe('2000000.00');
    expect(new D(none.funding.need).greaterThan(2000000)).toBe(true);
    expect(new D(none.funding.fiscal).minus(given.funding.fiscal).toFixed(2)).toBe('2000000.00');
    // blank = the policy's own 2,000,000 (四、(一) 3.), the same result
    expect(blank.funding.fiscal).toBe(given.funding.fiscal);
    // 四、(一) 3.: 市、区市两级财政按1:9 — city 10 % of the fiscal remainder, one district
    expect(given.funding.ratio).toBe('1:9');
  });

  test('donations, transfers and the ratio given reach the funding plan', () => {
    const s = runJob({ ...req, figures: { ...noFigures(), baseline: { lottery: '0', donations: '10万', transfers: '100000', ratio: '2:8' } } }).summary.baseline;
    expect(s.funding.donations).toBe('100000.00');
    expect(s.funding.transfers).toBe('100000.00');
    expect(s.funding.ratio).toBe('2:8');
    // need − 200,000.00 of other sources; city 2/10 of it, the district the rest (四、(一) 3., ruling 11)
    const fiscal = new D(s.funding.need).minus(200000);
    expect(s.funding.fiscal).toBe(fiscal.toFixed(2));
    expect(s.funding.city).toBe(fiscal.times(2).dividedBy(10).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2));
  });

  test('growth for the forecast: +10 % people, +5 % cost (docs/projection.md, Forecast; 四、(一) 4.)', () => {
    const s = runJob({ ...req, figures: { ...noFigures(), baseline: { headcountGrowth: '10', costGrowth: '5' } } }).summary.baseline;
    const row = s.forecast.rows.find((r) => r.zh.includes('重点'))!;
    // 150 × 1.10 = 165 people
    expect(row.nextPeople).toBe(165);
    expect(row.growth).toMatchObject({ headcount: '10.00', cost: '5.00', premium: '0.00' });
    // 2,100,000.00 × 165 / 150 × 1.05 = 2,425,500.00
    expect(row.nextAssistance).toBe('2425500.00');
    expect(s.forecast.nextYear).toBe(2021);
  });

  test('an explicit option wins over the saved inputs', () => {
    const s = runJob({ ...req, figures: { ...noFigures(), baseline: { lottery: '0' } }, funding: { lottery: 5 } }).summary.baseline;
    expect(s.funding.lottery).toBe('5.00');
  });
});
