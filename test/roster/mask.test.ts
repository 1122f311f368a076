import { maskId, maskName, maskReport, importVisits } from '../../src/roster';
import { Masker } from '../../src/roster/mask';
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

describe('Masker: the one masking point (issue 12 item 2)', () => {
  test('an ID anywhere in a text is starred (18, 15, full-width, spaced, Excel number form)', () => {
    const m = new Masker();
    expect(m.text(`重复：与第 3 行 ${ID_A} 相同`)).toBe(`重复：与第 3 行 ${ID_A.slice(0, 4)}**********${ID_A.slice(-4)} 相同`);
    expect(m.text('旧号 410102900101123 已转换')).toBe('旧号 4101*******1123 已转换');
    expect(m.text('４１０１０２１９９００１０１１２３X')).toBe('４１０１**********１２３X');
    expect(m.text('4101 0219 9001 0112 3X')).toBe('4101 **** **** ***2 3X');
    expect(m.text('Excel 显示 4.10102199001011E+17')).toBe('Excel 显示 4.1*************E+17');
    // Row numbers, amounts and dates stay readable.
    expect(m.text('第 1048576 行 12345678.90 元 2024-03-05')).toBe('第 1048576 行 12345678.90 元 2024-03-05');
  });

  test('known names are masked inside any text; one-character names only in name fields', () => {
    const m = new Masker(['欧阳娜娜', '王']);
    expect(m.text('欧阳娜娜 的类别为空')).toBe('欧*** 的类别为空');
    expect(m.text('王庄镇')).toBe('王庄镇');
  });

  test('among many known names, every one a text holds is masked: overlapping, repeated, at either end, rare characters', () => {
    // 40,000 other names, so a slip in the one-pass look-up (by position and length) shows.
    const others = Array.from({ length: 40_000 }, (_, i) => `某${String.fromCharCode(0x4e00 + (i % 20000))}${String.fromCharCode(0x5000 + Math.floor(i / 20000))}`);
    const m = new Masker([...others, '欧阳娜娜', '娜娜', '李王', '王小明', '𠀋明']);
    expect(m.text('欧阳娜娜和娜娜')).toBe('欧***和娜*');
    // Longest first, as the masker always did: 王小明 → 王** before 李王 → 李*.
    expect(m.text('李王小明')).toBe('李***');
    expect(m.text('王小明')).toBe('王**');
    expect(m.text('𠀋明来电，𠀋明')).toBe('𠀋*来电，𠀋*');
    expect(m.text(`${others[39_999]} 与 ${others[0]}`)).toBe(`某** 与 某**`);
    expect(m.text('没有人名的句子')).toBe('没有人名的句子');
  });

  test('a raw cell quoted in a masked report is cut where another cell or row begins', () => {
    const m = new Masker();
    const e = { sheet: 'p.csv', rowNumber: 9, column: '人员类别', cell: 'C9', value: `低保对象,浉河区,380\n${ID_B},李四,特困人员`, field: 'categories' as const, code: 'UNKNOWN_CATEGORY' as const, severity: 'error' as const, zh: `未知人员类别 "低保对象,浉河区,380\n${ID_B},李四,特困人员"`, en: 'x' };
    const out = m.entry(e);
    expect(out.value).toBe('低保对象…（其余已隐去 / rest hidden）');
    expect(out.zh).toBe('未知人员类别 "低保对象…（其余已隐去 / rest hidden）"');
    expect(out.zh).not.toContain('李四');
  });

  test('a short ID value is replaced only where the message quotes it', () => {
    const e = { sheet: 'p', rowNumber: 10, column: '身份证号', cell: 'A10', value: '0', field: 'id' as const, code: 'ROSTER_ID_FORMAT' as const, severity: 'error' as const, zh: '第 10 行：身份证号 "0" 格式不对', en: 'row 10: ID "0" is not valid' };
    expect(maskReport([e])[0].zh).toBe('第 10 行：身份证号 "*" 格式不对');
  });
});
