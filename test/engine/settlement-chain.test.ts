/**
 * The layers before assistance from a settlement row (src/engine/rules/settlementChain.ts,
 * Engine.visitLayers): hand-worked per region from the clauses named, plus the identity
 * basic + ci + reduction + hospital excess + assistance + residual = total, to the fen.
 */
import fc from 'fast-check';
import { D, MedaidError, defaultEngine } from '../../src/engine';
import { SettlementYear } from '../../src/engine/rules/settlementChain';

const e = defaultEngine();
const s = (x: { toFixed(n: number): string }) => x.toFixed(2);

/** 西平 ordinary (普惠) critical-illness terms are not in the text (三、(二) "在全面落实普惠待遇政策基础上"): an analyst's figures for the test. */
const XIPING_BASE = {
  西平: {
    'ciInsurance.base.deductible': 15000,
    'ciInsurance.base.brackets': [{ threshold: 0, rate: 0.6 }, { threshold: 50000, rate: 0.65 }, { threshold: 100000, rate: 0.75 }],
    'ciInsurance.base.cap': 400000,
  },
};

describe('威海 (威医保发〔2019〕25号)', () => {
  test('建档立卡: 三、(一) brackets on 120000, 三、(二) reduction 10% ≤ 200, 三、(三) assistance above 2万 at 70%', () => {
    // total 130000, out-of-catalogue 5000, basic insurance 5000 → in-catalogue OOP after basic 120000.
    // 三、(一): (100000 − 5000) × 65% + (120000 − 100000) × 75% = 61750 + 15000 = 76750.
    // Policy-range OOP = 120000 − 76750 = 43250.
    // 三、(二): 5000 × 10% = 500 > 200 → 200. 威海 has no out-of-catalogue limit → 0.
    // 三、(三) 1.: (43250 − 20000) × 70% = 16275 (cap 5万 not reached).
    // Residual = 130000 − 5000 − 76750 − 200 − 16275 = 31775 (= 43250 − 16275 + 5000 − 200).
    const r = e.visitLayers({ total: 130000, outOfCatalogue: 5000, basicPaid: 5000, categories: '建档立卡贫困人口', region: '威海' });
    expect(s(r.layers.ci)).toBe('76750.00');
    expect(s(r.layers.policyRangeOop)).toBe('43250.00');
    expect(s(r.layers.reduction)).toBe('200.00');
    expect(s(r.layers.hospitalExcess)).toBe('0.00');
    expect(s(r.assistance)).toBe('16275.00');
    expect(s(r.residual)).toBe('31775.00');
    expect(r.layers.source).toEqual({ basic: 'given', ci: 'rule', reduction: 'rule' });
    const cites = r.explanation.params.map((p) => p.citation).join(' | ');
    expect(cites).toContain('三、(一) 大病保险倾斜支付政策');
    expect(cites).toContain('三、(二) 医疗机构减免政策');
    expect(cites).toContain('三、(三) 1.一站式救助');
  });

  test('critical-illness insurance is annual: two visits of 60000 each share the 5000 deductible and the 10万 bracket (三、(一))', () => {
    const rp = e.resolve('威海', 2019);
    const y = new SettlementYear(rp, ['registered_poor']);
    // Visit 1: (60000 − 5000) × 65% = 35750. Year: 76750 (above) → visit 2 = 76750 − 35750 = 41000.
    const v1 = y.visit({ kind: 'inpatient', total: new D(60000), outOfCatalogue: new D(0), basicPaid: new D(0) });
    const v2 = y.visit({ kind: 'inpatient', total: new D(60000), outOfCatalogue: new D(0), basicPaid: new D(0) });
    expect(s(v1.ci)).toBe('35750.00');
    expect(s(v2.ci)).toBe('41000.00');
  });

  test('scenario: 85% bracket lowered to 20万, with the settlement taken as given (moved by the rule change only)', () => {
    // Settlement: after-basic 250000, the insurer paid 170000 (fact). Baseline rule on 250000:
    // 95000 × 65% + 150000 × 75% = 61750 + 112500 = 174250. Scenario (85% from 200000):
    // 61750 + 100000 × 75% + 50000 × 85% = 61750 + 75000 + 42500 = 179250. Change +5000 → 175000.
    const scen = e.withOverrides({ 威海: { 'ciInsurance.tiers.hardship.brackets': [{ threshold: 0, rate: 0.65 }, { threshold: 100000, rate: 0.75 }, { threshold: 200000, rate: 0.85 }] } });
    const y = new SettlementYear(scen.resolve('威海', 2019), ['dibao'], { baseline: e.resolve('威海', 2019) });
    const l = y.visit({ kind: 'inpatient', total: new D(260000), outOfCatalogue: new D(0), basicPaid: new D(10000), ciPaid: new D(170000) });
    expect(s(l.ci)).toBe('175000.00');
    expect(l.source.ci).toBe('given+scenario');
    // Without the scenario the given figure stays.
    const base = new SettlementYear(e.resolve('威海', 2019), ['dibao'], { baseline: e.resolve('威海', 2019) });
    expect(s(base.visit({ kind: 'inpatient', total: new D(260000), outOfCatalogue: new D(0), basicPaid: new D(10000), ciPaid: new D(170000) }).ci)).toBe('170000.00');
    // recomputeAll ignores the settlement's figure: the baseline rule, 174250.
    const all = new SettlementYear(e.resolve('威海', 2019), ['dibao'], { mode: 'recomputeAll' });
    expect(s(all.visit({ kind: 'inpatient', total: new D(260000), outOfCatalogue: new D(0), basicPaid: new D(10000), ciPaid: new D(170000) }).ci)).toBe('174250.00');
  });

  test('其他低收入救助对象: the notice states no critical-illness terms for them → the 大病保险支付 column is needed, never a silent 0', () => {
    expect(() => e.visitLayers({ total: 50000, outOfCatalogue: 0, basicPaid: 20000, categories: '其他低收入救助对象', region: '威海' })).toThrow(MedaidError);
    try {
      e.visitLayers({ total: 50000, outOfCatalogue: 0, basicPaid: 20000, categories: '其他低收入救助对象', region: '威海' });
    } catch (err) {
      expect((err as MedaidError).code).toBe('LAYER_INPUT_MISSING');
      expect((err as MedaidError).zh).toContain('大病保险支付');
    }
    // Given, it is taken as is: 30000 − 10000 = 20000 OOP, (20000 − 20000) × 60% = 0 (三、(三) 2.).
    const r = e.visitLayers({ total: 50000, outOfCatalogue: 0, basicPaid: 20000, ciPaid: 10000, categories: '其他低收入救助对象', region: '威海' });
    expect(s(r.layers.policyRangeOop)).toBe('20000.00');
    expect(s(r.assistance)).toBe('0.00');
  });
});

