import { excelSerialToIso, parseRosterDate } from '../../src/roster';

const p = (v: unknown) => parseRosterDate(v, '结算日期');

describe('roster dates', () => {
  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年03月05号', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-03-05 14:30:00', '2024-03-05'],
    ['2024-03-05T00:00:00.000Z', '2024-03-05'],
    [' 2024/12/31 ', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
  ])('text %p → %s', (raw, iso) => expect(p(raw)).toBe(iso));

  test('Excel serial numbers, 1900 system', () => {
    // 45356 days after 1899-12-30 is 2024-03-05 (45292 = 2024-01-01, +64 days).
    expect(p(45292)).toBe('2024-01-01');
    expect(p(45356)).toBe('2024-03-05');
    expect(p(45356.75)).toBe('2024-03-05'); // time of day dropped
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined(); // Excel's phantom 1900-02-29
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(0)).toBeUndefined();
  });

  test('an 8-digit number is YYYYMMDD', () => {
    expect(p(20240305)).toBe('2024-03-05');
  });

  test('JS Date uses UTC fields (no time-zone shift)', () => {
    expect(p(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(p(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toBe('2024-03-05');
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024/3', 'abc', '', '3/5/2024', '20241301', '2024-3-5-6'])('invalid %p → ROSTER_BAD_DATE', (raw) => {
    expect(() => p(raw)).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_DATE' }));
  });

  test('invalid Date, 60, booleans are errors naming the value', () => {
    expect(() => p(new Date(NaN))).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_DATE' }));
    expect(() => p(60)).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_DATE' }));
    expect(() => p(true)).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_DATE' }));
    try {
      p('2024-02-30');
    } catch (e) {
      expect((e as Error).message).toContain('"2024-02-30"');
      expect((e as Error).message).toContain('结算日期');
    }
  });
});
