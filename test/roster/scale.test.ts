/**
 * A 100k-row roster imports whole: every row accounted for at scale. (Speed itself is
 * measured in `npm run bench`, never asserted in a unit test.)
 */
import { importPeople, importVisits, idCheckChar, type RawTable } from '../../src/roster';

function makeId(i: number): string {
  const first17 = `410102${1950 + (Math.floor(i / 1000) % 50)}0101${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

test('100k people and 100k visits', () => {
  const n = 100000;
  const ids = Array.from({ length: n }, (_, i) => makeId(i));
  const people: RawTable = {
    sheet: 'P', headerRow: 1, header: ['身份证号', '姓名', '人员类别', '区县'],
    rows: ids.map((id, i) => ({ rowNumber: i + 2, cells: [id, '张三', i % 7 ? '低保对象' : '低保;孤儿', '金水区'] })),
  };
  const visits: RawTable = {
    sheet: 'V', headerRow: 1, header: ['身份证号', '结算日期', '就诊类型', '政策范围内自付', '规范转诊'],
    rows: ids.map((id, i) => ({ rowNumber: i + 2, cells: [id, i % 2 ? '2024/3/5' : 45356, i % 3 ? '住院' : '门诊-慢特病', '1,234.5', '是'] })),
  };
  const p = importPeople(people);
  const v = importVisits(visits, undefined, { year: 2024, people: p.rows });
  // makeId repeats every 50,000 (50 years × 1000): the second half are duplicates.
  expect(p.report.summary.used).toBe(50000);
  expect(p.report.summary.rejected).toBe(50000);
  expect(v.report.summary.used).toBe(n);
  // Visits of the rejected duplicates still match an accepted person with the same ID.
  expect(v.report.summary.rejected).toBe(0);
});
