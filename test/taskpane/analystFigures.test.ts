import { D, defaultEngine } from '../../src/engine';
import {
  figureRows, figureText, figureValue, figuresEngine, figuresJson, missingFigures, noFigures, parseFiguresJson, withFigure, withRegionFile,
} from '../../src/taskpane/analystFigures';
import fs from 'fs';
import { runProjection } from '../../src/projection';
import { person, visit } from '../projection/helpers';
import path from 'path';

const POLICIES = path.join(__dirname, '..', '..', 'policies');
const keys = (region: string, year: number) => missingFigures(defaultEngine(), region, year).map((m) => m.key);

describe('figures the documents leave to the analyst', () => {
  test('each region lists what its text leaves open for the year', () => {
    // 信医保办〔2024〕52号 二、一是: the 农村易返贫致贫人口 amount "按照省医保局、省财政厅有关要求确定" (ruling 8).
    expect(keys('信阳', 2024)).toEqual(['premium.tiers.monitored.amount']);
    // 西平 三、(一): the 农村易返贫致贫人口 amount is set by the 衔接 policy (ruling 8); 三、(二): the ordinary
    // critical-illness terms the tilt builds on are not in the text. 2022's deductibles are published (四、(三) 5).
    expect(keys('西平', 2022)).toEqual(['premium.tiers.monitored.amount', 'ciInsurance.base.deductible', 'ciInsurance.base.brackets', 'ciInsurance.base.cap']);
    // From 2023 the published values end: the deductibles are shares of 2022's income (四、(三) 1, ruling 5).
    expect(keys('西平', 2023)[0]).toBe('income.perCapitaDisposable.2022');
    // 山西 答记者问: 起付标准为全省上年居民人均可支配收入的 10% / 25% — for 2022, the 2021 income;
    // 统筹完善托底保障措施: the tilt's 具体救助标准由统筹地区人民政府…确定 (ruling 4) — its three terms.
    expect(keys('山西', 2022)).toEqual(['income.perCapitaDisposable.2021', 'tilt.threshold', 'tilt.ratio', 'tilt.cap']);
    // 威医保发〔2019〕25号 二、(一): 按一档缴费标准给予资助 — the first-tier premium is not in the text;
    // 四、(一) 3: donations are a channel, not a sum.
    expect(keys('威海', 2019)).toEqual(['premium.tiers.first_tier.amount', 'fund.donations']);
  });

  test('an income figure says which terms are computed from it', () => {
    const income = missingFigures(defaultEngine(), '山西', 2022)[0];
    expect(income).toMatchObject({ policyId: 'shanxi-2022', path: 'income.perCapitaDisposable', year: '2021' });
    expect(income.neededBy!.map((x) => x.zh)).toContain('住院救助 · 低保边缘家庭成员 · 起付标准');
  });

  test('a supplied figure applies to the baseline engine (and stays listed, to be changed)', () => {
    const [monitored] = missingFigures(defaultEngine(), '信阳', 2024);
    const f = withFigure(noFigures(), monitored, 100);
    expect(f.parameters).toEqual({ 'xinyang-2024': { 'premium.tiers.monitored.amount': 100 } });
    // ruling 8: with the amount supplied, a 农村易返贫致贫人口 gets exactly that fixed subsidy.
    const r = figuresEngine(f).premiumSubsidy({ categories: ['monitored'], region: '信阳', year: 2024 });
    expect((r.value as InstanceType<typeof D>).toFixed(2)).toBe('100.00');
    expect(keys('信阳', 2024)).toEqual(['premium.tiers.monitored.amount']);
    expect(figureValue(f, monitored)).toBe(100);
    expect(figureText(figureValue(f, monitored))).toBe('100');
    expect(withFigure(f, monitored, undefined).parameters).toEqual({});
  });

  test('income by year: dated values of one parameter are kept together', () => {
    const m2022 = missingFigures(defaultEngine(), '山西', 2022)[0];
    const m2023 = { ...m2022, year: '2022' };
    const f = withFigure(withFigure(noFigures(), m2022, 30000), m2023, 32000);
    expect(f.parameters['shanxi-2022']['income.perCapitaDisposable']).toEqual({ '2021': 30000, '2022': 32000 });
    expect(figureValue(f, m2023)).toBe(32000);
    // 答记者问: 低保边缘家庭成员 起付标准 = 全省上年居民人均可支配收入的 10% → 10% × 30000 = 3000 for 2022.
    const rp = figuresEngine(f).resolve('山西', 2022);
    expect(rp.income(2021)!.toString()).toBe('30000');
    expect(rp.number('inpatient.tiers.edge.deductible', rp.policy.inpatient!.tiers.edge.deductible).toFixed(2)).toBe('3000.00');
    // 因病致贫重病患者 25% × 30000 = 7500.
    expect(rp.number('inpatient.tiers.illness.deductible', rp.policy.inpatient!.tiers.illness.deductible).toFixed(2)).toBe('7500.00');
    // Only the delegated tilt's terms remain open (ruling 4; below).
    expect(missingFigures(figuresEngine(f), '山西', 2022).map((m) => m.key)).toEqual(['tilt.threshold', 'tilt.ratio', 'tilt.cap']);
    expect(withFigure(f, m2022, undefined).parameters['shanxi-2022']['income.perCapitaDisposable']).toEqual({ '2022': 32000 });
  });

  test('a region file is validated; an error names the file and the field in both languages', () => {
    const policy = JSON.parse(fs.readFileSync(path.join(POLICIES, 'xinyang-2024.json'), 'utf8'));
    const mine = { ...policy, id: 'mycounty-2024', region: { ...policy.region, id: 'mycounty', names: { zh: '我的县', en: 'My county' }, aliases: [] } };
    const broken = JSON.parse(JSON.stringify(mine));
    broken.inpatient.tiers.dibao_returned.ratio.unit = 'percent';
    let err: { zh: string; en: string } | undefined;
    try {
      withRegionFile(noFigures(), { source: 'mine.json', text: JSON.stringify(broken) });
    } catch (e) {
      err = e as { zh: string; en: string };
    }
    expect(err!.zh).toMatch(/mine\.json[\s\S]*inpatient\.tiers\.dibao_returned\.ratio\.unit/);
    expect(err!.en).toMatch(/mine\.json[\s\S]*inpatient\.tiers\.dibao_returned\.ratio\.unit/);
    expect(() => withRegionFile(noFigures(), { source: 'x.json', text: '{' })).toThrow(/x\.json[\s\S]*JSON/);

    const added = withRegionFile(noFigures(), { source: 'mine.json', text: JSON.stringify(mine) });
    expect(added).toMatchObject({ policyId: 'mycounty-2024', region: '我的县' });
    // The copy leaves the same figure open as 信阳's text (二、一是, ruling 8), under its own id.
    const open = missingFigures(figuresEngine(added.figures, false), '我的县', 2024);
    expect(open.map((m) => [m.policyId, m.key])).toEqual([['mycounty-2024', 'premium.tiers.monitored.amount']]);
    // Loading a file with the same id again replaces it.
    expect(withRegionFile(added.figures, { source: 'mine-v2.json', text: JSON.stringify(mine) }).figures.policies.map((p) => p.source)).toEqual(['mine-v2.json']);
  });

  test('saved as JSON and read back; rows for the summary sheet', () => {
    const [monitored] = missingFigures(defaultEngine(), '信阳', 2024);
    const f = withFigure(noFigures(), monitored, 100);
    const back = parseFiguresJson(figuresJson(f), 'MedAid-figures');
    expect(back).toEqual(f);
    expect(figureRows(f)).toEqual([{ source: '本地区补充参数 / figures you supply', region: 'xinyang-2024', path: 'premium.tiers.monitored.amount', value: 100 }]);
    expect(() => parseFiguresJson('{"$format":"medaid-figures/1","parameters":{"xinyang-2024":{"premium.tiers.monitored.amount":-1}}}', 'S')).toThrow(/S[\s\S]*premium\.tiers\.monitored\.amount/);
    expect(() => parseFiguresJson('{"parameters":{}}', 'S')).toThrow(/medaid-figures\/1/);
  });
});

