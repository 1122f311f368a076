/**
 * Fuzzing the roster importer: random grids (any cell type, real headers or not), random
 * bytes as CSV (UTF-8, GBK, UTF-16 guesses), random and corrupted bytes as .xlsx, random
 * Excel range values. Properties:
 *  - no untyped exception: every failure of a whole file is a MedaidError;
 *  - every row below the header is used, rejected with an error entry, or counted blank
 *    (total = used + rejected + blank, and no row is both used and rejected);
 *  - every report entry has both messages and the row it is about.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { importPeople, importVisits, readCsv, readRangeValues, readXlsx, tableFromGrid } from '../../src/roster';
import type { ImportResult, RawTable } from '../../src/roster';
import * as A from './arbitraries';
import { expectNoPollution, typedOrValue } from './expectations';

const RUNS = Number(process.env.MEDAID_FUZZ_RUNS ?? 150);

const PEOPLE_HEADER = ['身份证号', '姓名', '人员类别', '区县', '参保档次', '个人缴费'];
const VISITS_HEADER = ['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医', '目录内总费用', '医保支付'];
const IDS = ['410102199001011234', '11010519491231002X', '440305200012250012', '410102900101123', '410102199001011235', 410102199001011000, 410102900101123];

function accounted<T extends { rowNumber: number }>(res: ImportResult<T>, t: RawTable): void {
  const s = res.report.summary;
  expect(s.total).toBe(s.used + s.rejected + s.blank);
  expect(s.total).toBe(t.rows.length + (t.blankRows?.length ?? 0));
  const used = new Set(res.rows.map((r) => r.rowNumber));
  const rejected = new Set(res.report.entries.filter((e) => e.severity === 'error').map((e) => e.rowNumber));
  for (const r of t.rows) expect(used.has(r.rowNumber) !== rejected.has(r.rowNumber)).toBe(true);
  for (const e of res.report.entries) {
    expect(e.zh.length).toBeGreaterThan(0);
    expect(e.en.length).toBeGreaterThan(0);
    expect(e.zh).toContain(`${e.rowNumber}`);
  }
}

/** Import both tables from whatever the source gave; typed errors are accepted outcomes. */
function importBoth(t: RawTable | undefined): void {
  if (!t) return;
  const p = typedOrValue(() => importPeople(t));
  if (p) accounted(p, t);
  const v = typedOrValue(() => importVisits(t, undefined, { year: 2024, people: p?.rows ?? [] }));
  if (v) accounted(v, t);
}

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...IDS, '张三', '低保对象', '特困;外星人', '金水区', '2024-03-05', 45356, '住院', '门诊-罕见病', '是', '否', '', null, 10000, '1.2万元') },
  { weight: 2, arbitrary: A.junk },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);
const row = fc.array(cell, { maxLength: 9 });
const header = fc.oneof(fc.constant(PEOPLE_HEADER), fc.constant(VISITS_HEADER), fc.shuffledSubarray([...PEOPLE_HEADER, ...VISITS_HEADER]), fc.array(fc.string({ maxLength: 6 }), { maxLength: 8 }));

afterEach(() => expectNoPollution());

describe('importer: random grids', () => {
  test('any cells under a real, partial or random header', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3 }), header, fc.array(row, { maxLength: 25 }), (above, head, rows) => {
        const grid = [...above, head, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells }));
        importBoth(typedOrValue(() => tableFromGrid(grid, { sheet: 'S' })));
      }),
      { numRuns: RUNS },
    );
  });

  test('Excel range values starting anywhere on the sheet', () => {
    fc.assert(
      fc.property(header, fc.array(row, { maxLength: 20 }), fc.integer({ min: 1, max: 1_048_576 }), fc.oneof(fc.constantFrom('A', 'C', 'XFD', 'zz', ''), fc.nat(16383)), (head, rows, topRow, leftColumn) => {
        importBoth(typedOrValue(() => readRangeValues([head, ...rows], { sheet: '名单', topRow, leftColumn })));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('importer: random bytes as CSV', () => {
  const csvText = fc.array(fc.array(fc.oneof(fc.constantFrom(...IDS.map(String), '"', '""', '\r', '\n', ',', '\t', ';', '|', '低保', '2024-03-05'), fc.string({ maxLength: 8 })), { maxLength: 9 }), { maxLength: 20 });

  test('arbitrary bytes (any encoding guess)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => importBoth(typedOrValue(() => readCsv(bytes, { sheet: 'x.csv' })))),
      { numRuns: RUNS * 2 },
    );
  });

  test('CSV-shaped text with stray quotes, delimiters and line ends, with a real header on top', () => {
    fc.assert(
      fc.property(fc.constantFrom(PEOPLE_HEADER, VISITS_HEADER), csvText, fc.constantFrom('utf-8', 'gbk', 'utf-16le'), (head, rows, enc) => {
        const text = [head.join(','), ...rows.map((r) => r.join(','))].join('\n');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const bytes = enc === 'utf-8' ? new TextEncoder().encode(text) : enc === 'utf-16le' ? new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le')) : new Uint8Array(require('iconv-lite').encode(text, 'gbk'));
        importBoth(typedOrValue(() => readCsv(bytes, { sheet: 'x.csv' })));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('importer: random and corrupted .xlsx', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(PEOPLE_HEADER);
    ws.addRow(['410102199001011234', '张三', '低保对象', '金水区', '', 300]);
    ws.addRow([410102199001011000, '李四', '特困', '金水区', '', '1.2万元']);
    valid = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  async function readAndImport(bytes: Uint8Array): Promise<void> {
    let t: RawTable | undefined;
    try {
      t = await readXlsx(bytes);
    } catch (e) {
      expect((e as { code?: string }).code).toMatch(/^ROSTER_(BAD_FILE|NO_SHEET)$/);
      return;
    }
    importBoth(t);
  }

  test('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), readAndImport), { numRuns: Math.ceil(RUNS / 3) });
  });

  test('a real workbook with bytes flipped or cut short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.option(fc.nat()), async (flips, cut) => {
        const b = valid.slice(0, cut === null ? valid.length : cut % valid.length);
        for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
        await readAndImport(b);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
