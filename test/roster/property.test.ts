/**
 * Property: whatever mix of good and bad cells a roster has, every row below the header is
 * accounted for (total = used + rejected + blank), every rejected row has at least one
 * error entry, and no used row has one. Tables go through the grid and CSV sources too.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { importPeople, importVisits, readCsv, tableFromGrid, type RawRow } from '../../src/roster';
import { expectAccounted, ID_15, ID_A, ID_B, ID_BAD_CHECK, ID_C, ID_D } from './helpers';

const ids = fc.constantFrom<unknown>(ID_A, ID_B, ID_C, ID_D, ID_15, ID_BAD_CHECK, '11010519491231002x', 4.10102199001011e17, 410102900101123, '4.10102199001011E+17', '', null, 'abc', 12345);
const names = fc.constantFrom<unknown>('张三', '欧阳娜娜', '', null, ' ', 42);
const cats = fc.constantFrom<unknown>('低保对象', '低保对象;孤儿', '低保、孤儿', '特困', '外星人', '低保;外星人', '', null);
const districts = fc.constantFrom<unknown>('金水区', '', null);
const amounts = fc.constantFrom<unknown>('100', '12,345.6', '１２３', '1.2万', '300元', 45.5, 0, -1, '-5', 'abc', NaN, Infinity, '', null, '1,2,3');
const dates = fc.constantFrom<unknown>('2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '20240305', 45356, 60, new Date(Date.UTC(2024, 0, 1)), '2023-12-31', '2024-02-30', '', null, 'x');
const kinds = fc.constantFrom<unknown>('住院', '门诊', '门诊-慢特病', '门诊（罕见病）', 'inpatient', '体检', '', null);
const schemes = fc.constantFrom<unknown>('', '罕见病', '9类病种', null);
const flags = fc.constantFrom<unknown>('是', '否', 'Y', 'N', 'TRUE', 'false', 1, 0, true, '', '也许');
const blankRow = fc.constant<unknown[]>(['', null, '  ']);

const peopleRow = fc.oneof({ weight: 5, arbitrary: fc.tuple(ids, names, cats, districts, fc.constantFrom<unknown>('', '一档'), amounts) as fc.Arbitrary<unknown[]> }, { weight: 1, arbitrary: blankRow });
const visitRow = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(ids, dates, kinds, schemes, amounts, flags, amounts, amounts) as fc.Arbitrary<unknown[]> },
  { weight: 1, arbitrary: blankRow },
);

function grid(header: string[], rows: unknown[][]): RawRow[] {
  return [{ rowNumber: 1, cells: ['某县名单'] }, { rowNumber: 2, cells: header }, ...rows.map((cells, i) => ({ rowNumber: i + 3, cells }))];
}

const PH = ['身份证号', '姓名', '人员类别', '区县', '参保档次', '个人缴费'];
const VH = ['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医', '目录内总费用', '医保支付'];

describe('every row is accounted for', () => {
  test('people and visits from random grids', () => {
    fc.assert(
      fc.property(fc.array(peopleRow, { maxLength: 40 }), fc.array(visitRow, { maxLength: 40 }), fc.boolean(), (pRows, vRows, withYear) => {
        const pt = tableFromGrid(grid(PH, pRows), { sheet: 'P' });
        expect(pt.headerRow).toBe(2);
        const p = importPeople(pt);
        expectAccounted(p, pt);
        const vt = tableFromGrid(grid(VH, vRows), { sheet: 'V' });
        const v = importVisits(vt, undefined, { year: withYear ? 2024 : undefined, people: p.rows });
        expectAccounted(v, vt);
      }),
      { numRuns: 300 },
    );
  });

  test('the same through CSV text', () => {
    const text = (x: unknown) => (x === null || x === undefined ? '' : x instanceof Date ? x.toISOString().slice(0, 10) : String(x));
    fc.assert(
      fc.property(fc.array(visitRow, { maxLength: 40 }), (vRows) => {
        const csv = Papa.unparse([['标题'], VH, ...vRows.map((r) => r.map(text))]);
        const t = readCsv(new TextEncoder().encode(csv));
        const v = importVisits(t);
        expectAccounted(v, t);
      }),
      { numRuns: 200 },
    );
  });
});
