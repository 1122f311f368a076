/**
 * People table → Person records. Each row is used or rejected as a whole; every problem
 * is a report entry. An ID number may appear once: a later duplicate is rejected and the
 * message names the first row, because two rows for one person would double their
 * premium subsidy and split their annual caps.
 */
import { MedaidError } from '../engine/errors';
import { isBlankRow } from './cells';
import { categoriesCell, optionalAmount, optionalText, requiredText } from './fieldParsers';
import { parseIdNumber } from './idNumber';
import { applyMapping, detectMapping } from './mapping';
import { RowReader, startReport } from './report';
import type { ColumnMapping, ImportResult, Person, RawTable } from './types';

const name = requiredText('姓名', 'the name');
const district = requiredText('区县', 'the district');

export function importPeople(table: RawTable, mapping: ColumnMapping<'people'> = detectMapping(table, 'people')): ImportResult<Person> {
  const mapped = applyMapping(table, mapping, 'people');
  const report = startReport(mapped);
  const r = new RowReader(report, mapped);
  const firstRowOf = new Map<string, number>();
  const rows: Person[] = [];

  for (const row of table.rows) {
    if (isBlankRow(row.cells)) {
      report.blank++;
      continue;
    }
    r.start(row);
    const id = r.read('id', parseIdNumber);
    if (id !== undefined) {
      const first = firstRowOf.get(id);
      if (first === undefined) firstRowOf.set(id, row.rowNumber);
      else r.error('id', new MedaidError('ROSTER_DUPLICATE_ID', { value: id, firstRow: first }));
    }
    const person: Person = {
      rowNumber: row.rowNumber,
      id: id ?? '',
      name: r.read('name', name) ?? '',
      categories: r.read('categories', categoriesCell) ?? [],
      district: r.read('district', district) ?? '',
    };
    const tier = r.read('tier', optionalText);
    if (tier !== undefined) person.tier = tier;
    const premium = r.read('premium', optionalAmount);
    if (premium !== undefined) person.premium = premium;
    if (r.finish()) rows.push(person);
  }
  return { rows, report: report.finish() };
}
