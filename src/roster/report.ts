/**
 * The import report: one entry per problem, located by sheet, row, column and A1 cell,
 * and a summary in which every row below the header is either used, rejected or blank.
 * RowReader is the per-row helper the importers use: it reads a field through a parser,
 * turns a thrown MedaidError into an error entry (and marks the row rejected) and
 * collects warnings, so each importer is a flat list of fields.
 */
import { MedaidError, type ErrorCode } from '../engine/errors';
import { a1, cellText, columnLetter, UncachedFormula } from './cells';
import { fieldDefs } from './fields';
import type { MappedColumn, MappedTable } from './mapping';
import type { FieldOf, ImportReport, RawRow, ReportEntry, RosterField, RosterKind, RowNote, Severity } from './types';

export class ReportBuilder {
  readonly entries: ReportEntry[] = [];
  used = 0;
  rejected = 0;
  blank = 0;
  warnings = 0;
  /** The source's notes on data rows, applied when RowReader reaches the row. */
  readonly notesByRow = new Map<number, RowNote[]>();

  constructor(readonly sheet: string, readonly kind: RosterKind) {}

  add(rowNumber: number, col: MappedColumn | undefined, raw: unknown, err: { code: ErrorCode; zh: string; en: string }, severity: Severity, field?: RosterField): void {
    const cell = col ? a1(col.sheetColumn, rowNumber) : undefined;
    const column = col ? col.header : '';
    const whereZh = cell ? `${this.sheet}!${cell}（第 ${rowNumber} 行，${column}）` : `${this.sheet} 第 ${rowNumber} 行`;
    const whereEn = cell ? `${this.sheet}!${cell} (row ${rowNumber}, ${column})` : `${this.sheet} row ${rowNumber}`;
    const tagZh = severity === 'error' ? '【错误，本行未使用】' : '【提示】';
    const tagEn = severity === 'error' ? '[error, row not used]' : '[warning]';
    this.entries.push({
      sheet: this.sheet,
      rowNumber,
      column,
      cell,
      value: cellText(raw),
      field,
      code: err.code,
      severity,
      zh: `${tagZh}${whereZh}：${err.zh}`,
      en: `${tagEn} ${whereEn}: ${err.en}`,
    });
    if (severity === 'warning') this.warnings++;
  }

  finish(): ImportReport {
    const summary = {
      total: this.used + this.rejected + this.blank,
      used: this.used,
      rejected: this.rejected,
      warnings: this.warnings,
      blank: this.blank,
    };
    // Errors and warnings of one row together, rows in sheet order.
    const entries = this.entries.map((e, i) => ({ e, i })).sort((x, y) => x.e.rowNumber - y.e.rowNumber || x.i - y.i).map((x) => x.e);
    return { sheet: this.sheet, kind: this.kind, entries, summary };
  }
}

/** Reads one row's fields, recording problems against the right cell. */
export class RowReader<K extends RosterKind> {
  row!: RawRow;
  rejected = false;

  constructor(readonly report: ReportBuilder, readonly mapped: MappedTable<K>) {}

  start(row: RawRow): void {
    this.row = row;
    this.rejected = false;
    const notes = this.report.notesByRow.get(row.rowNumber);
    if (notes) for (const n of notes) this.note(n);
  }

  /** A source note (e.g. an unbalanced CSV quote) on this row: an error one rejects the row. */
  private note(n: RowNote): void {
    let col: MappedColumn | undefined;
    let field: FieldOf<K> | undefined;
    if (n.column !== undefined) {
      for (const [f, c] of Object.entries(this.mapped.columns) as [FieldOf<K>, MappedColumn][]) {
        if (c.index === n.column) {
          col = c;
          field = f;
        }
      }
      if (!col) {
        const t = this.mapped.table;
        const sheetColumn = (t.firstColumn ?? 0) + n.column;
        col = { index: n.column, header: t.header[n.column] || columnLetter(sheetColumn), sheetColumn };
      }
    }
    const severity = n.severity ?? 'warning';
    if (severity === 'error') this.rejected = true;
    this.report.add(this.row.rowNumber, col, n.value ?? '', { code: n.code ?? 'ROSTER_MALFORMED_ROW', zh: n.zh, en: n.en }, severity, field);
  }

