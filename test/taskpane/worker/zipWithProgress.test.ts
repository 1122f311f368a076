import ExcelJS from 'exceljs';
import { buildWorkbook, workbookBytes } from '../../../src/projection/writeWorkbook';
import { detectMapping } from '../../../src/roster/mapping';
import { runJob } from '../../../src/taskpane/worker/projectionJob';
import { sheetsOf } from '../../../src/taskpane/worker/resultBook';
import { StopRequested } from '../../../src/taskpane/worker/stopRequest';
import { zipWithProgress } from '../../../src/taskpane/worker/zipWithProgress';
import { roster2500 } from './roster2500';

async function workbook() {
  const { people, visits } = roster2500();
  const { run } = runJob({ people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios: [] });
  return buildWorkbook(run, { lang: 'zh', surface: 'pane', detail: 'people' });
}

async function opened(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('the result workbook zipped with progress and a stop (the pane’s zip step)', () => {
  test('reports the XML step (no measure), then the zip from 0 to 100 %, and writes the file workbookBytes writes', async () => {
    const wb = await workbook();
    const seen: (number | undefined)[] = [];
    const bytes = await zipWithProgress(wb, (p) => seen.push(p), { stopped: false });
    expect(seen[0]).toBeUndefined();
    const percents = seen.slice(1) as number[];
    expect(percents[0]).toBe(0);
    expect(percents[percents.length - 1]).toBe(100);
    // The bar moves inside the zip, not only at its ends: the 人员 sheet of 2,500 rows is many chunks.
    expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(3);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1]);

    const ours = await opened(bytes);
    const plain = await opened(await workbookBytes(wb));
    expect(ours.worksheets.map((s) => s.name)).toEqual(plain.worksheets.map((s) => s.name));
    expect(sheetsOf(ours)).toEqual(sheetsOf(plain));
    // 2,500 people + header on 人员; the IDs stay text.
    const people = sheetsOf(ours).find((s) => s.title === '人员')!;
    expect(people.rows).toHaveLength(2501);
    // Hand-worked (信医保办〔2024〕52号): 2,500 × 80 = 200,000 premium subsidy (二、一是, ruling 8); 10,000 × 70% = 7,000 (二、二是).
    const summary = JSON.stringify(sheetsOf(ours)[0].rows);
    expect(summary).toContain('200000');
    expect(summary).toContain('7000');
  });

  test('a stop asked for while it zips ends it at the next chunk with StopRequested, and nothing is returned', async () => {
    const wb = await workbook();
    const stop = { stopped: false };
    const seen: number[] = [];
    await expect(zipWithProgress(wb, (p) => {
      if (p === undefined) return;
      seen.push(p);
      if (p >= 10) stop.stopped = true; // as the worker does when the pane's cancel arrives
    }, stop)).rejects.toBeInstanceOf(StopRequested);
    expect(Math.max(...seen)).toBeLessThan(100);
    // The workbook itself is untouched: zipped again it is complete.
    const again = await opened(await zipWithProgress(wb));
    expect(again.getWorksheet('人员')!.actualRowCount).toBe(2501);
  });

  test('a stop asked for before the zip starts stops it at the first checkpoint', async () => {
    const wb = await workbook();
    const seen: (number | undefined)[] = [];
    await expect(zipWithProgress(wb, (p) => seen.push(p), { stopped: true })).rejects.toBeInstanceOf(StopRequested);
    expect(seen).toEqual([undefined]);
  });
});
