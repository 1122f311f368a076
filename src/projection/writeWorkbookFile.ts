/**
 * The result workbook written straight to a file with exceljs's streaming writer (Node only:
 * the CLI). Each row is committed as it is written and each sheet when it is done, so memory
 * does not grow with the workbook: only the projection itself is held. The sheets are the
 * ones writeWorkbook builds in memory for the task pane (workbookLayout.ts); 明细 Details has
 * no row limit here and continues on 明细1, 明细2 … past Excel's 1,048,576 rows a sheet.
 *
 * Not exported from src/projection/index.ts: the task pane's bundle must not pull in fs.
 */
import { mkdirSync, renameSync, rmSync } from 'fs';
import { dirname } from 'path';
import { excelJs } from '../roster/excelJs';
import type { ProjectionRun } from './types';
import { layOutWorkbook, type WorkbookOptions } from './workbookLayout';
import { XmlRows, type StringMode } from './xmlRows';

/** Let the zip stream take what has been written before writing more rows. */
const yieldToStreams = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How the file is written (the defaults are what the CLI uses; the others are for comparison in the benchmark). */
export interface FileWriteOptions {
  /** 'xml' (default): rows as SpreadsheetML into exceljs's sheet streams (xmlRows.ts); 'exceljs': its Row/Cell objects. */
  rows?: 'xml' | 'exceljs';
  /** Text cells: labels shared and the rest inline ('auto', the default), all shared, or all inline (xml rows only; xmlRows.ts). */
  strings?: StringMode;
  /** zlib level of the zip, 1 (default, fastest) to 9. */
  zipLevel?: number;
}

/**
 * Writes the workbook to `path` (its folder is created). The file appears only when complete:
 * rows go to `path.partial`, renamed at the end, so a failed run never leaves a truncated
 * workbook under the real name.
 */
export async function writeWorkbookFile(run: ProjectionRun, path: string, opts: WorkbookOptions = {}, how: FileWriteOptions = {}): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter({
    filename: partial,
    useStyles: true,
    // The shared-string table holds the labels (xmlRows.ts 'auto'; every text on the Row/Cell path).
    useSharedStrings: true,
    zip: { zlib: { level: how.zipLevel ?? 1 } },
  });
  wb.creator = 'MedAid Budget';
  try {
    await layOutWorkbook(
      run,
      {
        wb,
        pause: yieldToStreams,
        sheetDone: (ws) => (ws as unknown as { commit(): void }).commit(),
        xmlRows: how.rows === 'exceljs' ? undefined : (ws) => new XmlRows(ws, wb, how.strings ?? 'auto'),
      },
      opts,
      Infinity,
    );
    await wb.commit();
    renameSync(partial, path);
  } catch (e) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // the original error is the one to report
    }
    throw e;
  }
}
