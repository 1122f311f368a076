/** Engine messages with parameter paths, in the pane's plain (non-advanced) view (src/taskpane/plainMessage.ts). */
import { plainMessage } from '../../src/taskpane/plainMessage';

const labels = new Map([['premium.tiers.monitored.amount', '资助金额']]);

describe('plainMessage', () => {
  test('信阳 2024 monitored premium (ruling 8): the path and its bracketed term become the document’s name', () => {
    const zh = '信阳市 的参数 premium.tiers.monitored.amount（资助金额）没有 2024 年的取值：请在参数 premium.tiers.monitored.amount 中填写';
    expect(plainMessage(zh, labels)).toBe('信阳市 的参数 “资助金额”没有 2024 年的取值：请在参数 “资助金额” 中填写');
  });

  test('an amount like 1200.00 or a path the edition does not know stays as it is', () => {
    expect(plainMessage('金额 1200.00 与 foo.bar 不变', labels)).toBe('金额 1200.00 与 foo.bar 不变');
  });

  test('English messages name it by the English label passed in', () => {
    const en = new Map([['premium.tiers.monitored.amount', 'subsidy amount']]);
    expect(plainMessage('parameter premium.tiers.monitored.amount (subsidy amount) has no value for 2024', en)).toBe('parameter “subsidy amount” has no value for 2024');
  });
});
