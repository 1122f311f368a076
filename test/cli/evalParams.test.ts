/**
 * `medaid eval --set/--params` (issue 15 item 6): the formulas run on the built-in policies with
 * the analyst's figures on top, as `medaid project` does. Before, eval took no flags, so a figure
 * the documents leave to the analyst (威海's first-tier premium, 威医保发〔2019〕25号 二、(一)) could
 * not be given and the flag itself was read as a formula.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalArgs, evalCommand, evalEngineFrom, runEval } from '../../src/cli/eval';
import { setEngine } from '../../src/functions/adapters';

afterEach(() => setEngine(undefined));

const F = '=PREMIUM_SUBSIDY("低保对象","威海",,500,"二档")';

test('flags are split from the formulas', () => {
  expect(evalArgs(['--set', '威海:premium.tiers.first_tier.amount=350', F, '--params=p.json'])).toEqual({ formulas: [F], set: ['威海:premium.tiers.first_tier.amount=350'], params: ['p.json'], policies: [] });
});

test('without the first-tier figure a 二档 enrolee is #N/A (never the whole 500)', () => {
  const r = runEval([F]);
  expect(r.exitCode).toBe(1);
  expect(r.lines[0]).toMatch(/^#N\/A/);
});

test('--set 威海:premium.tiers.first_tier.amount=350: 二档 premium 500 → 350 (二、(一): first tier paid, the person pays 150)', () => {
  setEngine(evalEngineFrom({ set: ['威海:premium.tiers.first_tier.amount=350'], params: [], policies: [] }));
  expect(runEval([F])).toEqual({ lines: ['350'], exitCode: 0 });
});

test('--params FILE gives the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medaid-eval-'));
  const file = join(dir, 'p.json');
  writeFileSync(file, JSON.stringify({ 威海: { 'premium.tiers.first_tier.amount': 350 } }));
  setEngine(evalEngineFrom({ set: [], params: [file], policies: [] }));
  expect(runEval([F])).toEqual({ lines: ['350'], exitCode: 0 });
});

describe('西平 CI_INSURANCE on the analyst\'s base terms (三、(二): 起付线降低50%，支付比例提高5个百分点，取消封顶线)', () => {
  // The county's ordinary (普惠) critical-illness terms are not in the text: the analyst gives them.
  const BASE = [
    '西平:ciInsurance.base.deductible=15000',
    '西平:ciInsurance.base.brackets=[{"threshold":0,"rate":0.6},{"threshold":100000,"rate":0.7}]',
    '西平:ciInsurance.base.cap=50000',
  ];
  const DIBAO = '=CI_INSURANCE(120000,"低保对象","西平",2022)';
  const EDGE = '=CI_INSURANCE(120000,"低保边缘家庭成员","西平",2022)';

  test('without them: an error that says what is missing, never a number', () => {
    const r = runEval([DIBAO]);
    expect(r.exitCode).toBe(1);
    expect(r.lines[0]).toMatch(/^#N\/A|^#VALUE!/);
    expect(r.lines[0]).toContain('ciInsurance.base.deductible');
  });

  test('--set the base terms: 低保对象 tilted, 低保边缘家庭成员 on the ordinary terms and cap', () => {
    setEngine(evalEngineFrom({ set: BASE, params: [], policies: [] }));
    // 低保对象: deductible 15000 × 50 % = 7500; rates 60 % + 5 = 65 %, 70 % + 5 = 75 %; no cap:
    //   (100000 − 7500) × 65 % = 60125 + (120000 − 100000) × 75 % = 15000 → 75125.
    // 低保边缘家庭成员 (no tilt): (100000 − 15000) × 60 % = 51000 + 20000 × 70 % = 14000 → 65000 → cap 50000.
    expect(runEval([DIBAO, EDGE])).toEqual({ lines: ['75125', '50000'], exitCode: 0 });
  });

  test('--params FILE with the same terms gives the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'medaid-eval-'));
    const file = join(dir, 'ci.json');
    writeFileSync(file, JSON.stringify({ 西平: { 'ciInsurance.base.deductible': 15000, 'ciInsurance.base.brackets': [{ threshold: 0, rate: 0.6 }, { threshold: 100000, rate: 0.7 }] } }));
    setEngine(evalEngineFrom({ set: [], params: [file], policies: [] }));
    // No base cap given: 低保边缘家庭成员 65000 uncapped.
    expect(runEval([DIBAO, EDGE])).toEqual({ lines: ['75125', '65000'], exitCode: 0 });
  });
});

test('the command line end to end: medaid eval --set … CI_INSURANCE(…) prints 75125, exit 0', async () => {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((x: unknown) => void out.push(String(x)));
  try {
    const code = await evalCommand(['--set', '西平:ciInsurance.base.deductible=15000', '--set=西平:ciInsurance.base.brackets=[{"threshold":0,"rate":0.6},{"threshold":100000,"rate":0.7}]', 'CI_INSURANCE(120000,"低保对象","西平",2022)']);
    expect({ code, out }).toEqual({ code: 0, out: ['75125'] });
  } finally {
    log.mockRestore();
  }
});
