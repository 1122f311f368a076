/**
 * Issue 16 (review item 2): --set / --params / scenario / --policy input as an analyst writes it.
 *  - "0.75", "75%", "75 %", "７５％" for a ratio; "1万" / "12,000元" text for an amount: accepted;
 *    75 for a ratio, or "abc": a Chinese message naming the parameter (its 名称 and path), never the
 *    validator's English with a date the analyst never wrote (…values.1900-01-01: must be number).
 *  - a parameter's Chinese name ("住院救助 低保 救助比例", "倾斜救助起付标准") in place of its path;
 *    a name that fits several parameters lists them.
 *  - a scenario whose overrides name only another region (changes nothing): refused naming both;
 *    a --scenario file holding `[]`: refused.
 *  - a --policy file that would take the place of a built-in edition for its own year: refused
 *    (POLICY_REPLACES_BUILTIN) unless given as --policy-replace.
 * Values by hand from 信医保办〔2024〕52号 二、二是 (低保 inpatient 70 %, no deductible) and
 * 二、五是 (倾斜救助 above 12,000 yuan). Every run's rows: total = used + rejected + blank.
 */
import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { baselineEngine, parseParamsJson, setFlagSources } from '../../src/projection/baselineParams';
import { readRoster, runProjection } from '../../src/projection';
import { parseScenarioJson } from '../../src/projection/scenarioFile';
import { defaultEngine } from '../../src/engine/engine';
import { isMedaidError } from '../../src/engine/errors';
import { captureConsole, idNumber, tempFolder } from '../cli/cliHarness';
import { caught } from './expectations';

const RATIO = 'inpatient.tiers.dibao_returned.ratio';
/** The dated values at a path of the resolved 信阳 2024 policy (as the policy file holds them). */
type Dated = { values: Record<string, unknown> };
const policyOf = (e: ReturnType<typeof defaultEngine>) => e.resolve('信阳', 2024).policy as unknown as {
  inpatient: { tiers: Record<string, { ratio: Dated }> };
  tilt: { threshold: Dated };
};
const ratioOf = (e: ReturnType<typeof defaultEngine>) => policyOf(e).inpatient.tiers.dibao_returned.ratio.values;
const tiltOf = (e: ReturnType<typeof defaultEngine>) => policyOf(e).tilt.threshold.values;
const setEngine = (...flags: string[]) => baselineEngine({ parameters: setFlagSources(flags) });
const paramsEngine = (json: string) => baselineEngine({ parameters: [{ source: '--params p.json', overrides: parseParamsJson(json, '--params p.json') }] });

const A = idNumber('41150219800101001');
const enc = (s: string) => new TextEncoder().encode(s);
const roster = () => readRoster(
  { name: 'p.csv', bytes: enc(`身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n`) },
  { name: 'v.csv', bytes: enc(`身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,10000,否\n`) },
  2024,
);
const accounted = (r: { total: number; used: number; rejected: number; blank: number }) => expect(r.total).toBe(r.used + r.rejected + r.blank);

