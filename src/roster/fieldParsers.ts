/**
 * Cell parsers shared by the people and visits importers, each with the signature
 * RowReader.read expects: (raw, column header, warn) → value, or throw a MedaidError.
 */
import { categoryMapping, categoryParts, parseCategories, type CategoryId } from '../engine/categories';
import { MedaidError, inputText } from '../engine/errors';
import { parseAmount, type Dec } from '../engine/money';
import { isBlankCell } from './cells';

/** Required text (name, district): trimmed, blank is an error saying what to fill in. */
export function requiredText(what: string, whatEn: string) {
  return (raw: unknown, column: string): string => {
    if (isBlankCell(raw)) throw new MedaidError('ROSTER_BLANK_CELL', { column, what, whatEn });
    return inputText(raw).trim();
  };
}

/** Optional text: blank → undefined. */
export function optionalText(raw: unknown): string | undefined {
  return isBlankCell(raw) ? undefined : inputText(raw).trim();
}

/**
 * An amount with part of a fen (6995.635) is used exactly as written — rounding happens at
 * the documented points of the computation (ruling 1), never on input — but it is usually a
 * typing or export error, so it is said (issue 12 item 5).
 */
function warnSubFen(v: Dec, raw: unknown, column: string, warn: (w: MedaidError) => void): Dec {
  if (v.decimalPlaces() > 2) warn(new MedaidError('ROSTER_SUB_FEN', { column, value: inputText(raw).trim(), places: v.decimalPlaces() }));
  return v;
}

/** Required amount: blank is BLANK_AMOUNT; text, negative, NaN are errors naming the value. */
export function requiredAmount(raw: unknown, column: string, warn: (w: MedaidError) => void = () => {}): Dec {
  return warnSubFen(parseAmount(typeof raw === 'string' ? raw.trim() : raw, column), raw, column, warn);
}

// A unit per person / per year after the amount: 380元/年, 380/人, 380元/人/年, 380 元每年.
const PER_UNIT = /\s*元?\s*(?:[/／每]\s*(?:人|年|人\s*[/／·]?\s*年))+\s*$/;
// What exports put in an empty optional cell.
const PLACEHOLDER = /^(?:[-—–_/／\\~～.·*]+|无|暂无|空|n\/?a|null|none|nil)$/i;

/**
 * Optional amount: blank → undefined. A value that cannot be read ("—", "待定", "-5") is
 * NOT a reason to drop the row — for a person row that would drop their whole year and
 * every visit (issue 16): the field is left unset, so its default applies (the policy's
 * premium; no total), and the cell gets a warning naming it. "380元/年" is 380.
 */
export function optionalAmount(raw: unknown, column: string, warn: (w: MedaidError) => void = () => {}): Dec | undefined {
  if (isBlankCell(raw)) return undefined;
  let v: unknown = raw;
  if (typeof raw === 'string') {
    const t = raw.normalize('NFKC').trim();
    if (PLACEHOLDER.test(t)) {
      warn(new MedaidError('ROSTER_OPTIONAL_IGNORED', { column, value: raw, reason: '表示“无”的占位符', reasonEn: 'a placeholder for "none"' }));
      return undefined;
    }
    v = t.replace(PER_UNIT, '');
  }
  let amount: Dec;
  try {
    amount = parseAmount(v, column);
  } catch (e) {
    if (!(e instanceof MedaidError)) throw e;
    warn(new MedaidError('ROSTER_OPTIONAL_IGNORED', { column, value: inputText(raw), reason: e.zh, reasonEn: e.en }));
    return undefined;
  }
  return warnSubFen(amount, raw, column, warn);
}

/** Categories: every status in a multi-status cell must be known (the error names the unknown one). */
export function categoriesCell(raw: unknown, column: string, warn: (w: MedaidError) => void = () => {}): CategoryId[] {
  if (isBlankCell(raw)) throw new MedaidError('ROSTER_BLANK_CELL', { column, what: '人员类别（如 低保对象、特困人员；多个用 ; 或 、 分隔）', whatEn: 'the category (e.g. 低保对象, 特困人员; separate several with ; or 、)' });
  const ids = parseCategories(inputText(raw));
  // Historical and traditional-character names are understood, and the report says as what (issue 12 item 6).
  const mapped = categoryParts(inputText(raw)).map(categoryMapping).filter((m) => m !== undefined);
  if (mapped.length) {
    warn(new MedaidError('ROSTER_CATEGORY_MAPPED', { column, mapping: mapped.map((m) => `${m!.from} → ${m!.to}`).join('、') }));
  }
  return ids;
}
