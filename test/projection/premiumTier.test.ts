/**
 * 参保档次 (issue 15 item 2). 威医保发〔2019〕25号 二、(一): 困难人员 "由户籍所在地县级财政部门于集中缴费期前
 * 按一档缴费标准给予资助……选择二档缴费，应……自行补足" — the subsidy is the first-tier premium whatever tier
 * the person chose; the second-tier premium a person pays is never the subsidy. The old code ignored the
 * 参保档次 column and, without the first-tier figure, paid a second-tier enrolee the whole premium (500).
 */
import { defaultEngine } from '../../src/engine';
import { project } from '../../src/projection';
import { expectError } from '../engine/helpers';
import { person, s2 } from './helpers';

const DOC = '威医保发〔2019〕25号 二、(一)';
const R = '威海';
const withFirstTier = defaultEngine().withOverrides({ 威海: { 'premium.tiers.first_tier.amount': 350 } });

describe(`威海 premium by 参保档次 (${DOC})`, () => {
  test('二档, premium 500, first tier not supplied: FIRST_TIER_REQUIRED, never 500', () => {
    expectError(() => defaultEngine().premiumSubsidy({ categories: '低保对象', region: R, premium: 500, tier: '二档' }), 'FIRST_TIER_REQUIRED', ['威海市', '2019', 'premium.tiers.first_tier.amount']);
  });
  test('二档, premium 500, first tier 350: 350 (the person pays 500 − 350 = 150)', () => {
    expect(s2(withFirstTier.premiumSubsidy({ categories: '低保对象', region: R, premium: 500, tier: '二档' }).value)).toBe('350.00');
  });
  test('一档 (or blank), premium 350, first tier not supplied: the premium is the first tier → 350', () => {
    expect(s2(defaultEngine().premiumSubsidy({ categories: '低保对象', region: R, premium: 350, tier: '一档' }).value)).toBe('350.00');
    expect(s2(defaultEngine().premiumSubsidy({ categories: '低保对象', region: R, premium: 350 }).value)).toBe('350.00');
  });
  test('an unknown tier is BAD_INSURANCE_TIER naming it', () => {
    expectError(() => defaultEngine().premiumSubsidy({ categories: '低保对象', region: R, premium: 500, tier: '三档' }), 'BAD_INSURANCE_TIER', ['三档']);
  });
  test('the tier does not matter where the subsidy is not the first tier (益阳 低保 50% of 320 = 160)', () => {
    expect(s2(defaultEngine().premiumSubsidy({ categories: '低保对象', region: '益阳', year: 2022, tier: '二档' }).value)).toBe('160.00');
  });
});

describe('roster: the 参保档次 column is used', () => {
  const people = () => {
    const a = person('W1', '低保对象', '环翠区', 500);
    a.tier = '二档';
    const b = person('W2', '低保对象', '环翠区', 350);
    b.tier = '一档';
    return [a, b];
  };
  test('without the first-tier figure the 二档 row is reported and not paid; the 一档 row gets 350', () => {
    const r = project({ region: R, year: 2019, people: people(), visits: [] });
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('350.00');
    const row = r.people.find((x) => x.person.id === 'W1')!;
    expect(row.premiumComputed).toBe(false);
    const pr = r.problems.filter((p) => p.personId === 'W1');
    expect(pr.map((p) => [p.part, p.code])).toEqual([['premiumSubsidy', 'FIRST_TIER_REQUIRED']]);
  });
  test('with the first tier 350: 350 + 350 = 700', () => {
    const r = project({ region: R, year: 2019, people: people(), visits: [], engine: withFirstTier });
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('700.00');
  });
});
