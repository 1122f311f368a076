/** Streaming projection (src/fastpath/streamProject.ts) of a generated CSV: time, rows/s, RSS sampled every 1M rows. */
import { statSync } from 'fs';
import { defaultEngine } from '../src/engine/engine';
import { parseRatio } from '../src/engine/rules/fund';
import { fenToText } from '../src/fastpath/fixedPoint';
import { streamProject } from '../src/fastpath/streamProject';
import { peakRssMB, round1, rssMB, timeAsync } from './measure';

export async function caseStream(file: string) {
  const samples: number[] = [];
  const c0 = process.cpuUsage();
  const t = await timeAsync(() =>
    streamProject(file, { engine: defaultEngine(), region: '信阳', year: 2024, ratio: parseRatio('1:9'), onProgress: () => samples.push(rssMB()) }),
  );
  const c1 = process.cpuUsage(c0);
  const r = t.value;
  return {
    case: 'stream',
    size: r.rows,
    fileMB: Math.round(statSync(file).size / 1048576),
    wallMs: round1(t.ms),
    rowsPerSec: Math.round(r.rows / (t.ms / 1000)),
    cpuMs: round1((c1.user + c1.system) / 1000),
    peakRssMB: peakRssMB(),
    rssEveryMillionRowsMB: samples,
    persons: r.persons,
    kernelPersons: r.kernelPersons,
    decimalPersons: r.decimalPersons,
    rejectedRows: r.rejectedRows,
    errorPersons: r.errorPersons,
    totals: { assistance: fenToText(r.totalFen.assistance), tilt: fenToText(r.totalFen.tilt), city: r.split.city },
  };
}
