/**
 * How a long table (明细 one row per visit, 人员 one row per person) is laid out over sheets.
 * An Excel sheet holds at most 1,048,576 rows, so a longer table continues on 明细1, 明细2 …;
 * the browser's in-memory workbook also stops at a row limit of its own (maxDetailRows), and
 * then says so in a notice row and in the summary sheet: rows are never left out silently.
 * Planned before any sheet is written, so the summary sheet (the first one) can state it.
 */
import type { Lang } from './labels';

/** Rows in one Excel worksheet (Excel 2007 and later). */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface SheetSlice {
  name: string;
  /** Data rows [from, to) of the table (0-based), under one header row. */
  from: number;
  to: number;
  /** The last sheet of a truncated table ends with the notice row. */
  notice: boolean;
}

export interface LongTablePlan {
  /** Base sheet name ("明细"); split sheets are named base + 1, 2 … */
  base: string;
  total: number;
  /** Rows written (total unless truncated). */
  shown: number;
  truncated: boolean;
  /** The row limit that truncated the table, when it did. */
  limit?: number;
  sheets: SheetSlice[];
  /** Sheet row limit the split used (header included). */
  sheetRows: number;
}

function checkCount(name: string, v: number, min: number, max = Infinity): number {
  if (!(v === Infinity || Number.isInteger(v)) || v < min || v > max) {
    throw new RangeError(`${name} must be an integer from ${min}${max === Infinity ? '' : ` to ${max}`}, not ${v}`);
  }
  return v;
}

/**
 * The sheets of a table of `total` rows: at most `maxRows` written (then a notice row), at
 * most `sheetRows` rows per sheet including its header (default Excel's limit; injectable so
 * tests can force a split with a few rows).
 */
export function planLongTable(base: string, total: number, opts: { maxRows?: number; sheetRows?: number } = {}): LongTablePlan {
  const maxRows = checkCount('maxDetailRows', opts.maxRows ?? Infinity, 0);
  const sheetRows = checkCount('sheetRowLimit', opts.sheetRows ?? EXCEL_MAX_ROWS, 3, EXCEL_MAX_ROWS);
  const shown = Math.min(total, maxRows);
  const truncated = shown < total;
  const perSheet = sheetRows - 1; // one header row on each sheet
  const slots = shown + (truncated ? 1 : 0); // the notice row takes a row on the last sheet
  const count = Math.max(1, Math.ceil(slots / perSheet));
  const sheets: SheetSlice[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.min(i * perSheet, shown);
    const to = Math.min(from + perSheet, shown);
    sheets.push({ name: count === 1 ? base : `${base}${i + 1}`, from, to, notice: truncated && i === count - 1 });
  }
  return { base, total, shown, truncated, limit: truncated ? maxRows : undefined, sheets, sheetRows };
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * What the plan did, in Chinese and English (always both: the notice must be read by whoever
 * opens the file), or undefined when the table is on one sheet, whole. `what` names the table.
 */
export function planNotice(plan: LongTablePlan, what: { zh: string; en: string }): { zh: string; en: string } | undefined {
  const parts: { zh: string; en: string }[] = [];
  if (plan.truncated) {
    parts.push({
      zh: `${what.zh}共 ${n(plan.total)} 行，本工作簿只列出前 ${n(plan.shown)} 行（上限 ${n(plan.limit!)} 行），其余 ${n(plan.total - plan.shown)} 行未列出；汇总、情景对比、预测的金额包含全部行。完整${what.zh}请用命令行导出：medaid project … --out 结果.xlsx`,
      en: `${what.en}: ${n(plan.total)} rows; this workbook lists only the first ${n(plan.shown)} (limit ${n(plan.limit!)}); the other ${n(plan.total - plan.shown)} are not listed. The amounts in Summary, Scenarios and Forecast include every row. For the full ${what.en.toLowerCase()}, export with the command line: medaid project … --out result.xlsx`,
    });
  }
  if (plan.sheets.length > 1) {
    const zhList = plan.sheets.map((s) => `${s.name}（第 ${n(s.from + 1)}–${n(s.to)} 条）`).join('、');
    const enList = plan.sheets.map((s) => `${s.name} (records ${n(s.from + 1)}–${n(s.to)})`).join(', ');
    parts.push({
      zh: `${what.zh}共 ${n(plan.shown)} 行，超过每个工作表 ${n(plan.sheetRows)} 行的上限（含表头），分为 ${plan.sheets.length} 个工作表：${zhList}`,
      en: `${what.en}: ${n(plan.shown)} rows, more than ${n(plan.sheetRows)} rows a sheet (header included); split across ${plan.sheets.length} sheets: ${enList}`,
    });
  }
  if (!parts.length) return undefined;
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('. ') };
}

/** The notice as one cell's text: the workbook's language first, then the other. */
export function noticeText(notice: { zh: string; en: string }, lang: Lang): string {
  return lang === 'zh' ? `${notice.zh} / ${notice.en}` : `${notice.en} / ${notice.zh}`;
}
