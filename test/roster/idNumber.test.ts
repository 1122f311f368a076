import { MedaidError } from '../../src/engine/errors';
import { idCheckChar, parseIdNumber } from '../../src/roster';
import { ID_15, ID_A, ID_B, ID_BAD_CHECK, ID_C, ID_D } from './helpers';

function parse(raw: unknown) {
  const warnings: MedaidError[] = [];
  try {
    return { id: parseIdNumber(raw, '身份证号', (w) => warnings.push(w)), warnings, error: undefined as MedaidError | undefined };
  } catch (e) {
    return { id: undefined, warnings, error: e as MedaidError };
  }
}

describe('ID numbers (GB 11643-1999)', () => {
  test('check character of hand-worked examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('41010219900101123')).toBe('4');
    expect(idCheckChar('44030520001225001')).toBe('2');
    expect(idCheckChar('32010219850615002')).toBe('2');
  });

  test.each([ID_A, ID_B, ID_C, ID_D])('valid %s is accepted without warnings', (id) => {
    expect(parse(id)).toMatchObject({ id, warnings: [] });
  });

  test('lower-case x, spaces, full-width digits, a leading apostrophe and ="…" are normalised', () => {
    expect(parse('11010519491231002x').id).toBe(ID_A);
    expect(parse(' 1101 0519 4912 3100 2X ').id).toBe(ID_A);
    expect(parse('\t410102199001011234').id).toBe(ID_B);
    expect(parse('４１０１０２１９９００１０１１２３４').id).toBe(ID_B);
    expect(parse("'410102199001011234").id).toBe(ID_B);
    expect(parse('="410102199001011234"').id).toBe(ID_B);
  });

  test('wrong check digit is an error naming the expected one', () => {
    const r = parse(ID_BAD_CHECK);
    expect(r.error?.code).toBe('ROSTER_ID_CHECK_DIGIT');
    expect(r.error?.details.expected).toBe('4');
    expect(r.error?.zh).toContain(ID_BAD_CHECK);
    expect(r.error?.en).toContain('check digit');
  });

  test('impossible birth date (with a correct check digit) is an error', () => {
    // 110105 19490231 002 + check: 7+9+0+5+0+20+2+9+24+27+0+18+30+5+0+0+4 = 160 → 160 mod 11 = 6 → 6
    expect(idCheckChar('11010519490231002')).toBe('6');
    expect(parse('110105194902310026').error?.code).toBe('ROSTER_ID_BIRTH_DATE');
  });

  test('legacy 15-digit ID: converted to 18 digits by GB 11643 for matching, with a warning (issue 16)', () => {
    // 410102 + 19 + 900101123 = 41010219900101123, check character 4 (worked in helpers.ts: Σ = 151).
    const r = parse(ID_15);
    expect(r.id).toBe(ID_B);
    expect(r.warnings[0].zh).toContain(ID_15);
    expect(r.warnings[0].zh).toContain(ID_B);
    expect(r.warnings.map((w) => w.code)).toEqual(['ROSTER_ID_LEGACY']);
  });

  test('ID that Excel stored as a number has lost digits: error, never fixed', () => {
    const r = parse(4.10102199001011e17);
    expect(r.error?.code).toBe('ROSTER_ID_PRECISION_LOST');
    expect(r.error?.details.value).toBe('4.10102199001011E+17');
    expect(r.error?.en).toContain('format the column as text and re-enter');
    expect(r.error?.zh).toContain('文本');
    expect(parse('4.10102199001011E+17').error?.code).toBe('ROSTER_ID_PRECISION_LOST');
    expect(parse('410102199001011000.5').error?.code).toBe('ROSTER_ID_PRECISION_LOST');
    expect(parse(410102199001011.5).error?.code).toBe('ROSTER_ID_PRECISION_LOST');
  });

  test('a 15-digit ID stored as a number is complete: used, with two warnings', () => {
    const r = parse(410102900101123);
    expect(r.id).toBe(ID_B);
    expect(r.warnings.map((w) => w.code)).toEqual(['ROSTER_ID_AS_NUMBER', 'ROSTER_ID_LEGACY']);
  });

  test('blank, wrong length, letters', () => {
    expect(parse('').error?.code).toBe('ROSTER_BLANK_CELL');
    expect(parse(null).error?.code).toBe('ROSTER_BLANK_CELL');
    expect(parse('41010219900101123').error?.code).toBe('ROSTER_ID_FORMAT');
    expect(parse('4101021990010112345').error?.code).toBe('ROSTER_ID_FORMAT');
    expect(parse('41010219900101123Y').error?.code).toBe('ROSTER_ID_FORMAT');
    expect(parse(12345).error?.code).toBe('ROSTER_ID_FORMAT');
    expect(parse(true).error?.code).toBe('ROSTER_ID_FORMAT');
  });
});
