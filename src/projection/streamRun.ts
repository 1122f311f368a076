/**
 * The projection of a roster of any size and in any row order, from files (Node only: the
 * CLI; not exported from src/projection/index.ts).
 *
 * 1. The people and visits files are read in pieces (CSV: src/roster/csvChunks.ts, the same
 *    tokenizer as the whole-file reader; .xlsx: the sheet as readTable gives it) and every row
 *    goes to a part chosen by its person's ID number, so a person's people row and all their
 *    visit rows land in the same part, whatever order the files are in. No sort is needed.
 * 2. When the files fit the memory budget there is one part, held in memory. Otherwise the
 *    parts are spilled to temporary files (one line per row, the cells as JSON, the row number
 *    kept) in a folder of their own, removed when the run ends — also on an error and on
 *    Ctrl-C / SIGTERM (`interruptCleanup`).
 * 3. Each part is imported with the importers (importPeople / importVisits: the same checks
 *    and bilingual messages, naming sheet, row, A1 cell and value) and projected with
 *    runProjection (kernel, decimal fallback, premium subsidies); RunSum adds the parts up into
 *    the run of the whole (mergeRuns.ts). The figures are those of one runProjection over the
 *    whole roster, to the fen (test/projection/streamRun.test.ts compares them).
 *
 * Visit dates need no order: each person's visits are ordered by date (ties by row) in
 * project(), so the input order never matters and a row "out of order" is not an error.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Engine } from '../engine/engine';
import { readCsvChunks, type CsvChunkSink } from '../roster/csvChunks';
import { parseIdNumber, normalizeIdText } from '../roster/idNumber';
import { applyMapping, detectMapping } from '../roster/mapping';
import { importPeople } from '../roster/people';
import type { RawRow, RawTable, RosterKind } from '../roster/types';
import { importVisits } from '../roster/visits';
import { explainPerson, type PersonExplanation } from './explainPerson';
import { RunSum, type Detail } from './mergeRuns';
import { readTable } from './readRoster';
import { runProjection, type RunInput } from './run';
import { preflight, preflightGroups, preflightOf, yearFindingOf, type PreflightFinding, type PreflightGroups } from './preflight';
import { UncachedFormula } from '../roster/cells';
import { parseRosterDate } from '../roster/dates';
import { schemeChecker } from './readRoster';
import { mappingWithPicks, type ColumnPick } from '../roster/mapping';
import type { Funding, Growth, ProjectionRun, Scenario } from './types';
import { interruptCleanup } from './interruptCleanup';

export interface RosterPath {
  file: string;
  /** .xlsx: sheet name or 1-based position. */
  sheet?: string | number;
  headerRow?: number;
  columns?: readonly ColumnPick[];
}

export interface StreamRunInput {
  /** Absent: the visits file carries the person's columns on every row (人员类别, 区县 …). */
  people?: RosterPath;
  visits: RosterPath;
  region: string;
  year: number;
  engine: Engine;
  scenarios: readonly Scenario[];
  funding?: Funding;
  growth?: Growth;
  /** Which rows the run keeps for detail sheets (default people). */
  detail?: Detail;
  /** Memory for the rows of one part, MB (default 256): more input than this is spilled to disk. */
  memoryMB?: number;
  /** Folder for the temporary files (default the system's). */
  tmpDir?: string;
  /** The person to explain (--explain), found in their part. */
  explain?: string;
  /** Completeness threshold (runProjection's minComplete). */
  minComplete?: number | string;
  /** Settlement layers (runProjection's layerMode). */
  layerMode?: RunInput['layerMode'];
  /** Called as the run goes (rows read, part done). */
  onProgress?: (stage: 'read' | 'project', done: number, of?: number) => void;
}

/**
 * The run stopped while the files were read, before any part was projected: no visit row is
 * dated in the year (YEAR_WITHOUT_VISITS, with preflight.ts's bilingual message). The caller
 * reports `finding` as it reports a stop among the pre-flight findings.
 */
export class PreflightStop extends Error {
  constructor(readonly finding: PreflightFinding) {
    super(finding.en);
    this.name = 'PreflightStop';
  }
}

export interface StreamRunResult {
  run: ProjectionRun;
  parts: number;
  spilled: boolean;
  explanation?: PersonExplanation;
  /** The explain ID was not in the roster. */
  explainMissing?: boolean;
  /** The pre-flight findings (preflight.ts) on the whole roster. */
  preflight: PreflightFinding[];
}