describe('山西’s delegated tilt: the prefecture’s terms supplied in the figures panel (ruling 4)', () => {
  const tilt = missingFigures(defaultEngine(), '山西', 2022).filter((m) => m.tiltTerm);

  test('listed with the clause that delegates them', () => {
    expect(tilt.map((m) => [m.path, m.param.unit])).toEqual([['tilt.threshold', 'yuan'], ['tilt.ratio', 'ratio'], ['tilt.cap', 'yuan']]);
    expect(tilt[0].param.quote).toContain('具体救助标准由统筹地区人民政府');
  });

  test('two terms: still delegated (未计算); the third computes the tilt', () => {
    let f = withFigure(noFigures(), tilt[0], 10000);
    f = withFigure(f, tilt[1], 0.5);
    expect(f.parameters['shanxi-2022']['tilt.delegated']).toBeUndefined();
    expect(figuresEngine(f).resolve('山西', 2022).policy.tilt!.delegated).toBe(true);
    f = withFigure(f, tilt[2], 20000);
    expect(f.parameters['shanxi-2022']).toEqual({ 'tilt.threshold': 10000, 'tilt.ratio': 0.5, 'tilt.cap': 20000, 'tilt.delegated': false });
    // 低保 70 %, no deductible, annual cap 6万 (合理确定住院救助水平): a referred admission of 100000 →
    // 70000 capped at 60000, the cap reached; remainder 100000 − 60000 = 40000; the prefecture's
    // terms: (40000 − 10000) × 50 % = 15000.00 (under its cap 20000). Assistance 75000.00.
    const run = runProjection({ region: '山西', year: 2022, engine: figuresEngine(f), people: [person('T1', '低保对象', '太原', 350, 2)], visits: [visit(10, 'T1', '2022-03-01', 'inpatient', 100000, { referred: true })] });
    expect(run.baseline.totals.overall.assistance.tilt.toFixed(2)).toBe('15000.00');
    expect(run.baseline.totals.overall.assistance.total.toFixed(2)).toBe('75000.00');
    expect(run.baseline.completeness!.measures['assistance.tilt']).toBe('complete');
    // Removing one term makes it delegated again.
    const back = withFigure(f, tilt[2], undefined);
    expect(back.parameters['shanxi-2022']).toEqual({ 'tilt.threshold': 10000, 'tilt.ratio': 0.5 });
  });
});
