/**
 * The pane in a plain browser (no Excel): the analyst picks roster files (CSV or .xlsx);
 * they are read in this page and kept in memory only; the result is built as an .xlsx
 * and handed to the browser as a download. Nothing is sent anywhere.
 *
 * Scenarios are kept in memory and written into the downloaded workbook as a hidden sheet
 * (SCENARIO_SHEET); opening such a workbook again brings them back.
 */
import type { RawTable } from '../../roster/types';
import type { ScenarioSet } from '../scenarioStore';
import { WriteCancelled, type Host, type Progress, type ResultBook, type SheetInfo, type WriteOutcome, type WriteStop } from './Host';
import { readPickedFile, type PickedFile } from './pickedFile';

export { SCENARIO_SHEET } from './savedSheetNames';
export type { PickedFile } from './pickedFile';

/** Saves bytes as a file; the default clicks a download link (tests replace it). */
export type Saver = (name: string, bytes: Uint8Array) => void;

export function browserSaver(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export class FileHost implements Host {
  readonly kind = 'file' as const;
  readonly canReadSelection = false;
  /** Sheet label → table. A CSV is one sheet named as the file; an .xlsx sheet is "file.xlsx:sheet". */
  private readonly tables = new Map<string, RawTable>();
  private scenarios: ScenarioSet | undefined;

  constructor(private readonly save: Saver = browserSaver) {}

  /**
   * Reads a picked file in this thread; returns the labels of the sheets it brought. (The pane
   * reads files in its worker instead — worker/rosterSession.ts — with the same reader.)
   */
  async openFile(file: PickedFile): Promise<string[]> {
    const read = await readPickedFile(file);
    if (read.saved) this.scenarios = read.saved;
    for (const t of read.tables) this.tables.set(t.sheet, t);
    return read.tables.map((t) => t.sheet);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.tables.keys()].map((name) => ({ name, own: false }));
  }

  async readSheet(name: string): Promise<RawTable> {
    const t = this.tables.get(name);
    if (!t) throw new Error(`没有打开名为“${name}”的文件或工作表 / no open file or sheet named "${name}"`);
    return t;
  }

  async readSelection(): Promise<RawTable> {
    throw new Error('浏览器文件模式没有选中区域 / there is no selection in browser file mode');
  }

  async writeResult(book: ResultBook, onProgress?: Progress, stop?: WriteStop): Promise<WriteOutcome> {
    if (!book.xlsx) throw new Error('结果工作簿尚未生成 / the result workbook was not built');
    onProgress?.(0, 1);
    const bytes = await book.xlsx();
    // The file is handed to the browser in one piece: a stop asked for before saves nothing.
    if (stop?.stopped) throw new WriteCancelled();
    const name = book.fileName ?? 'MedAid-result.xlsx';
    this.save(name, bytes);
    onProgress?.(1, 1);
    return { written: [name], replaced: [] };
  }

  async loadScenarios(): Promise<ScenarioSet | undefined> {
    return this.scenarios;
  }

  async saveScenarios(set: ScenarioSet): Promise<void> {
    this.scenarios = set;
  }
}
