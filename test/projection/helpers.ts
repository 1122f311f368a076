/** Small hand-made rosters for the projection tests. */
import { D, parseCategories } from '../../src/engine';
import type { Person, Visit } from '../../src/roster/types';

let next = 2;

/** A person on the next people row (row numbers as a sheet with a header in row 1 would give). */
export function person(id: string, categories: string, district = '浉河区', premium?: number | string, rowNumber?: number): Person {
  const p: Person = { rowNumber: rowNumber ?? next++, id, name: `测试${id.slice(-3)}`, categories: parseCategories(categories), district };
  if (premium !== undefined) p.premium = new D(premium);
  return p;
}

export function visit(
  rowNumber: number,
  personId: string,
  date: string,
  kind: 'inpatient' | 'outpatient',
  cost: number | string,
  extra: { referred?: boolean; scheme?: string; totalCost?: number; insurancePaid?: number } = {},
): Visit {
  const v: Visit = { rowNumber, personId, date, kind, cost: new D(cost), referred: extra.referred ?? false };
  if (extra.scheme !== undefined) v.scheme = extra.scheme;
  if (extra.totalCost !== undefined) v.totalCost = new D(extra.totalCost);
  if (extra.insurancePaid !== undefined) v.insurancePaid = new D(extra.insurancePaid);
  return v;
}

/** Amount as "0.00" text, for comparing with hand-worked values. */
export const s2 = (x: { toFixed(n: number): string }): string => x.toFixed(2);
