/**
 * Roster files (bytes, no fs: the CLI reads the file, the task pane gets it from a file
 * input) → people, visits and the importer's reports. CSV (UTF-8 / GBK, detected) or .xlsx,
 * chosen by the file name.
 */
import { detectMapping, importPeople, importVisits, mappingWithPicks, readCsv, readXlsx, type ColumnPick } from '../roster';
import { sniffFile } from '../roster/fileType';
import type { ImportReport, Person, RawTable, RosterKind, Visit } from '../roster/types';
import type { Engine } from '../engine/engine';
import { outpatientScheme } from '../engine/rules/schemes';

export interface RosterFile {
  /** File name: its extension picks the reader; it also labels report locations. */
  name: string;
  bytes: Uint8Array | ArrayBuffer;
  /** For .xlsx: sheet name or 1-based position (default the first sheet). */
  sheet?: string | number;
  /** The header's row (1-based), when detection should not guess (CLI --people-header-row). */
  headerRow?: number;
  /** Explicit column choices (CLI --people-column cost=F), applied over the detected mapping. */
  columns?: readonly ColumnPick[];
}

export interface Roster {
  people: Person[];
  visits: Visit[];
  importReports: ImportReport[];
}

export async function readTable(file: RosterFile): Promise<RawTable> {
  const base = file.name.split(/[\\/]/).pop() ?? file.name;
  // By content, not by name: an .xlsx named .csv is a workbook, a CSV named .xlsx is text.
  if (sniffFile(file.bytes) === 'xlsx') {
    const t = await readXlsx(file.bytes, { sheet: file.sheet, headerRow: file.headerRow });
    return { ...t, sheet: `${base}:${t.sheet}` };
  }
  return readCsv(file.bytes, { sheet: base, headerRow: file.headerRow });
}

function mappingFor<K extends RosterKind>(table: RawTable, kind: K, file: RosterFile) {
  return file.columns?.length ? mappingWithPicks(table, kind, file.columns) : detectMapping(table, kind);
}

/** Visits are checked against the accepted people and the projection year (the importer rejects the rest, by row). */
export interface ReadRosterOptions {
  /** The region's scheme check (see VisitImportOptions.checkScheme): an unknown scheme rejects its visit row only. */
  checkScheme?: (scheme: string | undefined) => string | void;
}

/** A scheme check for one region and year: the names the region's outpatient schemes are known by. */
export function schemeChecker(engine: Engine, region: string, year: number): ReadRosterOptions['checkScheme'] {
  const rp = engine.resolve(region, year);
  if (!rp.policy.outpatient) return undefined; // no outpatient rules: the projection says so per visit
  return (scheme) => outpatientScheme(rp, scheme).scheme.names.zh;
}

export async function readRoster(people: RosterFile, visits: RosterFile, year: number, opts: ReadRosterOptions = {}): Promise<Roster> {
  const pt = await readTable(people);
  const p = importPeople(pt, mappingFor(pt, 'people', people));
  const vt = await readTable(visits);
  const v = importVisits(vt, mappingFor(vt, 'visits', visits), { year, people: p.rows, checkScheme: opts.checkScheme });
  return { people: p.rows, visits: v.rows, importReports: [p.report, v.report] };
}
