import { importPeople } from '../../src/roster';
import { expectAccounted, ID_15, ID_A, ID_B, ID_BAD_CHECK, ID_C, ID_D, table } from './helpers';

const H = ['身份证号', '姓名', '人员类别', '区县', '参保档次', '个人缴费'];

describe('importPeople', () => {
  test('good rows become typed Person records', () => {
    const t = table(H, [
      [ID_A, ' 张三 ', '低保对象;孤儿', '金水区', '一档', '380'],
      [ID_B, '李四', '特困', '二七区', '', ''],
    ]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.rows[0]).toMatchObject({ rowNumber: 2, id: ID_A, name: '张三', categories: ['dibao', 'orphan'], district: '金水区', tier: '一档' });
    expect(res.rows[0].premium?.toString()).toBe('380');
    expect(res.rows[1]).not.toHaveProperty('tier');
    expect(res.rows[1]).not.toHaveProperty('premium');
  });

  test('one unknown status in a multi-status cell rejects the row, naming it', () => {
    const t = table(H, [[ID_A, '张三', '低保对象、孤儿、外星人', '金水区']]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.rows).toHaveLength(0);
    expect(res.report.entries).toHaveLength(1);
    expect(res.report.entries[0]).toMatchObject({ code: 'UNKNOWN_CATEGORY', cell: 'C2', value: '低保对象、孤儿、外星人', severity: 'error' });
    expect(res.report.entries[0].zh).toContain('"外星人"');
  });

  test('every problem of a row is reported; amounts: negative, text, Infinity', () => {
    const t = table(H, [
      [ID_BAD_CHECK, '', '', '', '', '-5'],
      [ID_C, '王五', '低保', '中原区', '', 'abc'],
      [ID_D, '赵六', '低保', '中原区', '', Infinity],
      [ID_15, '钱七', '低保', '中原区', '', '1.2万'],
    ]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.entries.filter((e) => e.rowNumber === 2).map((e) => e.code)).toEqual([
      'ROSTER_ID_CHECK_DIGIT', 'ROSTER_BLANK_CELL', 'ROSTER_BLANK_CELL', 'ROSTER_BLANK_CELL', 'ROSTER_OPTIONAL_IGNORED',
    ]);
    // An unusable optional premium leaves the premium unset (the policy's applies) and is flagged:
    // the person and their year are kept (issue 16).
    expect(res.report.entries.find((e) => e.rowNumber === 3)).toMatchObject({ code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning', value: 'abc', cell: 'F3' });
    expect(res.report.entries.find((e) => e.rowNumber === 4)).toMatchObject({ code: 'ROSTER_OPTIONAL_IGNORED', severity: 'warning', value: 'Infinity' });
    // The 15-digit ID is used under its 18-digit form (ID_15 is ID_B's old number), with a warning.
    expect(res.rows.map((p) => p.id)).toEqual([ID_C, ID_D, ID_B]);
    expect(res.rows.map((p) => p.premium?.toString())).toEqual([undefined, undefined, '12000']);
    expect(res.report.entries.find((e) => e.rowNumber === 5)).toMatchObject({ code: 'ROSTER_ID_LEGACY', value: ID_15 });
    expect(res.report.summary).toEqual({ total: 4, used: 3, rejected: 1, warnings: 4, blank: 0 });
  });

  test('duplicate IDs: the later row is rejected and names the first', () => {
    const t = table(H, [
      [ID_A, '张三', '低保', '金水区'],
      [ID_B, '李四', '低保', '金水区'],
      ['11010519491231002x', '张三', '低保', '金水区'],
    ]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.rows.map((p) => p.rowNumber)).toEqual([2, 3]);
    expect(res.report.entries).toHaveLength(1);
    expect(res.report.entries[0]).toMatchObject({ rowNumber: 4, code: 'ROSTER_DUPLICATE_ID' });
    expect(res.report.entries[0].en).toContain('repeats row 2');
  });

  test('blank rows inside a hand-built table are counted, never silent', () => {
    const t = table(H, [[ID_A, '张三', '低保', '金水区'], ['', null, '  '], [ID_B, '李四', '低保', '金水区']]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.summary).toMatchObject({ total: 3, used: 2, blank: 1 });
  });

  test('a row with content only in an unmapped column is rejected, not dropped', () => {
    const t = table([...H, '备注'], [['', '', '', '', '', '', '已迁出']]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.summary.rejected).toBe(1);
  });
});
