/**
 * FUND_NEED's adapter over sheet ranges (src/functions/rosterFunctions.ts): 信阳 2024, A 低保对象
 * inpatient 10000 → 7000 (信医保办〔2024〕52号 二、二是 70 %) + subsidy 80 (二、一是, ruling 8);
 * B 低保边缘 20000 → (20000 − 2400) × 65 % = 11440 → cap 10000 (二、四是). Need 17080; with the
 * 低保 ratio at 0.75 as a parameter pair, 17580 — what Goal Seek / a Data Table would vary.
 */
import { fundNeedOfRanges, projectTableOfRanges, rosterImports } from '../../src/functions/rosterFunctions';
import { idCheckChar } from '../../src/roster';

const id = (s: string) => s + idCheckChar(s);
const A = id('41150219800101001');
const B = id('41150219600101002');
const people = [['身份证号', '姓名', '人员类别', '区县', '个人缴费'], [A, '张三', '低保对象', '浉河区', 380], [B, '李四', '低保边缘家庭成员', '平桥区', 380]];
const visits = [['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医'], [A, '2024-03-01', '住院', '', 10000, '否'], [B, '2024-05-01', '住院', '', 20000, '否']];

test('the fund need, and with a parameter pair', () => {
  expect(fundNeedOfRanges(people, visits, '信阳', 2024)).toBe(17080);
  expect(fundNeedOfRanges(people, visits, '信阳', 2024, ['inpatient.tiers.dibao_returned.ratio', 0.75])).toBe(17580);
});

test('bad input is an error cell naming it, never a number', () => {
  const bad = [...people, ['41150219800101001X', '王五', '低保对象', '浉河区', 380]];
  expect(fundNeedOfRanges(bad, visits, '信阳', 2024)).toMatchObject({ error: '#VALUE!' });
  expect(fundNeedOfRanges(people, visits, '信阳', 2024, ['inpatient.tiers.dibao_returned.ratio'])).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('pairs') });
  expect(fundNeedOfRanges(people, visits, '信阳', 2024, ['inpatient.tiers.nope.ratio', 1])).toMatchObject({ error: '#VALUE!' });
  expect(fundNeedOfRanges(people, visits, '', 2024)).toMatchObject({ error: '#VALUE!' });
});

describe('PROJECT: the same projection spilled by category or district', () => {
  // Per bucket: 人数, 就诊次数, 住院, 门诊, 倾斜, 救助合计, 资助参保, 资金需求 (values as in the header comment).
  it('by category (the default): 低保对象 7000 + 80, 低保边缘家庭成员 10000 + 0, total 17080', () => {
    expect(projectTableOfRanges(people, visits, '信阳', 2024, null)).toEqual([
      ['人员类别', '人数', '就诊次数', '住院救助', '门诊救助', '倾斜救助', '救助合计', '资助参保', '资金需求'],
      ['低保对象', 1, 1, 7000, 0, 0, 7000, 80, 7080],
      ['低保边缘家庭成员', 1, 1, 10000, 0, 0, 10000, 0, 10000],
      ['合计', 2, 2, 17000, 0, 0, 17000, 80, 17080],
    ]);
  });

  it('by district, in code-point order (平 U+5E73 before 浉 U+6D49), with a parameter pair, in English', () => {
    // 低保 ratio 0.75: A 10000 × 0.75 = 7500 (+ 80); B unchanged (its tier is not 低保's).
    expect(projectTableOfRanges(people, visits, '信阳', 2024, '区县', ['inpatient.tiers.dibao_returned.ratio', 0.75], 'en')).toEqual([
      ['District', 'People', 'Visits', 'Inpatient assistance', 'Outpatient assistance', 'Tilted assistance', 'Assistance total', 'Premium subsidies', 'Fund need'],
      ['平桥区', 1, 1, 10000, 0, 0, 10000, 0, 10000],
      ['浉河区', 1, 1, 7500, 0, 0, 7500, 80, 7580],
      ['Total', 2, 2, 17500, 0, 0, 17500, 80, 17580],
    ]);
  });

  it('a bad group-by or an error cell inside a range is one error naming it', () => {
    expect(projectTableOfRanges(people, visits, '信阳', 2024, '乡镇')).toEqual([[expect.objectContaining({ error: '#VALUE!', message: expect.stringContaining('乡镇') })]]);
    const withError = visits.map((r) => r.slice()) as unknown[][];
    withError[2][4] = { error: '#DIV/0!', message: '' };
    const out = projectTableOfRanges(people, withError as never, '信阳', 2024, null);
    expect(out).toEqual([[expect.objectContaining({ error: '#VALUE!', message: expect.stringContaining('第 3 行第 5 列') })]]);
    expect(fundNeedOfRanges(people, withError as never, '信阳', 2024)).toMatchObject({ message: expect.stringContaining('row 3, column 5 of the range given as visits') });
  });
});

test('the roster is imported once for recalculations over the same ranges (cache keyed on their contents)', () => {
  const copy = visits.map((r) => r.slice());
  expect(fundNeedOfRanges(people.slice(0, 2), visits.slice(0, 2), '信阳', 2024)).toBe(7080); // A alone: another roster in the cache
  const before = rosterImports();
  expect(fundNeedOfRanges(people, visits, '信阳', 2024, ['inpatient.tiers.dibao_returned.ratio', 0.8])).toBe(18080); // 8000 + 10000 + 80
  expect(fundNeedOfRanges(people.map((r) => r.slice()), copy, '信阳', 2024, ['inpatient.tiers.dibao_returned.ratio', 0.7])).toBe(17080);
  // With a parameter FUND_NEED runs the kernel over the baseline's people; PROJECT runs project(): the same need.
  expect(projectTableOfRanges(people, visits, '信阳', 2024, null, ['inpatient.tiers.dibao_returned.ratio', 0.8]).at(-1)![8]).toBe(18080);
  expect(rosterImports() - before).toBe(1); // equal contents in new arrays: the cached roster
  copy[1][4] = 12000; // A's cost changes: re-imported, 12000 × 70 % = 8400
  expect(fundNeedOfRanges(people, copy, '信阳', 2024)).toBe(18480);
  expect(rosterImports() - before).toBe(2);
});
