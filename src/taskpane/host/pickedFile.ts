/**
 * A roster file the analyst picked (CSV, UTF-8 or GBK, or .xlsx) → its tables, each labelled
 * as the pane shows it: a CSV is one table named as the file, an .xlsx sheet is
 * "file.xlsx:sheet". A result workbook downloaded earlier also brings back the scenarios and
 * figures saved in its hidden sheets. Runs in the projection worker (file mode) and in Node.
 */
import { readCsv } from '../../roster/csv';
import { sniffFile } from '../../roster/fileType';
import type { RawTable } from '../../roster/types';
import type { ScenarioSet } from '../scenarioStore';
import { SAVED_SHEETS } from './savedSheetNames';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadFile {
  /** The roster tables, labels as `sheet`, in file order. */
  tables: RawTable[];
  /** Scenarios and figures saved in the file, if it is a result workbook. */
  saved?: ScenarioSet;
}

export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

export async function readPickedFile(file: PickedFile): Promise<ReadFile> {
  const base = baseName(file.name);
  // By content, not by name: an .xlsx named .csv is a workbook, a CSV named .xlsx is text.
  if (sniffFile(file.bytes) !== 'xlsx') return { tables: [readCsv(file.bytes, { sheet: base })] };
  // exceljs is large: loaded only when an .xlsx is opened.
  const { readXlsxSheets } = await import(/* webpackChunkName: "xlsx-reader" */ '../../roster/xlsx');
  const out: ReadFile = { tables: [] };
  let hasSaved = false;
  for (const t of await readXlsxSheets(file.bytes)) {
    if (SAVED_SHEETS.includes(t.sheet)) {
      hasSaved = true;
      continue;
    }
    out.tables.push({ ...t, sheet: `${base}:${t.sheet}` });
  }
  if (hasSaved) {
    const { scenariosInXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ './scenarioSheet');
    out.saved = await scenariosInXlsx(file.bytes);
  }
  return out;
}
