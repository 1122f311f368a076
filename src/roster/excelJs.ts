/**
 * exceljs, loaded the first time a workbook is read or written rather than when a module that can
 * write one is imported: in Node it takes about 0.2 s to load (most of the CLI's start-up), and a
 * `medaid project --summary` run on CSV files never needs it. In the pane's webpack bundle the
 * module stays in the chunk that imports it (eager mode: no extra request, nothing fetched).
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJs = typeof ExcelJSModule;

let loaded: Promise<ExcelJs> | undefined;

export function excelJs(): Promise<ExcelJs> {
  loaded ??= import(/* webpackMode: "eager" */ 'exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? (m as unknown as ExcelJs)));
  return loaded;
}
