/**
 * Fuzzing the custom-function adapters (what Excel and HyperFormula call): random cells and
 * ranges in every argument of every function. Properties:
 *  - every output cell is a finite number, a boolean, "" (a blank row) or an error cell
 *    with a bilingual message — never NaN/Infinity, never an "internal error" (which is how
 *    an untyped exception would surface);
 *  - money has at most two decimals.
 */
import fc from 'fast-check';
import { ROW_FUNCTIONS, asTable, callRowFunction, explain, isErrorCell } from '../../src/functions/adapters';
import type { Arg, Cell, Output } from '../../src/functions/adapters';
import * as A from './arbitraries';
import { expectNoPollution } from './expectations';

const RUNS = Number(process.env.MEDAID_FUZZ_RUNS ?? 150);

/** What a host can put in a cell: numbers (incl. NaN/Infinity a program might pass), text, booleans, blanks, errors. */
const scalar: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Cell>(...A.REGIONS, ...A.CATEGORY_TEXT, ...A.SCHEMES, ...A.LEVELS, ...A.PARTS, 2019, 2022, 2024, '1:9', '是', '') },
  { weight: 3, arbitrary: A.edgeNumber as fc.Arbitrary<Cell> },
  { weight: 2, arbitrary: A.amountText as fc.Arbitrary<Cell> },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(true, false, null, undefined, { error: '#DIV/0!' as never, message: '' }, { error: '#N/A', message: 'x / y' }) },
);
const range = fc.integer({ min: 1, max: 4 }).chain((rows) => fc.array(fc.array(scalar, { minLength: 1, maxLength: 1 }), { minLength: rows, maxLength: rows }));
const arg: fc.Arbitrary<Arg> = fc.oneof({ weight: 5, arbitrary: scalar as fc.Arbitrary<Arg> }, { weight: 1, arbitrary: range as fc.Arbitrary<Arg> });

function checkOutput(fnKind: string, out: Output): void {
  for (const row of asTable(out)) {
    for (const c of row) {
      if (isErrorCell(c)) {
        expect(['#VALUE!', '#N/A', '#NUM!', '#DIV/0!', '#REF!', '#NAME?']).toContain(c.error);
        expect(c.message).not.toMatch(/内部错误|internal error/);
        continue;
      }
      if (c === '' || c === null || c === undefined) continue;
      if (typeof c === 'boolean') continue;
      expect(typeof c).toBe('number');
      expect(Number.isFinite(c)).toBe(true);
      if (fnKind === 'money') expect(Math.round((c as number) * 100) / 100).toBe(c);
    }
  }
}

afterEach(() => expectNoPollution());

describe.each(ROW_FUNCTIONS.map((f) => [f.id, f] as const))('%s', (id, f) => {
  test('random cells and ranges in every argument', () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: f.params.length + 1 }), (args) => {
        checkOutput(f.kind, callRowFunction(id, args));
      }),
      { numRuns: RUNS },
    );
  });
});

test('ASSIST_EXPLAIN with random function names and arguments: a table or one error cell', () => {
  fc.assert(
    fc.property(fc.oneof(fc.constantFrom<Cell>(...ROW_FUNCTIONS.map((f) => f.id), 'medaid.fund_split', 'POLICY_LIST'), scalar), fc.array(arg, { maxLength: 9 }), (name, args) => {
      const t = explain(name, args);
      expect(t.length).toBeGreaterThan(0);
      for (const row of t) for (const c of row) if (isErrorCell(c)) expect(c.message).not.toMatch(/内部错误|internal error/);
    }),
    { numRuns: RUNS },
  );
});
