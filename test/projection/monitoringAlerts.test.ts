/**
 * Monitoring alerts reported by the projection (src/projection/monitoringAlerts.ts): 西平 五、(一)
 * 强化高额医疗费用支出预警监测 — "政策范围内年度自付费用超过上一年度全市城乡居民人均可支配收入50%的
 * 低保边缘家庭成员、农村易返贫致贫人口"; the 2022 line is the published 1.1万 (四、(三) 5., ruling 5).
 * Count and rows in the result (summary.json, the CLI text, the 汇总 line and the 预警监测 sheet).
 */
import ExcelJS from 'exceljs';
import { summaryText } from '../../src/cli/project';
import { project, runSummary } from '../../src/projection';
import { runProjection } from '../../src/projection/run';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { maskRun } from '../../src/projection/maskRun';
import { person, s2, visit } from './helpers';

const XP = { region: '西平', year: 2022 };

// By hand (the line 11000.00; "超过" = strictly above):
//   A 低保边缘家庭成员: 8000 + 3000.01 = 11000.01 > 11000 → alert.
//   B 农村易返贫致贫人口: 11000 — not above → no alert.
//   C 低保对象: not a monitored status → not counted, whatever the 50000.
//   D 低保对象;农村易返贫致贫人口: 20000 > 11000 → alert, as 农村易返贫致贫人口.
//   E 低保边缘家庭成员, no visit: 0 → monitored, no alert.
const people = [
  person('A1', '低保边缘家庭成员', '城关镇', undefined, 2),
  person('B1', '农村易返贫致贫人口', '城关镇', undefined, 3),
  person('C1', '低保对象', '柏城街道', undefined, 4),
  person('D1', '低保对象;农村易返贫致贫人口', '柏城街道', undefined, 5),
  person('E1', '低保边缘家庭成员', '城关镇', undefined, 6),
];
const visits = [
  visit(2, 'A1', '2022-06-01', 'inpatient', 8000),
  visit(3, 'A1', '2022-09-01', 'inpatient', '3000.01'),
  visit(4, 'B1', '2022-07-01', 'inpatient', 11000),
  visit(5, 'C1', '2022-07-01', 'inpatient', 50000),
  visit(6, 'D1', '2022-08-01', 'inpatient', 20000),
];

test('西平 2022: 4 people monitored, 2 above the line, each with its year out-of-pocket (kernel and PersonYear alike)', () => {
  for (const kernel of [true, false]) {
    const m = project({ ...XP, people, visits }, undefined, { kernel }).monitoring!;
    expect(m.categories).toEqual(['dibao_edge', 'monitored']);
    expect(s2(m.threshold!)).toBe('11000.00');
    expect(m.citation).toContain('五、(一)');
    expect([m.monitored, m.unchecked]).toEqual([4, 0]);
    expect(m.alerts.map((a) => [a.personRow, a.personId, a.category, s2(a.outOfPocket)])).toEqual([
      [2, 'A1', 'dibao_edge', '11000.01'],
      [5, 'D1', 'monitored', '20000.00'],
    ]);
  }
});

test('in summary.json, the CLI text and the workbook (汇总 line, 预警监测 sheet)', async () => {
  const run = runProjection({ ...XP, people, visits });
  const s = runSummary(run).monitoring!;
  expect({ ...s, rows: s.rows.map((r) => [r.row, r.outOfPocket]) }).toMatchObject({ threshold: '11000.00', monitored: 4, unchecked: 0, alerts: 2, rows: [[2, '11000.01'], [5, '20000.00']] });
  expect(summaryText(run, 'zh')).toContain('低保边缘家庭成员、农村易返贫致贫人口 4 人，年度政策范围内自付超过预警线 11000.00 的 2 人');
  expect(summaryText(run, 'en')).toContain('2 of 4 people');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(run)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('预警监测')!;
  expect(ws).toBeDefined();
  const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  expect(row(1)).toEqual(['行号', '身份证号', '姓名', '区县', '监测身份', '年度政策范围内自付', '预警线']);
  expect(row(2)).toEqual([2, 'A1', '测试A1', '城关镇', '低保边缘家庭成员', 11000.01, 11000]);
  expect(row(3).slice(0, 2)).toEqual([5, 'D1']);
  expect(row(3).slice(4)).toEqual(['农村易返贫致贫人口', 20000, 11000]);
  const summaryCells = (wb.getWorksheet('汇总')!.getSheetValues() as unknown[][]).flat().map(String);
  expect(summaryCells.some((c) => c.includes('超过预警线 11000.00 的 2 人'))).toBe(true);
});

test('a region without the rule has no report and no sheet (信阳 2024)', async () => {
  const run = runProjection({ region: '信阳', year: 2024, people: [person('X1', '低保边缘家庭成员', '浉河区', undefined, 2)], visits: [visit(2, 'X1', '2024-03-01', 'inpatient', 20000)] });
  expect(run.baseline.monitoring).toBeUndefined();
  expect(runSummary(run).monitoring).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(run)) as unknown as ExcelJS.Buffer);
  expect(wb.getWorksheet('预警监测')).toBeUndefined();
});

test('西平 2023: the line needs 2022\'s income (ruling 5) — reported as not computed, never as "no alerts"', () => {
  const p = project({ region: '西平', year: 2023, people: [person('E2', '低保边缘家庭成员', '城关镇', undefined, 2)], visits: [] });
  const m = p.monitoring!;
  expect(m.threshold).toBeUndefined();
  expect(m.notComputed!.zh).toContain('2022');
  expect([m.monitored, m.unchecked, m.alerts.length]).toEqual([0, 1, 0]);
});

test('with masking, an alert row carries no full ID or name (workbook and summary.json)', async () => {
  const ID = '411721198001011234';
  const run = runProjection({ ...XP, people: [person(ID, '低保边缘家庭成员', '城关镇', undefined, 2)], visits: [visit(2, ID, '2022-06-01', 'inpatient', 12000)] });
  expect(run.baseline.monitoring!.alerts.map((a) => a.personId)).toEqual([ID]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(run, { mask: true })) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('预警监测')!;
  const cells = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  expect(cells[1]).not.toBe(ID);
  expect(cells[1]).toMatch(/^4117\*+/);
  expect(cells[2]).not.toBe('测试234'); // the name is masked too (测*)
  expect(JSON.stringify(runSummary(maskRun(run)).monitoring)).not.toContain(ID);
});
