/**
 * The result as the hosts need it: the projection's own workbook (writeWorkbook, the same
 * file the CLI writes) as .xlsx bytes for a download, and the same sheets as plain value
 * tables for Excel (OfficeHost writes them as new sheets), plus a chart-data sheet that the
 * Excel charts (by district, by category) are drawn from.
 *
 * The workbook is built once: the scenarios and figures the download keeps go in as hidden
 * extra sheets of the same pass, and Excel's value tables are read from the built workbook
 * in memory (never written to a file and read back).
 */
import type ExcelJS from 'exceljs';
import type { AnalystParameter } from '../../projection/baselineParams';
import { buildWorkbook } from '../../projection/writeWorkbook';
import { DEFAULT_RESULT_DETAIL, type ResultDetail } from '../resultDetail';
import type { ProjectionRun } from '../../projection/types';
import type { ChartSpec, OutCell, OutputSheet } from '../host/Host';
import { savedSheets } from '../host/scenarioSheet';
import { t, type Lang } from '../i18n';
import type { RunSummary } from '../runSummary';
import type { ScenarioSet } from '../scenarioStore';
import { checkpoint, type StopSignal } from './stopRequest';
import { zipWithProgress } from './zipWithProgress';

export interface BookOptions {
  lang: Lang;
  mask: boolean;
  /** Detail sheets (default DEFAULT_RESULT_DETAIL). */
  detail?: ResultDetail;
  /** Office: also give the sheets as value tables. */
  sheets: boolean;
  /** Kept in the downloaded file (file mode) as hidden sheets: scenarios and the analyst's figures. */
  scenarios?: ScenarioSet;
  /** The analyst's baseline figures, listed on the summary sheet. */
  parameters?: readonly AnalystParameter[];
  /** Build the .xlsx bytes (default true; Excel needs only the sheets). */
  xlsx?: boolean;
}

export interface BuiltBook {
  xlsx: Uint8Array;
  fileName: string;
  sheets: OutputSheet[];
  charts: ChartSpec[];
}

export const CHART_SHEET_KEY = 'chartData';

/**
 * What the pane's bar shows while the book is made: `book` — rows of the long tables laid out
 * (done of total); `zip` — the .xlsx compressed, percent of 100, or total 0 while exceljs
 * lays out the XML (no measure: an indeterminate bar).
 */
export type BookProgress = (phase: 'book' | 'zip', done: number, total: number) => void;

export interface BookHooks {
  onProgress?: BookProgress;
  /** Checked between blocks of rows and zip chunks; once set, buildBook throws StopRequested. */
  stop?: StopSignal;
}

/** District and category totals of the baseline, laid out for two charts. */
export function chartSheet(summary: RunSummary, lang: Lang): { sheet: OutputSheet; charts: ChartSpec[] } {
  const b = summary.baseline;
  const rows: OutCell[][] = [[t('district', {}, lang), t('assistance', {}, lang), t('premiumSubsidy', {}, lang)]];
  for (const d of b.byDistrict) rows.push([d.district, Number(d.bucket.assistance), Number(d.bucket.premiumSubsidy)]);
  const districtLast = rows.length - 1;
  rows.push([]);
  const catHeader = rows.length;
  rows.push([t('category', {}, lang), t('assistance', {}, lang)]);
  for (const c of b.byCategory) rows.push([lang === 'zh' ? c.zh : c.en, Number(c.bucket.assistance)]);
  const sheet: OutputSheet = {
    key: CHART_SHEET_KEY,
    title: lang === 'zh' ? '图表' : 'Charts',
    rows,
    moneyColumns: [1, 2],
    textColumns: [0],
  };
  const charts: ChartSpec[] = [
    { sheetKey: CHART_SHEET_KEY, kind: 'column', title: t('chartDistrict', {}, lang), headerRow: 0, lastRow: districtLast, labelColumn: 0, valueColumns: [1, 2] },
    { sheetKey: CHART_SHEET_KEY, kind: 'pie', title: t('chartCategory', {}, lang), headerRow: catHeader, lastRow: rows.length - 1, labelColumn: 0, valueColumns: [1] },
  ];
  return { sheet, charts };
}

function plain(v: ExcelJS.CellValue): OutCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in o) return plain(o.result as ExcelJS.CellValue);
  if ('text' in o) return String(o.text);
  return String(v);
}

/** Each visible worksheet as a value table; columns whose cells are text-formatted stay text. */
export function sheetsOf(wb: ExcelJS.Workbook): OutputSheet[] {
  const out: OutputSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    const rows: OutCell[][] = [];
    const text = new Set<number>();
    const money = new Set<number>();
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: OutCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plain(cell.value);
        if (cell.numFmt === '@') text.add(col - 1);
        else if (typeof cell.value === 'number' && /0\.00/.test(cell.numFmt ?? '') && !/%/.test(cell.numFmt ?? '')) money.add(col - 1);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push(cells);
    }
    out.push({ key: `sheet${ws.id}`, title: ws.name, rows, textColumns: [...text], moneyColumns: [...money].filter((c) => !text.has(c)), headerRows: 0 });
  });
  return out;
}

export function resultFileName(summary: RunSummary, lang: Lang): string {
  const b = summary.baseline;
  const region = lang === 'zh' ? b.region.zh : b.region.en;
  return `${lang === 'zh' ? '救助测算' : 'MedAid'}-${region}-${b.year}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

/**
 * Builds the result book. With `hooks.stop` the work stops at the next checkpoint once it is
 * set (StopRequested); nothing of it is kept, and the run it was built from is untouched, so
 * the same call can be made again.
 */
export async function buildBook(run: ProjectionRun, summary: RunSummary, opts: BookOptions, hooks: BookHooks = {}): Promise<BuiltBook> {
  const { onProgress, stop } = hooks;
  const extraSheets = opts.scenarios ? savedSheets(opts.scenarios) : [];
  const wb = await buildWorkbook(run, {
    lang: opts.lang,
    surface: 'pane',
    mask: opts.mask,
    detail: opts.detail ?? DEFAULT_RESULT_DETAIL,
    detailChoice: { zh: t('detailChoice', {}, 'zh'), en: t('detailChoice', {}, 'en') },
    ...(opts.parameters?.length ? { parameters: opts.parameters } : {}),
    ...(extraSheets.length ? { extraSheets } : {}),
  }, onProgress || stop ? async (done, total) => {
    onProgress?.('book', done, total);
    await checkpoint(stop);
  } : undefined);
  let sheets: OutputSheet[] = [];
  let charts: ChartSpec[] = [];
  if (opts.sheets) {
    const c = chartSheet(summary, opts.lang);
    sheets = [...sheetsOf(wb), c.sheet];
    charts = c.charts;
    await checkpoint(stop);
  }
  const xlsx = opts.xlsx === false ? new Uint8Array(0) : await zipWithProgress(wb, (p) => onProgress?.('zip', p ?? 0, p === undefined ? 0 : 100), stop);
  return { xlsx, fileName: resultFileName(summary, opts.lang), sheets, charts };
}
