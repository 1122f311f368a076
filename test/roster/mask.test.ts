import { maskId, maskName, maskReport, importVisits } from '../../src/roster';
import { ID_A, ID_B, table } from './helpers';

describe('masking', () => {
  test('IDs keep first 4 and last 4', () => {
    expect(maskId('41010219900101123X')).toBe('4101**********123X');
    expect(maskId('410102900101123')).toBe('4101*******1123');
    expect(maskId('')).toBe('');
    expect(maskId('12345')).toBe('1***5');
  });

  test('names keep the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('买买提·艾力')).toBe('买**·**');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠮷野')).toBe('𠮷*'); // a surrogate-pair character counts as one
  });

  test('maskReport masks ID values and the IDs quoted in messages', () => {
    const t = table(['身份证号', '结算日期', '就诊类型', '政策范围内自付', '规范转诊'], [[ID_B, '2024-01-01', '住院', '100', '是']]);
    const { report } = importVisits(t, undefined, { people: new Set([ID_A]) });
    expect(report.entries[0].zh).toContain(ID_B);
    const masked = maskReport(report.entries);
    expect(masked[0].value).toBe('4101**********1234');
    expect(masked[0].zh).not.toContain(ID_B);
    expect(masked[0].en).toContain('4101**********1234');
  });

  test('maskReport masks name values', () => {
    const e = { sheet: 'P', rowNumber: 2, column: '姓名', value: '欧阳娜娜', field: 'name' as const, code: 'ROSTER_BLANK_CELL' as const, severity: 'warning' as const, zh: '', en: '' };
    expect(maskReport([e])[0].value).toBe('欧***');
  });
});
