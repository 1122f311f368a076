/**
 * The bad-input matrix for the roster importer. Each case is a small table: a good row
 * (row 2) and a row with one bad cell (row 3). It asserts:
 *  - the report entry's code and severity (error = row not used; warning = used, check it);
 *  - that the entry names the sheet, the A1 cell, the row and the bad value, in Chinese
 *    and in English, and says what to do;
 *  - that every roster row is either used or listed in the report (no row lost);
 *  - for forms people type (12,345.6 / １２３４５ / 1.2万元 / 2024年3月5日 / serial 45356),
 *    that the row is used with the right value.
 */
import ExcelJS from 'exceljs';
import { D } from '../../src/engine';
import type { ErrorCode } from '../../src/engine';
import { importPeople, importVisits, readCsv, readXlsx, tableFromGrid } from '../../src/roster';
import type { ImportResult, Person, RawTable, ReportEntry, Visit } from '../../src/roster';
import { caught, caughtAsync, expectRowsAccounted, expectSaysWhatToDo, expectTypedError } from './expectations';

/*
 * IDs (GB 11643-1999 check digit: Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
 * mod 11 indexes "10X98765432"):
 *  410102199001011234: 28+9+0+5+0+8+2+9+54+0+0+9+0+5+8+8+6 = 151; 151 mod 11 = 8 → "4" ✓
 *  11010519491231002X: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "X" ✓
 */
const ID = '410102199001011234';
const ID2 = '11010519491231002X';
const ID_BAD_CHECK = '410102199001011235'; // the check digit should be 4
const ID_15 = '410102900101123'; // legacy: 410102 + 900101 (1990-01-01) + 123
/*
 * Month 13, with a correct check digit so that the birth date is what is wrong:
 * 41010219901301123 → 28+9+0+5+0+8+2+9+54+0+7+27+0+5+8+8+6 = 176; 176 mod 11 = 0 → "1".
 */
const ID_BAD_BIRTH = '410102199013011231';
// eslint-disable-next-line no-loss-of-precision -- on purpose: what Excel keeps of ID, 4.10102199001011E+17
const ID_EXCEL_NUMBER = 410102199001011234;

const PEOPLE_HEADER = ['身份证号', '姓名', '人员类别', '区县', '参保档次', '个人缴费'];
const VISITS_HEADER = ['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医', '目录内总费用', '医保支付'];
const GOOD_PERSON = [ID2, '李四', '特困人员', '金水区', '', ''];
const GOOD_VISIT = [ID, '2024-03-05', '住院', '', 10000, '否', '', ''];
const PEOPLE = new Set([ID, ID2, ID_15]);

function tableOf(sheet: string, header: string[], rows: unknown[][]): RawTable {
  return tableFromGrid([{ rowNumber: 1, cells: header }, ...rows.map((cells, i) => ({ rowNumber: i + 2, cells }))], { sheet });
}


/** The entry names sheet, cell, row and value in both languages and says what to do. */
function expectLocated(e: ReportEntry, cell: string, row: number, mentions: string[]): void {
  expect(e.cell).toBe(cell);
  expect(e.rowNumber).toBe(row);
  expect(e.zh).toContain(`${e.sheet}!${cell}`);
  expect(e.zh).toContain(`第 ${row} 行`);
  expect(e.en).toContain(`${e.sheet}!${cell}`);
  expect(e.en).toContain(`row ${row}`);
  for (const m of mentions) {
    expect(e.zh).toContain(m);
    expect(e.en).toContain(m);
  }
  expectSaysWhatToDo(e.zh, e.en);
}

interface BadCell {
  label: string;
  column: number;
  value: unknown;
  code: ErrorCode;
  severity: 'error' | 'warning';
  /** What both messages must quote (default: the value as text). */
  mentions?: string[];
  /** Replace the whole bad row instead of one cell. */
  row?: unknown[];
  /** The cell the entry is about, when it is not the changed one. */
  at?: string;
}

