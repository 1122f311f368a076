/**
 * `medaid eval --set/--params` (issue 15 item 6): the formulas run on the built-in policies with
 * the analyst's figures on top, as `medaid project` does. Before, eval took no flags, so a figure
 * the documents leave to the analyst (威海's first-tier premium, 威医保发〔2019〕25号 二、(一)) could
 * not be given and the flag itself was read as a formula.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalArgs, evalEngineFrom, runEval } from '../../src/cli/eval';
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
