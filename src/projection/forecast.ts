/**
 * Next year's budget the way Weihai builds it (威医保发〔2019〕25号 四、(一) 4: 以上年12月份
 * 救助人数、费用为基数，结合人数变化、筹资标准等因素测算): per category, this year's head
 * count and per-capita amounts, moved by the scenario's growth assumptions.
 *
 * Exact decimals throughout, rounded once at the documented points (docs/projection.md):
 *   next people           = people × (1 + head-count growth), rounded half-up to a whole person;
 *   next amount           = amount × next people / people × (1 + cost or premium growth),
 *                           rounded to the fen (so with zero growth it is this year's amount exactly);
 *   per-capita figures    = amount / people, rounded to the fen — shown, not multiplied back.
 * People and amounts are attributed to each person's head-count status (PersonOutcome.category),
 * so the forecast's "this year" column adds up to the projection's overall totals.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { MedaidError } from '../engine/errors';
import { D, ZERO, round2, type Dec } from '../engine/money';
import type { Forecast, ForecastRow, Growth, PersonOutcome, RateInput } from './types';

/** 0.05, "0.05", "5%", "５％" → 0.05; must be a number above −100 %. */
export function parseRate(input: RateInput | undefined, field: string): Dec {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return ZERO;
  let value: Dec | undefined;
  if (typeof input === 'number' && Number.isFinite(input)) value = new D(input);
  else if (typeof input === 'string') {
    const s = input.normalize('NFKC').trim();
    const m = /^([+-]?(\d+(\.\d*)?|\.\d+))(%)?$/.exec(s);
    if (m) value = new D(m[1]).dividedBy(m[4] ? 100 : 1);
  }
  if (!value || value.lessThanOrEqualTo(-1)) {
    throw new MedaidError('INVALID_SCENARIO', { field, value: String(input), problem: '增长率应为大于 -100% 的数，如 0.05 或 "5%"', problemEn: 'a growth rate must be a number above -100%, e.g. 0.05 or "5%"' });
  }
  return value;
}

function ratesFor(growth: Growth | undefined, c: CategoryId): { headcount: Dec; cost: Dec; premium: Dec } {
  const own = growth?.byCategory?.[c] ?? {};
  const pick = (k: 'headcount' | 'cost' | 'premium') =>
    own[k] !== undefined ? parseRate(own[k], `growth.byCategory.${c}.${k}`) : parseRate(growth?.[k], `growth.${k}`);
  return { headcount: pick('headcount'), cost: pick('cost'), premium: pick('premium') };
}

const perCapita = (amount: Dec, people: number): Dec => (people === 0 ? ZERO : round2(amount.dividedBy(people)));

/** This year's base of the forecast per head-count status: sums, so the bases of parts of a roster add up. */
export type ForecastBase = Map<CategoryId, { people: number; assistance: Dec; premiumSubsidy: Dec }>;

export function forecastBase(people: readonly PersonOutcome[], into: ForecastBase = new Map()): ForecastBase {
  for (const p of people) {
    const b = into.get(p.category) ?? { people: 0, assistance: ZERO, premiumSubsidy: ZERO };
    b.people++;
    b.assistance = b.assistance.plus(p.assistance);
    if (p.premiumComputed) b.premiumSubsidy = b.premiumSubsidy.plus(p.premiumSubsidy);
    into.set(p.category, b);
  }
  return into;
}

export function forecastNextYear(year: number, people: readonly PersonOutcome[], growth: Growth | undefined): Forecast {
  return forecastFromBase(year, forecastBase(people), growth);
}

export function forecastFromBase(year: number, base: ForecastBase, growth: Growth | undefined): Forecast {
  const rows: ForecastRow[] = [];
  for (const { id } of CATEGORIES) {
    const b = base.get(id);
    if (!b) continue;
    const g = ratesFor(growth, id);
    const pcA = perCapita(b.assistance, b.people);
    const pcS = perCapita(b.premiumSubsidy, b.people);
    const nextPeople = new D(b.people).times(g.headcount.plus(1)).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    const scale = b.people === 0 ? ZERO : new D(nextPeople).dividedBy(b.people);
    const nextAssistance = round2(b.assistance.times(scale).times(g.cost.plus(1)));
    const nextPremiumSubsidy = round2(b.premiumSubsidy.times(scale).times(g.premium.plus(1)));
    const nextPcA = perCapita(nextAssistance, nextPeople);
    const nextPcS = perCapita(nextPremiumSubsidy, nextPeople);
    rows.push({
      category: id,
      people: b.people,
      assistance: b.assistance,
      premiumSubsidy: b.premiumSubsidy,
      perCapitaAssistance: pcA,
      perCapitaSubsidy: pcS,
      growth: g,
      nextPeople,
      nextPerCapitaAssistance: nextPcA,
      nextPerCapitaSubsidy: nextPcS,
      nextAssistance,
      nextPremiumSubsidy,
      nextFundNeed: nextAssistance.plus(nextPremiumSubsidy),
    });
  }
  const total = rows.reduce(
    (t, r) => ({
      people: t.people + r.people,
      assistance: t.assistance.plus(r.assistance),
      premiumSubsidy: t.premiumSubsidy.plus(r.premiumSubsidy),
      nextPeople: t.nextPeople + r.nextPeople,
      nextAssistance: t.nextAssistance.plus(r.nextAssistance),
      nextPremiumSubsidy: t.nextPremiumSubsidy.plus(r.nextPremiumSubsidy),
      nextFundNeed: t.nextFundNeed.plus(r.nextFundNeed),
    }),
    { people: 0, assistance: ZERO, premiumSubsidy: ZERO, nextPeople: 0, nextAssistance: ZERO, nextPremiumSubsidy: ZERO, nextFundNeed: ZERO },
  );
  return { year, nextYear: year + 1, rows, total };
}