/**
 * Bytes of CSV per MB of memory a part takes while it is imported and projected (rows as
 * cells, Person / Visit records, outcomes): measured on the generated 信阳 rosters
 * (docs/benchmark.md), with room to spare.
 */
const MEMORY_PER_INPUT_BYTE = 24;

/** A person's part: the ID as the importer reads it (so 15/18-digit forms of one ID agree). */
/** An 18-character ID as typed in ASCII: parseIdNumber returns it as is, or rejects it (then normalizeIdText gives it as is). */
const ID18_ASCII = /^\d{17}[\dX]$/;

function partOf(raw: unknown, parts: number): number {
  if (parts === 1) return 0;
  let key: string;
  if (typeof raw === 'string' && ID18_ASCII.test(raw)) key = raw; // the common case, without the full check
  else try {
    key = parseIdNumber(raw, '', () => undefined);
  } catch {
    key = typeof raw === 'string' ? normalizeIdText(raw) : String(raw ?? '');
  }
  // FNV-1a over the UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % parts;
}

/** Dates (from .xlsx) survive the trip through a temporary file. */
function replacer(this: Record<string, unknown>, key: string, v: unknown): unknown {
  const o = this[key];
  return o instanceof Date ? { $d: o.getTime() } : v;
}
/** A spilled cell back: dates were written as {$d: epoch ms} (JSON has no dates). */
const reviveCell = (v: unknown): unknown => (v && typeof v === 'object' && '$d' in (v as object) ? new Date((v as { $d: number | null }).$d ?? NaN) : v);

/** The rows of one table, split into parts (in memory, or spilled to one file per part). */
class Parts {
  private mem: RawRow[][];
  private fds: number[] = [];
  private bufs: string[] = [];
  rows = 0;

  constructor(readonly kind: RosterKind, readonly count: number, readonly dir: string | undefined) {
    this.mem = Array.from({ length: dir ? 0 : count }, () => []);
    if (dir) this.open();
  }

  private path = (i: number) => join(this.dir!, `${this.kind}-${i}.jsonl`);

  private open(): void {
    for (let i = 0; i < this.count; i++) {
      this.fds[i] = openSync(this.path(i), 'w');
      this.bufs[i] = '';
    }
  }

  add(part: number, row: RawRow): void {
    this.rows++;
    if (!this.dir) {
      this.mem[part].push(row);
      return;
    }
    // The replacer (for .xlsx dates) only when a cell needs it: JSON.stringify is several times faster without one.
    let dated = false;
    for (const c of row.cells) if (c instanceof Date) dated = true;
    this.bufs[part] += (dated ? JSON.stringify([row.rowNumber, row.cells], replacer) : JSON.stringify([row.rowNumber, row.cells])) + '\n';
    if (this.bufs[part].length > 1 << 18) this.flush(part);
  }

  private flush(i: number): void {
    if (this.bufs[i]) writeSync(this.fds[i], this.bufs[i]);
    this.bufs[i] = '';
  }

  /** Forget everything (the file is being read again). */
  reset(): void {
    this.rows = 0;
    if (!this.dir) this.mem = this.mem.map(() => []);
    else {
      this.close();
      this.open();
    }
  }

  close(): void {
    for (let i = 0; i < this.fds.length; i++) {
      this.flush(i);
      closeSync(this.fds[i]);
    }
    this.fds = [];
  }

  /** The rows of part i, in file order (they were added in it). */
  take(i: number): RawRow[] {
    if (!this.dir) {
      const rows = this.mem[i];
      this.mem[i] = [];
      return rows;
    }
    const text = readFileSync(this.path(i), 'utf8');
    rmSync(this.path(i), { force: true });
    const rows: RawRow[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      const line = text.slice(from, nl);
      const [rowNumber, cells] = JSON.parse(line) as [number, unknown[]];
      for (let j = 0; j < cells.length; j++) if (cells[j] !== null && typeof cells[j] === 'object') cells[j] = reviveCell(cells[j]);
      rows.push({ rowNumber, cells });
      from = nl + 1;
    }
    return rows;
  }
}

/**
 * The visit rows' settlement years, counted as the rows are read (the importer's own date
 * reading, parseRosterDate): rows dated in another year, by year, until the first row dated in
 * the year — after it the count is not needed, since the run will not stop for the year.
 */
