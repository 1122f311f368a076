/**
 * The roster as the worker holds it, between the analyst's steps: the tables of each picked
 * file (or of the Excel range the pane read), the sheet and column mapping in use, and the
 * importers' results. Reading a file, applying a mapping and checking 100,000 rows take
 * seconds; here they happen off the pane's UI thread, once: the check's import is the one
 * the run uses (nothing is parsed or imported twice), and the pane receives only what it
 * shows — the header, the first rows, the mapping, the report's counts and first problems.
 *
 * Plain code (no worker API), so Node tests drive the same session the worker does.
 */
import { budgetJob, type BudgetRequest, type BudgetView } from './budgetJob';
import { findingError, preflight, yearFinding, type PreflightFinding } from '../../projection/preflight';
import { schemeChecker } from '../../projection/readRoster';
import { figuresEngine, noFigures, type AnalystFigures } from '../analystFigures';
import { detectMapping, remapColumn } from '../../roster/mapping';
import { importPeople } from '../../roster/people';
import type { ColumnMapping, FieldOf, ImportResult, Person, RawTable, ReportEntry, ReportSummary, RosterKind, Visit } from '../../roster/types';
import { importVisits } from '../../roster/visits';
import { readPickedFile } from '../host/pickedFile';
import { asBilingual, reportEntries, type BilingualError } from '../paneLogic';
import type { ScenarioSet } from '../scenarioStore';
import { runImported, type JobResult, type ProgressInfo, type RunOptions } from './projectionJob';

/** Rows of a table shown in the preview. */
export const PREVIEW_ROWS = 5;
/** Problems of a report sent to the pane (the result workbook lists them all). */
export const PROBLEMS_SENT = 50;

/** Where a table comes from: a picked file (bytes, or a File/Blob read here) or an Excel range read by the pane. */
export type SourceInput = { file: { name: string; bytes?: Uint8Array; blob?: Blob } } | { table: RawTable };

/** What the pane shows of a table: its header and first rows (`table.rows` holds only those), the mapping. */
export interface TableView {
  kind: RosterKind;
  /** Labels of every table the source brought (an .xlsx: one per sheet); the pane offers them. */
  labels: string[];
  /** The table in use, header and first PREVIEW_ROWS rows. */
  table: RawTable;
  /** Its data rows, all of them. */
  rowCount: number;
  mapping: ColumnMapping<RosterKind>;
}

export interface ReportView {
  summary: ReportSummary;
  /** The first PROBLEMS_SENT entries, errors first (reportEntries' order), unmasked: the pane masks on screen. */
  entries: ReportEntry[];
  /** Entries in the whole report. */
  count: number;
}

export interface CheckView {
  people?: ReportView;
  visits?: ReportView;
  peopleError?: BilingualError;
  visitsError?: BilingualError;
  /** The pre-flight's year check (a year with no visits stops: ready is false). */
  year?: PreflightFinding;
  /** Both tables imported, with at least one person accepted, and some visit in the year. */
  ready: boolean;
}

export interface Loaded {
  view: TableView;
  check: CheckView;
  /** Scenarios and figures saved in the file (a result workbook opened again). */
  saved?: ScenarioSet;
}

type Progress = (p: ProgressInfo) => void;

interface Held {
  tables: RawTable[];
  table: RawTable;
  mapping: ColumnMapping<RosterKind>;
}

type Imported<T> = { key: string; result?: ImportResult<T>; error?: BilingualError };

/** The region the visits' outpatient schemes are checked against, with the analyst's figures (their region files). */
export interface SchemeRegion {
  region: string;
  figures?: AnalystFigures;
}

/**
 * The scheme check for `r` in `year` and the part of the import's key it decides: the region and
 * the analyst's region files (which can change a region's schemes). A region or year the engine
 * does not know has no check here (the run stops on it with its own message).
 */
function schemeCheck(r: SchemeRegion | undefined, year: number): { key: string; check?: (scheme: string | undefined) => string | void } {
  if (!r) return { key: '-' };
  const files = (r.figures?.policies ?? []).map((f) => `${f.source}:${f.text.length}:${f.text.slice(0, 64)}`).join('|');
  try {
    return { key: `${r.region}:${files}`, check: schemeChecker(figuresEngine(r.figures ?? noFigures(), false), r.region, year) };
  } catch {
    return { key: `?${r.region}:${files}` };
  }
}

/** An Error carrying both languages (the worker sends zh and en to the pane). */
function bilingualError(e: BilingualError): Error & BilingualError {
  return Object.assign(new Error(`${e.zh} / ${e.en}`), e);
}

function score(table: RawTable, kind: RosterKind): number {
  const m = detectMapping(table, kind);
  return Object.keys(m.columns).length - m.missing.length * 2;
}

