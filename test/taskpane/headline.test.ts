/**
 * The headline card's figures (src/taskpane/headline.ts). Amounts are the demo's 信阳 2024
 * baseline (`npm run demo`: 资金需求 11,803,397.36 元, 1:9 split 1,180,339.74 / 10,623,057.62
 * of the fiscal 11,803,397.36; 信阳's documents set no city:district ratio, so the split is the
 * default 1:9, the analyst's assumption after 威医保发〔2019〕25号 四、(一) 3.), worked by hand into
 * 万元 and shares: 1 part of 10 is 10.0 %.
 */
import { headline, toWan } from '../../src/taskpane/headline';
import type { RunSummary } from '../../src/taskpane/runSummary';

function summaryOf(fundNeed: string, fiscal: string, city: string, district: string, comparisons: RunSummary['comparisons'] = []): RunSummary {
  return {
    baseline: { overall: { fundNeed }, funding: { fiscal, city, districtTotal: district, ratio: '1:9' } },
    comparisons,
  } as unknown as RunSummary;
}

describe('toWan: 元 → 万元, half-up to 0.01 万元', () => {
  test.each([
    ['11803397.36', '1180.34'], // 1180.339736 → 1180.34
    ['12345.00', '1.23'], // 1.2345 → 1.23
    ['12350.00', '1.24'], // 1.235 → half-up 1.24 (a float would give 1.23 or 1.24 by luck)
    ['-12350.00', '-1.24'], // a saving: half-up away from zero, as the 元 rounding
    ['0.00', '0.00'],
  ])('%s 元 = %s 万元', (yuan, wan) => expect(toWan(yuan)).toBe(wan));
});

describe('headline', () => {
  test('信阳 2024 demo baseline: 资金需求 in 元 and 万元, the 1:9 shares of the fiscal part', () => {
    const h = headline(summaryOf('11803397.36', '11803397.36', '1180339.74', '10623057.62'));
    expect(h.fundNeed).toBe('11803397.36');
    expect(h.fundNeedWan).toBe('1180.34');
    expect(h.cityWan).toBe('118.03'); // 118.033974
    expect(h.districtWan).toBe('1062.31'); // 1062.305762
    expect(h.cityPct).toBe('10.0'); // 1 of 1+9
    expect(h.districtPct).toBe('90.0');
    expect(h.ratio).toBe('1:9');
    expect(h.scenarios).toEqual([]);
  });

  test('each scenario: its 资金需求, the difference in 元 and 万元 and the change in %', () => {
    const c = [{ scenario: '低保75%', measures: [{ id: 'fundNeed', baseline: '11803397.36', scenario: '12262247.88', diff: '458850.52', pct: '3.89' }] }];
    const h = headline(summaryOf('11803397.36', '11803397.36', '1180339.74', '10623057.62', c));
    expect(h.scenarios).toEqual([{ name: '低保75%', fundNeed: '12262247.88', diff: '458850.52', diffWan: '45.89', pct: '3.89' }]);
  });

  test('no fiscal part (other sources cover the need): no share is made up', () => {
    const h = headline(summaryOf('100.00', '0.00', '0.00', '0.00'));
    expect(h.cityPct).toBeUndefined();
    expect(h.districtPct).toBeUndefined();
  });
});
