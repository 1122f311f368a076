/**
 * What every bad-input case and every fuzz run must show, in one place:
 *  - a typed error (MedaidError: code, Chinese and English message, Excel kind), never a
 *    TypeError or a silent zero;
 *  - a message that names the bad value (and the field / cell when the layer knows it) in
 *    both languages, and says what to do;
 *  - money as a finite Decimal rounded to the fen;
 *  - no prototype pollution.
 */
import { D, MedaidError, isMedaidError } from '../../src/engine';
import type { Dec, ErrorCode } from '../../src/engine';
import type { ImportResult, RawTable } from '../../src/roster';

/*
 * "Says what to do": an instruction or the list of accepted values. Chinese messages ask
 * (请…) or list what is accepted (可用…为 / 应为 / 写成); English ones use an imperative or
 * list the known values.
 */
const ACTION_ZH = /请|可用|可解释|应为|写成|须为|选择|如能|现有|建议/;
const ACTION_EN =
  /\b(enter|use|set|supply|pass|add|check|format|write|give|choose|fill|delete|update|move|save|known \w+ (are|is)|it explains|must be|should be|try)\b/i;

export function expectSaysWhatToDo(zh: string, en: string): void {
  expect(zh).toMatch(ACTION_ZH);
  expect(en).toMatch(ACTION_EN);
}

/** Runs f and returns the MedaidError it throws; fails on a return or on any other throw. */
export function caught(f: () => unknown): MedaidError {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (isMedaidError(e)) return e;
    throw new Error(`expected a MedaidError, got an untyped ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new Error(`expected a MedaidError, but the call returned ${String((result as { value?: unknown })?.value ?? result)}`);
}

export async function caughtAsync(f: () => Promise<unknown>): Promise<MedaidError> {
  try {
    await f();
  } catch (e) {
    if (isMedaidError(e)) return e;
    throw new Error(`expected a MedaidError, got an untyped ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new Error('expected a MedaidError, but the call resolved');
}

/**
 * The error has this code, both messages contain every mention (the bad value, the field,
 * the missing term) and say what to do.
 */
export function expectTypedError(err: MedaidError, code: ErrorCode, mentions: readonly string[]): void {
  expect(err).toBeInstanceOf(MedaidError);
  expect(err.code).toBe(code);
  for (const m of mentions) {
    expect(err.zh).toContain(m);
    expect(err.en).toContain(m);
  }
  expectSaysWhatToDo(err.zh, err.en);
}

/** A money result: a finite Decimal with at most two decimals (rounded to the fen). */
export function expectMoney(x: unknown): void {
  expect(x).toBeInstanceOf(D);
  const d = x as Dec;
  expect(d.isFinite()).toBe(true);
  expect(d.decimalPlaces()).toBeLessThanOrEqual(2);
  expect(d.isNegative() && !d.isZero()).toBe(false);
}

/** Nothing was added to Object.prototype (or Array / Function prototypes). */
const PROTO_KEYS = {
  object: Object.getOwnPropertyNames(Object.prototype).sort().join(','),
  array: Object.getOwnPropertyNames(Array.prototype).sort().join(','),
  fn: Object.getOwnPropertyNames(Function.prototype).sort().join(','),
};

export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTO_KEYS.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort().join(',')).toBe(PROTO_KEYS.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort().join(',')).toBe(PROTO_KEYS.fn);
}

/**
 * Calls f; a MedaidError is an accepted outcome (returns undefined), any other exception
 * fails the property with a message saying which input produced it.
 */
export function typedOrValue<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isMedaidError(e)) {
      // A typed error must still carry both messages and an Excel kind.
      if (!e.zh || !e.en || !['#VALUE!', '#N/A', '#NUM!'].includes(e.excel)) throw new Error(`incomplete MedaidError ${e.code}`);
      return undefined;
    }
    throw e;
  }
}

/** Every input row is used or has an error entry; the summary adds up. */
export function expectRowsAccounted<T extends { rowNumber: number }>(res: ImportResult<T>, t: RawTable): void {
  const s = res.report.summary;
  expect(s.total).toBe(s.used + s.rejected + s.blank);
  expect(s.total).toBe(t.rows.length + (t.blankRows?.length ?? 0));
  const used = new Set(res.rows.map((r) => r.rowNumber));
  const rejected = new Set(res.report.entries.filter((e) => e.severity === 'error').map((e) => e.rowNumber));
  for (const r of t.rows) expect(used.has(r.rowNumber) !== rejected.has(r.rowNumber)).toBe(true);
  expect(used.size).toBe(s.used);
  expect(rejected.size).toBe(s.rejected);
}