function reportView(r: ImportResult<unknown>): ReportView {
  const entries = reportEntries(r.report, false);
  return { summary: r.report.summary, entries: entries.slice(0, PROBLEMS_SENT), count: entries.length };
}

export class RosterSession {
  private readonly held: Partial<Record<RosterKind, Held>> = {};
  /** Bumped whenever a kind's table or mapping changes: keys the cached imports. */
  private readonly version: Record<RosterKind, number> = { people: 0, visits: 0 };
  private people: Imported<Person> | undefined;
  private visits: Imported<Visit> | undefined;
  /** The region of the last check or run that named one: each visit's outpatient scheme is checked against it. */
  private schemeRegion: SchemeRegion | undefined;
  private checked: { key: string; findings: PreflightFinding[] } | undefined;

  /**
   * Takes a table for `kind`: reads the file (or takes the range), picks the sheet (the one
   * asked for, else the one whose headers fit the table best), applies the mapping given
   * (restoring a session) or detects one, and checks the roster.
   */
  async load(kind: RosterKind, input: SourceInput, opts: { year: number; sheet?: string; mapping?: ColumnMapping<RosterKind>; region?: SchemeRegion }, onProgress: Progress = () => {}): Promise<Loaded> {
    onProgress({ phase: 'read', done: 0, total: 1 });
    let tables: RawTable[];
    let saved: ScenarioSet | undefined;
    if ('table' in input) tables = [input.table];
    else {
      const bytes = input.file.bytes ?? new Uint8Array(await input.file.blob!.arrayBuffer());
      const read = await readPickedFile({ name: input.file.name, bytes });
      tables = read.tables;
      saved = read.saved;
    }
    if (tables.length === 0) throw new Error(`${'file' in input ? input.file.name : ''}：没有工作表 / no sheet`);
    onProgress({ phase: 'read', done: 1, total: 1 });
    const table = (opts.sheet !== undefined && tables.find((t) => t.sheet === opts.sheet)) || this.bestTable(kind, tables);
    const mapping = opts.mapping && opts.mapping.kind === kind ? opts.mapping : detectMapping(table, kind);
    this.held[kind] = { tables, table, mapping };
    this.version[kind]++;
    return { view: this.view(kind), check: this.check(opts.year, onProgress, opts.region), saved };
  }

  /** Another sheet of the file already read (its mapping detected anew). */
  chooseSheet(kind: RosterKind, sheet: string, year: number, onProgress: Progress = () => {}): Loaded {
    const h = this.need(kind);
    const table = h.tables.find((t) => t.sheet === sheet);
    if (!table) throw new Error(`没有名为“${sheet}”的工作表 / no sheet named "${sheet}"`);
    this.held[kind] = { ...h, table, mapping: detectMapping(table, kind) };
    this.version[kind]++;
    return { view: this.view(kind), check: this.check(year, onProgress) };
  }

  /** The analyst's edit of the mapping: `field` on `column` (or on none). */
  remap(kind: RosterKind, field: string, column: number | undefined, year: number, onProgress: Progress = () => {}): Loaded {
    const h = this.need(kind);
    h.mapping = remapColumn(h.table, h.mapping, field as FieldOf<RosterKind>, column);
    this.version[kind]++;
    return { view: this.view(kind), check: this.check(year, onProgress) };
  }

  /**
   * Imports each table with its mapping, as the run will (visits against the accepted people
   * and the year); an import already done for the same table, mapping (and year) is reused.
   * With a region (given here, or by an earlier check or run), each visit's outpatient scheme is
   * checked against the region's schemes, as `medaid project` does: an unknown scheme rejects
   * that visit row only, never the person's year (issue 16).
   */
  check(year: number, onProgress: Progress = () => {}, region?: SchemeRegion): CheckView {
    if (region) this.schemeRegion = region;
    const scheme = schemeCheck(this.schemeRegion, year);
    const p = this.held.people;
    const v = this.held.visits;
    const out: CheckView = { ready: false };
    onProgress({ phase: 'check', done: 0, total: 2 });
    if (p) {
      const key = String(this.version.people);
      if (this.people?.key !== key) {
        try {
          this.people = { key, result: importPeople(p.table, p.mapping as ColumnMapping<'people'>) };
        } catch (e) {
          this.people = { key, error: asBilingual(e) };
        }
      }
      if (this.people.result) out.people = reportView(this.people.result);
      else out.peopleError = this.people.error;
    } else this.people = undefined;
    onProgress({ phase: 'check', done: 1, total: 2 });
    if (v) {
      const key = `${this.version.visits}:${this.people?.key ?? '-'}:${year}:${scheme.key}`;
      if (this.visits?.key !== key) {
        try {
          this.visits = { key, result: importVisits(v.table, v.mapping as ColumnMapping<'visits'>, { year, people: this.people?.result?.rows, checkScheme: scheme.check }) };
        } catch (e) {
          this.visits = { key, error: asBilingual(e) };
        }
      }
      if (this.visits.result) out.visits = reportView(this.visits.result);
      else out.visitsError = this.visits.error;
    } else this.visits = undefined;
    onProgress({ phase: 'check', done: 2, total: 2 });
    out.ready = !!out.people && !!out.visits && (this.people?.result?.rows.length ?? 0) > 0;
    // Pre-flight before the run: the year is known here, the region is not needed for this check.
    if (this.people?.result && this.visits?.result) {
      const y = yearFinding(this.visits.result.rows.length, [this.people.result.report, this.visits.result.report], year);
      if (y) out.year = y;
      if (y?.stop) out.ready = false;
    }
    return out;
  }

