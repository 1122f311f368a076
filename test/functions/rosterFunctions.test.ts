/**
 * FUND_NEED's adapter over sheet ranges (src/functions/rosterFunctions.ts): 信阳 2024, A 低保对象
 * inpatient 10000 → 7000 (信医保办〔2024〕52号 二、二是 70 %) + subsidy 80 (二、一是, ruling 8);
 * B 低保边缘 20000 → (20000 − 2400) × 65 % = 11440 → cap 10000 (二、四是). Need 17080; with the
 * 低保 ratio at 0.75 as a parameter pair, 17580 — what Goal Seek / a Data Table would vary.
 */
import { fundNeedOfRanges } from '../../src/functions/rosterFunctions';
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
