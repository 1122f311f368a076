import { importVisits, readRangeValues } from '../../src/roster';
import { expectAccounted, ID_A, ID_B } from './helpers';

describe('Excel range.values source', () => {
  test('row numbers and cell addresses follow the range position', () => {
    const values = [
      ['身份证号', '结算日期', '就诊类型', '门诊救助类型', '政策范围内自付', '规范转诊'],
      [ID_A, 45356, '门诊', '罕见病', 500, 1],
      ['', '', '', '', '', ''],
      [ID_B, 45356, '住院', '', 'abc', '是'],
    ];
    const t = readRangeValues(values, { sheet: 'Visits', topRow: 5, leftColumn: 'C' });
    expect(t.headerRow).toBe(5);
    const res = importVisits(t);
    expectAccounted(res, t);
    expect(res.report.summary).toEqual({ total: 3, used: 1, rejected: 1, warnings: 0, blank: 1 });
    expect(res.rows[0]).toMatchObject({ rowNumber: 6, personId: ID_A, date: '2024-03-05', kind: 'outpatient', scheme: '罕见病', referred: true });
    // 政策范围内自付 is the 5th column of a range starting at C → G; row 8.
    expect(res.report.entries[0]).toMatchObject({ rowNumber: 8, cell: 'G8', code: 'BAD_AMOUNT', value: 'abc' });
    expect(res.report.entries[0].zh).toContain('Visits!G8');
  });
});
