/**
 * The result workbook as .xlsx bytes, built in memory with exceljs (no fs: the same code runs
 * in Node and in the task pane). What the sheets hold is in workbookLayout.ts; the CLI writes
 * the same sheets with the streaming writer (writeWorkbookFile.ts), which needs no memory for
 * the whole workbook.
 *
 * A browser tab cannot hold a workbook of millions of cells, so the 明细 Details sheet stops at
 * `maxDetailRows` (default 200,000) with a bilingual notice row and a note in the summary
 * sheet — never silently; all totals still include every row.
 */
import type ExcelJS from 'exceljs';
import { excelJs } from '../roster/excelJs';
import type { ProjectionRun } from './types';
import { layOutWorkbook, PAUSE_EVERY, planWorkbook, type LayoutTarget, type WorkbookOptions } from './workbookLayout';

export type { WorkbookOptions, ExtraSheet } from './workbookLayout';

/** Default row limit of the in-memory Details sheet (the task pane runs in a browser tab). */
export const DEFAULT_MAX_DETAIL_ROWS = 200_000;

/**
 * The workbook as an in-memory exceljs Workbook, not yet zipped: for a caller that needs its
 * cells as well as (or instead of) the file — the task pane inside Excel copies the sheets'
 * values, which would otherwise mean writing the file and reading it back.
 */
export async function buildWorkbook(run: ProjectionRun, opts: WorkbookOptions = {}, onRows?: (done: number, total: number) => void | Promise<void>): Promise<ExcelJS.Workbook> {
  const wb = new (await excelJs()).Workbook();
  wb.creator = 'MedAid Budget';
  // Progress for the task pane's bar: the long tables (明细, 人员, 校验报告) pause every
  // PAUSE_EVERY rows; their planned rows are the total (the short sheets are not counted).
  // onRows may return a promise (the pane's worker takes its messages there: a cancel).
  let target: LayoutTarget = { wb };
  let total = 0;
  if (onRows) {
    const plans = planWorkbook(run, opts, DEFAULT_MAX_DETAIL_ROWS);
    const detail = opts.detail ?? 'visits';
    total = (detail === 'visits' ? plans.details.shown : 0) + (detail !== 'none' ? plans.people.shown : 0) + run.importReports.reduce((n, r) => n + r.entries.length, 0);
    let done = 0;
    await onRows(0, total);
    target = { wb, pause: async () => onRows((done = Math.min(total, done + PAUSE_EVERY)), total) };
  }
  await layOutWorkbook(run, target, opts, DEFAULT_MAX_DETAIL_ROWS);
  await onRows?.(total, total);
  return wb;
}

/** A built workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // Fast deflate: the default level spends seconds on a 100k-row details sheet for a few % of size.
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}

/** The workbook as .xlsx bytes. */
export async function writeWorkbook(run: ProjectionRun, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  return workbookBytes(await buildWorkbook(run, opts));
}