describe('西平 (2022)', () => {
  const xp = e.withOverrides(XIPING_BASE);

  test('低保对象: 三、(二) tilt (deductible −50%, +5 points) and 七、(三) 二级 5% limit, then 四、(三) 1. 70%', () => {
    // total 80000, out-of-catalogue 5000, basic 40000, 二级: in-catalogue 75000, after basic 35000.
    // Tilt: deductible 15000 × 0.5 = 7500; 60% + 5 = 65%: (35000 − 7500) × 65% = 17875. OOP 17125.
    // 七、(三): limit 80000 × 5% = 4000; excess 5000 − 4000 = 1000 borne by the hospital.
    // 四、(三) 1.: 17125 × 70% = 11987.50. Residual 80000 − 40000 − 17875 − 1000 − 11987.50 = 9137.50.
    const r = xp.visitLayers({ total: 80000, outOfCatalogue: 5000, basicPaid: 40000, level: '二级', categories: '低保对象', region: '西平', year: 2022 });
    expect(s(r.layers.ci)).toBe('17875.00');
    expect(s(r.layers.hospitalExcess)).toBe('1000.00');
    expect(s(r.layers.reduction)).toBe('0.00');
    expect(s(r.assistance)).toBe('11987.50');
    expect(s(r.residual)).toBe('9137.50');
    const cites = r.explanation.params.map((p) => p.citation).join(' | ');
    expect(cites).toContain('三、(二) 促进三重制度互补衔接');
    expect(cites).toContain('七、(三) 提高综合服务管理水平');
  });

  test('an inpatient row of a listed status without 医院等级 is an error naming the column (七、(三) needs it)', () => {
    expect(() => xp.visitLayers({ total: 80000, outOfCatalogue: 5000, basicPaid: 40000, ciPaid: 0, categories: '低保对象', region: '西平', year: 2022 }))
      .toThrow(/医院等级/);
  });

  test('scenario: the tilt extended to 低保边缘家庭成员 (ciInsurance.tiers.tilted.categories), settlement as given', () => {
    // total 40000, out-of-catalogue 2000, basic 20000, 二级 (limit 2000: no excess); after basic 18000.
    // Baseline: the insurer paid the ordinary (18000 − 15000) × 60% = 1800 → OOP 16200;
    //   四、(三) 1.: (16200 − 2200) × 65% = 9100. Residual 40000 − 20000 − 1800 − 9100 = 9100.
    // Scenario: tilted rule (18000 − 7500) × 65% = 6825, ordinary 1800: +5025 → 6825; OOP 11175;
    //   (11175 − 2200) × 65% = 5833.75; residual 40000 − 20000 − 6825 − 5833.75 = 7341.25.
    const row = { total: 40000, outOfCatalogue: 2000, basicPaid: 20000, ciPaid: 1800, level: '二级', categories: '低保边缘家庭成员', region: '西平', year: 2022 };
    const base = xp.visitLayers(row);
    expect(s(base.layers.ci)).toBe('1800.00');
    expect(s(base.assistance)).toBe('9100.00');
    expect(s(base.residual)).toBe('9100.00');
    const scen = xp.withOverrides({ 西平: { 'ciInsurance.tiers.tilted.categories': ['特困人员', '低保对象', '返贫致贫人口', '低保边缘家庭成员'] } });
    const y = new SettlementYear(scen.resolve('西平', 2022), ['dibao_edge'], { baseline: xp.resolve('西平', 2022) });
    const l = y.visit({ kind: 'inpatient', total: new D(40000), outOfCatalogue: new D(2000), basicPaid: new D(20000), ciPaid: new D(1800), level: '二级' });
    expect(s(l.ci)).toBe('6825.00');
    expect(s(l.policyRangeOop)).toBe('11175.00');
    // The edge member left the ordinary tier: the override moved the status, not copied it.
    expect(scen.resolve('西平', 2022).policy.ciInsurance!.tiers.ordinary.categories).not.toContain('dibao_edge');
  });
});

