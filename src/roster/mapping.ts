/**
 * Column mapping: which column holds which field. detectMapping proposes one from the
 * headers; the UI shows it (with the unmapped columns and the missing fields) and lets
 * the user change it with remapColumn; applyMapping checks the final one and is what the
 * importers use, so an edited mapping is never trusted blindly.
 */
import { MedaidError, clip } from '../engine/errors';
import { columnLetter } from './cells';
import { fieldDefs, fieldForHeader, headerRank, isRequired, normalizeHeader } from './fields';
import type { ColumnMapping, FieldOf, RawTable, RosterKind } from './types';

export interface MappedColumn {
  index: number;
  /** Header text, or the column letter when the header cell is empty. */
  header: string;
  /** Sheet column of this field (accounts for RawTable.firstColumn). */
  sheetColumn: number;
}

export interface MappedTable<K extends RosterKind> {
  table: RawTable;
  kind: K;
  columns: Partial<Record<FieldOf<K>, MappedColumn>>;
  /** Columns that name a field another column provides (reported as warnings on the header row). */
  ignored: IgnoredColumn<K>[];
}

const TABLE_NAME: Record<RosterKind, { zh: string; en: string }> = {
  people: { zh: '人员表', en: 'people' },
  visits: { zh: '就诊表', en: 'visits' },
};

function complete<K extends RosterKind>(table: RawTable, kind: K, columns: Partial<Record<FieldOf<K>, number>>): ColumnMapping<K> {
  const used = new Set<number>(Object.values(columns) as number[]);
  const unmapped: { index: number; header: string }[] = [];
  table.header.forEach((header, index) => {
    if (!used.has(index) && header !== '') unmapped.push({ index, header });
  });
  const missing = fieldDefs(kind)
    .filter((d) => isRequired(d, columns) && columns[d.field] === undefined)
    .map((d) => d.field);
  return { kind, columns, unmapped, missing };
}

/**
 * Proposes a mapping from the headers. When several columns name one field (自付费用 and
 * 政策范围内自付; a header repeated), the field's own name wins, then the more specific
 * alias, then the leftmost column; the others are left unmapped and applyMapping reports
 * each (ignoredColumns), so the choice is never silent (issue 16).
 */
export function detectMapping<K extends RosterKind>(table: RawTable, kind: K): ColumnMapping<K> {
  const columns: Partial<Record<FieldOf<K>, number>> = {};
  const best: Partial<Record<FieldOf<K>, number>> = {};
  table.header.forEach((h, i) => {
    const r = headerRank(kind, h);
    if (r === undefined) return;
    const b = best[r.field];
    if (b === undefined || r.rank < b) {
      best[r.field] = r.rank;
      columns[r.field] = i;
    }
  });
  return complete(table, kind, columns);
}

/** A column whose header names a field that another column provides: it is not used. */
export interface IgnoredColumn<K extends RosterKind = RosterKind> {
  field: FieldOf<K>;
  /** 0-based indexes into RawTable.header. */
  usedIndex: number;
  ignoredIndex: number;
  /** The two headers are the same text after normalisation (a repeated header). */
  duplicate: boolean;
}

/** Every column that names an already-provided field, for the report. */
export function ignoredColumns<K extends RosterKind>(table: RawTable, kind: K, columns: Partial<Record<FieldOf<K>, number>>): IgnoredColumn<K>[] {
  const used = new Set(Object.values(columns) as number[]);
  const out: IgnoredColumn<K>[] = [];
  table.header.forEach((h, i) => {
    if (used.has(i)) return;
    const f = fieldForHeader(kind, h);
    const u = f === undefined ? undefined : columns[f];
    if (f === undefined || u === undefined) return;
    out.push({ field: f, usedIndex: u, ignoredIndex: i, duplicate: normalizeHeader(h) === normalizeHeader(table.header[u]) });
  });
  return out;
}

/**
 * The user's edit: put `field` on column `index` (or unassign it with undefined). A
 * column feeds one field, so a field that had this column loses it.
 */
export function remapColumn<K extends RosterKind>(table: RawTable, mapping: ColumnMapping<K>, field: FieldOf<K>, index: number | undefined): ColumnMapping<K> {
  const columns: Partial<Record<FieldOf<K>, number>> = {};
  for (const [f, i] of Object.entries(mapping.columns) as [FieldOf<K>, number | undefined][]) {
    if (i !== undefined && i !== index && f !== field) columns[f] = i;
  }
  if (index !== undefined) columns[field] = index;
  return complete(table, mapping.kind, columns);
}

/** The headers found, for messages: "A 姓名、B 人员类别". */
function foundHeaders(table: RawTable): string {
  const first = table.firstColumn ?? 0;
  // Control characters and undecodable bytes are never echoed: they are shown as what they are.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const shown = (h: string) => clip(h.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '�').replace(/\uFFFD+/g, '[?]'), 40);
  const list = table.header.map((h, i) => (h === '' ? '' : `${columnLetter(first + i)} ${shown(h)}`)).filter((s) => s !== '');
  return list.length ? list.join('、') : '(无 / none)';
}

