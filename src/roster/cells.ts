/**
 * Small helpers about cell values and addresses shared by sources and importers.
 */
import { inputText } from '../engine/errors';

/** A formula cell the file holds no calculated value for (see xlsx.ts). Never blank, never a number. */
export class UncachedFormula {
  constructor(readonly formula: string) {}
  toString(): string {
    return `=${this.formula}`;
  }
}

/** A cell with nothing in it: null, undefined, '' or only whitespace. */
export function isBlankCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a cell given its 0-based sheet column and 1-based row. */
export function a1(columnIndex: number, rowNumber: number): string {
  return `${columnLetter(columnIndex)}${rowNumber}`;
}

/**
 * The cell as the user would read it, for report entries. Numbers use JS's shortest
 * form except very large ones, which Excel shows in E notation anyway.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  return inputText(v);
}