class YearCount {
  inYear = false;
  readonly others = new Map<string, number>();
  private readonly yearText: string;
  constructor(year: number, readonly column: number) {
    this.yearText = String(year);
  }
  row(cells: readonly unknown[]): void {
    if (this.inYear) return;
    const raw = cells[this.column];
    if (raw instanceof UncachedFormula) return; // the importer rejects it without reading a date
    let date: string;
    try {
      date = parseRosterDate(raw, '');
    } catch {
      return; // an unreadable date is the importer's error on that row, not a year
    }
    const y = date.slice(0, 4);
    if (y === this.yearText) this.inYear = true;
    else this.others.set(y, (this.others.get(y) ?? 0) + 1);
  }
}

/** One table read into parts: its header (a RawTable without rows), blank rows and row notes. */
interface ReadTable {
  head: RawTable;
  parts: Parts;
  blank: number[];
  notes: NonNullable<RawTable['rowNotes']>;
  /** Visits: the settlement years seen. */
  years?: YearCount;
}

const isCsv = (file: string) => !/\.xlsx$/i.test(file);
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** The detected mapping, or the analyst's column choices over it (as readRoster does). */
function mappingOf<K extends RosterKind>(t: RawTable, kind: K, picks?: readonly ColumnPick[]) {
  return picks?.length ? mappingWithPicks(t, kind, picks) : detectMapping(t, kind);
}

async function readIntoParts(path: RosterPath, kind: RosterKind, count: number, dir: string | undefined, onRows?: (n: number) => void, year?: number): Promise<ReadTable> {
  const parts = new Parts(kind, count, dir);
  let head: RawTable | undefined;
  let idIndex = -1;
  let years: YearCount | undefined;
  const blank: number[] = [];
  const notes: NonNullable<RawTable['rowNotes']> = [];
  const setHead = (t: RawTable) => {
    head = { ...t, rows: [], blankRows: [], rowNotes: [] };
    // A missing column stops the run before any row is read (the importer's own error).
    const m = mappingOf(head, kind, path.columns);
    applyMapping(head, m, kind);
    idIndex = m.columns.id ?? -1;
    if (year !== undefined && kind === 'visits' && m.columns.date !== undefined) years = new YearCount(year, m.columns.date);
  };
  const add = (rows: RawRow[]) => {
    for (const r of rows) {
      parts.add(partOf(r.cells[idIndex], count), r);
      years?.row(r.cells);
    }
    onRows?.(parts.rows);
  };
  try {
    if (isCsv(path.file)) {
      const sink: CsvChunkSink = {
        header: setHead,
        rows: add,
        blank: (b) => blank.push(...b),
        notes: (n) => notes.push(...n),
        restart: () => {
          parts.reset();
          if (years) years = new YearCount(year!, years.column);
          blank.length = 0;
          notes.length = 0;
        },
      };
      await readCsvChunks(path.file, sink, { sheet: baseName(path.file), headerRow: path.headerRow });
    } else {
      const t = await readTable({ name: path.file, bytes: readFileSync(path.file), sheet: path.sheet, headerRow: path.headerRow });
      setHead(t);
      add(t.rows);
      blank.push(...(t.blankRows ?? []));
      notes.push(...(t.rowNotes ?? []));
    }
  } finally {
    parts.close();
  }
  return { head: head!, parts, blank, notes, years };
}

/** The people of a combined file: each ID's first row (by row number), with a name column if it has none. */
function peopleFromVisits(head: RawTable, rows: RawRow[]): RawTable {
  const mapping = detectMapping(head, 'people');
  const idCol = mapping.columns.id!;
  const addName = mapping.columns.name === undefined;
  const seen = new Set<string>();
  const people: RawRow[] = [];
  for (const r of rows) {
    let id: string;
    try {
      id = parseIdNumber(r.cells[idCol], '', () => undefined);
    } catch {
      continue; // the visit row itself is rejected for its ID
    }
    if (seen.has(id)) continue;
    seen.add(id);
    people.push(addName ? { rowNumber: r.rowNumber, cells: [...r.cells, NO_NAME] } : r);
  }
  return { ...head, header: addName ? [...head.header, '姓名'] : head.header, rows: people, blankRows: [], rowNotes: [] };
}

/** The name shown for a person of a combined visits file that has no name column. */
export const NO_NAME = '—';

