/**
 * The worker as the pane drives it (ProjectionClient ⇄ workerHandler, in one process: the
 * fake Worker passes structured clones through setImmediate as a real one would through
 * postMessage): Cancel while the result workbook is built or zipped stops it without ending
 * the worker, and the next Download builds the same workbook from the run it still holds.
 */
import ExcelJS from 'exceljs';
import { detectMapping } from '../../../src/roster/mapping';
import { Cancelled, ProjectionClient } from '../../../src/taskpane/worker/client';
import type { FromWorker, ToWorker } from '../../../src/taskpane/worker/protocol';
import type { Phase } from '../../../src/taskpane/worker/projectionJob';
import { sheetsOf } from '../../../src/taskpane/worker/resultBook';
import { workerHandler } from '../../../src/taskpane/worker/workerHandler';
import { roster2500 } from './roster2500';

function inProcessWorkers() {
  const started: { terminated: boolean }[] = [];
  const start = (): Worker => {
    const w = {
      terminated: false,
      onmessage: null as ((ev: { data: FromWorker }) => void) | null,
      onerror: null,
      postMessage(msg: ToWorker) {
        const copy = structuredClone(msg);
        setImmediate(() => void handle(copy));
      },
      terminate() {
        this.terminated = true;
      },
    };
    const handle = workerHandler((m) => {
      const copy = structuredClone(m);
      setImmediate(() => {
        if (!w.terminated) w.onmessage?.({ data: copy });
      });
    });
    started.push(w);
    return w as unknown as Worker;
  };
  return { start, started };
}

async function sheetsOfBytes(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { visible: sheetsOf(wb), hidden: wb.worksheets.filter((s) => s.state !== 'visible').map((s) => s.name) };
}

describe('Cancel while the result workbook is made (the worker keeps the run)', () => {
  test('cancelled in the zip step and in the build step, the next Download needs no new run and gives the uncancelled workbook', async () => {
    const { start, started } = inProcessWorkers();
    const client = new ProjectionClient(start);
    const { people, visits } = roster2500();
    await client.load('people', { table: people }, 2024, { mapping: detectMapping(people, 'people') });
    await client.load('visits', { table: visits }, 2024, { mapping: detectMapping(visits, 'visits') });
    const { summary } = await client.run({ region: '信阳', year: 2024, scenarios: [] });
    // Hand-worked (信医保办〔2024〕52号): 2,500 低保对象 × 80 = 200,000.00 (二、一是, ruling 8); 10,000 × 70% = 7,000.00 (二、二是).
    expect(summary.baseline.overall.premiumSubsidy).toBe('200000.00');
    expect(summary.baseline.overall.assistance).toBe('7000.00');
    const generation = client.generation;
    const request = { lang: 'zh' as const, mask: false, sheets: false, xlsx: true, scenarios: { scenarios: [] } };

    // Uncancelled: the build's rows, then the zip's percent, to 100.
    const ticks: [Phase, number, number][] = [];
    const whole = await client.book(request, (phase, done, total) => ticks.push([phase, done, total]));
    const phases = [...new Set(ticks.map(([p]) => p))];
    expect(phases).toEqual(['book', 'zip']);
    expect(ticks).toContainEqual(['book', 2000, expect.any(Number)]);
    expect(ticks).toContainEqual(['zip', 0, 0]); // exceljs laying out the XML: no measure
    const zip = ticks.filter(([p, , total]) => p === 'zip' && total === 100).map(([, done]) => done);
    expect(zip[zip.length - 1]).toBe(100);
    expect(zip.filter((d) => d > 0 && d < 100).length).toBeGreaterThan(3);

    // Cancel once the zip is under way.
    const seenZip: number[] = [];
    await expect(client.book(request, (phase, done, total) => {
      if (phase === 'zip' && total === 100) {
        seenZip.push(done);
        if (done > 0) client.cancel();
      }
    })).rejects.toBeInstanceOf(Cancelled);
    expect(Math.max(...seenZip)).toBeLessThan(100);
    expect(client.busy).toBe(false);

    // Cancel while the 人员 rows are laid out.
    const seenBook: Phase[] = [];
    await expect(client.book(request, (phase, done) => {
      seenBook.push(phase);
      if (phase === 'book' && done >= 2000) client.cancel();
    })).rejects.toBeInstanceOf(Cancelled);
    expect(seenBook).not.toContain('zip');

    // The same worker, still holding the roster and the run: no new worker, no run again
    // (a Cancel while the host writes asks the client for nothing to end).
    expect(client.cancelBook()).toBe(false);
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(false);
    expect(client.generation).toBe(generation);
    expect(client.holds(generation)).toBe(true);
    const again = await client.book(request);
    const [a, b] = await Promise.all([sheetsOfBytes(whole.xlsx), sheetsOfBytes(again.xlsx)]);
    expect(b).toEqual(a);
    expect(a.visible.find((s) => s.title === '人员')!.rows).toHaveLength(2501);
    expect(JSON.stringify(a.visible[0].rows)).toContain('200000');
    expect(again.fileName).toBe('救助测算-信阳市-2024.xlsx');
  });

  test('a cancel during a run still ends the worker (a synchronous computation cannot be stopped otherwise); the next request starts a new one', async () => {
    const { start, started } = inProcessWorkers();
    const client = new ProjectionClient(start);
    const { people } = roster2500();
    const loading = client.load('people', { table: people }, 2024, { mapping: detectMapping(people, 'people') });
    client.cancel();
    await expect(loading).rejects.toBeInstanceOf(Cancelled);
    expect(started[0].terminated).toBe(true);
    await client.load('people', { table: people }, 2024, { mapping: detectMapping(people, 'people') });
    expect(started).toHaveLength(2);
  });
});
