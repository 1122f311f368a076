/**
 * The read-and-split floor: the time to read the same CSV bytes and split them into fields with
 * a minimal tight loop — no validation, no rules, no objects. Every end-to-end case is reported
 * as a ratio to this figure, measured in the same run (issue 9).
 *
 * The files are read in 4 MB blocks, each block cut after its last newline and decoded as UTF-8
 * (as the importer's reader does), then every field is sliced out as a string (as any reader
 * must hand the fields on). The field count and a checksum of the field lengths keep the work
 * from being optimised away.
 */
import { closeSync, openSync, readSync } from 'fs';
import { peakRssMB, round1, timeAsync } from './measure';

const BLOCK = 4 << 20;

function splitFile(file: string): { rows: number; fields: number; check: number } {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(BLOCK);
  let carry = Buffer.alloc(0);
  let rows = 0;
  let fields = 0;
  let check = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, null);
      const bytes = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      const cut = n === 0 ? bytes.length : bytes.lastIndexOf(10) + 1;
      const text = bytes.toString('utf8', 0, cut);
      carry = Buffer.from(bytes.subarray(cut));
      let from = 0;
      while (from < text.length) {
        let nl = text.indexOf('\n', from);
        if (nl < 0) nl = text.length;
        for (let c = text.indexOf(',', from); ; c = text.indexOf(',', from)) {
          const end = c < 0 || c > nl ? nl : c;
          check = (check + text.slice(from, end).length) | 0;
          fields++;
          from = end + 1;
          if (end === nl) break;
        }
        rows++;
      }
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return { rows, fields, check };
}

export async function caseFloor(files: string[], size: number) {
  const c0 = process.cpuUsage();
  const t = await timeAsync(async () => files.map(splitFile));
  const cpu = process.cpuUsage(c0);
  const rows = t.value.reduce((a, x) => a + x.rows, 0);
  return {
    case: 'floor',
    size,
    files,
    wallMs: round1(t.ms),
    rowsPerSec: Math.round(rows / (t.ms / 1000)),
    cpuMs: round1((cpu.user + cpu.system) / 1000),
    peakRssMB: peakRssMB(),
    rows,
    fields: t.value.reduce((a, x) => a + x.fields, 0),
    check: t.value.reduce((a, x) => (a + x.check) | 0, 0),
  };
}
