#!/usr/bin/env node
// The xlsx writers compared for the result workbook (issue 9 item 3): one 明细-shaped sheet of
// N rows × 15 columns (6 text cells with format "@" — ID, name, district, category, date, kind —
// and 9 amounts formatted #,##0.00), written to a file by
//   exceljs-memory  the in-memory Workbook + writeBuffer (what the task pane's worker uses),
//   exceljs-stream  exceljs's streaming WorkbookWriter (what medaid project --out uses),
//   write-excel-file  catamphetamine/write-excel-file (browser + Node, MIT), if installed.
// Each runs in its own process (peak RSS is the process's). write-excel-file is not a
// dependency: `npm i --no-save write-excel-file` first to include it (or NODE_PATH=<a folder's
// node_modules holding it>).
// usage: node scripts/bench-writers.mjs [rows]   (default 100000)
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const N = Number(process.argv[3] ?? process.argv[2] ?? 100000);
const C = 15;
const row = (i) => {
  const r = ['41150219800101' + String(i % 10000).padStart(4, '0'), '张*', '浉河区', '低保对象', `2024-03-0${(i % 9) + 1}`, '住院'];
  for (let c = 6; c < C; c++) r.push(Math.round((i * 37.3 + c * 11) % 100000) / 100);
  return r;
};

async function write(which, file) {
  if (which === 'exceljs-memory') {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
    for (let c = 1; c <= C; c++) ws.getColumn(c).numFmt = c <= 6 ? '@' : '#,##0.00';
    for (let i = 0; i < N; i++) ws.addRow(row(i));
    const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
    fs.writeFileSync(file, Buffer.from(buf));
  } else if (which === 'exceljs-stream') {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true, zip: { zlib: { level: 1 } } });
    const ws = wb.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = Array.from({ length: C }, (_, c) => ({ style: { numFmt: c < 6 ? '@' : '#,##0.00' } }));
    for (let i = 0; i < N; i++) ws.addRow(row(i)).commit();
    ws.commit();
    await wb.commit();
  } else if (which === 'write-excel-file') {
    const wef = require('write-excel-file/node');
    const writeXlsxFile = wef.default ?? wef;
    const data = [];
    for (let i = 0; i < N; i++) data.push(row(i).map((v, c) => ({ value: v, format: c < 6 ? '@' : '#,##0.00' })));
    fs.writeFileSync(file, await writeXlsxFile(data, { sheet: '明细', stickyRowsCount: 1 }).toBuffer());
  }
}

if (process.argv[2] === '--one') {
  const [which, file] = [process.argv[4], process.argv[5]];
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await write(which, file);
  const c = process.cpuUsage(cpu);
  console.log(JSON.stringify({ which, rows: N, ms: Number((process.hrtime.bigint() - t) / 1000000n), cpuMs: Math.round((c.user + c.system) / 1000), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), bytes: fs.statSync(file).size }));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medaid-writers-'));
  let haveWef = true;
  try { require.resolve('write-excel-file/node'); } catch { haveWef = false; }
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${os.cpus().length} cores`);
  for (const which of ['exceljs-memory', 'exceljs-stream', ...(haveWef ? ['write-excel-file'] : [])]) {
    process.stdout.write(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--one', String(N), which, path.join(dir, `${which}.xlsx`)]));
  }
  if (!haveWef) console.log('write-excel-file not installed (npm i --no-save write-excel-file to compare it)');
  fs.rmSync(dir, { recursive: true, force: true });
}
