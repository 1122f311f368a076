import { defaultEngine } from '../../src/engine';
import { readCsv } from '../../src/roster/csv';
import { detectMapping, remapColumn } from '../../src/roster/mapping';
import { canRun, checkRoster, columnChoices, groupMoney, mappingRows, previewRows, regionOptions, reportEntries, yearOptions } from '../../src/taskpane/paneLogic';

const PEOPLE = '身份证号,姓名,人员类别,区县\n41152219640620205X,刘云,特困人员,光山县\n411524194203289882,严辉丽,低保对象,商城县\n\n411524194203289881,严辉丽,低保对象,商城县\n';
const VISITS = '身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n41152219640620205X,2024-04-11,住院,2458.22,否\n41152219640620205X,2023-12-30,住院,100,否\n';

describe('pane logic', () => {
  const people = readCsv(PEOPLE, { sheet: 'people.csv' });
  const visits = readCsv(VISITS, { sheet: 'visits.csv' });

  test('regions and years come from the built-in policies', () => {
    const regions = regionOptions(defaultEngine());
    const xy = regions.find((r) => r.zh === '信阳市')!;
    expect(xy.years).toEqual([2024]);
    expect(yearOptions(xy, 2025)).toEqual([2024, 2025, 2026]);
  });

  test('every row is accounted for: used, rejected (with the row and reason) or blank', () => {
    const check = checkRoster(people, visits, detectMapping(people, 'people'), detectMapping(visits, 'visits'), 2024);
    // Row 3's ID 411524194203289882 has a wrong check digit (the right one is 1, as row 5 has); row 4 is blank.
    expect(check.people!.report.summary).toMatchObject({ total: 4, used: 2, rejected: 1, blank: 1 });
    const problems = reportEntries(check.people!.report, false);
    expect(problems[0]).toMatchObject({ rowNumber: 3, cell: 'A3', severity: 'error' });
    expect(problems[0].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problems[0].en).toMatch(/[a-z]/);
    // The 2023-12-30 visit is outside the projection year 2024: rejected, row 3.
    expect(check.visits!.report.summary).toMatchObject({ total: 2, used: 1, rejected: 1 });
    expect(reportEntries(check.visits!.report, false)[0]).toMatchObject({ rowNumber: 3, code: 'ROSTER_DATE_OUT_OF_YEAR' });
    expect(canRun(check)).toBe(true);
  });

  test('masking hides the ID in the problem list', () => {
    const check = checkRoster(people, undefined, detectMapping(people, 'people'), undefined, 2024);
    const masked = reportEntries(check.people!.report, true)[0];
    expect(masked.value).toBe('4115**********9882');
    expect(masked.zh).not.toContain('411524194203289882');
  });

  test('an edited mapping that leaves a required field without a column is an error, not a crash', () => {
    const m = remapColumn(people, detectMapping(people, 'people'), 'district', undefined);
    const check = checkRoster(people, undefined, m, undefined, 2024);
    expect(check.people).toBeUndefined();
    expect(check.peopleError!.zh).toContain('区县');
    expect(check.peopleError!.en).toMatch(/district/);
    expect(canRun(check)).toBe(false);
  });

  test('mapping rows, column choices and preview show what the file has', () => {
    const m = detectMapping(people, 'people');
    expect(mappingRows(m).map((r) => [r.field, r.column, r.required])).toEqual([
      ['id', 0, true], ['name', 1, true], ['categories', 2, true], ['district', 3, true], ['tier', undefined, false], ['premium', undefined, false],
    ]);
    expect(columnChoices(people).map((c) => c.label)).toEqual(['A 身份证号', 'B 姓名', 'C 人员类别', 'D 区县']);
    expect(previewRows(people, 1)).toEqual([{ rowNumber: 2, cells: ['41152219640620205X', '刘云', '特困人员', '光山县'] }]);
  });

  test('money is grouped from its exact text, never through a float', () => {
    expect(groupMoney('11488317.36')).toBe('11,488,317.36');
    expect(groupMoney('-1234.5')).toBe('-1,234.50');
    expect(groupMoney('0')).toBe('0.00');
    expect(groupMoney('90071992547409.93')).toBe('90,071,992,547,409.93');
  });
});
