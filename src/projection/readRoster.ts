/**
 * Roster files (bytes, no fs: the CLI reads the file, the task pane gets it from a file
 * input) → people, visits and the importer's reports. CSV (UTF-8 / GBK, detected) or .xlsx,
 * chosen by the file name.
 */
import { importPeople, importVisits, readCsv, readXlsx } from '../roster';
import type { ImportReport, Person, RawTable, Visit } from '../roster/types';

export interface RosterFile {
  /** File name: its extension picks the reader; it also labels report locations. */
  name: string;
  bytes: Uint8Array | ArrayBuffer;
  /** For .xlsx: sheet name or 1-based position (default the first sheet). */
  sheet?: string | number;
}

export interface Roster {
  people: Person[];
  visits: Visit[];
  importReports: ImportReport[];
}

export async function readTable(file: RosterFile): Promise<RawTable> {
  const base = file.name.split(/[\\/]/).pop() ?? file.name;
  if (/\.xlsx$/i.test(base)) {
    const t = await readXlsx(file.bytes, { sheet: file.sheet });
    return { ...t, sheet: `${base}:${t.sheet}` };
  }
  return readCsv(file.bytes, { sheet: base });
}

/** Visits are checked against the accepted people and the projection year (the importer rejects the rest, by row). */
export async function readRoster(people: RosterFile, visits: RosterFile, year: number): Promise<Roster> {
  const p = importPeople(await readTable(people));
  const v = importVisits(await readTable(visits), undefined, { year, people: p.rows });
  return { people: p.rows, visits: v.rows, importReports: [p.report, v.report] };
}