describe('山西 (2022 briefing)', () => {
  test('特困人员 in a fee-class-1 hospital: out-of-catalogue above 30% borne by the hospital (统筹完善托底保障措施), 100% assistance (ruling 6)', () => {
    // total 10000, out-of-catalogue 4000 > 30% × 10000 = 3000 → hospital bears 1000.
    // in-catalogue 6000 − basic 5000 − ci 0 = 1000 → assistance 1000. Residual 3000 (the allowed out-of-catalogue part).
    const r = e.visitLayers({ total: 10000, outOfCatalogue: 4000, basicPaid: 5000, ciPaid: 0, level: '一类', categories: '特困人员', region: '山西', year: 2022 });
    expect(s(r.layers.hospitalExcess)).toBe('1000.00');
    expect(s(r.assistance)).toBe('1000.00');
    expect(s(r.residual)).toBe('3000.00');
  });
});

describe('bad settlement input', () => {
  test('parts above the total: an error naming both columns and amounts', () => {
    expect(() => e.visitLayers({ total: 1000, outOfCatalogue: 300, basicPaid: 900, categories: '低保对象', region: '信阳' }))
      .toThrow(/目录外费用 \+ 基本医保统筹支付 合计 1200\.00 大于 医疗总费用 1000\.00/);
  });
  test('a negative part is refused, not set to zero', () => {
    expect(() => e.visitLayers({ total: 1000, outOfCatalogue: -1, basicPaid: 0, categories: '低保对象', region: '信阳' })).toThrow(/目录外费用/);
  });
});

describe('reconciliation (property)', () => {
  const cats = ['建档立卡贫困人口', '低保对象', '特困人员', '重度残疾人'];
  test('威海: basic + ci + reduction + hospital excess + assistance + residual = total, to the fen, and none negative', () => {
    const fen = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(fc.property(fen, fen, fen, fc.option(fen), fc.constantFrom(...cats), fc.boolean(), (t, o, b, c, cat, inpatient) => {
      const total = t + o + b + (c ?? 0);
      const r = e.visitLayers({
        total: new D(total).div(100), outOfCatalogue: new D(o).div(100), basicPaid: new D(b).div(100), ciPaid: c === null ? undefined : new D(c).div(100),
        categories: cat, region: '威海', kind: inpatient ? '住院' : '门诊慢性病',
      });
      const L = r.layers;
      const sum = L.basic.plus(L.ci).plus(L.reduction).plus(L.hospitalExcess).plus(r.assistance).plus(r.residual);
      expect(sum.toFixed(2)).toBe(new D(total).div(100).toFixed(2));
      for (const x of [L.ci, L.reduction, L.hospitalExcess, L.policyRangeOop, L.outOfCatalogueOwn, r.assistance, r.residual]) expect(x.isNegative()).toBe(false);
    }), { numRuns: 200 });
  });
});