describe('ratio and amount text', () => {
  test.each(['0.75', '75%', '75 %', '７５％', '75％'])('--set 信阳:%s for the 低保 ratio is 0.75', (v) => {
    expect(ratioOf(setEngine(`信阳:${RATIO}=${v}`))).toEqual({ '1900-01-01': 0.75 });
  });

  test('--params {"…ratio": "0.75"} and "75%" are 0.75; a dated "75%" keeps 2024’s 70 % before it', () => {
    expect(ratioOf(paramsEngine(`{"信阳": {"${RATIO}": "0.75"}}`))).toEqual({ '1900-01-01': 0.75 });
    expect(ratioOf(paramsEngine(`{"信阳": {"${RATIO}": {"2024-07-01": "75%"}}}`))).toEqual({ '2024-01-01': 0.7, '2024-07-01': 0.75 });
  });

  test('amount text: "1万" and "12,000元" for the tilt threshold', () => {
    expect(tiltOf(paramsEngine('{"信阳": {"tilt.threshold": "1万"}}'))).toEqual({ '1900-01-01': 10000 });
    expect(tiltOf(paramsEngine('{"信阳": {"tilt.threshold": "12,000元"}}'))).toEqual({ '1900-01-01': 12000 });
  });

  test('a scenario "75%" runs: 10000 × 75 % = 7500.00 (baseline 70 %: 7000.00)', async () => {
    const r = await roster();
    const scenarios = parseScenarioJson(`{"name": "75", "overrides": {"信阳": {"${RATIO}": "75%"}}}`, 's.json');
    const run = runProjection({ ...r, region: '信阳', year: 2024, scenarios });
    accounted(run.rows.people);
    accounted(run.rows.visits);
    expect(run.baseline.totals.overall.assistance.total.toFixed(2)).toBe('7000.00');
    expect(run.scenarios[0].projection.totals.overall.assistance.total.toFixed(2)).toBe('7500.00');
  });

  test.each([
    ['75', /不能大于 1.*0\.75 或 75%/, /cannot exceed 1/],
    ['abc', /应为比例，写成 0\.75 或 75%.*"abc"/, /must be a ratio, written 0\.75 or 75%/],
  ])('%s for a ratio: Chinese first, naming 救助比例 and the path, no 1900-01-01', (v, zh, en) => {
    const e = caught(() => setEngine(`信阳:${RATIO}=${v}`));
    expect(e.code).toBe('INVALID_OVERRIDE');
    expect(e.zh).toMatch(zh);
    expect(e.en).toMatch(en);
    for (const m of [e.zh, e.en]) {
      expect(m).toContain(RATIO);
      expect(m).not.toContain('1900');
      expect(m).not.toContain('.values.');
    }
    expect(e.zh).toContain('救助比例');
  });

  test('a dated value names the date the analyst wrote, and only that', () => {
    const e = caught(() => setEngine(`信阳:${RATIO}.2025=abc`));
    expect(e.zh).toContain('2025-01-01 起');
    expect(e.zh).not.toContain('1900');
  });

  test('a wrong type the coercion does not cover (a list for a ratio) is said in Chinese, without the inner path', () => {
    const e = caught(() => paramsEngine(`{"信阳": {"${RATIO}": [1, 2]}}`));
    expect(e.zh).toMatch(/参数 救助比例（inpatient\.tiers\.dibao_returned\.ratio）的取值不符合要求（应为/);
    expect(e.zh).not.toContain('1900');
  });
});

describe('Chinese parameter names', () => {
  test('"住院救助 低保 救助比例" (parts in any order) is inpatient.tiers.dibao_returned.ratio', () => {
    expect(ratioOf(setEngine('信阳:住院救助 低保 救助比例=75%'))).toEqual({ '1900-01-01': 0.75 });
    expect(ratioOf(setEngine('信阳:救助比例·低保对象·住院救助=0.75'))).toEqual({ '1900-01-01': 0.75 });
    expect(ratioOf(paramsEngine('{"信阳": {"住院救助 · 低保对象、返贫致贫人口 · 救助比例": 0.75}}'))).toEqual({ '1900-01-01': 0.75 });
  });

  test('"倾斜救助起付标准" in a scenario is tilt.threshold; the engine reports it overridden under its path', () => {
    const [s] = parseScenarioJson('{"name": "t", "overrides": {"信阳": {"倾斜救助起付标准": 10000}}}', 's.json', defaultEngine());
    const e = defaultEngine().withOverrides(s.overrides);
    expect(tiltOf(e)).toEqual({ '1900-01-01': 10000 });
  });

  test('a name that fits several parameters lists them (with paths); one that fits none says how to write it', () => {
    const several = caught(() => setEngine('信阳:救助比例=0.75'));
    expect(several.code).toBe('INVALID_OVERRIDE');
    expect(several.zh).toMatch(/个参数符合这一名称/);
    expect(several.zh).toContain(RATIO);
    expect(several.en).toMatch(/parameters of xinyang-2024 fit this name/);
    const none = caught(() => setEngine('信阳:住院报销比例=0.75'));
    expect(none.zh).toContain('没有这一名称的参数');
    expect(none.zh).toContain('住院报销比例');
  });
});

