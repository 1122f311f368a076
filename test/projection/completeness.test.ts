/**
 * An incomplete run never looks finished (issue 17; issue 15 items 3 and 5): the completeness
 * measure, 未计算 instead of 0.00, partial labels, and each region's own citations. Rosters
 * worked by hand: 信阳 = 信医保办〔2024〕52号 (seed 000), 山西 = 2022 press briefing (seed 003),
 * 西平 = 2022 implementing opinions (seed 001), 威海 = 威医保发〔2019〕25号 (seed 004).
 *
 * On the code before this change every expectation on `completeness`, `partial`, a null tilt,
 * 未计算 cells and the forecast/split citations fails: the fields did not exist, summary.json
 * gave tilt "0.00", and the 预测 sheet cited 威医保发〔2019〕25号 四、(一) 4 for every region.
 */
import ExcelJS from 'exceljs';
import { runProjection, runSummary } from '../../src/projection';
import { completenessFrom, completenessLabel, emptyTally } from '../../src/projection/completeness';
import type { ProjectionProblem } from '../../src/projection/types';
import { BUILTIN_POLICIES } from '../../src/engine/policy/builtin.generated';
import { buildWorkbook } from '../../src/projection/writeWorkbook';
import { person, s2, visit } from './helpers';

const rowsOf = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
};

describe('山西: tilted assistance is delegated to each prefecture (ruling 4) → 未计算, never 0.00', () => {
  // 低保对象, premium 350. Shanxi 答记者问 合理确定住院救助水平: 低保 70 %, no deductible, cap 6万.
  // Row 10: referred admission 20000 → 14000.00; row 11: not referred 1000 → 700.00. Assistance 14700.00.
  // 资助参保 确保困难群众应保尽保: 低保 80 % × 350 = 280.00.
  const people = [person('SX1', '低保对象', '太原', 350, 2)];
  const visits = [visit(10, 'SX1', '2022-03-01', 'inpatient', 20000, { referred: true }), visit(11, 'SX1', '2022-04-01', 'inpatient', 1000)];
  const run = runProjection({ region: '山西', year: 2022, people, visits });
  const c = run.baseline.completeness!;

  test('every row computed, one rule of five not: the run is partial, the tilt not computed', () => {
    expect(s2(run.baseline.totals.overall.assistance.total)).toBe('14700.00');
    expect(s2(run.baseline.totals.overall.premiumSubsidy)).toBe('280.00');
    expect(c.visits).toEqual({ computed: 2, total: 2, pct: expect.anything() });
    expect(c.share.toFixed(2)).toBe('100.00');
    // Shanxi's rule groups: inpatient, 门诊慢特病, 门诊特药, tilt, premium subsidy.
    expect(c.rules.total).toBe(5);
    expect(c.rules.computed).toBe(4);
    expect(c.rules.gaps.map((g) => [g.measure, g.visits])).toEqual([['assistance.tilt', 1]]);
    expect(c.complete).toBe(false);
    expect(c.belowThreshold).toBe(false);
    expect(c.measures['assistance.tilt']).toBe('notComputed');
    expect(c.measures['assistance.total']).toBe('partial');
    expect(completenessLabel(c, 'zh')).toContain('部分测算');
    expect(completenessLabel(c, 'zh')).toContain('规则 4/5');
  });

  test('summary.json: tilt null with the reason and the fix, the run marked partial', () => {
    const s = runSummary(run);
    expect(s.partial).toBe(true);
    expect(s.assistance.tilt).toBeNull();
    expect(s.assistance.total).toBe('14700.00');
    expect(s.notComputed['assistance.tilt'].zh).toContain('倾斜救助未计算');
    expect(s.notComputed['assistance.tilt'].zh).toContain('tilt.threshold');
    expect(s.completeness!.rules).toMatchObject({ total: 5, computed: 4 });
  });

  test('workbook: 汇总 states the completeness first and shows 未计算 in the tilt cells; 明细 marks the referred visit', async () => {
    const wb = await buildWorkbook(run);
    const summary = rowsOf(wb.getWorksheet('汇总')!);
    expect(summary[2][0]).toBe('部分测算');
    expect(String(summary[2][1])).toContain('规则 4/5');
    const header = summary.findIndex((r) => r[0] === '人员类别');
    const tiltCol = summary[header].indexOf('倾斜救助');
    expect(summary[header + 1][tiltCol]).toBe('未计算'); // 低保对象
    expect(summary[header + 2][0]).toBe('合计（部分测算）');
    expect(summary[header + 2][tiltCol]).toBe('未计算');
    const details = rowsOf(wb.getWorksheet('明细')!);
    const dTilt = details[0].indexOf('倾斜救助');
    expect(details[1][0]).toBe(10);
    expect(details[1][dTilt]).toBe('未计算'); // referred: the tilt could apply
    expect(details[2][dTilt]).toBe(0); // not referred: no tilt under ruling 4, a computed 0
  });

  test('with the prefecture terms supplied the tilt is computed (0.00 here: the 6万 cap is not reached)', () => {
    const withTerms = runProjection({
      region: '山西', year: 2022, people, visits,
      engine: undefined,
      scenarios: [{ name: 'terms', overrides: { 'shanxi-2022': { 'tilt.delegated': false, 'tilt.threshold': 10000, 'tilt.ratio': 0.5, 'tilt.cap': 20000 } } }],
    });
    const sc = withTerms.scenarios[0].projection.completeness!;
    expect(sc.rules.computed).toBe(5);
    expect(sc.measures['assistance.tilt']).toBe('complete');
    expect(sc.complete).toBe(true);
    expect(runSummary(withTerms).scenarios.terms.assistance.tilt).toBe('0.00');
  });
});

