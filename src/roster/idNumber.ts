/**
 * Resident ID numbers (公民身份号码, GB 11643-1999). They are the join key between the
 * people and visits tables, so they stay text and are checked hard: an ID Excel has
 * turned into a number has lost its last digits and cannot be repaired by us, a wrong
 * check digit is a typing error that would make a visit miss its person.
 */
import { MedaidError, inputText } from '../engine/errors';
import { isValidYmd } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

const WS = /\s+/g;
const EXCEL_TEXT_FORMULA = /^="(.*)"$/; // ="1101…" — an export trick to keep IDs as text
const SCIENTIFIC = /^\d(\.\d+)?E[+]?\d+$/;
const DECIMAL = /^\d+\.\d+$/;
const ID18 = /^\d{17}[\dX]$/;
const ID15 = /^\d{15}$/;
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u202A-\u202E]/;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');

/** Check character for the first 17 digits: Σ digit×weight mod 11 → "10X98765432". */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * A legacy 15-digit number to its 18-digit form by GB 11643-1999: the two-digit birth year
 * becomes 19yy (15-digit numbers were issued to people born in the 1900s) and the check
 * character is appended. 410102900101123 → 41010219900101123 + "4".
 */
export function id15to18(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/**
 * Excel shows a big number as 4.10102199001011E+17 (15 significant digits); the message
 * quotes it the same way, so the user can find it. A number with more digits than Excel
 * keeps (from a program, not a sheet) is shown as Excel would show it, not as
 * 4.1010219900101126E+17 (found by test/hardening/roster-matrix).
 */
function numberAsShown(n: number): string {
  if (Number.isFinite(n) && Math.abs(n) >= 1e15) return Number(n.toPrecision(15)).toExponential().toUpperCase();
  return !Number.isInteger(n) ? n.toExponential().toUpperCase() : String(n);
}

const THIS_YEAR = new Date().getUTCFullYear();

function birthOk(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= THIS_YEAR && isValidYmd(y, m, d);
}

const digitsAt = (t: string, from: number, n: number): number => {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + t.charCodeAt(from + i) - 48;
  return v;
};

/** Whether the 18 characters of t from `from` (17 digits and a digit or X) carry the right check character. */
export function id18CheckOk(t: string, from = 0): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (t.charCodeAt(from + i) - 48) * WEIGHTS[i];
  return t.charCodeAt(from + 17) === CHECK_CHARS.charCodeAt(sum % 11);
}

/** Whether the birth date inside an 18-character ID (characters 7–14) is a real date from 1900 to this year. */
export function id18BirthOk(t: string, from = 0): boolean {
  return birthOk(digitsAt(t, from + 6, 4), digitsAt(t, from + 10, 2), digitsAt(t, from + 12, 2));
}

/** Text as typed to canonical text: full-width → ASCII, no spaces, no ' or ="…", X uppercase. */
export function normalizeIdText(s: string): string {
  let t = s.normalize('NFKC').replace(WS, '');
  const m = EXCEL_TEXT_FORMULA.exec(t);
  if (m) t = m[1];
  if (t.startsWith("'")) t = t.slice(1);
  return t.toUpperCase();
}

/**
 * A cell to a checked ID number, always 18 characters of text. Errors throw (the row is
 * rejected); warnings (a legacy 15-digit number, converted to 18 digits; an ID stored as a
 * number but complete) go to `warn` and the ID is used. The report keeps the cell as written.
 */
export function parseIdNumber(raw: unknown, column: string, warn: (w: MedaidError) => void): string {
  let text: string;
  let wasNumber = false;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    throw new MedaidError('ROSTER_BLANK_CELL', { column, what: '身份证号', whatEn: 'the ID number' });
  }
  if (typeof raw === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed into a General cell comes
    // back as 4.10102199001011E+17 with its last 3 digits zeroed. Refuse, never guess.
    if (!Number.isFinite(raw) || !Number.isInteger(raw) || Math.abs(raw) >= 1e15) {
      throw new MedaidError('ROSTER_ID_PRECISION_LOST', { value: numberAsShown(raw) });
    }
    text = String(raw);
    wasNumber = true;
  } else if (typeof raw === 'string') {
    let str = raw;
    if (INVISIBLE.test(str)) {
      // Zero-width spaces, soft hyphens, a BOM… pasted from web pages: never part of an ID.
      // Removed, and said, so a message never quotes an ID that looks right but does not match.
      warn(new MedaidError('ROSTER_ID_INVISIBLE', { value: str.replace(INVISIBLE_G, ''), chars: [...new Set(str.match(INVISIBLE_G) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ') }));
      str = str.replace(INVISIBLE_G, '');
    }
    text = normalizeIdText(str);
    if (SCIENTIFIC.test(text) || DECIMAL.test(text)) throw new MedaidError('ROSTER_ID_PRECISION_LOST', { value: str.trim() });
  } else {
    throw new MedaidError('ROSTER_ID_FORMAT', { value: inputText(raw) });
  }

  if (ID18.test(text)) {
    if (!id18CheckOk(text)) throw new MedaidError('ROSTER_ID_CHECK_DIGIT', { value: text, expected: idCheckChar(text) });
    if (!id18BirthOk(text)) throw new MedaidError('ROSTER_ID_BIRTH_DATE', { value: text, birth: text.slice(6, 14) });
    return text;
  }
  if (ID15.test(text)) {
    const y = 1900 + +text.slice(6, 8), m = +text.slice(8, 10), d = +text.slice(10, 12);
    if (!birthOk(y, m, d)) throw new MedaidError('ROSTER_ID_BIRTH_DATE', { value: text, birth: `19${text.slice(6, 12)}` });
    if (wasNumber) warn(new MedaidError('ROSTER_ID_AS_NUMBER', { value: text }));
    // Matched under its 18-digit form, so the same person under both numbers is one person
    // (one premium subsidy, one set of caps) and a visit with either number finds them (issue 16).
    const id18 = id15to18(text);
    warn(new MedaidError('ROSTER_ID_LEGACY', { value: text, converted: id18 }));
    return id18;
  }
  throw new MedaidError('ROSTER_ID_FORMAT', { value: text });
}
