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

describe('plainMessage: codes and command-line flags (the pane has its own fields)', () => {
  test.each([
    // src/projection/preflight.ts fixes, as the CLI and the pane share them
    ['填写上述参数（命令行 --set 地区:参数路径=取值 或 --params，任务窗格“本地区补充参数”）', '填写上述参数（任务窗格“本地区补充参数”）'],
    ['核对人员表“人员类别”列，或选择名册所属地区（命令行 --region，任务窗格“地区”）', '核对人员表“人员类别”列，或选择名册所属地区（任务窗格“地区”）'],
    ['确认地区：命令行 --region xinyang，或任务窗格“地区”选 信阳市', '确认地区：任务窗格“地区”选 信阳市'],
    ['未计入资助参保：81 人、0 行就诊（MISSING_PARAMETER），例：第 70 行', '未计入资助参保：81 人、0 行就诊，例：第 70 行'],
    ['supply the parameter named above (--set REGION:PATH=VALUE or --params, the pane’s "Figures you supply")', 'supply the parameter named above (the pane’s "Figures you supply")'],
    ['check the region: --region xinyang, or choose Xinyang in the pane', 'check the region: choose Xinyang in the pane'],
  ])('%s', (text, plain) => expect(plainMessage(text, labels)).toBe(plain));
});
