/**
 * `npm run bench`: every case in its own child process (so peak memory is the case's own),
 * a table on stdout, all figures in bench/results.json.
 *
 *   npm run bench               full run (≈ 10 minutes on 2 cores; writes ~1 GB of CSV to /tmp)
 *   npm run bench -- --quick    10k-row cases only
 *   npm run bench -- --only=fast,stream   re-run some cases (fast, decimal, projection, baseline,
 *                               baseline-yuan, functions, fund-need, budget, cli, stream, e2e), keep the other rows
 *   npm run bench -- --only=e2e --e2e-sizes=1000000,10000000   the end-to-end cases at these sizes
 *
 * e2e (issue 9): on one unsorted people + visits pair (rows in random order), in this order and
 * in the same run: the read-and-split floor (caseFloor.ts), `medaid project --summary`,
 * `medaid project --out` (people detail, the default), and the DuckDB SQL peer (caseDuckdb.ts);
 * each row gives its ratio to the floor, and ours to DuckDB's time.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
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

/** `medaid project` (the compiled CLI) under /usr/bin/time: wall time, CPU time and peak RSS. */
function runCli(caseName: string, people: string, visits: string, size: number, extra: string[] = [], heapMB: number | null = 8192): Row {
  const load = loadavg()[0];
  process.stderr.write(`… ${caseName} ${size} ${extra.join(' ')}\n`);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const nodeArgs = [...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), join(HERE, 'cliEntry.js'), 'project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--allow-rejected', ...extra];
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'MEDAID_TIME %e %M %U %S', process.execPath, ...nodeArgs], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30 * 60 * 1000 })
    : spawnSync(process.execPath, nodeArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /MEDAID_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  // The summary's rows: 住院救助 / 门诊救助 / 倾斜救助 / 救助合计 … with the baseline amount first.
  const lines = (r.stdout ?? '').split('\n').filter((l) => /^(住院救助|门诊救助|倾斜救助|救助)/.test(l)).slice(0, 4);
  return {
    case: caseName,
    size,
    exit: r.status,
    wallMs: m ? Number(m[1]) * 1000 : undefined,
    cpuMs: m ? Math.round((Number(m[3]) + Number(m[4])) * 1000) : undefined,
    rowsPerSec: m ? Math.round(size / Number(m[1])) : undefined,
    peakRssMB: m ? Math.round(Number(m[2]) / 1024) : undefined,
    summaryLines: lines.length ? lines.map((l) => l.replace(/\s+/g, ' ').trim()) : (r.stderr ?? '').split('\n').slice(-3),
    loadAvgBefore: Math.round(load * 10) / 10,
    maxOldSpaceMB: heapMB ?? 'node default',
  };
}

/** The end-to-end cases of issue 9 on one unsorted pair, each beside the floor measured just before. */
function e2e(n: number): Row[] {
  const people = `${TMP}/people-${n}-unsorted.csv`;
  const visits = `${TMP}/visits-${n}-unsorted.csv`;
  if (!existsSync(people) || !existsSync(visits)) runCase(['write-unsorted-pair-csv', String(n), TMP], 8192);
  const floor = runCase(['floor', String(n), people, visits]);
  const summaryFile = `${TMP}/medaid-e2e-summary-${n}.json`;
  // As an analyst runs it: node's default heap, no flags.
  const summary = runCli('e2e-summary', people, visits, n, ['--summary', summaryFile, '--force'], null);
  const s = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as { assistance: { total: string; byDistrict: Record<string, string> } }) : undefined;
  const outFile = `${TMP}/medaid-e2e-out-${n}.xlsx`;
  const out = runCli('e2e-out', people, visits, n, ['--out', outFile, '--force'], null);
  const duck = runCase(['duckdb', String(n), people, visits], 8192);
  const fen = (x: string) => Math.round(Number(x) * 100);
  const byDistrict = duck.byDistrictFen as Record<string, number>;
  duck.totalsEqual = !!s && fen(s.assistance.total) === duck.totalFen && Object.entries(s.assistance.byDistrict).every(([d, x]) => fen(x) === byDistrict[d]);
  duck.oursTotal = s?.assistance.total;
  for (const r of [summary, out, duck]) r.floorRatio = Math.round(((r.wallMs as number) / (floor.wallMs as number)) * 10) / 10;
  for (const r of [summary, out]) r.duckdbRatio = Math.round(((r.wallMs as number) / (duck.wallMs as number)) * 100) / 100;
  summary.outputMB = existsSync(summaryFile) ? Math.round(statSync(summaryFile).size / 1048576 * 10) / 10 : undefined;
  out.outputMB = existsSync(outFile) ? Math.round(statSync(outFile).size / 1048576 * 10) / 10 : undefined;
  return [floor, summary, out, duck];
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
  if (wanted('fund-need')) rows.push(runCase(['fund-need', String(fnSize)]));
  if (wanted('budget')) for (const n of quick ? [10_000] : [100_000, 1_000_000]) rows.push(runCase(['budget', String(n)], 8192));
  if (!quick && wanted('cli')) {
    runCase(['write-pair-csv', '1000000', TMP]);
    rows.push(runCli('cli-project', `${TMP}/people-1000000.csv`, `${TMP}/visits-1000000.csv`, 1_000_000));
  }
  if (wanted('stream')) {
    for (const n of quick ? [100_000] : [1_000_000, 10_000_000]) {
      const file = `${TMP}/medaid-stream-${n}.csv`;
      if (!existsSync(file)) runCase(['write-stream-csv', String(n), file]);
      rows.push(runCase(['stream', '0', file], 512)); // a small heap on purpose: streaming must not need more
    }
  }
  if (wanted('e2e')) {
    const sizesArg = process.argv.find((a) => a.startsWith('--e2e-sizes='))?.slice('--e2e-sizes='.length);
    for (const n of sizesArg ? sizesArg.split(',').map(Number) : quick ? [100_000] : [1_000_000]) rows.push(...e2e(n));
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
    if (r.case === 'floor') notes = `read + split ${r.fields} fields; CPU ${ms(r.cpuMs)}`;
    if (r.case.startsWith('e2e-')) notes = `CPU ${ms(r.cpuMs)}; ${r.floorRatio}× floor; ${r.duckdbRatio}× DuckDB; output ${r.outputMB} MB; exit ${r.exit}`;
    if (r.case === 'duckdb') notes = `CPU ${ms(r.cpuMs)} on ${r.threads} threads; ${r.floorRatio}× floor; totals equal ours: ${r.totalsEqual}`;
    if (r.case === 'budget') notes = `plan 3 y ${ms(r.planMs)}; bootstrap ${r.draws} draws ${ms(r.bootstrapMs)}; solve ${ms(r.solveMs)} (${JSON.stringify(r.fitted)}); project ${ms(r.projectMs)}`;
    if (r.case === 'fund-need') notes = `first call ${ms(r.firstCallMs)}; parameter changed ${ms(r.paramChangeMs)}; unchanged ${ms(r.unchangedMs)}; imports ${r.rosterImports}; need ${r.need}`;
    lines.push(`| ${r.case} | ${size} | ${ms(wall)} | ${typeof rps === 'number' ? rps.toLocaleString('en-US') : ''} | ${r.peakRssMB ?? ''} MB | ${notes} (load ${r.loadAvgBefore}) |`);
  }
  return lines.join('\n');
}

main();
