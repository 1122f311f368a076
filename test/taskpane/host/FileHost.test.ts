import ExcelJS from 'exceljs';
import { FileHost } from '../../../src/taskpane/host/FileHost';
import { addScenarioSheet } from '../../../src/taskpane/host/scenarioSheet';

describe('FileHost', () => {
  test('a CSV is one sheet named as the file; an .xlsx gives "file:sheet" per sheet', async () => {
    const host = new FileHost(() => undefined);
    expect(await host.openFile({ name: 'C:\\data\\people.csv', bytes: new TextEncoder().encode('身份证号,姓名\n1,a\n') })).toEqual(['people.csv']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRow(['身份证号', '姓名']);
    wb.addWorksheet('就诊').addRow(['身份证号', '结算日期']);
    addScenarioSheet(wb, { scenarios: [{ name: 's', overrides: {} }] });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await host.openFile({ name: 'roster.xlsx', bytes })).toEqual(['roster.xlsx:人员', 'roster.xlsx:就诊']);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['people.csv', 'roster.xlsx:人员', 'roster.xlsx:就诊']);
    expect((await host.readSheet('roster.xlsx:就诊')).header).toEqual(['身份证号', '结算日期']);
    // the scenarios saved in a downloaded result come back when it is opened
    expect(await host.loadScenarios()).toEqual({ scenarios: [{ name: 's', overrides: {} }] });
  });

  test('writing the result hands the built .xlsx to the saver, under its name', async () => {
    const saved: [string, number][] = [];
    const host = new FileHost((name, bytes) => saved.push([name, bytes.length]));
    const out = await host.writeResult({ sheets: [], charts: [], xlsx: async () => new Uint8Array([1, 2, 3]), fileName: 'r.xlsx' });
    expect(out).toEqual({ written: ['r.xlsx'], replaced: [] });
    expect(saved).toEqual([['r.xlsx', 3]]);
    await expect(host.readSelection()).rejects.toThrow(/selection/);
  });
});
