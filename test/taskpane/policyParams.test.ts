import { defaultEngine } from '../../src/engine';
import { parseParamInput, policyParams } from '../../src/taskpane/policyParams';

describe('policy parameters for the scenario editor', () => {
  const params = policyParams(defaultEngine(), '信阳', 2024);
  const byPath = (p: string) => params.find((x) => x.path === p)!;

  test('lists the parameters with the value in force and the clause', () => {
    // 信医保办〔2024〕52号 二、二是 住院救助: 低保对象、返贫致贫人口救助比例为 70%
    const r = byPath('inpatient.tiers.dibao_returned.ratio');
    expect(r.current).toBe('0.7');
    expect(r.zh).toBe('住院救助 · 低保对象、返贫致贫人口 · 救助比例');
    expect(r.citation).toBe('信医保办〔2024〕52号 二、二是 住院救助');
    // 二、五是 倾斜救助: 政策范围内自付医疗费用超过 12000 元以上的部分
    expect(byPath('tilt.threshold').current).toBe('12000');
    // 二、四是 救助限额: 低保边缘家庭成员…年度最高救助限额为 1 万元
    expect(byPath('inpatient.tiers.edge_monitored.cap').current).toBe('10000');
    // 二、一是 资助参保: 不低于 80 元 → 80 (ruling 8)
    expect(byPath('premium.tiers.fixed80.amount').current).toBe('80');
  });

  test('reported statistics are not offered as parameters', () => {
    expect(params.some((p) => p.path.startsWith('statistics.'))).toBe(false);
  });

  test('typed values become override values; bad ones are refused in both languages', () => {
    const ratio = byPath('inpatient.tiers.dibao_returned.ratio');
    expect(parseParamInput(ratio, '75%')).toBe(0.75);
    expect(parseParamInput(ratio, '0.75')).toBe(0.75);
    expect(() => parseParamInput(ratio, '120%')).toThrow(/0 到 1.*0 and 1/s);
    expect(() => parseParamInput(ratio, 'abc')).toThrow(/不是数字.*not a number/s);
    expect(parseParamInput(byPath('tilt.threshold'), '1万')).toBe(10000);
    expect(() => parseParamInput(byPath('tilt.threshold'), '-5')).toThrow(/负数.*negative/s);
  });

  test('the edited value is accepted by the engine as an override', () => {
    const ratio = byPath('inpatient.tiers.dibao_returned.ratio');
    const e = defaultEngine().withOverrides({ 'xinyang-2024': { [ratio.path]: parseParamInput(ratio, '75%') } });
    expect(policyParams(e, '信阳', 2024).find((p) => p.path === ratio.path)!.current).toBe('0.75');
  });
});
