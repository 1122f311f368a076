import ExcelJS from 'exceljs';
import { runProjection } from '../../src/projection/run';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { importPeople, importVisits, readCsv } from '../../src/roster';

function run() {
  const p = importPeople(readCsv('身份证号,姓名,人员类别,区县\n411524194203289881,严辉丽,低保对象,商城县\n', { sheet: 'p.csv' }));
  const v = importVisits(readCsv('身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n411524194203289881,2024-05-01,住院,10000,否\n', { sheet: 'v.csv' }), undefined, { year: 2024, people: p.rows });
  return runProjection({ people: p.rows, visits: v.rows, importReports: [p.report, v.report], region: '信阳', year: 2024 });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('extra sheets in the result workbook (written in the same pass)', () => {
  test('without the option the workbook has exactly the result sheets', async () => {
    const wb = await load(await writeWorkbook(run()));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '情景对比', '明细', '人员', '校验报告', '预测']);
  });

  test('extra sheets follow the result sheets, hidden when asked, every cell text as given', async () => {
    const long = '{"a": "' + 'x'.repeat(100) + '"}';
    const wb = await load(await writeWorkbook(run(), {
      extraSheets: [
        { name: 'MedAid-state', state: 'hidden', rows: [[long], ['00123'], ['=1+1']] },
        { name: '备注', rows: [['a', 'b']] },
      ],
    }));
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['汇总', 'visible'], ['情景对比', 'visible'], ['明细', 'visible'], ['人员', 'visible'], ['校验报告', 'visible'], ['预测', 'visible'],
      ['MedAid-state', 'hidden'], ['备注', 'visible'],
    ]);
    const ws = wb.getWorksheet('MedAid-state')!;
    // Text stays text: a leading zero is kept, a formula-looking text is not a formula.
    expect([1, 2, 3].map((r) => ws.getCell(r, 1).value)).toEqual([long, '00123', '=1+1']);
    expect(ws.getCell(2, 1).numFmt).toBe('@');
    expect(wb.getWorksheet('备注')!.getCell(1, 2).value).toBe('b');
  });
});