describe('信阳: a person whose year cannot be computed makes every total partial', () => {
  // A: 低保对象, admission 10000 → 70 % = 7000.00 (二、二是); premium 80.00 (二、一是, ruling 8).
  // B: an outpatient scheme 信阳 does not have → B's whole year is not computed (rows 11, 12);
  //    B's premium subsidy (80.00) is computed.
  const people = [person('XA', '低保对象', '浉河区', 380, 2), person('XB', '低保对象', '平桥区', 380, 3)];
  const visits = [
    visit(10, 'XA', '2024-02-01', 'inpatient', 10000),
    visit(11, 'XB', '2024-02-02', 'outpatient', 500, { scheme: '普通门诊慢病' }),
    visit(12, 'XB', '2024-03-03', 'inpatient', 3000),
  ];
  const run = runProjection({ region: '信阳', year: 2024, people, visits });
  const c = run.baseline.completeness!;

  test('shares: visits 1/3 = 33.33 %, people 1/2 = 50.00 %, cost 10000/13500 = 74.07 % (rounded down)', () => {
    expect(s2(run.baseline.totals.overall.assistance.total)).toBe('7000.00');
    expect([c.visits.computed, c.visits.total, c.visits.pct.toFixed(2)]).toEqual([1, 3, '33.33']);
    expect([c.people.computed, c.people.total, c.people.pct.toFixed(2)]).toEqual([1, 2, '50.00']);
    expect(c.cost.pct.toFixed(2)).toBe('74.07');
    expect(c.share.toFixed(2)).toBe('33.33');
    expect(c.belowThreshold).toBe(true); // default threshold 95 %
    expect(c.measures['assistance.inpatient']).toBe('partial');
    expect(c.measures['assistance.outpatient']).toBe('notComputed'); // no outpatient visit computed
    expect(c.measures.fundNeed).toBe('partial');
    expect(c.exclusions[0]).toMatchObject({ code: 'UNKNOWN_SCHEME', part: 'assistance', people: 1, visits: 2 });
    expect(completenessLabel(c, 'zh')).toBe('部分测算：已计算 33.33% 的就诊（1/3）、50.00% 的人员（1/2）、74.07% 的费用、规则 5/5；合计不含未计算部分');
  });

  test('the threshold is adjustable', () => {
    const low = runProjection({ region: '信阳', year: 2024, people, visits, minComplete: 30 });
    expect(low.baseline.completeness!.belowThreshold).toBe(false);
  });

  test('workbook 人员: B’s assistance and fund need are 未计算, not 0.00 or the subsidy alone', async () => {
    const wb = await buildWorkbook(run);
    const rows = rowsOf(wb.getWorksheet('人员')!);
    const h = rows[0];
    const b = rows.find((r) => r[1] === 'XB')!;
    expect(b[h.indexOf('救助合计')]).toBe('未计算');
    expect(b[h.indexOf('资助参保')]).toBe(80);
    expect(b[h.indexOf('资金需求')]).toBe('未计算');
  });

  test('a complete run says so', () => {
    const full = runProjection({ region: '信阳', year: 2024, people: [people[0]], visits: [visits[0]] });
    const fc = full.baseline.completeness!;
    expect(fc.complete).toBe(true);
    expect(runSummary(full).partial).toBe(false);
    expect(completenessLabel(fc, 'zh')).toBe('完整测算：人员 1/1、就诊 1/1、规则 5/5 均已计算');
  });
});

