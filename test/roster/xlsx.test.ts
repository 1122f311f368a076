import ExcelJS from 'exceljs';
import { importPeople, importVisits, readXlsx, readXlsxSheets } from '../../src/roster';
import { expectAccounted, ID_A, ID_B, ID_C } from './helpers';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const people = wb.addWorksheet('人员');
  people.addRow(['2024年医疗救助对象花名册']); // title row
  people.mergeCells('A1:E1');
  people.addRow(['序号', '公民身份号码', '姓名', '困难类别', '所属区县']); // header on row 2
  people.addRow([1, ID_A, { richText: [{ text: '张' }, { text: '三' }] }, '低保对象', '金水区']);
  people.addRow([2, 410102199001011000, '李四', '特困', '二七区']); // Excel turned the ID into a number
  people.addRow([3, ID_C, '王五', '孤儿', { formula: '"中"&"原区"', result: '中原区' }]);
  people.addRow([]);
  people.addRow([4, ID_B, '赵六', '低保', '惠济区']);
  const visits = wb.addWorksheet('就诊');
  visits.addRow(['身份证号', '结算日期', '就诊类型', '政策范围内自付(元)', '是否规范转诊省内就医']);
  visits.addRow([ID_A, new Date(Date.UTC(2024, 2, 5)), '住院', 12345.67, true]);
  visits.addRow([ID_B, 45356, '门诊-慢特病', { formula: '100+200', result: 300 }, '否']);
  visits.addRow([ID_C, '2024/3/5', '门诊', 10, 'Y']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.xlsx source', () => {
  test('title row, header on row 2, numeric ID refused, blank row counted', async () => {
    const buf = await workbook();
    const t = await readXlsx(buf, { sheet: '人员' });
    expect(t.headerRow).toBe(2);
    expect(t.source?.kind).toBe('xlsx');
    expect(t.rows[1].cells[1]).toBe(410102199001011000);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.summary).toEqual({ total: 5, used: 3, rejected: 1, warnings: 0, blank: 1 });
    expect(res.rows.map((p) => [p.rowNumber, p.id, p.name, p.district])).toEqual([
      [3, ID_A, '张三', '金水区'],
      [5, ID_C, '王五', '中原区'],
      [7, ID_B, '赵六', '惠济区'],
    ]);
    const e = res.report.entries[0];
    expect(e).toMatchObject({ sheet: '人员', rowNumber: 4, cell: 'B4', column: '公民身份号码', code: 'ROSTER_ID_PRECISION_LOST', value: '410102199001011000' });
    expect(e.en).toContain('format the column as text and re-enter');
    expect(e.zh).toContain('4.10102199001011E+17');
  });

  test('named sheet, dates, serials, formulas and booleans', async () => {
    const buf = await workbook();
    const [people, visits] = await readXlsxSheets(buf);
    expect(visits.sheet).toBe('就诊');
    const pr = importPeople(people);
    const vr = importVisits(visits, undefined, { year: 2024, people: pr.rows });
    expectAccounted(vr, visits);
    expect(vr.rows.map((v) => [v.personId, v.date, v.kind, v.scheme, v.cost.toString(), v.referred])).toEqual([
      [ID_A, '2024-03-05', 'inpatient', undefined, '12345.67', true],
      [ID_B, '2024-03-05', 'outpatient', '慢特病', '300', false],
      [ID_C, '2024-03-05', 'outpatient', undefined, '10', true],
    ]);
  });

  test('first sheet by default; unknown sheet names the sheets', async () => {
    const buf = await workbook();
    expect((await readXlsx(buf)).sheet).toBe('人员');
    await expect(readXlsx(buf, { sheet: 'visits' })).rejects.toMatchObject({ code: 'ROSTER_NO_SHEET', en: expect.stringContaining('人员、就诊') });
  });

  test('not an xlsx', async () => {
    await expect(readXlsx(Buffer.from('hello'))).rejects.toMatchObject({ code: 'ROSTER_BAD_FILE' });
  });
});