/**
 * Checks a (possibly edited) mapping against the table and resolves it to columns.
 * Missing required fields are recomputed here, not read from mapping.missing.
 */
export function applyMapping<K extends RosterKind>(table: RawTable, mapping: ColumnMapping<K>, kind: K = mapping.kind): MappedTable<K> {
  if (mapping.kind !== kind) {
    throw new MedaidError('ROSTER_BAD_MAPPING', {
      problem: `这是${TABLE_NAME[mapping.kind].zh}的列对应，不能用于${TABLE_NAME[kind].zh}`,
      problemEn: `this is a mapping for the ${TABLE_NAME[mapping.kind].en} table, not the ${TABLE_NAME[kind].en} table`,
    });
  }
  const defs = fieldDefs(kind);
  const first = table.firstColumn ?? 0;
  const columns: Partial<Record<FieldOf<K>, MappedColumn>> = {};
  const byIndex = new Map<number, FieldOf<K>>();
  const missing: { zh: string; en: string }[] = [];
  for (const d of defs) {
    const index = mapping.columns[d.field];
    if (index === undefined || index === null) {
      if (isRequired(d, mapping.columns)) missing.push({ zh: d.zh, en: d.en });
      continue;
    }
    if (!Number.isInteger(index) || index < 0) {
      throw new MedaidError('ROSTER_BAD_MAPPING', { problem: `${d.zh} 对应的列号 ${index} 无效`, problemEn: `column index ${index} for ${d.en} is not valid` });
    }
    const other = byIndex.get(index);
    if (other !== undefined) {
      const o = defs.find((x) => x.field === other)!;
      const col = columnLetter(first + index);
      throw new MedaidError('ROSTER_BAD_MAPPING', {
        problem: `${o.zh} 和 ${d.zh} 都对应到第 ${col} 列：每一列只能对应一项，请重新选择`,
        problemEn: `${o.en} and ${d.en} are both mapped to column ${col}: a column can hold one field only; choose again`,
      });
    }
    byIndex.set(index, d.field);
    const header = table.header[index] || columnLetter(first + index);
    columns[d.field] = { index, header, sheetColumn: first + index };
  }
  if (missing.length) {
    throw new MedaidError('ROSTER_MISSING_COLUMN', {
      table: TABLE_NAME[kind].zh,
      tableEn: TABLE_NAME[kind].en,
      columns: missing.map((m) => `“${m.zh}”`).join('、'),
      columnsEn: missing.map((m) => `"${m.en}" (${m.zh})`).join(', '),
      found: foundHeaders(table),
    });
  }
  return { table, kind, columns, ignored: ignoredColumns(table, kind, mapping.columns) };
}

/** One explicit column choice: the field (its id, Chinese name or any header alias) and the column (letter or header text). */
export interface ColumnPick {
  field: string;
  column: string;
}

const LETTERS = /^[A-Za-z]{1,3}$/;

function letterIndex(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The detected mapping with the user's explicit choices applied (CLI --people-column /
 * --visits-column, "cost=F" or "政策范围内自付=自付费用"). A field or column that cannot be
 * found is ROSTER_BAD_MAPPING naming it and listing what there is.
 */
export function mappingWithPicks<K extends RosterKind>(table: RawTable, kind: K, picks: readonly ColumnPick[]): ColumnMapping<K> {
  let m = detectMapping(table, kind);
  const defs = fieldDefs(kind);
  const first = table.firstColumn ?? 0;
  for (const p of picks) {
    const fieldText = p.field.trim();
    const def = defs.find((d) => d.field === fieldText) ?? defs.find((d) => d.field === fieldForHeader(kind, fieldText));
    if (!def) {
      throw new MedaidError('ROSTER_BAD_MAPPING', {
        problem: `${TABLE_NAME[kind].zh}没有字段 “${fieldText}”，可用字段为 ${defs.map((d) => `${d.field}（${d.zh}）`).join('、')}`,
        problemEn: `the ${TABLE_NAME[kind].en} table has no field "${fieldText}"; its fields are ${defs.map((d) => `${d.field} (${d.zh})`).join(', ')}`,
      });
    }
    const col = p.column.trim();
    let index = table.header.findIndex((h) => h === col);
    if (index < 0) index = table.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(col) && normalizeHeader(col) !== '');
    if (index < 0 && LETTERS.test(col)) index = letterIndex(col) - first;
    if (index < 0 || index >= table.header.length) {
      throw new MedaidError('ROSTER_BAD_MAPPING', {
        problem: `找不到列 “${col}”（${def.zh}）：请写列字母或表头文字，表头为 ${foundHeaders(table)}`,
        problemEn: `no column "${col}" (for ${def.en}): give a column letter or the header text; the headers are ${foundHeaders(table)}`,
      });
    }
    m = remapColumn(table, m, def.field, index);
  }
  return m;
}
