/**
 * Fuzzing the engine: random strings, numbers (NaN, ±Infinity, -0, 1e308), objects,
 * arrays, undefined, hostile objects in every argument of every engine method, and random
 * override paths/values (including __proto__ and constructor.prototype). Properties:
 *  - every throw is a MedaidError (no TypeError, RangeError, decimal.js DecimalError…);
 *  - every money result is a finite Decimal rounded to the fen, never negative;
 *  - MONITOR_ALERT gives a boolean; a rate is a finite number in [0, 1];
 *  - the explanation of any result renders in both languages;
 *  - nothing is added to Object.prototype.
 * Runs are bounded (numRuns) so the folder stays well under a minute.
 */
import fc from 'fast-check';
import {
  D,
  Engine,
  defaultEngine,
  explanationTable,
  fundSplit,
  parseAmount,
  parseCategories,
  parseFlag,
  parseRatio,
  parsePart,
  parseYear,
} from '../../src/engine';
import type { Result } from '../../src/engine';
import * as A from './arbitraries';
import { expectMoney, expectNoPollution, typedOrValue } from './expectations';

/** Bounded for CI; MEDAID_FUZZ_RUNS=5000 npx jest test/hardening runs deeper. */
const RUNS = Number(process.env.MEDAID_FUZZ_RUNS ?? 150);
const engine = defaultEngine();

function checkMoneyResult(r: Result | undefined): void {
  if (r === undefined) return;
  expectMoney(r.value);
  explanationTable(r.explanation, 'zh');
  explanationTable(r.explanation, 'en');
}

afterEach(() => expectNoPollution());

