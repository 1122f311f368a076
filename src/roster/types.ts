/**
 * The shapes the roster importer passes between its steps: a source (CSV, .xlsx, an Excel
 * range) becomes a RawTable; a ColumnMapping says which column is which field; the
 * importers turn rows into typed Person / Visit records plus a report that accounts for
 * every row. Kept in one file so the task pane and the CLI can import types without
 * pulling in exceljs or papaparse.
 */
import type { CategoryId } from '../engine/categories';
import type { ErrorCode } from '../engine/errors';
import type { Dec } from '../engine/money';
import type { SettlementInput } from '../engine/rules/settlementChain';

/** One data row as the source gave it; rowNumber is the 1-based row the user sees. */
export interface RawRow {
  rowNumber: number;
  cells: unknown[];
}

export interface RawTable {
  /** Sheet name (xlsx / Excel range) or file label (CSV); used in report locations. */
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  header: string[];
  /** Data rows below the header, fully blank rows removed (see blankRows). */
  rows: RawRow[];
  /**
   * Row numbers of fully blank rows between the header and the last data row. They are
   * not data, but the report counts them so that no row disappears silently.
   */
  blankRows?: number[];
  /** 0-based sheet column of cells[0] (an Excel range need not start in column A). */
  firstColumn?: number;
  /** Problems the source found in particular rows (e.g. unbalanced CSV quotes). */
  rowNotes?: RowNote[];
  /** Where the table came from, for display. */
  source?: { kind: 'csv' | 'xlsx' | 'range'; encoding?: string; delimiter?: string };
}

/**
 * A problem the source (not a field parser) found in one row. An error note rejects the row
 * (it is counted as rejected, never dropped); a warning note only reports it.
 */
export interface RowNote {
  rowNumber: number;
  /** 0-based index into the row's cells, when the problem is in one cell. */
  column?: number;
  /** The cell as read, for the report. */
  value?: string;
  /** Default 'warning'. */
  severity?: Severity;
  /** Default ROSTER_MALFORMED_ROW. */
  code?: ErrorCode;
  zh: string;
  en: string;
  problem: string;
}

export type RosterKind = 'people' | 'visits';
export type PeopleField = 'id' | 'name' | 'categories' | 'district' | 'tier' | 'premium';
export type VisitField = 'id' | 'date' | 'kind' | 'scheme' | 'cost' | 'referred' | 'totalCost' | 'insurancePaid'
  // Settlement-export columns (src/roster/settlementFields.ts).
  | 'grossCost' | 'outOfCatalogue' | 'basicPaid' | 'ciPaid' | 'reduction' | 'hospitalLevel' | 'pool';
export type FieldOf<K extends RosterKind> = K extends 'people' ? PeopleField : VisitField;
export type RosterField = PeopleField | VisitField;

/**
 * Which column (0-based index into RawTable.header) holds each field. Detected from the
 * headers, shown to the user, editable; applyMapping re-checks an edited one.
 */
export interface ColumnMapping<K extends RosterKind = RosterKind> {
  kind: K;
  columns: Partial<Record<FieldOf<K>, number>>;
  /** Columns no field uses (shown in the UI so the user can assign them). */
  unmapped: { index: number; header: string }[];
  /** Required fields with no column. Importing with any of these throws ROSTER_MISSING_COLUMN. */
  missing: FieldOf<K>[];
}

export interface Person {
  rowNumber: number;
  /** ID number as text, X uppercased; 18 digits (or a legacy 15, with a warning). */
  id: string;
  name: string;
  categories: CategoryId[];
  district: string;
  tier?: string;
  premium?: Dec;
}

export interface Visit {
  rowNumber: number;
  personId: string;
  /** YYYY-MM-DD */
  date: string;
  kind: 'inpatient' | 'outpatient';
  /** Raw outpatient scheme text; the engine resolves it per region. */
  scheme?: string;
  /** 政策范围内自付: policy-range out-of-pocket after basic and critical-illness insurance. */
  cost: Dec;
  referred: boolean;
  totalCost?: Dec;
  insurancePaid?: Dec;
  /**
   * A settlement row (医疗总费用 given): the layers are derived from these by the projection,
   * and `cost` is then recomputed from them (ruling 2); see src/engine/rules/settlementChain.ts.
   */
  settlement?: Settlement;
}

/** What a settlement export (结算清单) says about one visit, yuan: the settlement chain's input without the visit kind. */
export type Settlement = Omit<SettlementInput, 'kind'>;

export type Severity = 'error' | 'warning';

/** One problem in one cell (or row). error = row rejected; warning = row used, but check it. */
export interface ReportEntry {
  sheet: string;
  rowNumber: number;
  /** Header text of the column the problem is in ('' when it is about the whole row). */
  column: string;
  /** A1 address, e.g. "C7", when the column is known. */
  cell?: string;
  /** The cell as text, as the user would see it. */
  value: string;
  /** The field the column was mapped to, for programs (masking, filtering). */
  field?: RosterField;
  code: ErrorCode;
  severity: Severity;
  zh: string;
  en: string;
}

export interface ReportSummary {
  /** Every row below the header: total = used + rejected + blank, always. */
  total: number;
  used: number;
  rejected: number;
  /** Number of warning entries (a row may have several). */
  warnings: number;
  blank: number;
}

export interface ImportReport {
  sheet: string;
  kind: RosterKind;
  entries: ReportEntry[];
  summary: ReportSummary;
}

export interface ImportResult<T> {
  rows: T[];
  report: ImportReport;
}
