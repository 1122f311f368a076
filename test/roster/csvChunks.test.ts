/**
 * The CSV read in pieces must give exactly what the whole-file reader gives: the same header,
 * the same rows with the same row numbers and cells, the same blank rows and row notes —
 * wherever the pieces are cut (quotes with line breaks, CRLF, blank and title rows, GBK).
 */
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readCsv } from '../../src/roster';
import { lastRecordEnd, readCsvChunks } from '../../src/roster/csvChunks';
import type { RawRow, RawTable } from '../../src/roster/types';

const dir = mkdtempSync(join(tmpdir(), 'medaid-csvchunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function chunked(bytes: Uint8Array, pieceChars: number) {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, bytes);
  let header: RawTable | undefined;
  let rows: RawRow[] = [];
  let blank: number[] = [];
  let notes: NonNullable<RawTable['rowNotes']> = [];
  let restarts = 0;
  const meta = await readCsvChunks(file, {
    header: (t) => (header = t),
    rows: (r) => rows.push(...r),
    blank: (b) => blank.push(...b),
    notes: (x) => notes.push(...x),
    restart: () => {
      restarts++;
      header = undefined;
      rows = [];
      blank = [];
      notes = [];
    },
  }, { sheet: 'v.csv', pieceChars });
  return { header: header!, rows, blank, notes, restarts, meta };
}

function expectSame(whole: RawTable, got: Awaited<ReturnType<typeof chunked>>) {
  expect(got.header.headerRow).toBe(whole.headerRow);
  expect(got.header.header).toEqual(whole.header);
  expect(got.rows).toEqual(whole.rows);
  expect(got.blank.sort((a, b) => a - b)).toEqual(whole.blankRows ?? []);
  expect(got.notes.map((x) => x.rowNumber)).toEqual((whole.rowNotes ?? []).map((x) => x.rowNumber));
  expect(got.meta.delimiter).toBe(whole.source?.delimiter);
}

const HEADER = '身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊';

describe('CSV in pieces (csvChunks)', () => {
  test('a record boundary is a line break outside quotes', () => {
    expect(lastRecordEnd('a,b\nc,"d\ne"\nf', ',')).toEqual({ end: 11, records: 2 });
    expect(lastRecordEnd('a,"b\n', ',')).toEqual({ end: -1, records: 0 });
    expect(lastRecordEnd('x"y,z\nq', ',')).toEqual({ end: 5, records: 1 }); // a quote inside a field is a character
  });

  test('title row, quoted line breaks, CRLF, blank rows between and after: same as the whole file, any piece size', async () => {
    const text = [
      '2024年 就诊名单,,,,',
      HEADER,
      '110101199003074514,2024-01-02,住院,"1,234.50",是',
      ',,,,',
      '',
      '110101199003074514,2024-02-02,"门\r\n诊",12,否',
      '"11010119900307451""4",2024-03-02,住院,5,否',
      '110101199003074514,2024-04-02,住院,7,是',
      '',
      ',,,,',
    ].join('\r\n') + '\r\n\r\n';
    const whole = readCsv(Buffer.from(text, 'utf8'), { sheet: 'v.csv' });
    for (const size of [1, 5, 17, 40, 1 << 20]) expectSame(whole, await chunked(Buffer.from(text, 'utf8'), size));
  });

  test('GBK: not UTF-8, read again as GB18030 (as detectEncoding decides)', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 200; i++) lines.push(`11010119900307451${i % 10},2024-01-02,住院,${i}.5,是`);
    const bytes = iconv.encode(lines.join('\n') + '\n', 'gbk');
    const whole = readCsv(bytes, { sheet: 'v.csv' });
    const got = await chunked(bytes, 64);
    expect(got.meta.encoding).toBe('gb18030');
    expect(got.restarts).toBe(1);
    expectSame(whole, got);
    expect(got.rows[0].cells[2]).toBe('住院');
  });

  test('property: random CSV texts give the whole-file result for any piece size', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '住院', '1.5', 'a"b', '"q"', '"x,y"', '"l\nm"', '"r\r\ns"', '""'),
      fc.string({ maxLength: 4 }).map((s) => s.replace(/["\r\n,]/g, '')),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 60 }), async (rows, eol, size) => {
        const text = [HEADER, ...rows].join(eol) + (rows.length % 2 ? eol : '');
        const bytes = Buffer.from(text, 'utf8');
        const whole = readCsv(bytes, { sheet: 'v.csv' });
        expectSame(whole, await chunked(bytes, size));
      }),
      { numRuns: 150 },
    );
  });
});
