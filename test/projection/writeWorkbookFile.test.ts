/**
 * The streamed workbook (writeWorkbookFile, the CLI) and the in-memory one (writeWorkbook, the
 * task pane) hold the same sheets and the same cells — values and number formats — on the
 * bundled sample with a scenario, plain and masked; and a failed write leaves no file behind.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseScenarioJson, readRoster, runProjection, writeWorkbook, type ProjectionRun } from '../../src/projection';
import { writeWorkbookFile } from '../../src/projection/writeWorkbookFile';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'medaid-stream-'));
let run: ProjectionRun;

beforeAll(async () => {
  const p = join(root, 'samples/xinyang-2024-people.csv');
  const v = join(root, 'samples/xinyang-2024-visits.csv');
  const roster = await readRoster({ name: 'xinyang-2024-people.csv', bytes: readFileSync(p) }, { name: 'xinyang-2024-visits.csv', bytes: readFileSync(v) }, 2024);
  const scenarios = parseScenarioJson(readFileSync(join(root, 'samples/scenario-dibao-75.json'), 'utf8'), 'scenario-dibao-75.json');
  run = runProjection({ ...roster, region: '信阳', year: 2024, scenarios });
});

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every non-empty cell as "A1" → [value, number format]. */
function cells(ws: ExcelJS.Worksheet): Map<string, [unknown, string | undefined]> {
  const out = new Map<string, [unknown, string | undefined]>();
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void out.set(c.address, [c.value, c.numFmt])));
  return out;
}

test.each([
  ['zh', false],
  ['en', true],
] as const)('streamed = in memory, cell by cell (lang %s, mask %s)', async (lang, mask) => {
  const file = join(dir, `stream-${lang}.xlsx`);
  await writeWorkbookFile(run, file, { lang, mask });
  const streamed = await load(readFileSync(file));
  const inMemory = await load(await writeWorkbook(run, { lang, mask }));
  expect(streamed.worksheets.map((w) => w.name)).toEqual(inMemory.worksheets.map((w) => w.name));
  for (const ws of inMemory.worksheets) {
    const a = cells(streamed.getWorksheet(ws.name)!);
    const b = cells(ws);
    expect(a.size).toBe(b.size);
    expect(a).toEqual(b);
  }
  // The sample is well under the limits: one Details sheet with every computed visit.
  expect(streamed.worksheets[2].rowCount).toBe(1 + run.baseline.visits.length);
  expect(existsSync(`${file}.partial`)).toBe(false);
});

/** Every non-empty cell as "A1" → what Excel shows of it: value, number format, bold, size, fill. */
function looks(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => void out.set(c.address, [c.value, c.numFmt, c.font?.bold, c.font?.size, JSON.stringify(c.fill ?? null)])));
  return out;
}

test.each(['auto', 'shared', 'inline'] as const)('rows written as XML (%s strings) = exceljs\'s Row/Cell objects: values, formats, fonts, fills, columns', async (strings) => {
  const viaXml = join(dir, `xml-${strings}.xlsx`);
  const viaRows = join(dir, `rows-${strings}.xlsx`);
  // A scenario, the validation report's rows, the 明细 sheet: every kind of cell the layout writes.
  await writeWorkbookFile(run, viaXml, { detail: 'visits' }, { strings });
  await writeWorkbookFile(run, viaRows, { detail: 'visits' }, { rows: 'exceljs' });
  const a = await load(readFileSync(viaXml));
  const b = await load(readFileSync(viaRows));
  expect(a.worksheets.map((w) => [w.name, w.state, w.views])).toEqual(b.worksheets.map((w) => [w.name, w.state, w.views]));
  for (const ws of b.worksheets) {
    const x = a.getWorksheet(ws.name)!;
    expect(looks(x)).toEqual(looks(ws));
    expect(x.columns?.map((c) => [c.width, c.numFmt])).toEqual(ws.columns?.map((c) => [c.width, c.numFmt]));
  }
  // IDs stay text on 人员 (column B), whichever way the texts are stored.
  const people = a.getWorksheet('人员')!;
  expect(people.getCell('B2').value).toBe(run.baseline.people[0].person.id);
  expect(people.getCell('B2').numFmt).toBe('@');
});

test('a write that fails leaves neither the workbook nor a partial file', async () => {
  const file = join(dir, 'bad.xlsx');
  await expect(writeWorkbookFile(run, file, { sheetRowLimit: 1 })).rejects.toThrow(RangeError);
  expect(existsSync(file)).toBe(false);
  expect(existsSync(`${file}.partial`)).toBe(false);
});
