/**
 * Cell parsers shared by the people and visits importers, each with the signature
 * RowReader.read expects: (raw, column header, warn) → value, or throw a MedaidError.
 */
import { parseCategories, type CategoryId } from '../engine/categories';
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

/** Required amount: blank is BLANK_AMOUNT; text, negative, NaN are errors naming the value. */
export function requiredAmount(raw: unknown, column: string): Dec {
  return parseAmount(typeof raw === 'string' ? raw.trim() : raw, column);
}

/** Optional amount: blank → undefined, anything else must be a valid amount. */
export function optionalAmount(raw: unknown, column: string): Dec | undefined {
  return isBlankCell(raw) ? undefined : parseAmount(typeof raw === 'string' ? raw.trim() : raw, column);
}

/** Categories: every status in a multi-status cell must be known (the error names the unknown one). */
export function categoriesCell(raw: unknown, column: string): CategoryId[] {
  if (isBlankCell(raw)) throw new MedaidError('ROSTER_BLANK_CELL', { column, what: '人员类别（如 低保对象、特困人员；多个用 ; 或 、 分隔）', whatEn: 'the category (e.g. 低保对象, 特困人员; separate several with ; or 、)' });
  return parseCategories(inputText(raw));
}