describe('信阳 outpatient pooling as the basic-insurance layer (信医保办〔2024〕52号 三、关于门诊统筹问题: 300; “两病” 120 / 170 / 200; 60%)', () => {
  // 信阳 states no critical-illness terms: the rows give 大病保险支付 (0 for these small outpatient visits).
  const rp = e.resolve('信阳', 2024);
  const out = (total: number, outOfCatalogue: number, pool: string, basicPaid?: number) =>
    ({ kind: 'outpatient' as const, total: D(total), outOfCatalogue: D(outOfCatalogue), basicPaid: basicPaid === undefined ? undefined : D(basicPaid), ciPaid: D(0), pool });

  test('普通门诊, basic blank: 60% of the in-catalogue cost until the year has 300', () => {
    const y = new SettlementYear(rp, ['dibao'], { yearPools: ['普通门诊', '普通门诊'] });
    // Visit 1: in-catalogue 500 − 100 = 400 → 400 × 60% = 240 (≤ 300). Policy-range OOP 400 − 240 = 160.
    const a = y.visit(out(500, 100, '普通门诊'));
    expect([s(a.basic), s(a.policyRangeOop), a.source.basic]).toEqual(['240.00', '160.00', 'rule']);
    // Visit 2: 300 × 60% = 180, but 300 − 240 = 60 is left of the annual limit → 60; OOP 240.
    const b = y.visit(out(300, 0, '普通门诊'));
    expect([s(b.basic), s(b.policyRangeOop)]).toEqual(['60.00', '240.00']);
    // Visit 3: nothing left → 0.
    expect(s(y.visit(out(100, 0, '普通门诊')).basic)).toBe('0.00');
  });

  test('“两病”: a year with 高血压 and 糖尿病 visits shares the 合并两病 limit 200; 高血压 alone is limited to 120', () => {
    const both = new SettlementYear(rp, ['dibao'], { yearPools: ['高血压', '糖尿病'] });
    // 高血压 250 × 60% = 150 ≤ 200; 糖尿病 200 × 60% = 120, 200 − 150 = 50 left → 50.
    expect(s(both.visit(out(250, 0, '高血压')).basic)).toBe('150.00');
    expect(s(both.visit(out(200, 0, '糖尿病')).basic)).toBe('50.00');
    const alone = new SettlementYear(rp, ['dibao'], { yearPools: ['高血压'] });
    // 250 × 60% = 150 → the 高血压 limit 120.
    expect(s(alone.visit(out(250, 0, '高血压')).basic)).toBe('120.00');
  });

  test('the general pool (300) and the “两病” pool are separate (合并计算后 … 最高可达到 500 元)', () => {
    const y = new SettlementYear(rp, ['dibao'], { yearPools: ['普通门诊', '合并两病'] });
    expect(s(y.visit(out(600, 0, '普通门诊')).basic)).toBe('300.00'); // 600 × 60% = 360 → 300
    expect(s(y.visit(out(400, 0, '合并两病')).basic)).toBe('200.00'); // 400 × 60% = 240 → 200; 300 + 200 = 500
  });

  test('as given: the settlement figure stays; recomputeAll needs every layer\'s rule (信阳 states no 大病保险 terms)', () => {
    const given = new SettlementYear(rp, ['dibao']).visit(out(500, 100, '普通门诊', 100));
    expect([s(given.basic), given.source.basic]).toEqual(['100.00', 'given']);
    // recomputeAll would take basic insurance from the pool (400 × 60% = 240) but must also recompute
    // critical-illness insurance, which 信阳's reply does not state: said, not guessed.
    expect(() => new SettlementYear(rp, ['dibao'], { mode: 'recomputeAll' }).visit(out(500, 100, '普通门诊', 100))).toThrow(/大病保险支付/);
  });

  test('scenario: general limit raised to 400, settlement as given: moved by the rule change only', () => {
    const scen = e.withOverrides({ 信阳: { 'outpatientPooling.pools.general.annualLimit': 400 } });
    const y = new SettlementYear(scen.resolve('信阳', 2024), ['dibao'], { baseline: rp });
    // Visit 1: given 240; scenario rule 400 × 60% = 240, baseline 240 → change 0 → 240.
    expect(s(y.visit(out(400, 0, '普通门诊', 240)).basic)).toBe('240.00');
    // Visit 2: given 60 (the baseline's 300 − 240); scenario min(240, 400 − 240 = 160) = 160,
    // baseline min(240, 300 − 240 = 60) = 60 → change 100 → 60 + 100 = 160.
    const b = y.visit(out(400, 0, '普通门诊', 60));
    expect([s(b.basic), b.source.basic, s(b.policyRangeOop)]).toEqual(['160.00', 'given+scenario', '240.00']);
  });

  test('basic insurance blank where no pool applies: a specific error naming the column, never a 0', () => {
    const y = new SettlementYear(rp, ['dibao']);
    const inpatient = () => y.visit({ ...out(500, 0, '普通门诊'), kind: 'inpatient' });
    expect(inpatient).toThrow(MedaidError);
    expect(inpatient).toThrow(/基本医保统筹支付[\s\S]*basic insurance paid/);
    const wh = () => new SettlementYear(e.resolve('威海', 2019), ['dibao']).visit(out(500, 0, '普通门诊'));
    expect(wh).toThrow(/威海市政策没有门诊统筹报销规定[\s\S]*Weihai/);
    expect(() => y.visit(out(500, 0, '牙科'))).toThrow(/牙科/);
  });
});

