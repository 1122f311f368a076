/**
 * Next year's budget the way Weihai builds it (威医保发〔2019〕25号 四、(一) 4: 以上年12月份
 * 救助人数、费用为基数，结合人数变化、筹资标准等因素测算): per category, this year's head
 * count and per-capita amounts, moved by the scenario's growth assumptions.
 *
 * Exact decimals throughout, rounded once at the documented points (docs/projection.md):
 *   next people           = people × (1 + head-count growth), rounded half-up to a whole person;
 *   next amount           = amount × next people / people × (1 + cost or premium growth),
 *                           rounded to the fen (so with zero growth it is this year's amount exactly);
 *   per-capita figures    = amount / the people whose figure was COMPUTED, rounded to the fen —
 *                           shown, not multiplied back (issue 17: a person whose assistance or
 *                           premium subsidy could not be computed adds nothing to the amount, so
 *                           counting them would lower the per-person figure without a word);
 *                           none (未计算) when nobody of the status was computed;
 *   next per-capita       = this per-capita amount (unrounded) × (1 + cost or premium growth),
 *                           rounded to the fen.
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

/** This year's base of the forecast per head-count status: sums, so the bases of parts of a roster add up. */
export type ForecastBase = Map<CategoryId, { people: number; assistancePeople: number; subsidyPeople: number; assistance: Dec; premiumSubsidy: Dec }>;

export function forecastBase(people: readonly PersonOutcome[], into: ForecastBase = new Map()): ForecastBase {
  for (const p of people) {
    const b = into.get(p.category) ?? { people: 0, assistancePeople: 0, subsidyPeople: 0, assistance: ZERO, premiumSubsidy: ZERO };
    b.people++;
    if (p.assistanceComputed) {
      b.assistancePeople++;
      b.assistance = b.assistance.plus(p.assistance);
    }
    if (p.premiumComputed) {
      b.subsidyPeople++;
      b.premiumSubsidy = b.premiumSubsidy.plus(p.premiumSubsidy);
    }
    into.set(p.category, b);
  }
  return into;
}

/** amount / computed people, unrounded; undefined when nobody was computed (未计算, never 0.00). */
const perComputed = (amount: Dec, computed: number): Dec | undefined => (computed === 0 ? undefined : amount.dividedBy(computed));
const fen = (d: Dec | undefined): Dec | undefined => (d === undefined ? undefined : round2(d));

export function forecastNextYear(year: number, people: readonly PersonOutcome[], growth: Growth | undefined): Forecast {
  return forecastFromBase(year, forecastBase(people), growth);
}

export function forecastFromBase(year: number, base: ForecastBase, growth: Growth | undefined): Forecast {
  const rows: ForecastRow[] = [];
  for (const { id } of CATEGORIES) {
    const b = base.get(id);
    if (!b) continue;
    const g = ratesFor(growth, id);
    const pcA = perComputed(b.assistance, b.assistancePeople);
    const pcS = perComputed(b.premiumSubsidy, b.subsidyPeople);
    const nextPeople = new D(b.people).times(g.headcount.plus(1)).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    const scale = b.people === 0 ? ZERO : new D(nextPeople).dividedBy(b.people);
    const nextAssistance = round2(b.assistance.times(scale).times(g.cost.plus(1)));
    const nextPremiumSubsidy = round2(b.premiumSubsidy.times(scale).times(g.premium.plus(1)));
    const nextPcA = fen(pcA?.times(g.cost.plus(1)));
    const nextPcS = fen(pcS?.times(g.premium.plus(1)));
    rows.push({
      category: id,
      people: b.people,
      assistancePeople: b.assistancePeople,
      subsidyPeople: b.subsidyPeople,
      assistance: b.assistance,
      premiumSubsidy: b.premiumSubsidy,
      perCapitaAssistance: fen(pcA),
      perCapitaSubsidy: fen(pcS),
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
