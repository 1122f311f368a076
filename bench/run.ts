/**
 * `npm run bench`: every case in its own child process (so peak memory is the case's own),
 * a table on stdout, all figures in bench/results.json.
 *
 *   npm run bench               full run (≈ 10 minutes on 2 cores; writes ~1 GB of CSV to /tmp)
 *   npm run bench -- --quick    10k-row cases only
 *   npm run bench -- --only=fast,stream   re-run some cases (fast, decimal, projection, baseline,
 *                               baseline-yuan, functions, cli, stream), keep the other rows
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

const HERE = __dirname; // dist/bench-build/bench
const ROOT = join(HERE, '..', '..', '..');
const quick = process.argv.includes('--quick');
/** --only=fast,stream: re-run only these cases and replace their rows in the existing results.json. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);
const TMP = '/tmp';

type Row = Record<string, unknown> & { case: string; size?: number };

function runCase(args: string[], heapMB = 4096, timeoutMs = 30 * 60 * 1000): Row {
  const load = loadavg()[0];
  process.stderr.write(`… ${args.join(' ')}\n`);
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMB}`, join(HERE, 'case.js'), ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 26 });
  const row = JSON.parse(out.trim().split('\n').pop()!) as Row;
  row.loadAvgBefore = Math.round(load * 10) / 10;
  row.maxOldSpaceMB = heapMB;
  return row;
}

/** `medaid project` as shipped (reads whole files), under /usr/bin/time for wall time and peak RSS. */
function runCli(people: string, visits: string, size: number): Row {
  const load = loadavg()[0];
  process.stderr.write(`… medaid project ${size}\n`);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const nodeArgs = ['--max-old-space-size=8192', join(HERE, 'cliEntry.js'), 'project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--allow-rejected'];
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'MEDAID_TIME %e %M', process.execPath, ...nodeArgs], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30 * 60 * 1000 })
    : spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /MEDAID_TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  // The summary's rows: 住院救助 / 门诊救助 / 倾斜救助 / 救助合计 … with the baseline amount first.
  const lines = (r.stdout ?? '').split('\n').filter((l) => /^(住院救助|门诊救助|倾斜救助|救助)/.test(l)).slice(0, 4);
  return {
    case: 'cli-project',
    size,
    exit: r.status,
    wallMs: m ? Number(m[1]) * 1000 : undefined,
    rowsPerSec: m ? Math.round(size / Number(m[1])) : undefined,
    peakRssMB: m ? Math.round(Number(m[2]) / 1024) : undefined,
    summaryLines: lines.length ? lines.map((l) => l.replace(/\s+/g, ' ').trim()) : (r.stderr ?? '').split('\n').slice(-3),
    loadAvgBefore: Math.round(load * 10) / 10,
    maxOldSpaceMB: 8192,
  };
}

function main() {
  const rows: Row[] = [];
  const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
  if (wanted('fast')) for (const n of sizes) rows.push(runCase(['fast', String(n)]));
  if (wanted('decimal')) for (const n of sizes) rows.push(runCase(['decimal', String(n)]));
  if (wanted('projection')) for (const n of quick ? [10_000] : [10_000, 100_000]) rows.push(runCase(['projection', String(n)]));
  if (wanted('baseline')) rows.push(runCase(['baseline', '10000'], 8192));
  if (wanted('baseline-yuan')) rows.push(runCase(['baseline-yuan', '10000'], 8192));
  const fnSize = quick ? 10_000 : 100_000;
  if (wanted('functions')) {
    rows.push(runCase(['functions-spill', String(fnSize)]));
    rows.push(runCase(['functions-cells', String(fnSize)]));
  }
  if (!quick && wanted('cli')) {
    runCase(['write-pair-csv', '1000000', TMP]);
    rows.push(runCli(`${TMP}/people-1000000.csv`, `${TMP}/visits-1000000.csv`, 1_000_000));
  }
  if (wanted('stream')) {
    for (const n of quick ? [100_000] : [1_000_000, 10_000_000]) {
      const file = `${TMP}/medaid-stream-${n}.csv`;
      if (!existsSync(file)) runCase(['write-stream-csv', String(n), file]);
      rows.push(runCase(['stream', '0', file], 512)); // a small heap on purpose: streaming must not need more
    }
  }
  const file = join(ROOT, 'bench', 'results.json');
  if (only && existsSync(file)) {
    // keep the other cases' rows from the last full run, replace these
    const old = JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] };
    const key = (r: Row) => `${r.case}@${r.size}`;
    const fresh = new Map(rows.map((r) => [key(r), r]));
    const merged = old.rows.map((r) => fresh.get(key(r)) ?? r);
    for (const r of rows) if (!old.rows.some((o) => key(o) === key(r))) merged.push(r);
    rows.splice(0, rows.length, ...merged);
  }
  const results = {
    generatedBy: 'npm run bench',
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemMB: Math.round(totalmem() / 1048576), node: process.version },
    note: 'loadAvgBefore is the 1-minute load average when the case started: other work on the machine slows every figure.',
    rows,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(table(rows));
  console.log(`\nresults → ${file}`);
}

function table(rows: Row[]): string {
  const lines = ['| case | visits | wall time | rows/s | peak RSS | notes |', '|---|---:|---:|---:|---:|---|'];
  const ms = (x: unknown) => (typeof x === 'number' ? (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`) : '');
  for (const r of rows) {
    const size = (r.size as number | undefined)?.toLocaleString('en-US') ?? '';
    const wall = r.case.startsWith('baseline') ? r.baselineMs : r.wallMs;
    const rps = r.case.startsWith('baseline') ? r.baselineRowsPerSec : r.rowsPerSec ?? r.callsPerSec;
    let notes = '';
    if (r.case === 'fast') notes = `CPU ${ms(r.cpuMs)}; best of 3 ${ms(r.bestMs)} (CPU ${ms(r.bestCpuMs)}); generate ${ms(r.generateMs)}; decimal fallback ${r.decimalPersons} persons`;
    if (r.case.startsWith('baseline')) notes = `ours ${ms(r.oursMs)} same run → ${r.ratio}×; totals equal: ${r.totalsEqual}; rows off: ${r.rowMismatches}`;
    if (r.case === 'stream') notes = `CPU ${ms(r.cpuMs)}; RSS per 1M rows: ${(r.rssEveryMillionRowsMB as number[]).join(', ')} MB`;
    if (r.case === 'cli-project') notes = `exit ${r.exit}`;
    lines.push(`| ${r.case} | ${size} | ${ms(wall)} | ${typeof rps === 'number' ? rps.toLocaleString('en-US') : ''} | ${r.peakRssMB ?? ''} MB | ${notes} (load ${r.loadAvgBefore}) |`);
  }
  return lines.join('\n');
}

main();
