/**
 * The chain functions: VISIT_LAYERS (one settlement visit's layers as a spilled row) and
 * VISIT_ASSIST (its assistance, per row), and ASSIST_EXPLAIN citing each layer's clause.
 * Values hand-worked from 威医保发〔2019〕25号 三、(一)(二)(三) (see test/engine/settlement-chain.test.ts).
 */
import { callRowFunction, explain, visitLayers } from '../../src/functions/adapters';

describe('VISIT_LAYERS / VISIT_ASSIST', () => {
  test('威海 建档立卡: 130000 total, 5000 out-of-catalogue, 5000 basic → 5000 | 76750 | 200 | 0 | 16275 | 0 | 31775', () => {
    const t = visitLayers([130000, 5000, 5000, '建档立卡贫困人口', '威海']);
    expect(t[0]).toEqual(['基本医保', '大病保险', '医疗机构减免', '医疗机构承担目录外超限', '医疗救助', '其中倾斜救助', '个人负担']);
    expect(t[1]).toEqual([5000, 76750, 200, 0, 16275, 0, 31775]);
    // All but "of which tilted" add up to the total.
    expect(t[1][0] as number + (t[1][1] as number) + (t[1][2] as number) + (t[1][3] as number) + (t[1][4] as number) + (t[1][6] as number)).toBe(130000);
    expect(callRowFunction('VISIT_ASSIST', [130000, 5000, 5000, '建档立卡贫困人口', '威海'])).toBe(16275);
  });

  test('columns: one row per visit; a bad row is an error in its own row only', () => {
    const t = visitLayers([[[130000], [1000]], [[5000], [300]], [[5000], [900]], '建档立卡贫困人口', '威海'], 'en');
    expect(t).toHaveLength(3);
    expect(t[1][4]).toBe(16275);
    expect(t[2][0]).toEqual({ error: '#VALUE!', message: expect.stringContaining('1200.00') });
  });

  test('ASSIST_EXPLAIN("VISIT_ASSIST", …) cites the clause of every layer', () => {
    const rows = explain('VISIT_ASSIST', [130000, 5000, 5000, '建档立卡贫困人口', '威海']);
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('三、(一) 大病保险倾斜支付政策');
    expect(text).toContain('三、(二) 医疗机构减免政策');
    expect(text).toContain('三、(三) 1.一站式救助');
    expect(text).toContain('个人最终负担');
    expect(rows[rows.length - 1][1]).toBe('16275.00');
  });

  test('信阳 outpatient row with a pooling class: basicPaid blank is computed from the pool (信医保办〔2024〕52号 三、)', () => {
    // 门诊 9类病种 visit of a 低保对象: total 500, out-of-catalogue 100 → in-catalogue 400; 普通门诊 pool 400 × 60% = 240 (≤ 300);
    // 大病保险 given 0 (信阳 states no terms); OOP 160 × 50% (二、三是) = 80; residual 500 − 240 − 80 = 180.
    const args = [500, 100, '', '低保对象', '信阳', '门诊', 0, '', '', 2024, '', '普通门诊'];
    expect(visitLayers(args)[1]).toEqual([240, 0, 0, 0, 80, 0, 180]);
    expect(callRowFunction('VISIT_ASSIST', args)).toBe(80);
    // A year with one 合并两病 visit: 400 × 60% = 240 → its limit 200.
    expect(visitLayers([400, 0, '', '低保对象', '信阳', '门诊', 0, '', '', 2024, '', '合并两病'])[1][0]).toBe(200);
    // Unknown class; blank basicPaid without a class, or on an inpatient row: errors naming what is wrong.
    expect(visitLayers([400, 0, '', '低保对象', '信阳', '门诊', 0, '', '', 2024, '', '牙科'])[1][0]).toEqual({ error: '#N/A', message: expect.stringContaining('牙科') });
    expect(visitLayers([400, 0, '', '低保对象', '信阳', '门诊', 0])[1][0]).toEqual({ error: '#VALUE!', message: expect.stringContaining('basicPaid') });
    expect(visitLayers([400, 0, '', '低保对象', '信阳', '住院', 0, '', '', 2024, '', '普通门诊'])[1][0]).toEqual({ error: '#VALUE!', message: expect.stringContaining('basicPaid') });
    const text = explain('VISIT_ASSIST', args).map((r) => r.join(' ')).join('\n');
    expect(text).toContain('三、关于门诊统筹问题');
  });
});