describe('effective dates (issue 15 item 5): visits before the edition are listed, not silent', () => {
  test('西平 takes effect 2022-05-01: a March visit is counted and named by row', () => {
    const people = [person('XP1', '低保对象', '西平县', 350, 2)];
    const visits = [visit(5, 'XP1', '2022-03-01', 'inpatient', 10000), visit(6, 'XP1', '2022-06-01', 'inpatient', 1000)];
    const run = runProjection({ region: '西平', year: 2022, people, visits });
    const c = run.baseline.completeness!;
    expect(run.baseline.visits).toHaveLength(2);
    expect(c.beforeEffective).toEqual({ effective: '2022-05-01', visits: 1, rows: [5] });
    expect(runSummary(run).completeness!.notes.zh.join('\n')).toContain('1 次就诊早于政策生效日 2022-05-01，仍按本版政策计算（就诊表第 5 行）');
  });

  test('西平: the 校验报告 sheet names the early visit by row, date and the edition (issue 17)', async () => {
    const people = [person('XP1', '低保对象', '西平县', 350, 2)];
    const visits = [visit(5, 'XP1', '2022-03-01', 'inpatient', 10000), visit(6, 'XP1', '2022-06-01', 'inpatient', 1000)];
    const run = runProjection({ region: '西平', year: 2022, people, visits });
    const rows = rowsOf((await buildWorkbook(run)).getWorksheet('校验报告')!).filter((r) => r[7] === 'BEFORE_EFFECTIVE');
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1, 3)).toEqual([5, '结算日期']);
    expect(rows[0][5]).toBe('2022-03-01');
    expect(String(rows[0][8])).toContain('早于政策生效日 2022-05-01：按本版政策（xiping-2022）计算');
    const en = rowsOf((await buildWorkbook(run, { lang: 'en' })).getWorksheet('Validation')!).filter((r) => r[7] === 'BEFORE_EFFECTIVE');
    expect(String(en[0][8])).toContain("before the edition's effective date 2022-05-01");
  });
});

