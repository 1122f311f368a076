import { cleanSheetName, freeSheetName, planOutputSheets, MAX_SHEET_NAME } from '../../../src/taskpane/host/outputNames';

describe('output sheet names', () => {
  test('a free name is used as it is; a taken one (case-insensitive, as Excel compares) gets (2), (3)…', () => {
    expect(freeSheetName('救助测算-汇总', ['人员'])).toBe('救助测算-汇总');
    expect(freeSheetName('MedAid-Summary', ['medaid-summary'])).toBe('MedAid-Summary (2)');
    expect(freeSheetName('救助测算-汇总', ['救助测算-汇总', '救助测算-汇总 (2)'])).toBe('救助测算-汇总 (3)');
  });

  test("names keep Excel's limits: 31 characters, no : \\ / ? * [ ]", () => {
    expect(cleanSheetName('a:b/c?d*e[f]g\\h')).toBe('a_b_c_d_e_f_g_h');
    const long = 'x'.repeat(40);
    expect(cleanSheetName(long)).toHaveLength(MAX_SHEET_NAME);
    expect(freeSheetName(long, [long.slice(0, 31)])).toBe('x'.repeat(27) + ' (2)');
  });

  test('only sheets proven own are removed; user sheets keep their names', () => {
    const existing = [
      { id: 'u1', name: '救助测算-汇总', own: false }, // the user's, named like ours
      { id: 'o1', name: '救助测算-汇总 (2)', own: true },
      { id: 'o2', name: '救助测算-明细', own: true },
    ];
    const plan = planOutputSheets(existing, ['汇总', '明细'], '救助测算-');
    expect(plan.remove.map((s) => s.id)).toEqual(['o1', 'o2']);
    expect(plan.names).toEqual(['救助测算-汇总 (2)', '救助测算-明细']);
  });
});
