/**
 * Calibration against the documents' published totals (src/projection/calibration.ts): the
 * published per-person averages beside the projection's, cited, in the projection, summary.json,
 * the CLI text and the 汇总 sheet. Published figures: 信医保办〔2024〕52号 二、五是 (信阳 2024) and
 * the 益阳 2023 reply 二、(一) (2022); the roster's amounts worked by hand from the same texts.
 */
import ExcelJS from 'exceljs';
import { summaryText } from '../../src/cli/project';
import { project, runSummary } from '../../src/projection';
import { runProjection } from '../../src/projection/run';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { person, s2, visit } from './helpers';

// 信阳 roster, by hand (二、一是 资助参保, 二是 住院, 三是 门诊):
//   P1 低保对象, premium 380: subsidy 80 (fixed, ruling 8); inpatient 10000 × 70 % = 7000.
//   P2 特困人员, premium 380: subsidy 380 (full); 9类病种 outpatient 1000 × 50 % = 500.
//   P3 低保边缘家庭成员, premium 380: no subsidy tier → 0; inpatient 2000 < deductible 2400 → 0 (not a recipient).
//   P4 低保对象, premium 380: subsidy 80; inpatient 20000 × 70 % = 14000; outpatient 200 × 50 % = 100.
const people = [
  person('P1', '低保对象', '浉河区', 380, 2),
  person('P2', '特困人员', '浉河区', 380, 3),
  person('P3', '低保边缘家庭成员', '平桥区', 380, 4),
  person('P4', '低保对象', '平桥区', 380, 5),
];
const visits = [
  visit(2, 'P1', '2024-03-01', 'inpatient', 10000),
  visit(3, 'P2', '2024-03-01', 'outpatient', 1000, { scheme: '9类病种' }),
  visit(4, 'P3', '2024-03-01', 'inpatient', 2000),
  visit(5, 'P4', '2024-03-01', 'inpatient', 20000),
  visit(6, 'P4', '2024-04-01', 'outpatient', 200, { scheme: '9类病种' }),
];

const rowsOf = (p: ReturnType<typeof project>) =>
  p.calibration!.map((r) => [r.measure, r.published.people, s2(r.published.amount), s2(r.published.perPerson), r.projected.people, s2(r.projected.amount), r.projected.perPerson && s2(r.projected.perPerson), r.pct?.toFixed(2)]);

test('信阳 2024: published 105.29 / 1039.85 / 95.48 per person beside the roster\'s 180.00 / 10500.00 / 300.00', () => {
  const p = project({ region: '信阳', year: 2024, people, visits });
  // Published (二、五是): 4990.58万 / 47.4万 = 105.2864… → 105.29; 2.27亿 / 21.83万 = 1039.8534… → 1039.85;
  //   1838.94万 / 19.26万 = 95.4797… → 95.48.
  // Projected: subsidies 80 + 380 + 80 = 540 over 3 subsidised → 180.00 (170.9564…% → 170.96 %);
  //   inpatient 7000 + 14000 over 2 → 10500.00 (1009.76 %); outpatient 500 + 100 over 2 → 300.00 (314.20 %).
  expect(rowsOf(p)).toEqual([
    ['premiumSubsidy', 474000, '49905800.00', '105.29', 3, '540.00', '180.00', '170.96'],
    ['inpatient', 218300, '227000000.00', '1039.85', 2, '21000.00', '10500.00', '1009.76'],
    ['outpatient', 192600, '18389400.00', '95.48', 2, '600.00', '300.00', '314.20'],
  ]);
  expect(p.calibration!.every((r) => r.citation.includes('信医保办〔2024〕52号 二、五是'))).toBe(true);
});

test('益阳 2022: 5760.11万 / 22.86万 = 251.97 per person beside the roster\'s (特困 full 320, 低保 50 % = 160 → 240.00)', () => {
  const p = project({ region: '益阳', year: 2022, people: [person('Y1', '特困人员', '赫山区', undefined, 2), person('Y2', '低保对象', '资阳区', undefined, 3)], visits: [] });
  // 二、(一): Hunan's 2022 individual premium 320; 特困 全额 → 320, 低保 50 % → 160; 480 / 2 = 240.00; 240 / 251.97 = 95.249… %.
  expect(rowsOf(p)).toEqual([['premiumSubsidy', 228600, '57601100.00', '251.97', 2, '480.00', '240.00', '95.25']]);
});

test('in summary.json, the CLI text and the 汇总 sheet; a region and year with nothing published have none', async () => {
  const run = runProjection({ region: '信阳', year: 2024, people, visits });
  const s = runSummary(run).calibration!;
  expect(s.map((r) => [r.measure, r.published.perPerson, r.projected.perPerson, r.pct])).toEqual([
    ['premiumSubsidy', '105.29', '180.00', '170.96'],
    ['inpatient', '1039.85', '10500.00', '1009.76'],
    ['outpatient', '95.48', '300.00', '314.20'],
  ]);
  const text = summaryText(run, 'zh');
  expect(text).toContain('与文件公布的全年数据对照');
  expect(text).toMatch(/住院救助人均\s+218300\s+227000000\.00\s+1039\.85\s+2\s+21000\.00\s+10500\.00\s+1009\.76%/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(run)) as unknown as ExcelJS.Buffer);
  const rows = (wb.getWorksheet('汇总')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  const at = rows.findIndex((r) => r[0] === '门诊救助人均');
  expect(rows[at].slice(0, 8)).toEqual(['门诊救助人均', 192600, 18389400, 95.48, 2, 600, 300, '314.20%']);

  const none = project({ region: '西平', year: 2022, people: [person('Z1', '低保对象', '城关镇', undefined, 2)], visits: [] });
  expect(none.calibration).toBeUndefined();
  expect(runSummary(runProjection({ region: '西平', year: 2022, people: [person('Z1', '低保对象', '城关镇', undefined, 2)], visits: [] })).calibration).toBeUndefined();
});