describe('region-own citations: the 1:9 split and the forecast method', () => {
  const xy = runProjection({ region: '信阳', year: 2024, people: [person('C1', '低保对象', '浉河区', 380, 2)], visits: [visit(10, 'C1', '2024-02-01', 'inpatient', 10000)] });
  const wh = runProjection({ region: '威海', year: 2024, people: [person('W1', '低保对象', '环翠区', 300, 2)], visits: [visit(10, 'W1', '2024-02-01', 'inpatient', 10000)] });

  test('威海 cites its own 四、(一) 3. (split) and 四、(一) 4. (budget from last year’s counts and costs)', async () => {
    expect(wh.baseline.funding.ratioSource).toEqual({ zh: '威海市政策：威医保发〔2019〕25号 四、(一) 3.', en: 'Weihai policy: 威医保发〔2019〕25号 四、(一) 3.', own: true });
    const wb = await buildWorkbook(wh);
    const title = String(rowsOf(wb.getWorksheet('预测')!)[0][0]);
    expect(title).toContain('威医保发〔2019〕25号 四、(一) 4.');
  });

  test('信阳 has no split or budget clause: both are labelled the analyst’s, and no Weihai document is cited', async () => {
    expect(xy.baseline.funding.ratioSource!.own).toBe(false);
    expect(xy.baseline.funding.ratioSource!.zh).toContain('分析人员假设（默认 1:9');
    const wb = await buildWorkbook(xy);
    const forecast = String(rowsOf(wb.getWorksheet('预测')!)[0][0]);
    expect(forecast).toContain('分析人员测算方法');
    const all = wb.worksheets.flatMap((ws) => rowsOf(ws).flat().map(String)).join('\n');
    expect(all).not.toContain('威医保发');
    expect(runSummary(xy).forecast.method!.own).toBe(false);
  });

  test('a ratio the analyst enters is labelled as such', () => {
    const r = runProjection({ region: '信阳', year: 2024, people: [person('C2', '低保对象', '浉河区', 380, 2)], visits: [], funding: { ratio: '2:8' } });
    expect(r.baseline.funding.ratioSource!.zh).toBe('分析人员输入的比例 2:8');
  });
});

describe('exclusions with problems counted a run at a time (the columnar run\'s premium gaps)', () => {
  const policy = BUILTIN_POLICIES.find((p) => p.region.id === 'xinyang')!;
  const gap = (row: number, code: ProjectionProblem['code'] = 'TERM_NOT_DEFINED'): ProjectionProblem => ({
    table: 'people', sheet: 'p.csv', rowNumber: row, personId: `id${row}`, part: 'premiumSubsidy', code, zh: `p.csv 第 ${row} 行：资助参保未计算`, en: `p.csv row ${row}: the premium subsidy was not computed`,
  });
  const visitProblem: ProjectionProblem = { ...gap(7), table: 'visits', part: 'assistance', code: 'BAD_AMOUNT', zh: 'v.csv 第 7 行', en: 'v.csv row 7' };
  const rows = { people: { total: 20, used: 20, rejected: 0, blank: 0, notComputed: 0 }, visits: { total: 10, used: 10, rejected: 0, blank: 0, notComputed: 0 } };
  const input = { rows, importRejected: { people: 0, visits: 0 }, policy };
  // Listed: rows 9 (a gap of the same cause as the runs) and a visit row; runs: rows 4, 12, 15 (one kind) and 2, 20 (another kind, same code).
  const listed = [gap(9), visitProblem];
  const runs = [{ count: 3, first: gap(4) }, { count: 2, first: gap(2) }, { count: 1, first: gap(5, 'UNKNOWN_CATEGORY') }];
  const everyOne = [gap(2), gap(4), gap(5, 'UNKNOWN_CATEGORY'), gap(9), gap(12), gap(15), gap(20), visitProblem];

  test('the same exclusions as every problem listed: counts summed, the lowest row the example', () => {
    const a = completenessFrom(emptyTally(), listed, input, runs).exclusions;
    const b = completenessFrom(emptyTally(), everyOne, input).exclusions;
    expect(a).toEqual(b);
    expect(a[0]).toEqual({ code: 'TERM_NOT_DEFINED', part: 'premiumSubsidy', people: 6, visits: 0, zh: 'p.csv 第 2 行：资助参保未计算', en: 'p.csv row 2: the premium subsidy was not computed' });
    expect(a.map((e) => [e.code, e.people, e.visits])).toEqual([['TERM_NOT_DEFINED', 6, 0], ['BAD_AMOUNT', 0, 1], ['UNKNOWN_CATEGORY', 1, 0]]); // ties by cause: assistance:… before premiumSubsidy:…
  });
});