describe('a layer\'s visit kinds are policy data (scope), cited, not code', () => {
  test('the built-in files: 威海 reduction 三、(二) “住院费用”, 西平 七、(三) and 山西 out-of-catalogue limits “住院”; 大病保险 has no scope (the texts limit it to no visit kind)', () => {
    const wh = e.resolve('威海', 2019).policy;
    expect(wh.hospitalReduction!.scope).toEqual({ kinds: ['inpatient'], ref: [expect.objectContaining({ clause: '三、(二) 医疗机构减免政策', quote: '个人负担的合规医疗费用之外的住院费用' })] });
    expect(wh.ciInsurance!.scope).toBeUndefined();
    expect(e.resolve('西平', 2022).policy.outOfCatalogue!.scope!.kinds).toEqual(['inpatient']);
    expect(e.resolve('山西', 2022).policy.outOfCatalogue!.scope!.kinds).toEqual(['inpatient']);
  });

  test('威海 建档立卡 outpatient row: no reduction, the step says why and cites the clause', () => {
    // 三、(二) covers 住院费用 only: an outpatient row with 1000 out-of-catalogue gets 0, not 1000 × 10% = 100.
    const y = new SettlementYear(e.resolve('威海', 2019), ['registered_poor'], { explain: true });
    const l = y.visit({ kind: 'outpatient', total: D(3000), outOfCatalogue: D(1000), basicPaid: D(1000) });
    expect([s(l.reduction), l.source.reduction]).toEqual(['0.00', 'none']);
    expect(l.steps.map((x) => x.zh).join('\n')).toContain('医疗机构减免只适用于住院费用（威医保发〔2019〕25号 三、(二) 医疗机构减免政策');
  });

  test('a critical-illness insurance the policy limits to inpatient visits: outpatient rows get none and do not count toward its 起付线', () => {
    // 威海's brackets (三、(一): 5000; 65 % to 10万) in an analyst's file that adds scope: inpatient.
    const file = JSON.parse(JSON.stringify(e.resolve('威海', 2019).policy));
    file.id = 'weihai-inpatient-ci-2019';
    file.region = { ...file.region, id: 'weihai-inpatient-ci', names: { zh: '威海住院大病', en: 'Weihai (inpatient CI)' }, aliases: ['威海住院大病'] };
    file.edition = { ...file.edition, status: 'user' };
    file.ciInsurance.scope = { kinds: ['inpatient'], ref: [{ doc: 'WH25', clause: '三、(一) 大病保险倾斜支付政策' }] };
    const u = defaultEngine().withOverrides({});
    u.addPolicy(file, 'weihai-inpatient-ci.json');
    const y = new SettlementYear(u.resolve('威海住院大病', 2019), ['dibao']);
    // Outpatient: 30000 in-catalogue after basic — in scope it would be (30000 − 5000) × 65% = 16250; out of scope 0.
    const o = y.visit({ kind: 'outpatient', total: D(30000), outOfCatalogue: D(0), basicPaid: D(0) });
    expect([s(o.ci), o.source.ci, s(o.policyRangeOop)]).toEqual(['0.00', 'none', '30000.00']);
    // Inpatient 10000: the year's base is 0 → 10000 (the outpatient row is not counted): (10000 − 5000) × 65% = 3250
    // (were it counted, 40000 − 30000 at 65% = 6500).
    const i = y.visit({ kind: 'inpatient', total: D(10000), outOfCatalogue: D(0), basicPaid: D(0) });
    expect([s(i.ci), i.source.ci]).toEqual(['3250.00', 'rule']);
    // As given, a settlement's own figure on an outpatient row stays (the settlement is fact).
    expect(s(new SettlementYear(u.resolve('威海住院大病', 2019), ['dibao']).visit({ kind: 'outpatient', total: D(30000), outOfCatalogue: D(0), basicPaid: D(0), ciPaid: D(100) }).ci)).toBe('100.00');
  });
});
