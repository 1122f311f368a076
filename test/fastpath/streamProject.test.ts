/** Streaming projection of a sorted visits CSV: hand-checked totals, rejected rows counted, order enforced. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultEngine } from '../../src/engine/engine';
import { parseRatio } from '../../src/engine/rules/fund';
import { compilePolicy } from '../../src/fastpath/compiledPolicy';
import { projectColumns } from '../../src/fastpath/projectColumns';
import { StreamOrderError, splitCsvLine, streamProject } from '../../src/fastpath/streamProject';
import { generateRoster } from '../../bench/generateRoster';
import { writeStreamCsv } from '../../bench/writeCsv';

const dir = mkdtempSync(join(tmpdir(), 'medaid-stream-'));
const opts = { engine: defaultEngine(), region: '信阳', year: 2024, ratio: parseRatio('1:9') };
const HEADER = '身份证号,结算日期,人员类别,区县,就诊类型,门诊类型,政策范围内自付,是否规范转诊';

function csv(name: string, lines: string[]): string {
  const f = join(dir, name);
  writeFileSync(f, '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n');
  return f;
}

test('quoted CSV fields', () => {
  expect(splitCsvLine('a,"b,c","d""e",', 2)).toEqual(['a', 'b,c', 'd"e', '']);
  expect(splitCsvLine('a,b,', 2)).toEqual(['a', 'b', '']);
});

test('totals by district and the 1:9 split, worked by hand; a bad row is rejected and counted', async () => {
  const f = csv('small.csv', [
    // 低保, 浉河区: 1000.00 × 70% = 700.00 (信医保办〔2024〕52号 二、二是)
    '411500194001010001,2024-03-01,低保对象,浉河区,住院,,1000.00,否',
    // same person: 9类病种 200.00 × 50% = 100.00 (二、三是)
    '411500194001010001,2024-04-01,低保对象,浉河区,门诊,9类病种,200,否',
    // a cost that is not an amount: rejected, counted, named by line
    '411500194001010001,2024-05-01,低保对象,浉河区,住院,,abc,否',
    // 特困, quoted multi-status, 平桥区: 300.00 × 90% = 270.00
    '411500194001010002,2024-01-09,"特困人员;低保对象",平桥区,住院,,300.00,是',
  ]);
  const r = await streamProject(f, opts);
  expect(r.rows).toBe(4);
  expect(r.usedRows).toBe(3);
  expect(r.rejectedRows).toBe(1);
  expect(r.messages[0].line).toBe(4);
  expect(r.persons).toBe(2);
  expect(r.totalFen.assistance).toBe(70_000 + 10_000 + 27_000);
  // ruling 11: city = 10% rounded to the fen, district the rest. 浉河区 800.00 → 80.00 / 720.00; 平桥区 270.00 → 27.00 / 243.00
  expect(r.split.districts).toEqual([
    { district: '浉河区', need: '800.00', city: '80.00', rest: '720.00' },
    { district: '平桥区', need: '270.00', city: '27.00', rest: '243.00' },
  ]);
  expect(r.split.city).toBe('107.00');
});

test('a file not sorted by ID, or a person not in date order, stops with the line named', async () => {
  const unsorted = csv('unsorted.csv', [
    '411500194001010002,2024-01-09,低保对象,平桥区,住院,,300.00,否',
    '411500194001010001,2024-03-01,低保对象,浉河区,住院,,1000.00,否',
  ]);
  await expect(streamProject(unsorted, opts)).rejects.toThrow(StreamOrderError);
  await expect(streamProject(unsorted, opts)).rejects.toThrow(/line 3/);
  const dates = csv('dates.csv', [
    '411500194001010001,2024-03-01,低保对象,浉河区,住院,,1000.00,否',
    '411500194001010001,2024-02-01,低保对象,浉河区,住院,,1000.00,否',
  ]);
  await expect(streamProject(dates, opts)).rejects.toThrow(/not in date order/);
});

test('the stream gives the same totals as the in-memory kernel on a generated roster', async () => {
  const f = join(dir, 'gen.csv');
  await writeStreamCsv(f, 3000, 99);
  const r = await streamProject(f, opts);
  const c = compilePolicy(opts.engine.resolve('信阳', 2024));
  const mem = projectColumns(c, generateRoster(c, 3000, 99));
  expect(r.rows).toBe(3000);
  expect(r.totalFen.assistance).toBe(mem.totals.assistance);
  expect(r.totalFen.tilt).toBe(mem.totals.tilt);
  expect(r.persons).toBe(mem.kernelPersons + mem.decimalPersons);
});
