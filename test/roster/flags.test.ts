import { parseVisitKind, parseYesNo } from '../../src/roster';

describe('referral flag', () => {
  test.each([
    ['是', true], ['否', false], ['Y', true], ['n', false], ['TRUE', true], ['false', false], ['1', true], ['0', false],
    [1, true], [0, false], [true, true], [false, false], [' 是 ', true], ['Ｙ', true], ['yes', true], ['No', false],
  ])('%p → %p', (raw, v) => expect(parseYesNo(raw, '规范转诊')).toBe(v));

  test('blank → undefined (the importer decides)', () => {
    expect(parseYesNo('', 'x')).toBeUndefined();
    expect(parseYesNo(null, 'x')).toBeUndefined();
  });

  test.each(['可能', '2', 2, 'yess'])('%p → ROSTER_BAD_FLAG naming the value', (raw) => {
    expect(() => parseYesNo(raw, '规范转诊')).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_FLAG', details: { column: '规范转诊', value: String(raw) } }));
  });
});

describe('visit type', () => {
  test.each([
    ['住院', { kind: 'inpatient' }],
    ['住院治疗', { kind: 'inpatient' }],
    ['Inpatient', { kind: 'inpatient' }],
    ['门诊', { kind: 'outpatient' }],
    ['outpatient', { kind: 'outpatient' }],
    ['门诊-慢特病', { kind: 'outpatient', scheme: '慢特病' }],
    ['门诊（罕见病）', { kind: 'outpatient', scheme: '罕见病' }],
    ['门诊:特药', { kind: 'outpatient', scheme: '特药' }],
    ['门诊慢特病', { kind: 'outpatient', scheme: '慢特病' }],
    ['门诊 9类病种', { kind: 'outpatient', scheme: '9类病种' }],
    ['outpatient - rare disease', { kind: 'outpatient', scheme: 'rare disease' }],
  ])('%p', (raw, v) => expect(parseVisitKind(raw, '就诊类型')).toEqual(v));

  test('unknown and blank', () => {
    expect(() => parseVisitKind('体检', '就诊类型')).toThrow(expect.objectContaining({ code: 'ROSTER_BAD_VISIT_KIND' }));
    expect(() => parseVisitKind('', '就诊类型')).toThrow(expect.objectContaining({ code: 'ROSTER_BLANK_CELL' }));
  });
});
