/**
 * The forecast's per-person figures are over the people COMPUTED (issue 17): a person whose
 * premium subsidy (or assistance) could not be computed adds nothing to the amount, so dividing
 * by every person would lower 人均 without a word. Hand-worked on 山西 (2022 press briefing,
 * seed 003, 合理确定住院救助水平: 低保 70 %, no deductible; 确保困难群众应保尽保: 低保 80 % of
 * the individual premium). On the code before this change the per-capita subsidy was
 * 280.00 / 2 = 140.00 and a category nobody was computed for showed 0.00.
 */
import ExcelJS from 'exceljs';
import { runProjection, runSummary } from '../../src/projection';
import { buildWorkbook } from '../../src/projection/writeWorkbook';
import { person, s2, visit } from './helpers';

const rowsOf = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
};

describe('山西 低保: one of two people has no premium → 人均资助 over the one computed', () => {
  // SX1: premium 350 → subsidy 80 % × 350 = 280.00; admission 1000 (not referred) → 70 % = 700.00.
  // SX2: no 个人缴费 → subsidy not computed; admission 2000 → 1400.00.
  // 人均救助 = (700 + 1400) / 2 = 1050.00; 人均资助 = 280.00 / 1 = 280.00 (not 140.00).
  // Growth +10 % cost, +25 % premium: 下年人均救助 = 1050 × 1.10 = 1155.00; 下年人均资助 = 280 × 1.25 = 350.00.
  const people = [person('SX1', '低保对象', '太原', 350, 2), person('SX2', '低保对象', '太原', undefined, 3)];
  const visits = [visit(10, 'SX1', '2022-03-01', 'inpatient', 1000), visit(11, 'SX2', '2022-04-01', 'inpatient', 2000)];
  const run = runProjection({ region: '山西', year: 2022, people, visits, growth: { cost: '10%', premium: '25%' } });
  const row = run.baseline.forecast.rows.find((r) => r.category === 'dibao')!;

  test('the row: counts of computed people beside the per-capita amounts', () => {
    expect(row.people).toBe(2);
    expect(row.assistancePeople).toBe(2);
    expect(row.subsidyPeople).toBe(1);
    expect(s2(row.assistance)).toBe('2100.00');
    expect(s2(row.premiumSubsidy)).toBe('280.00');
    expect(s2(row.perCapitaAssistance!)).toBe('1050.00');
    expect(s2(row.perCapitaSubsidy!)).toBe('280.00');
    expect(s2(row.nextPerCapitaAssistance!)).toBe('1155.00');
    expect(s2(row.nextPerCapitaSubsidy!)).toBe('350.00');
    // Amounts stay the computed part (the totals exclude what was not computed): 280 × 2/2 × 1.25 = 350.00.
    expect(s2(row.nextPremiumSubsidy)).toBe('350.00');
    expect(s2(row.nextAssistance)).toBe('2310.00');
  });

  test('summary.json carries the counts and the per-computed-person figures', () => {
    const f = runSummary(run).forecast.byCategory.dibao;
    expect(f).toMatchObject({ people: 2, assistancePeople: 2, subsidyPeople: 1, perCapitaAssistance: '1050.00', perCapitaSubsidy: '280.00' });
  });
});

describe('nobody of a status computed: 人均 reads 未计算, never 0.00', () => {
  // 特困人员 in 西平 without a premium: the full premium is paid but the text gives no amount.
  const run = runProjection({ region: '西平', year: 2022, people: [person('XP1', '特困人员', '西平县', undefined, 2)], visits: [] });
  const row = run.baseline.forecast.rows.find((r) => r.category === 'tekun')!;

  test('per-capita subsidy undefined; summary null; 预测 sheet 未计算', async () => {
    expect(row.subsidyPeople).toBe(0);
    expect(row.perCapitaSubsidy).toBeUndefined();
    expect(row.nextPerCapitaSubsidy).toBeUndefined();
    expect(runSummary(run).forecast.byCategory.tekun.perCapitaSubsidy).toBeNull();
    const wb = await buildWorkbook(run);
    const rows = rowsOf(wb.getWorksheet('预测')!);
    const head = rows[1] as string[];
    const line = rows.find((r) => r[0] === '特困人员')!;
    expect(line[head.indexOf('资助已计算人数')]).toBe(0);
    expect(line[head.indexOf('人均资助（按已计算人数）')]).toBe('未计算');
    expect(line[head.indexOf('下年人均资助')]).toBe('未计算');
  });
});