  /**
   * The whole pre-flight before Run (issue 17): on the checked roster, for the region, year and
   * figures the pane has chosen — what will not be computed and how to fix it. Without both
   * tables there is nothing to check but the year. Cached: the same roster and choices are not
   * checked twice (the run checks again itself, as the CLI does).
   */
  preflight(opts: { region: string; year: number; figures?: AnalystFigures }, onProgress: Progress = () => {}): PreflightFinding[] {
    const check = this.check(opts.year, onProgress);
    const people = this.people?.result;
    const visits = this.visits?.result;
    if (!people || !visits || check.peopleError || check.visitsError) return check.year ? [check.year] : [];
    const key = `${this.people!.key}|${this.visits!.key}|${opts.region}|${opts.year}|${JSON.stringify(opts.figures ?? null)}`;
    if (this.checked?.key === key) return this.checked.findings;
    const findings = preflight({ people: people.rows, visits: visits.rows, importReports: [people.report, visits.report], region: opts.region, year: opts.year, engine: figuresEngine(opts.figures ?? noFigures()) });
    this.checked = { key, findings };
    return findings;
  }

  /** Baseline + scenarios on the checked roster (checked again first only if the year changed). */
  run(opts: RunOptions, onProgress: Progress = () => {}): JobResult {
    onProgress({ phase: 'import', done: 0, total: 1 });
    const check = this.check(opts.year, undefined, { region: opts.region, figures: opts.figures });
    const error = check.peopleError ?? check.visitsError;
    if (error) throw bilingualError(error);
    const y = check.year;
    if (y?.stop) throw Object.assign(bilingualError(findingError(y, 'pane')), { code: y.code });
    if (!check.ready || !this.people?.result || !this.visits?.result) {
      throw bilingualError({ zh: '名册尚未读取完整（需要人员表和就诊表，且至少一名人员可用）', en: 'the roster is not complete (a people table and a visits table, with at least one person accepted)' });
    }
    onProgress({ phase: 'import', done: 1, total: 1 });
    return runImported(this.people.result, this.visits.result, opts, onProgress);
  }

  /** The budget panel (budgetJob.ts) on the roster as last imported: run() must have succeeded first. */
  budget(req: BudgetRequest, onProgress: Progress = () => {}): BudgetView {
    if (!this.people?.result || !this.visits?.result) {
      throw bilingualError({ zh: '请先完成测算（需要人员表和就诊表）', en: 'run the projection first (a people table and a visits table are needed)' });
    }
    onProgress({ phase: 'project', done: 0, total: 1 });
    const view = budgetJob(this.people.result.rows, this.visits.result.rows, req);
    onProgress({ phase: 'project', done: 1, total: 1 });
    return view;
  }

  private need(kind: RosterKind): Held {
    const h = this.held[kind];
    if (!h) throw new Error(`尚未读取${kind === 'people' ? '人员表' : '就诊表'} / no ${kind} table has been read`);
    return h;
  }

  private bestTable(kind: RosterKind, tables: RawTable[]): RawTable {
    if (tables.length === 1) return tables[0];
    let best = tables[0];
    let bestScore = -Infinity;
    for (const t of tables) {
      const s = score(t, kind);
      if (s > bestScore) {
        best = t;
        bestScore = s;
      }
    }
    return best;
  }

  private view(kind: RosterKind): TableView {
    const h = this.need(kind);
    const { rows, ...rest } = h.table;
    // Only what the pane shows crosses to it: never the 100,000 rows, nor per-row notes.
    const table: RawTable = { ...rest, rows: rows.slice(0, PREVIEW_ROWS), blankRows: undefined, rowNotes: undefined };
    return { kind, labels: h.tables.map((t) => t.sheet), table, rowCount: rows.length, mapping: h.mapping };
  }
}