describe('scenarios', () => {
  test('a scenario whose overrides name only 威海, in a 信阳 run: refused naming both (it would change nothing)', async () => {
    const r = await roster();
    const scenarios = parseScenarioJson('{"name": "weihai-ci", "overrides": {"威海": {"fund.split": "2:8"}}}', 's.json');
    let err: unknown;
    try {
      runProjection({ ...r, region: '信阳', year: 2024, scenarios });
    } catch (e) {
      err = e;
    }
    expect(isMedaidError(err)).toBe(true);
    const e = err as { code: string; zh: string; en: string };
    expect(e.code).toBe('INVALID_SCENARIO');
    expect(e.zh).toMatch(/情景“weihai-ci”只调整 "威海" 的参数，本次测算的地区是 信阳市（xinyang-2024）/);
    expect(e.en).toMatch(/would have no effect/);
  });

  test('a scenario keyed by 信阳 and 威海 (a shared file) runs', async () => {
    const r = await roster();
    const scenarios = parseScenarioJson(`{"name": "both", "overrides": {"信阳": {"${RATIO}": 0.75}, "威海": {}}}`, 's.json');
    const run = runProjection({ ...r, region: '信阳', year: 2024, scenarios });
    accounted(run.rows.visits);
    expect(run.scenarios[0].projection.totals.overall.assistance.total.toFixed(2)).toBe('7500.00');
  });
});

describe('the command line', () => {
  const { file } = tempFolder('medaid-params-');
  const people = file('people.csv', `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n`);
  const visits = file('visits.csv', `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,10000,否\n`);
  const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];
  const { out, err } = captureConsole();

  test('--scenario holding [] is exit 2 naming the file (not a run without the scenario)', async () => {
    const empty = file('empty.json', '[]');
    expect(await main([...base, '--scenario', empty])).toBe(2);
    expect(err.join('\n')).toContain('empty.json');
    expect(err.join('\n')).toContain('没有情景');
    expect(await main(['plan', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--scenario', empty])).toBe(2);
  });

  test('--set with 75% and a Chinese name: the run uses 75 % (7500.00), rows 1 = 1 used', async () => {
    expect(await main([...base, '--set', '信阳:住院救助 低保 救助比例=75%'])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('7,500.00');
    expect(text).toMatch(/人员: 1 总行数, 1 已使用, 0 未使用（见下）, 0 空行/);
  });

  test('a --policy copy of 信阳 2024 under a new id would replace the built-in: refused, exit 2; --policy-replace uses it', async () => {
    const j = JSON.parse(readFileSync('policies/xinyang-2024.json', 'utf8'));
    j.id = 'xinyang-2024-mine';
    j.inpatient.tiers.dibao_returned.ratio.values = { '2024-01-01': 0.8 };
    const mine = file('mine.json', JSON.stringify(j));
    expect(await main([...base, '--policy', mine])).toBe(2);
    const msg = err.join('\n');
    expect(msg).toContain('mine.json');
    expect(msg).toContain('会取代内置的 信阳市 2024 年政策（xinyang-2024）');
    expect(msg).toContain(`--policy-replace ${mine}`);
    err.length = 0;
    out.length = 0;
    // 10000 × 80 % = 8000.00 under the analyst's edition.
    expect(await main([...base, '--policy-replace', mine])).toBe(0);
    expect(out.join('\n')).toContain('8,000.00');
  });

  test('a --policy file for a new region (own id and names) is added without a word', () => {
    const j = JSON.parse(readFileSync('policies/xinyang-2024.json', 'utf8'));
    j.id = 'mycity-2024';
    j.region = { ...j.region, id: 'mycity', names: { zh: '某市', en: 'Mycity' }, aliases: [] };
    const e = baselineEngine({ policies: [{ source: '--policy m.json', text: JSON.stringify(j) }] });
    expect(e.resolve('信阳', 2024).policy.id).toBe('xinyang-2024');
    expect(e.resolve('某市', 2024).policy.id).toBe('mycity-2024');
  });
});
