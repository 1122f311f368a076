/**
 * What the task pane needs from a workbook, and nothing more. Two implementations:
 * OfficeHost (inside Excel, through Excel.run) and FileHost (a plain browser: files the
 * user picks, a downloaded result). The pane talks only to this interface, so the same
 * steps work in both places and the Office path can be tested with a mock.
 */
import type { RawTable } from '../../roster/types';
import type { ScenarioSet } from '../scenarioStore';

export type HostKind = 'office' | 'file';

export interface SheetInfo {
  name: string;
  /** True for a sheet this add-in wrote (a result sheet): not offered as roster input. */
  own: boolean;
}

/** One cell value as it goes into a result sheet. */
export type OutCell = string | number | boolean | null;

/**
 * A result table as a sheet. `key` is stable across runs ("summary", "byDistrict") so a
 * re-run replaces the sheet it wrote before; `title` is the visible name without prefix.
 */
export interface OutputSheet {
  key: string;
  title: string;
  rows: OutCell[][];
  /** Columns (0-based) kept as text, e.g. ID numbers: written with number format "@". */
  textColumns?: number[];
  /** Columns holding money: written with a two-decimal number format. */
  moneyColumns?: number[];
  /** Number of header rows at the top (bold). Default 1. */
  headerRows?: number;
  columnWidths?: number[];
}

/** A chart over a block of one output sheet: labels in one column, series in others. */
export interface ChartSpec {
  sheetKey: string;
  kind: 'column' | 'pie';
  title: string;
  /** 0-based rows of the data block, header row included (series names come from it). */
  headerRow: number;
  lastRow: number;
  labelColumn: number;
  valueColumns: number[];
}

export interface ResultBook {
  sheets: OutputSheet[];
  charts: ChartSpec[];
  /** The whole result as an .xlsx (file mode downloads this). */
  xlsx?: () => Promise<Uint8Array>;
  /** Suggested download name, e.g. "救助测算-信阳市-2024.xlsx". */
  fileName?: string;
}

export interface WriteOutcome {
  /** Names of the sheets written (Office) or the file downloaded (file mode). */
  written: string[];
  /** Own sheets from an earlier run that were replaced. */
  replaced: string[];
}

export type Progress = (done: number, total: number) => void;

/** Asked by the pane (Cancel) while a result is written; the host checks it between blocks. */
export interface WriteStop {
  readonly stopped: boolean;
}

/**
 * writeResult stopped on request. Nothing of that attempt is left: in Excel the sheets it
 * created are deleted (those it can still prove its own), the workbook's record of result
 * sheets is put back as it was, and no user sheet is touched; in file mode no file is saved.
 */
export class WriteCancelled extends Error {
  /** Excel: sheets of the earlier result that this attempt had already deleted (it replaced them). */
  constructor(readonly replaced: readonly string[] = []) {
    super('写入已取消 / writing was cancelled');
    this.name = 'WriteCancelled';
  }
}

export interface Host {
  readonly kind: HostKind;
  /** Whether readSelection is available (Office only). */
  readonly canReadSelection: boolean;
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet, as a roster table (row numbers as the user sees them). */
  readSheet(name: string): Promise<RawTable>;
  /** The selected range, as a roster table. */
  readSelection(): Promise<RawTable>;
  /**
   * Writes the result as new sheets (Office) or downloads it (file mode). Never touches a
   * user's sheet: only sheets this add-in wrote before are replaced. Once `stop` is set it
   * throws WriteCancelled at its next block, having removed what it wrote.
   */
  writeResult(book: ResultBook, onProgress?: Progress, stop?: WriteStop): Promise<WriteOutcome>;
  /** Scenarios kept with the workbook (document settings / the downloaded file). */
  loadScenarios(): Promise<ScenarioSet | undefined>;
  saveScenarios(set: ScenarioSet): Promise<void>;
}
