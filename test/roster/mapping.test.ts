import { MedaidError } from '../../src/engine/errors';
import { applyMapping, detectMapping, importPeople, importVisits, normalizeHeader, remapColumn } from '../../src/roster';
import { ID_A, table } from './helpers';

describe('header mapping', () => {
  test('Chinese aliases, English aliases, units and marks in headers', () => {
    const t = table(['证件号码', '名字', '救助类别', '县区', '缴费档次', '个人缴费（元）', '备注'], []);
    const m = detectMapping(t, 'people');
    expect(m.columns).toEqual({ id: 0, name: 1, categories: 2, district: 3, tier: 4, premium: 5 });
    expect(m.unmapped).toEqual([{ index: 6, header: '备注' }]);
    expect(m.missing).toEqual([]);

    const v = detectMapping(table(['ID Number', 'date', 'Visit Type', 'scheme', 'Out_of_pocket', 'referred', 'total_cost', 'insurance_paid'], []), 'visits');
    expect(v.columns).toEqual({ id: 0, date: 1, kind: 2, scheme: 3, cost: 4, referred: 5, totalCost: 6, insurancePaid: 7 });

    const w = detectMapping(table(['*身份证号码', '出院日期', '类型', '门诊类型', '政策范围内个人自付', '是否规范转诊省内就医（是/否）', '目录内总费用', '基金支付'], []), 'visits');
    expect(w.columns).toEqual({ id: 0, date: 1, kind: 2, scheme: 3, cost: 4, referred: 5, totalCost: 6, insurancePaid: 7 });
  });

  test('县（市、区） keeps its bracket', () => {
    expect(normalizeHeader('县（市、区）')).toBe('县(市、区)');
    expect(detectMapping(table(['县（市、区）'], []), 'people').columns).toEqual({ district: 0 });
  });

  test('missing required column: bilingual error naming it and listing the headers found', () => {
    const t = table(['身份证号', '姓名', '区县'], [[ID_A, '张三', '金水区']]);
    const m = detectMapping(t, 'people');
    expect(m.missing).toEqual(['categories']);
    let err: MedaidError | undefined;
    try {
      importPeople(t, m);
    } catch (e) {
      err = e as MedaidError;
    }
    expect(err?.code).toBe('ROSTER_MISSING_COLUMN');
    expect(err?.zh).toContain('“人员类别”');
    expect(err?.zh).toContain('A 身份证号、B 姓名、C 区县');
    expect(err?.en).toContain('"category" (人员类别)');
    expect(err?.en).toContain('Headers found: A 身份证号');
  });

  test('the user can edit the mapping; applyMapping re-checks it', () => {
    const t = table(['身份证号', '姓名', '身份', '区县'], [[ID_A, '张三', '低保', '金水区']]);
    let m = detectMapping(t, 'people');
    expect(m.missing).toEqual(['categories']);
    expect(m.unmapped).toEqual([{ index: 2, header: '身份' }]);
    m = remapColumn(t, m, 'categories', 2);
    expect(m.missing).toEqual([]);
    expect(m.unmapped).toEqual([]);
    expect(importPeople(t, m).rows[0].categories).toEqual(['dibao']);

    // Moving 'name' onto column 2 takes it away from categories.
    const moved = remapColumn(t, m, 'name', 2);
    expect(moved.columns).toEqual({ id: 0, name: 2, district: 3 });
    expect(moved.missing).toEqual(['categories']);

    // A hand-edited mapping with stale `missing` and a shared column is refused.
    expect(() => applyMapping(t, { ...m, columns: { ...m.columns, name: 2 }, missing: [] })).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_MAPPING' }));
    expect(() => applyMapping(t, { ...m, columns: { id: 0, name: 1, district: 3 }, missing: [] })).toThrow(expect.objectContaining({ code: 'ROSTER_MISSING_COLUMN' }));
    expect(() => importVisits(t, m as never)).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_MAPPING' }));
  });

  test('first column wins when two headers name one field', () => {
    const m = detectMapping(table(['身份证号', '身份证号码'], []), 'people');
    expect(m.columns.id).toBe(0);
    expect(m.unmapped).toEqual([{ index: 1, header: '身份证号码' }]);
  });
});