function partTable(t: ReadTable, rows: RawRow[], first: boolean): RawTable {
  // Blank rows and row notes belong to the file, not to a person: counted once, with part 0.
  return { ...t.head, rows, blankRows: first ? t.blank : [], rowNotes: first ? t.notes : [] };
}

export async function streamRun(input: StreamRunInput): Promise<StreamRunResult> {
  const { region, year, engine, scenarios } = input;
  engine.resolve(region, year); // an unknown region or year stops the run before any file is read
  const detail = input.detail ?? 'people';
  const bytes = statSync(input.visits.file).size + (input.people ? statSync(input.people.file).size : 0);
  const budget = (input.memoryMB ?? 256) * 1024 * 1024;
  const count = Math.max(1, Math.ceil((bytes * MEMORY_PER_INPUT_BYTE) / budget));
  const dir = count > 1 ? mkdtempSync(join(input.tmpDir ?? tmpdir(), 'medaid-parts-')) : undefined;
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const release = interruptCleanup(removeDir);
  try {
    const visits = await readIntoParts(input.visits, 'visits', count, dir, (n) => input.onProgress?.('read', n), year);
    // No visit row dated in the year: the pre-flight's stop, said before any part is projected
    // (the whole run's check, preflightOf below, gives the same finding on the same rows).
    const years = visits.years;
    if (years && !years.inYear && years.others.size) {
      throw new PreflightStop(yearFindingOf(0, years.others, year)!);
    }
    const people = input.people ? await readIntoParts(input.people, 'people', count, dir) : undefined;
    if (!input.people) {
      // A combined file must still name each person's status and district.
      const m = detectMapping(visits.head, 'people');
      const missing = m.missing.filter((f) => f !== 'name');
      if (missing.length) applyMapping(visits.head, { ...m, missing }, 'people');
    }
    let explainKey: string | undefined;
    if (input.explain !== undefined) {
      try {
        explainKey = parseIdNumber(input.explain, '--explain', () => undefined);
      } catch {
        explainKey = normalizeIdText(input.explain);
      }
    }
    // Parts are summed as they come: totals, completeness tallies and layers (mergeRuns.ts); rows only for the detail asked.
    const sum = new RunSum(scenarios, detail, { engine, region, year });
    const grouped: PreflightGroups = { byKey: new Map(), visitsRead: 0, referredVisits: 0 };
    // An unknown outpatient scheme rejects its visit row at import, not the person's year.
    const checkScheme = schemeChecker(engine, region, year);
    let explanation: PersonExplanation | undefined;
    let single: ProjectionRun | undefined;
    let checks: PreflightFinding[] = [];
    for (let i = 0; i < count; i++) {
      const vrows = visits.parts.take(i);
      const ptable = people ? partTable(people, people.parts.take(i), i === 0) : peopleFromVisits(visits.head, vrows);
      const vtable = partTable(visits, vrows, i === 0);
      const p = importPeople(ptable, mappingOf(ptable, 'people', people ? input.people!.columns : undefined));
      const v = importVisits(vtable, mappingOf(vtable, 'visits', input.visits.columns), { year, people: p.rows, checkScheme });
      const roster = { people: p.rows, visits: v.rows, importReports: [p.report, v.report] };
      const partRun = runProjection({ ...roster, region, year, engine, funding: input.funding, growth: input.growth, scenarios, minComplete: input.minComplete, layerMode: input.layerMode });
      if (count === 1) {
        // One part is the whole roster: the run and the pre-flight exactly as on a roster read at once.
        single = partRun;
        checks = preflight({ ...roster, region, year, engine });
      } else {
        sum.add(partRun, roster.visits);
        preflightGroups(roster.people, roster.visits, grouped);
      }
      if (explainKey !== undefined && (count === 1 || partOf(explainKey, count) === i)) {
        explanation = explainPerson({ ...roster, region, year, engine }, explainKey);
      }
      input.onProgress?.('project', i + 1, count);
      await new Promise<void>((resolve) => setImmediate(resolve)); // Ctrl-C is heard between parts
    }
    const run = single ?? sum.finish({ engine, region, year, funding: input.funding, growth: input.growth, minComplete: input.minComplete });
    if (!single) checks = preflightOf({ importReports: run.importReports, region, year, engine }, grouped);
    return { run, parts: count, spilled: !!dir, explanation, explainMissing: input.explain !== undefined && !explanation, preflight: checks };
  } finally {
    release();
    removeDir();
  }
}