describe('engine methods: no untyped exception, money rounded to the fen', () => {
  test('inpatient', () => {
    fc.assert(
      fc.property(A.amount, A.categories, A.region, A.year, A.amount, A.amount, fc.option(A.amount), fc.option(A.amount), (cost, categories, region, year, ytdCost, ytdAssist, totalCost, insurancePaid) => {
        const args = { cost, categories, region, year, ytdCost, ytdAssist, totalCost, insurancePaid } as unknown as Parameters<Engine['inpatient']>[0];
        checkMoneyResult(typedOrValue(() => engine.inpatient(args)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('outpatient', () => {
    fc.assert(
      fc.property(A.amount, A.categories, A.region, A.scheme, A.year, A.amount, A.amount, (cost, categories, region, kind, year, ytdCost, ytdAssist) => {
        const args = { cost, categories, region, kind, year, ytdCost, ytdAssist } as unknown as Parameters<Engine['outpatient']>[0];
        checkMoneyResult(typedOrValue(() => engine.outpatient(args)));
      }),
      { numRuns: RUNS },
    );
  });

  test('annual (parts add up to the total to the fen)', () => {
    fc.assert(
      fc.property(A.amount, A.amount, A.categories, A.region, A.year, A.flag, (inpatientCost, outpatientCost, categories, region, year, referred) => {
        const args = { inpatientCost, outpatientCost, categories, region, year, referred } as unknown as Parameters<Engine['annual']>[0];
        const r = typedOrValue(() => engine.annual(args));
        checkMoneyResult(r);
        if (r) {
          for (const part of Object.values(r.parts)) expectMoney(part);
          expect(r.parts.inpatient.plus(r.parts.outpatient).plus(r.parts.tilt).toFixed(2)).toBe((r.value as InstanceType<typeof D>).toFixed(2));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('premiumSubsidy, ciInsurance, hospitalReduction', () => {
    fc.assert(
      fc.property(A.amount, A.categories, A.region, A.year, fc.option(A.amount), (cost, categories, region, year, premium) => {
        const a = { cost, categories, region, year, premium } as never;
        checkMoneyResult(typedOrValue(() => engine.premiumSubsidy(a)));
        checkMoneyResult(typedOrValue(() => engine.ciInsurance(a)));
        checkMoneyResult(typedOrValue(() => engine.hospitalReduction(a)));
      }),
      { numRuns: RUNS },
    );
  });

  test('outOfCatalogueLimit and monitorAlert', () => {
    fc.assert(
      fc.property(A.amount, A.level, A.region, A.year, fc.option(A.amount), (totalCost, hospitalLevel, region, year, income) => {
        checkMoneyResult(typedOrValue(() => engine.outOfCatalogueLimit({ totalCost, hospitalLevel, region, year } as never)));
        const alert = typedOrValue(() => engine.monitorAlert({ outOfPocket: totalCost, region, year, income } as never));
        if (alert) expect(typeof alert.value).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  test('lookup: rate / deductible / cap', () => {
    fc.assert(
      fc.property(fc.constantFrom('rate', 'deductible', 'cap'), A.categories, A.region, A.year, fc.option(A.scheme), (what, categories, region, year, scheme) => {
        const r = typedOrValue(() => engine.lookup({ what, categories, region, year, scheme } as never));
        if (!r) return;
        if (what === 'rate') {
          const v = r.value as InstanceType<typeof D>;
          expect(v.isFinite() && v.greaterThanOrEqualTo(0) && v.lessThanOrEqualTo(1)).toBe(true);
        } else expectMoney(r.value);
      }),
      { numRuns: RUNS },
    );
  });

  test('personYear visits in a row share deductibles and caps without going negative', () => {
    const visit = fc.record({ kind: fc.oneof(fc.constantFrom('inpatient', 'outpatient'), A.junk), scheme: fc.option(A.scheme), cost: A.amount, referred: A.flag, totalCost: fc.option(A.amount), insurancePaid: fc.option(A.amount) });
    fc.assert(
      fc.property(A.categories, A.region, A.year, fc.array(visit, { maxLength: 6 }), (categories, region, year, visits) => {
        const py = typedOrValue(() => engine.personYear({ categories, region, year } as never));
        if (!py) return;
        for (const v of visits) {
          // The per-person-year API takes parsed Decimals (the importer parses cells); parse as it does.
          const cost = typedOrValue(() => parseAmount(v.cost, 'cost'));
          if (!cost) continue;
          const opt = (x: unknown) => (x === null ? undefined : typedOrValue(() => parseAmount(x, 'x')));
          const r = typedOrValue(() => py.visit({ kind: v.kind as 'inpatient', scheme: (v.scheme ?? undefined) as string | undefined, cost, referred: typedOrValue(() => parseFlag(v.referred)) ?? false, totalCost: opt(v.totalCost), insurancePaid: opt(v.insurancePaid) }));
          if (r) for (const x of [r.assistance, r.ordinary, r.tilt, r.topUp]) expectMoney(x);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('fundSplit: the parts add up to the rounded total', () => {
    fc.assert(
      fc.property(A.amount, fc.oneof(fc.constantFrom(...A.PARTS), A.junk), fc.oneof(fc.constantFrom<unknown>('1:9', '１：９', '2:8', '0:0', '1:0', 'a:b', undefined), A.junk), (amount, part, ratio) => {
        const city = typedOrValue(() => fundSplit(amount as never, 'city', ratio));
        const district = typedOrValue(() => fundSplit(amount as never, 'district', ratio));
        checkMoneyResult(typedOrValue(() => fundSplit(amount as never, part, ratio)));
        if (city && district) {
          expectMoney(city.value);
          const total = parseAmount(amount, 'amount').toDecimalPlaces(2, D.ROUND_HALF_UP);
          expect((city.value as InstanceType<typeof D>).plus(district.value as InstanceType<typeof D>).toFixed(2)).toBe(total.toFixed(2));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('the parsers every layer shares', () => {
    fc.assert(
      fc.property(A.junk, (x) => {
        const amt = typedOrValue(() => parseAmount(x, 'field'));
        if (amt) expect(amt.isFinite() && !amt.isNegative()).toBe(true); // -0 is normalised to 0 too
        typedOrValue(() => parseAmount(x, 'field', { allowNegative: true, allowBlank: true }));
        typedOrValue(() => parseCategories(x as string));
        typedOrValue(() => parseFlag(x));
        typedOrValue(() => parseRatio(x));
        typedOrValue(() => parsePart(x));
        typedOrValue(() => parseYear(x));
        typedOrValue(() => engine.resolve(x as string, 2024));
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('withOverrides: random paths and values', () => {
  test('a typed error or a working engine; never prototype pollution', () => {
    fc.assert(
      fc.property(A.overrides, A.categories, A.region, (ov, categories, region) => {
        const e = typedOrValue(() => engine.withOverrides(ov as never));
        expectNoPollution();
        if (!e) return;
        // The new engine computes (or refuses with a typed error) like the old one.
        checkMoneyResult(typedOrValue(() => e.inpatient({ cost: 10000, categories, region } as never)));
        checkMoneyResult(typedOrValue(() => e.premiumSubsidy({ categories, region, premium: 400 } as never)));
        expectNoPollution();
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('attacks on the prototype chain are refused by name', () => {
    const attacks = [
      '{"xinyang-2024": {"__proto__.polluted": "yes"}}',
      '{"xinyang-2024": {"constructor.prototype.polluted": "yes"}}',
      '{"xinyang-2024": {"inpatient.__proto__.polluted": "yes"}}',
      '{"xinyang-2024": {"inpatient.constructor.prototype.polluted": "yes"}}',
      '{"xinyang-2024": {"inpatient.tiers.dibao_returned.ratio": {"__proto__": {"polluted": "yes"}}}}',
      '{"__proto__": {"inpatient.tiers.dibao_returned.ratio": 0.5}}',
    ];
    for (const text of attacks) {
      const e = typedOrValue(() => engine.withOverrides(JSON.parse(text)));
      expect(e).toBeUndefined();
      expectNoPollution();
    }
  });
});
