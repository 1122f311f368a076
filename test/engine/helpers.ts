/**
 * Case tables for the engine tests, OpenFisca-style: each case is a call, the value worked
 * out by hand from the policy text (`hand`), and the clause that value comes from (`cites`),
 * which the result's explanation must also cite. Errors are checked by code and by the bad
 * value appearing in both the Chinese and the English message.
 */
import fs from 'fs';
import path from 'path';
import { Engine, MedaidError, defaultEngine, fmt, isMedaidError } from '../../src/engine';
import type { Dec, ErrorCode, Explanation, Result } from '../../src/engine';

export interface ValueCase {
  name: string;
  run: (e: Engine) => Result<Dec> | Result<boolean>;
  /** Two-decimal yuan text, or a boolean for an alert. */
  expected: string | boolean;
  /** The hand computation, e.g. "(10000 − 2400) × 65% = 4940". */
  hand: string;
  /** Text each expected citation must contain (document number/title + clause). */
  cites?: string | string[];
  /** Another engine (a scenario with overrides) instead of the default one. */
  engine?: Engine;
}

export interface ErrorCase {
  name: string;
  run: (e: Engine) => unknown;
  error: ErrorCode;
  /** Values both messages must name (the bad input, the missing year…). */
  mentions?: string[];
  engine?: Engine;
}

/** The text of every citation in an explanation, for `toContain` checks. */
export function citations(e: Explanation): string {
  return e.params.map((p) => `${p.path}: ${p.citation}`).join('\n');
}

/** Every parameter a step names is listed with its value and a citation (document + clause). */
export function expectFullyCited(e: Explanation): void {
  const listed = new Map(e.params.map((p) => [p.path, p]));
  for (const s of e.steps) {
    for (const path of s.params) {
      const p = listed.get(path);
      expect(p).toBeDefined();
      expect(p!.citation.trim()).not.toBe('');
      expect(p!.value).not.toBe('');
    }
  }
}

export function runValueCases(cases: ValueCase[]): void {
  test.each(cases)('$name: $hand', (c) => {
    const r = c.run(c.engine ?? defaultEngine());
    if (typeof c.expected === 'boolean') expect(r.value).toBe(c.expected);
    else expect(fmt(r.value as Dec)).toBe(c.expected);
    expectFullyCited(r.explanation);
    for (const clause of c.cites === undefined ? [] : [c.cites].flat()) expect(citations(r.explanation)).toContain(clause);
  });
}

export function caught(f: () => unknown): MedaidError {
  try {
    f();
  } catch (e) {
    if (isMedaidError(e)) return e;
    throw e;
  }
  throw new Error('expected a MedaidError, but the call returned');
}

/** Region names, Chinese → English, as the policy files give them. */
const REGION_EN = new Map<string, string>(
  fs.readdirSync(path.join(__dirname, '..', '..', 'policies')).filter((f) => f.endsWith('.json')).map((f) => {
    const names = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'policies', f), 'utf8')) as { region: { names: { zh: string; en?: string } } }).region.names;
    return [names.zh, names.en ?? names.zh] as [string, string];
  }),
);

export function expectError(f: () => unknown, code: ErrorCode, mentions: string[] = []): MedaidError {
  const err = caught(f);
  expect(err.code).toBe(code);
  for (const m of mentions) {
    expect(err.zh).toContain(m);
    // the English text names a region by its English name (an English screen is English only, issue 14)
    expect(err.en).toContain(REGION_EN.get(m) ?? m);
  }
  return err;
}

export function runErrorCases(cases: ErrorCase[]): void {
  test.each(cases)('$name → $error', (c) => {
    expectError(() => c.run(c.engine ?? defaultEngine()), c.error, c.mentions);
  });
}

/** Names of the steps of an explanation, both languages, for "says so" checks. */
export function stepText(e: Explanation): string {
  return e.steps.map((s) => `${s.zh} | ${s.en}`).join('\n');
}
