/**
 * Issue 16 (review item 5): what `medaid project` printed only on the console — the pre-flight's
 * notes (a visit outside the year, a category the region lacks …) — is carried by the report too:
 * summary.json `preflight` and a row per finding on 校验报告 Validation (CLI workbook and the
 * pane's, which is built from the same run). The rows there still hold: total = used + rejected + blank.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { detectMapping, readCsv } from '../../src/roster';
import { runJob } from '../../src/taskpane/worker/projectionJob';
import { buildWorkbook } from '../../src/projection/writeWorkbook';
import { captureConsole, idNumber, tempFolder } from '../cli/cliHarness';

const A = idNumber('41150219800101001');
const PEOPLE = `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n`;
// One visit of 2023 in a 2024 run: the pre-flight's VISITS_OUT_OF_YEAR note (the importer rejects the row).
const VISITS = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,10000,否\n${A},2023-12-30,住院,100,否\n`;
const { dir, file } = tempFolder('medaid-preflight-');
const { out } = captureConsole();

function validation(ws: ExcelJS.Worksheet) {
  const counts = (n: number) => [2, 3, 4, 5].map((c) => Number(ws.getRow(n).getCell(c).value));
  const codes: string[] = [];
  ws.eachRow((r) => void codes.push(String(r.getCell(8).value ?? '')));
  return { people: counts(2), visits: counts(3), codes };
}

test('medaid project: the note is printed, and is in summary.json and on 校验报告', async () => {
  const people = file('people.csv', PEOPLE);
  const visits = file('visits.csv', VISITS);
  const summary = join(dir, 'summary.json');
  const book = join(dir, 'out.xlsx');
  expect(await main(['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--summary', summary, '--out', book])).toBe(1);
  expect(out.join('\n')).toContain('测算前检查');
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  expect(s.preflight.map((f: { code: string }) => f.code)).toContain('VISITS_OUT_OF_YEAR');
  for (const r of [s.rows.people, s.rows.visits]) expect(r.total).toBe(r.used + r.rejected + r.blank);
  expect(s.rows.visits).toEqual({ total: 2, used: 1, rejected: 1, blank: 0, notComputed: 0 });
  // 二、二是: 10000 × 70 % = 7000.00 (the 2023 visit not counted).
  expect(s.assistance.total).toBe('7000.00');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as never);
  const v = validation(wb.getWorksheet('校验报告')!);
  expect(v.codes).toContain('VISITS_OUT_OF_YEAR');
  expect(v.visits).toEqual([2, 1, 1, 0]);
});

test('the pane: the same note on the workbook it builds from its run', async () => {
  const people = readCsv(PEOPLE);
  const visits = readCsv(VISITS);
  const { run, summary } = runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
  expect(summary.preflight?.map((f) => f.code)).toContain('VISITS_OUT_OF_YEAR');
  const wb = await buildWorkbook(run);
  const v = validation(wb.getWorksheet('校验报告')!);
  expect(v.codes).toContain('VISITS_OUT_OF_YEAR');
  const [total, used, rejected, blank] = v.visits;
  expect(total).toBe(used + rejected + blank);
});