const PEOPLE_CASES: BadCell[] = [
  { label: 'blank ID', column: 0, value: '', code: 'ROSTER_BLANK_CELL', severity: 'error', mentions: ['身份证号'] },
  { label: 'ID with a bad GB 11643 check digit', column: 0, value: ID_BAD_CHECK, code: 'ROSTER_ID_CHECK_DIGIT', severity: 'error' },
  { label: 'ID with an impossible birth date', column: 0, value: ID_BAD_BIRTH, code: 'ROSTER_ID_BIRTH_DATE', severity: 'error', mentions: ['19901301'] },
  { label: 'ID of the wrong length', column: 0, value: '4101021990', code: 'ROSTER_ID_FORMAT', severity: 'error' },
  { label: 'ID that Excel turned into a number (precision lost): flagged, never fixed', column: 0, value: ID_EXCEL_NUMBER, code: 'ROSTER_ID_PRECISION_LOST', severity: 'error', mentions: ['4.10102199001011E+17'] },
  { label: 'ID pasted as E-notation text', column: 0, value: '4.10102199001011E+17', code: 'ROSTER_ID_PRECISION_LOST', severity: 'error', mentions: ['4.10102199001011E+17'] },
  { label: 'legacy 15-digit ID: converted to 18 digits, with a warning', column: 0, value: ID_15, code: 'ROSTER_ID_LEGACY', severity: 'warning' },
  { label: '15-digit ID stored as a number: complete, used as text, with a warning', column: 0, value: Number(ID_15), code: 'ROSTER_ID_AS_NUMBER', severity: 'warning' },
  { label: 'duplicate person (same ID as row 2)', column: 0, value: ID2, code: 'ROSTER_DUPLICATE_ID', severity: 'error', mentions: [ID2, '2'] },
  { label: 'blank name', column: 1, value: '  ', code: 'ROSTER_BLANK_CELL', severity: 'error', mentions: ['姓名'] },
  { label: 'blank category', column: 2, value: null, code: 'ROSTER_BLANK_CELL', severity: 'error', mentions: ['人员类别'] },
  { label: 'unknown category', column: 2, value: '外星人', code: 'UNKNOWN_CATEGORY', severity: 'error' },
  { label: 'several statuses with one unknown', column: 2, value: '低保对象;外星人', code: 'UNKNOWN_CATEGORY', severity: 'error', mentions: ['外星人'] },
  { label: 'blank district', column: 3, value: '', code: 'ROSTER_BLANK_CELL', severity: 'error', mentions: ['区县'] },
  // Optional columns: an unusable value is taken as blank and flagged, never a dropped person-year (issue 16).
  { label: 'text in the premium (number) cell: taken as blank, flagged', column: 5, value: 'abc', row: [ID, '张三', '低保对象', '金水区', '', 'abc'], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning' },
  { label: 'negative premium: taken as blank, flagged', column: 5, value: -5, row: [ID, '张三', '低保对象', '金水区', '', -5], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning', mentions: ['-5'] },
  { label: 'NaN premium: taken as blank, flagged', column: 5, value: NaN, row: [ID, '张三', '低保对象', '金水区', '', NaN], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning', mentions: ['NaN'] },
  { label: 'Infinity premium: taken as blank, flagged', column: 5, value: Infinity, row: [ID, '张三', '低保对象', '金水区', '', Infinity], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning', mentions: ['Infinity'] },
  { label: 'misplaced thousands separators in the premium: taken as blank, flagged', column: 5, value: '1,2,3', row: [ID, '张三', '低保对象', '金水区', '', '1,2,3'], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning' },
  { label: 'premium "—" (a placeholder): taken as blank, flagged', column: 5, value: '—', row: [ID, '张三', '低保对象', '金水区', '', '—'], code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning' },
];

const VISIT_CASES: BadCell[] = [
  { label: 'visit of a person not in the people table', column: 0, value: '440305200012250012', code: 'ROSTER_UNKNOWN_PERSON', severity: 'error' },
  { label: 'visit ID with a bad check digit', column: 0, value: ID_BAD_CHECK, code: 'ROSTER_ID_CHECK_DIGIT', severity: 'error' },
  { label: 'visit ID Excel turned into a number', column: 0, value: ID_EXCEL_NUMBER, code: 'ROSTER_ID_PRECISION_LOST', severity: 'error', mentions: ['4.10102199001011E+17'] },
  { label: 'date as unreadable text', column: 1, value: '三月五日', code: 'ROSTER_BAD_DATE', severity: 'error' },
  { label: 'date that does not exist', column: 1, value: '2024-02-30', code: 'ROSTER_BAD_DATE', severity: 'error' },
  { label: 'blank date', column: 1, value: '', code: 'ROSTER_BAD_DATE', severity: 'error', mentions: ['结算日期'] },
  { label: 'date out of the projection year (text)', column: 1, value: '2023-12-31', code: 'ROSTER_DATE_OUT_OF_YEAR', severity: 'error', mentions: ['2023-12-31', '2024'] },
  // Serial 45291 = 2023-12-31 (45292 is 2024-01-01: days from 1899-12-30).
  { label: 'date out of the projection year (Excel serial)', column: 1, value: 45291, code: 'ROSTER_DATE_OUT_OF_YEAR', severity: 'error', mentions: ['2023-12-31'] },
  { label: 'serial 60, the 1900-02-29 that never was', column: 1, value: 60, code: 'ROSTER_BAD_DATE', severity: 'error', mentions: ['60'] },
  { label: 'unknown visit type', column: 2, value: '体检', code: 'ROSTER_BAD_VISIT_KIND', severity: 'error' },
  { label: 'blank cost', column: 4, value: '', code: 'BLANK_AMOUNT', severity: 'error', mentions: ['政策范围内自付'] },
  { label: 'text in the cost (number) cell', column: 4, value: 'abc', code: 'BAD_AMOUNT', severity: 'error' },
  { label: 'negative cost', column: 4, value: -5, code: 'NEGATIVE_AMOUNT', severity: 'error', mentions: ['-5'] },
  { label: 'NaN cost', column: 4, value: NaN, code: 'BAD_AMOUNT', severity: 'error', mentions: ['NaN'] },
  { label: 'Infinity cost', column: 4, value: -Infinity, code: 'BAD_AMOUNT', severity: 'error', mentions: ['-Infinity'] },
  { label: 'a TRUE/FALSE cell as cost', column: 4, value: true, code: 'BAD_AMOUNT', severity: 'error', mentions: ['true'] },
  { label: 'unreadable referral flag', column: 5, value: '也许', code: 'ROSTER_BAD_FLAG', severity: 'error' },
  { label: 'blank referral flag: taken as no, flagged', column: 5, value: '', code: 'ROSTER_FLAG_BLANK', severity: 'warning', mentions: ['是否规范转诊省内就医'] },
  { label: 'outpatient scheme on an inpatient visit: ignored, flagged', column: 3, value: '罕见病', code: 'ROSTER_SCHEME_IGNORED', severity: 'warning' },
  { label: 'out-of-pocket above the in-catalogue total (reported on the cost cell)', column: 6, value: 800, at: 'E3', code: 'ROSTER_COST_EXCEEDS_TOTAL', severity: 'warning', mentions: ['10000', '800'] },
  { label: 'text in the insurance-paid cell: taken as blank, flagged', column: 7, value: '很多', code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning' },
  { label: 'misplaced thousands separators in the cost (required): rejected', column: 4, value: '1,2,3', code: 'BAD_AMOUNT', severity: 'error' },
];

const LETTERS = 'ABCDEFGH';

function runCase(kind: 'people' | 'visits', c: BadCell): void {
  const good = kind === 'people' ? GOOD_PERSON : GOOD_VISIT;
  const bad = c.row ?? good.slice();
  if (!c.row) bad[c.column] = c.value;
  const sheet = kind === 'people' ? '人员' : '就诊';
  const t = tableOf(sheet, kind === 'people' ? PEOPLE_HEADER : VISITS_HEADER, [good, bad]);
  const res: ImportResult<Person | Visit> = kind === 'people' ? importPeople(t) : importVisits(t, undefined, { year: 2024, people: PEOPLE });
  expectRowsAccounted(res, t);
  const entries = res.report.entries.filter((e) => e.rowNumber === 3 && e.code === c.code);
  expect(entries).toHaveLength(1);
  const e = entries[0];
  expect(e.severity).toBe(c.severity);
  const shown = c.value === null || c.value === undefined ? '' : String(c.value);
  expectLocated(e, c.at ?? `${LETTERS[c.column]}3`, 3, c.mentions ?? [shown]);
  expect(res.rows.some((r) => r.rowNumber === 3)).toBe(c.severity === 'warning');
  // The good row is never hurt by its neighbour (for a duplicate, the first row is kept).
  expect(res.rows.some((r) => r.rowNumber === 2)).toBe(true);
}

describe('people table: each class of bad cell', () => {
  test.each(PEOPLE_CASES)('$label → $code ($severity)', (c) => runCase('people', c));
});

describe('visits table: each class of bad cell', () => {
  test.each(VISIT_CASES)('$label → $code ($severity)', (c) => runCase('visits', c));
});

describe('forms people type are accepted with the right value', () => {
  test.each([
    ['12,345.6', '12345.6'],
    ['１２３４５', '12345'],
    ['1.2万元', '12000'],
    ['0.5万', '5000'],
    ['￥300元', '300'],
    [' 450 ', '450'],
  ])('cost %j → %s yuan', (typed, yuan) => {
    const t = tableOf('就诊', VISITS_HEADER, [[ID, '2024-03-05', '住院', '', typed, '否', '', '']]);
    const res = importVisits(t, undefined, { year: 2024, people: PEOPLE });
    expect(res.report.entries).toEqual([]);
    expect(res.rows[0].cost.equals(new D(yuan))).toBe(true);
  });

  test('premium "0.028万元" = 280 yuan', () => {
    const t = tableOf('人员', PEOPLE_HEADER, [[ID, '张三', '低保对象', '金水区', '', '0.028万元']]);
    expect(importPeople(t).rows[0].premium!.toString()).toBe('280');
  });

  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [20240305, '2024-03-05'],
    // Serial 45356: 45292 = 2024-01-01; + 31 (Jan) + 29 (Feb, leap year) = 45352 = 03-01; + 4 → 03-05.
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'], // a time of day does not move the date
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ])('date %j → %s', (typed, iso) => {
    const t = tableOf('就诊', VISITS_HEADER, [[ID, typed, '门诊', '', 100, '否', '', '']]);
    const res = importVisits(t, undefined, { year: 2024, people: PEOPLE });
    expect(res.rows[0].date).toBe(iso);
  });

  test('ID typed in full-width digits, with spaces or a lowercase x: the same person', () => {
    const t = tableOf('人员', PEOPLE_HEADER, [
      ['１１０１０５１９４９１２３１００２ｘ', '张三', '低保对象', '金水区', '', ''],
      ["'410102 19900101 1234", '李四', '低保', '金水区', '', ''],
    ]);
    const res = importPeople(t);
    expect(res.rows.map((p) => p.id)).toEqual([ID2, ID]);
  });
});

describe('whole-table problems', () => {
  test('a missing required column names what is missing and what was found', () => {
    const t = tableOf('人员', ['身份证号', '姓名', '区县'], [[ID, '张三', '金水区']]);
    const e = caught(() => importPeople(t));
    expectTypedError(e, 'ROSTER_MISSING_COLUMN', ['A 身份证号']);
    expect(e.zh).toContain('人员类别');
  });

  test('random bytes as .xlsx: ROSTER_BAD_FILE, no crash', async () => {
    const e = await caughtAsync(() => readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])));
    expectTypedError(e, 'ROSTER_BAD_FILE', []);
  });

  test('an unknown sheet name lists the sheets there are', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(PEOPLE_HEADER);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await caughtAsync(() => readXlsx(buf, { sheet: '人员' }));
    expectTypedError(e, 'ROSTER_NO_SHEET', ['人员', 'Sheet1']);
  });

  test('an unbalanced quote in a CSV: the row is flagged and every row still accounted for', () => {
    const csv = `${VISITS_HEADER.join(',')}\n${ID},2024-03-05,住院,,100,否,,\n${ID},"2024-03-06,门诊,,50,否,,\n`;
    const t = readCsv(new TextEncoder().encode(csv), { sheet: 'v.csv' });
    const res = importVisits(t, undefined, { year: 2024, people: PEOPLE });
    expectRowsAccounted(res, t);
    // The unclosed quote rejects its own row only (issue 12 item 1).
    expect(res.report.entries.find((e) => e.severity === 'error')).toMatchObject({ code: 'ROSTER_UNBALANCED_QUOTE', rowNumber: 3, cell: 'B3' });
    expect(res.report.summary).toMatchObject({ total: 2, used: 1, rejected: 1 });
  });

  test('blank rows between data rows are counted, not lost', () => {
    const t = tableOf('人员', PEOPLE_HEADER, [GOOD_PERSON, ['', null, '  '], [ID, '张三', '低保对象', '金水区', '', '']]);
    const res = importPeople(t);
    expectRowsAccounted(res, t);
    expect(res.report.summary).toMatchObject({ total: 3, used: 2, rejected: 0, blank: 1 });
  });
});

describe('.xlsx: what Excel does to IDs and dates', () => {
  test('an 18-digit ID stored as a number is refused with the value Excel shows; a real date cell is read as the date', async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet('人员');
    p.addRow(PEOPLE_HEADER);
    p.addRow([ID_EXCEL_NUMBER, '张三', '低保对象', '金水区']);
    p.addRow([ID2, '李四', '特困人员', '金水区']);
    const v = wb.addWorksheet('就诊');
    v.addRow(VISITS_HEADER);
    v.addRow([ID2, new Date(Date.UTC(2024, 2, 5)), '住院', null, 10000, '否']);
    v.addRow([ID2, new Date(Date.UTC(2023, 11, 31)), '住院', null, 10000, '否']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());

    const pt = await readXlsx(buf, { sheet: '人员' });
    const people = importPeople(pt);
    expectRowsAccounted(people, pt);
    expect(people.rows.map((x) => x.id)).toEqual([ID2]); // the damaged ID is not "repaired"
    const e = people.report.entries[0];
    expect(e.code).toBe('ROSTER_ID_PRECISION_LOST');
    expectLocated(e, 'A2', 2, ['4.10102199001011E+17']);

    const vt = await readXlsx(buf, { sheet: '就诊' });
    const visits = importVisits(vt, undefined, { year: 2024, people: people.rows });
    expectRowsAccounted(visits, vt);
    expect(visits.rows.map((x) => x.date)).toEqual(['2024-03-05']);
    expectLocated(visits.report.entries[0], 'B3', 3, ['2023-12-31', '2024']);
  });
});
