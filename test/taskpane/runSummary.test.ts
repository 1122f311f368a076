/**
 * The pane's view of a run carries the monitoring alerts (西平 五、(一)) and the calibration
 * against the published year (信阳 信医保办〔2024〕52号 二、五是) as the CLI and the workbook state
 * them (src/projection/monitoringAlerts.ts, calibration.ts): same sentence, same table.
 */
import { runProjection } from '../../src/projection/run';
import { projectionView } from '../../src/taskpane/runSummary';
import { person, visit } from '../projection/helpers';

test('西平 2022: one person of a monitored status above the 11000 line → the alert sentence, count 1', () => {
  // 低保边缘家庭成员, 12000 in the year > 11000 (五、(一); the published line, ruling 5).
  const run = runProjection({ region: '西平', year: 2022, people: [person('M1', '低保边缘家庭成员', '城关镇', undefined, 2)], visits: [visit(2, 'M1', '2022-06-01', 'inpatient', 12000)] });
  const v = projectionView(run.baseline);
  expect(v.monitoring!.alerts).toBe(1);
  expect(v.monitoring!.zh).toContain('低保边缘家庭成员、农村易返贫致贫人口 1 人，年度政策范围内自付超过预警线 11000.00 的 1 人');
  expect(v.monitoring!.en).toContain('1 of 1 people');
  expect(v.calibration).toBeUndefined(); // 西平 publishes no totals
});

test('信阳 2024: the calibration table, header first (inpatient 10000 × 70 % = 7000 for one 低保对象)', () => {
  const run = runProjection({ region: '信阳', year: 2024, people: [person('C1', '低保对象', '浉河区', 380, 2)], visits: [visit(2, 'C1', '2024-03-01', 'inpatient', 10000)] });
  const v = projectionView(run.baseline);
  expect(v.monitoring).toBeUndefined();
  const [head, ...rows] = v.calibration!.zh;
  expect(head[0]).toBe('对照项');
  // 2.27亿 / 21.83万 = 1039.85 published; 7000 / 1 projected; 7000 / 1039.85 = 673.17 %.
  expect(rows.find((r) => r[0] === '住院救助人均')!.slice(1, 8)).toEqual(['218300', '227000000.00', '1039.85', '1', '7000.00', '7000.00', '673.17%']);
  expect(v.calibration!.en[0][0]).toBe('Measure');
});
