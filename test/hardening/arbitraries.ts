/**
 * Generators of hostile input for the fuzzers. Each mixes real domain values (so the runs
 * reach deep into the rules, not only the first argument check) with junk: random text in
 * any script, numbers at the edges of the float range, NaN, Infinity, -0, objects, arrays,
 * null-prototype objects, objects whose toString throws, keys like __proto__.
 */
import fc from 'fast-check';

export const REGIONS = ['信阳', '信阳市', 'xinyang', '西平', '西平县', '益阳', '山西', '山西省', '威海', 'weihai'] as const;
export const CATEGORY_TEXT = [
  '特困人员', '孤儿', '低保对象', '低保边缘家庭成员', '返贫致贫人口', '农村易返贫致贫人口', '因病致贫重病患者', '重度残疾人',
  '建档立卡', '重点救助对象', '其他低收入', '其他特殊', '低保对象;孤儿', '低保、特困', 'dibao', '低保;外星人',
] as const;
export const SCHEMES = ['住院', '门诊', '罕见病', '9类病种', '慢特病', '特药', '门诊慢特病', 'chronic_special', 'rare_disease', '牙科'] as const;
export const LEVELS = ['基层', '二级', '三级', '一类收费', 'primary', 'tertiary', '四级'] as const;
export const PARTS = ['市级', '区县', 'city', 'district', '省级'] as const;

/** Text a person might type in an amount cell, valid or not. */
export const amountText = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.double({ min: 0, max: 500, noNaN: true }).map((n) => `${n.toFixed(2)}万元`),
  fc.double({ min: 0, max: 500, noNaN: true }).map((n) => `${n.toFixed(1)}万`),
  fc.constantFrom('12,345.67', '1,2,3', '１２３４５', '1.2万元', '0.5亿', '300元', '￥100', '¥ 99.5', '-5', '−5', '1e5', '0x10', '∞', 'NaN', '  ', '', '.5', '5.', '--1', '1..2', '9'.repeat(400), `0.${'0'.repeat(60)}1`),
);

/** Numbers at every edge: NaN, ±Infinity, -0, subnormals, the largest doubles, huge integers. */
export const edgeNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MIN_VALUE, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 1e21, 1e15, 4.10102199001011e17, -1, 0.005, 0.015, 2.675, 1e-7),
);

function throwingToString(): object {
  return { toString: () => { throw new Error('toString exploded'); } };
}

/** Anything a host or a careless caller might pass: every JS type, including hostile objects. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 2, arbitrary: amountText },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [1, 2], ['低保对象'], new Date(NaN), new Date(0), 10n) },
  { weight: 1, arbitrary: fc.constant(null).map(() => Object.create(null) as object) },
  { weight: 1, arbitrary: fc.constant(null).map(throwingToString) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2, maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as object) },
);

/** A domain value most of the time, junk otherwise: runs reach the rules and the edges. */
export function mostly<T>(values: readonly T[], junkWeight = 1): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: junkWeight, arbitrary: junk });
}

export const amount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
  { weight: 2, arbitrary: amountText },
  { weight: 2, arbitrary: junk },
);
export const region = mostly(REGIONS);
export const categories = fc.oneof(mostly(CATEGORY_TEXT), fc.array(mostly(CATEGORY_TEXT), { maxLength: 3 }));
export const year = fc.oneof(fc.constantFrom<unknown>(undefined, 2019, 2022, 2023, 2024, 2025, '2024年', '２０２４', 1989, 2101, 2024.5), junk);
export const scheme = mostly(SCHEMES);
export const level = mostly(LEVELS);
export const flag = fc.oneof(fc.constantFrom<unknown>(true, false, '是', '否', 'Y', 1, 0, '', undefined), junk);

/** Parameter paths for withOverrides, real ones and attacks on the prototype chain. */
export const overridePath = fc.oneof(
  fc.constantFrom(
    'inpatient.tiers.dibao_returned.ratio', 'inpatient.tiers.dibao.ratio', 'inpatient.tiers.tekun.cap', 'inpatient.tiers.edge.deductible',
    'income.perCapitaDisposable', 'tilt.delegated', 'premium.tiers.monitored.amount', 'ciInsurance.base.deductible', 'fund.split',
    '__proto__.polluted', 'constructor.prototype.polluted', 'inpatient.__proto__.polluted', 'inpatient.constructor.prototype.polluted',
    'prototype.polluted', '__proto__', 'inpatient', 'inpatient.toString', 'inpatient.tiers.hasOwnProperty', 'a.b.c.d.e', '.', '..', '',
    'inpatient.tiers.dibao_returned.__proto__', 'inpatient.tiers.dibao_returned.valueOf',
  ),
  fc.array(fc.oneof(fc.constantFrom('inpatient', 'tiers', 'dibao', 'ratio', 'values', '__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 5 }).map((ps) => ps.join('.')),
);

export const overrideValue = fc.oneof(
  fc.constantFrom<unknown>(0.75, 0, 1, 2, -1, 50000, '1:9', 'abc', true, false, null, [], [{ threshold: 0, rate: 0.7 }], [{ threshold: 'x' }], { 2023: 25000 }, { '2024-01-01': 0.8 }, { bad: 1 }, {}),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown),
  fc.constant(null).map(() => JSON.parse('{"2024": {"__proto__": {"polluted": "yes"}}}') as unknown),
  junk,
);

export const overrideKey = fc.oneof(fc.constantFrom('xinyang-2024', 'xiping-2022', 'shanxi-2022', '威海', '山西', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''), fc.string({ maxLength: 8 }));

/** An overrides object; Object.fromEntries makes "__proto__" an own key, as JSON.parse of a user's file does. */
export const overrides = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(overrideKey, fc.array(fc.tuple(overridePath, overrideValue), { maxLength: 3 })), { maxLength: 3 }).map((entries) => Object.fromEntries(entries.map(([k, ps]) => [k, Object.fromEntries(ps)])) as unknown) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('{"__proto__":{"polluted":"yes"}}', '{"xinyang-2024":{"__proto__":{"polluted":"yes"}}}', '{"xinyang-2024":{"inpatient.__proto__.polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}').map((s) => JSON.parse(s as string) as unknown) },
  { weight: 1, arbitrary: junk },
);
