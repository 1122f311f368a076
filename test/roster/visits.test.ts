import { importPeople, importVisits } from '../../src/roster';
import { expectAccounted, ID_A, ID_B, ID_C, ID_D, table } from './helpers';

const H = ['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医', '目录内总费用', '医保支付'];
const people = importPeople(table(['身份证号', '姓名', '人员类别', '区县'], [
  [ID_A, '张三', '低保', '金水区'],
  [ID_B, '李四', '特困', '金水区'],
  [ID_C, '王五', '孤儿', '金水区'],
])).rows;

describe('importVisits', () => {
  test('dates in every form, amounts in every form, scheme from column or visit type', () => {
    const t = table(H, [
      [ID_A, '2024-03-05', '住院', '', '12,345.60', '是', '20000', '7000'],
      [ID_A, '2024/3/5', '门诊', '9类病种', '１２３', 'N', '', ''],
      [ID_B, '2024.3.5', '门诊-慢特病', '', '0.5万元', 'TRUE', '', ''],
      [ID_B, '2024年3月5日', '门诊（罕见病）', '特药', '300元', 'false', '', ''],
      [ID_C, '20240305', 'outpatient', '', 45.5, 1, '', ''],
      [ID_C, 45356, 'inpatient', '', '0', '0', '', ''],
      [ID_C, new Date(Date.UTC(2024, 2, 5)), '住院', '', '1', 'Y', '', ''],
    ]);
    const res = importVisits(t, undefined, { year: 2024, people });
    expectAccounted(res, t);
    // Only the outpatient visit with no scheme anywhere (row 6) is flagged: the main scheme is assumed (issue 16).
    expect(res.report.entries.map((e) => [e.rowNumber, e.code, e.severity])).toEqual([[6, 'ROSTER_SCHEME_DEFAULT', 'warning']]);
    expect(res.rows.map((v) => v.date)).toEqual(Array(7).fill('2024-03-05'));
    expect(res.rows.map((v) => v.cost.toString())).toEqual(['12345.6', '123', '5000', '300', '45.5', '0', '1']);
    expect(res.rows.map((v) => v.scheme)).toEqual([undefined, '9类病种', '慢特病', '特药', undefined, undefined, undefined]);
    expect(res.rows.map((v) => v.kind)).toEqual(['inpatient', 'outpatient', 'outpatient', 'outpatient', 'outpatient', 'inpatient', 'inpatient']);
    expect(res.rows.map((v) => v.referred)).toEqual([true, false, true, false, true, false, true]);
    expect(res.rows[0].totalCost?.toString()).toBe('20000');
    expect(res.rows[0].insurancePaid?.toString()).toBe('7000');
    expect(res.rows[1]).not.toHaveProperty('totalCost');
  });

  test('out-of-year dates, unknown people, bad values are rejected with reasons', () => {
    const t = table(H, [
      [ID_A, '2023-12-31', '住院', '', '100', '是'],
      [ID_D, '2024-01-01', '住院', '', '100', '是'],
      [ID_A, '2024-02-30', '住院', '', '100', '是'],
      [ID_A, '2024-01-01', '体检', '', '100', '是'],
      [ID_A, '2024-01-01', '住院', '', '', '是'],
      [ID_A, '2024-01-01', '住院', '', '-1', '是'],
      [ID_A, '2024-01-01', '住院', '', '100', '也许'],
      [ID_A, '2024-01-01', '住院', '', 'NaN', '是'],
    ]);
    const res = importVisits(t, undefined, { year: 2024, people });
    expectAccounted(res, t);
    expect(res.rows).toHaveLength(0);
    const codes = res.report.entries.map((e) => [e.rowNumber, e.code, e.cell]);
    expect(codes).toEqual([
      [2, 'ROSTER_DATE_OUT_OF_YEAR', 'B2'],
      [3, 'ROSTER_UNKNOWN_PERSON', 'A3'],
      [4, 'ROSTER_BAD_DATE', 'B4'],
      [5, 'ROSTER_BAD_VISIT_KIND', 'C5'],
      [6, 'BLANK_AMOUNT', 'E6'],
      [7, 'NEGATIVE_AMOUNT', 'E7'],
      [8, 'ROSTER_BAD_FLAG', 'F8'],
      [9, 'BAD_AMOUNT', 'E9'],
    ]);
    expect(res.report.entries[0].en).toContain('outside the projection year 2024');
    expect(res.report.entries[1].zh).toContain(ID_D);
    expect(res.report.entries[1].en).toContain(`"${ID_D}" is not in the people list`);
  });

  test('without year / people, those checks are off', () => {
    const t = table(H, [[ID_D, '2023-12-31', '住院', '', '100', '是']]);
    expect(importVisits(t).rows).toHaveLength(1);
    expect(importVisits(t, undefined, { people: new Set([ID_D]) }).rows).toHaveLength(1);
    expect(() => importVisits(t, undefined, { year: 24.5 })).toThrow(expect.objectContaining({ code: 'BAD_YEAR' }));
  });

  test('warnings: blank referral taken as no, scheme on an inpatient visit, cost above total', () => {
    const t = table(H, [
      [ID_A, '2024-01-01', '住院', '', '100', ''],
      [ID_A, '2024-01-01', '住院', '罕见病', '100', '是'],
      [ID_A, '2024-01-01', '门诊', '', '500', '是', '400'],
    ]);
    const res = importVisits(t, undefined, { year: 2024, people });
    expectAccounted(res, t);
    expect(res.rows).toHaveLength(3);
    expect(res.rows[0].referred).toBe(false);
    expect(res.rows[1].scheme).toBeUndefined();
    expect(res.report.entries.map((e) => [e.code, e.severity])).toEqual([
      ['ROSTER_FLAG_BLANK', 'warning'],
      ['ROSTER_SCHEME_IGNORED', 'warning'],
      ['ROSTER_SCHEME_DEFAULT', 'warning'],
      ['ROSTER_COST_EXCEEDS_TOTAL', 'warning'],
    ]);
    expect(res.report.summary).toEqual({ total: 3, used: 3, rejected: 0, warnings: 4, blank: 0 });
  });

  test('visit type without a scheme column', () => {
    const t = table(['身份证号', '结算日期', '就诊类型', '政策范围内自付', '规范转诊'], [[ID_A, '2024-01-01', '门诊-慢特病', '10', '否']]);
    expect(importVisits(t).rows[0]).toMatchObject({ kind: 'outpatient', scheme: '慢特病' });
  });
});
