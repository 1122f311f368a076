/**
 * Settlement-export visit rows (src/roster/settlementFields.ts, importVisits): Chinese headers
 * detected, 政策范围内自付 not required when 医疗总费用 is there, the parts checked against the
 * total with the row, cell and column named, and nothing silently set to zero.
 */
import { detectMapping, importVisits } from '../../src/roster';
import { expectAccounted, ID_A, ID_B, table } from './helpers';

const HEADER = ['身份证号', '结算日期', '就诊类型', '是否规范转诊', '医疗总费用', '政策范围外费用', '基本医保统筹支付', '大病保险支付', '医疗机构减免', '医院等级'];

describe('settlement columns', () => {
  test('headers are detected; 政策范围内自付 is not required alongside 医疗总费用, but 目录外费用 and 基本医保统筹支付 are', () => {
    const t = table(HEADER, []);
    const m = detectMapping(t, 'visits');
    expect(m.missing).toEqual([]);
    expect(m.columns).toMatchObject({ grossCost: 4, outOfCatalogue: 5, basicPaid: 6, ciPaid: 7, reduction: 8, hospitalLevel: 9 });
    const without = detectMapping(table(['身份证号', '结算日期', '就诊类型', '是否规范转诊', '医疗总费用'], []), 'visits');
    expect(without.missing).toEqual(['outOfCatalogue', 'basicPaid']);
    const neither = detectMapping(table(['身份证号', '结算日期', '就诊类型', '是否规范转诊'], []), 'visits');
    expect(neither.missing).toEqual(['cost']);
    expect(() => importVisits(table(['身份证号', '结算日期', '就诊类型', '是否规范转诊', '医疗总费用'], [])))
      .toThrow(/目录外费用.*基本医保统筹支付|基本医保统筹支付.*目录外费用/);
  });

  test('a settlement row: parts kept, provisional OOP = in-catalogue − basic − critical-illness (ruling 2)', () => {
    // 130000 − 5000 out-of-catalogue − 5000 basic − 76750 critical-illness = 43250.
    const t = table(HEADER, [[ID_A, '2019-08-01', '住院', '是', '130000', '5000', '5000', '76750', '', '二级']]);
    const res = importVisits(t);
    expectAccounted(res, t);
    const v = res.rows[0];
    expect(v.cost.toFixed(2)).toBe('43250.00');
    expect(v.settlement!.total.toFixed(2)).toBe('130000.00');
    expect(v.settlement!.ciPaid!.toFixed(2)).toBe('76750.00');
    expect(v.settlement!.reduction).toBeUndefined(); // blank: computed from the rule, not 0
    expect(v.settlement!.level).toBe('二级');
  });

  test('bad rows: parts above the total, a negative part, a blank required part — each an error naming the cell', () => {
    const t = table(HEADER, [
      [ID_A, '2019-08-01', '住院', '是', '1000', '300', '900', '', '', ''],
      [ID_B, '2019-08-02', '住院', '是', '1000', '-5', '100', '', '', ''],
      [ID_B, '2019-08-03', '住院', '是', '1000', '', '100', '', '', ''],
      [ID_B, '2019-08-04', '住院', '是', '1000', '100', '100', '', '150', ''],
    ]);
    const res = importVisits(t);
    expectAccounted(res, t);
    expect(res.rows).toHaveLength(0);
    const [a, b, c, d] = res.report.entries.filter((e) => e.severity === 'error');
    expect(a).toMatchObject({ rowNumber: 2, cell: 'E2', code: 'ROSTER_SETTLEMENT_PARTS_EXCEED' });
    expect(a.zh).toContain('政策范围外费用 + 基本医保统筹支付 合计 1200.00 大于 医疗总费用 1000.00');
    expect(b).toMatchObject({ rowNumber: 3, cell: 'F3', code: 'NEGATIVE_AMOUNT' });
    expect(c).toMatchObject({ rowNumber: 4, cell: 'F4', code: 'BLANK_AMOUNT' });
    expect(d).toMatchObject({ rowNumber: 5, cell: 'I5', code: 'ROSTER_SETTLEMENT_PARTS_EXCEED' });
  });

  test('both forms in one table: a row with 政策范围内自付 and no 医疗总费用 is an out-of-pocket row as today', () => {
    const t = table([...HEADER, '政策范围内自付'], [
      [ID_A, '2019-08-01', '住院', '是', '', '', '', '', '', '', '6000'],
      [ID_B, '2019-08-01', '住院', '是', '8000', '0', '4000', '', '', '', ''],
    ]);
    const res = importVisits(t);
    expectAccounted(res, t);
    expect(res.rows[0].settlement).toBeUndefined();
    expect(res.rows[0].cost.toFixed(2)).toBe('6000.00');
    expect(res.rows[1].settlement!.basicPaid!.toFixed(2)).toBe('4000.00');
  });

  test('门诊统筹类别: an outpatient row naming its pool may leave 基本医保统筹支付 blank (computed from 信阳 三、); any other blank is an error', () => {
    const t = table([...HEADER, '门诊统筹类别'], [
      [ID_A, '2024-03-01', '门诊', '否', '500', '100', '', '0', '', '', '普通门诊'],
      [ID_A, '2024-03-02', '门诊', '否', '500', '100', '', '0', '', '', ''],
      [ID_B, '2024-03-03', '住院', '否', '500', '100', '', '0', '', '', '高血压'],
    ]);
    expect(detectMapping(t, 'visits').columns).toMatchObject({ pool: 10 });
    const res = importVisits(t);
    expectAccounted(res, t);
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0].settlement!.basicPaid).toBeUndefined(); // not 0: the chain computes it
    expect(res.rows[0].settlement!.pool).toBe('普通门诊');
    const errors = res.report.entries.filter((e) => e.severity === 'error');
    expect(errors.map((e) => [e.rowNumber, e.cell, e.code])).toEqual([[3, 'G3', 'BLANK_AMOUNT'], [4, 'G4', 'BLANK_AMOUNT']]);
  });
});
