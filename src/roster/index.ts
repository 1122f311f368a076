/**
 * Roster importer: CSV / .xlsx / Excel range → RawTable → (column mapping) → typed
 * Person and Visit rows with a report that accounts for every row.
 *
 *   const people = importPeople(readCsv(bytes, { sheet: 'people.csv' }));
 *   const visits = importVisits(await readXlsx(buf, { sheet: '就诊' }), undefined, { year: 2024, people: people.rows });
 */
export * from './types';
export { readCsv, guessDelimiter, type CsvOptions } from './csv';
export { tokenizeCsv, type CsvTokens, type CsvRecord, type CsvProblem } from './csvTokenizer';
export { readXlsx, readXlsxSheets, plainCellValue, type XlsxOptions } from './xlsx';
export { readRangeValues, type RangeOptions } from './range';
export { tableFromGrid, detectHeaderRow, type GridOptions } from './table';
export { decodeText, detectEncoding, type CsvEncoding } from './encoding';
export { sniffFile, assertReadable, type FileKind } from './fileType';
export { PEOPLE_FIELDS, VISIT_FIELDS, fieldDefs, fieldForHeader, normalizeHeader, type FieldDef } from './fields';
export { detectMapping, remapColumn, applyMapping, ignoredColumns, mappingWithPicks, type MappedColumn, type MappedTable, type IgnoredColumn, type ColumnPick } from './mapping';
export { parseIdNumber, idCheckChar, normalizeIdText, id15to18 } from './idNumber';
export { parseRosterDate, excelSerialToIso } from './dates';
export { parseYesNo, parseVisitKind, type VisitKind } from './flags';
export { importPeople } from './people';
export { importVisits, type VisitImportOptions } from './visits';
export { maskId, maskName, maskReport } from './mask';
export { columnLetter, a1, isBlankCell, isBlankRow, cellText } from './cells';