  column(field: FieldOf<K>): MappedColumn | undefined {
    return this.mapped.columns[field];
  }

  raw(field: FieldOf<K>): unknown {
    const col = this.mapped.columns[field];
    return col ? this.row.cells[col.index] : undefined;
  }

  /**
   * The field through `parse`. A MedaidError becomes an error entry and undefined; any
   * other exception is a bug and propagates.
   */
  read<T>(field: FieldOf<K>, parse: (raw: unknown, column: string, warn: (w: MedaidError) => void) => T): T | undefined {
    const col = this.mapped.columns[field];
    const raw = col ? this.row.cells[col.index] : undefined;
    const header = col ? col.header : field;
    if (raw instanceof UncachedFormula) {
      this.error(field, new MedaidError('ROSTER_FORMULA_NO_VALUE', { column: header, formula: raw.formula }), raw);
      return undefined;
    }
    try {
      return parse(raw, header, (w) => this.warn(field, w, raw));
    } catch (e) {
      if (!(e instanceof MedaidError)) throw e;
      this.error(field, e, raw);
      return undefined;
    }
  }

  error(field: FieldOf<K> | undefined, err: MedaidError, raw: unknown = field ? this.raw(field) : ''): void {
    this.rejected = true;
    this.report.add(this.row.rowNumber, field ? this.mapped.columns[field] : undefined, raw, err, 'error', field);
  }

  /** A warning: the row is still used. A rejected row keeps its warnings too, so the user sees everything at once. */
  warn(field: FieldOf<K> | undefined, err: MedaidError, raw: unknown = field ? this.raw(field) : ''): void {
    this.report.add(this.row.rowNumber, field ? this.mapped.columns[field] : undefined, raw, err, 'warning', field);
  }

  /** Ends the row: counts it as used or rejected. Returns true when it is used. */
  finish(): boolean {
    if (this.rejected) this.report.rejected++;
    else this.report.used++;
    return !this.rejected;
  }
}

/** Shared start of both importers: blank rows and source notes go into the report first. */
export function startReport(mapped: MappedTable<RosterKind>): ReportBuilder {
  const t = mapped.table;
  const report = new ReportBuilder(t.sheet, mapped.kind);
  report.blank += t.blankRows?.length ?? 0;
  const first = t.firstColumn ?? 0;
  for (const ig of mapped.ignored) {
    const def = fieldDefs(mapped.kind).find((d) => d.field === ig.field)!;
    const header = (i: number) => t.header[i] || columnLetter(first + i);
    const err = new MedaidError('ROSTER_COLUMN_IGNORED', {
      field: def.zh,
      fieldEn: def.en,
      used: `${columnLetter(first + ig.usedIndex)} ${header(ig.usedIndex)}`,
      ignored: `${columnLetter(first + ig.ignoredIndex)} ${header(ig.ignoredIndex)}`,
      duplicate: ig.duplicate ? 1 : 0,
      kind: mapped.kind,
    });
    report.add(t.headerRow, { index: ig.ignoredIndex, header: header(ig.ignoredIndex), sheetColumn: first + ig.ignoredIndex }, t.header[ig.ignoredIndex], err, 'warning');
  }
  if (t.rows.length === 0 && t.header.length > 0) {
    // A header and nothing below it: a 0.00 budget that is no budget at all (issue 12 item 5).
    report.add(t.headerRow, undefined, '', new MedaidError('ROSTER_NO_DATA', { blank: t.blankRows?.length ?? 0 }), 'warning');
  }
  const dataRows = new Set(t.rows.map((r) => r.rowNumber));
  for (const n of t.rowNotes ?? []) {
    if (dataRows.has(n.rowNumber)) {
      const list = report.notesByRow.get(n.rowNumber);
      if (list) list.push(n);
      else report.notesByRow.set(n.rowNumber, [n]);
    } else {
      // The header row or a title row above it: not a data row, so reported without rejecting anything.
      report.add(n.rowNumber, undefined, n.value ?? '', { code: n.code ?? 'ROSTER_MALFORMED_ROW', zh: n.zh, en: n.en }, 'warning');
    }
  }
  return report;
}
