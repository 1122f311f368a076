/**
 * What the result workbook holds, sheet by sheet, written row by row in order onto either an
 * in-memory exceljs Workbook (writeWorkbook: bytes, the task pane) or exceljs's streaming
 * WorkbookWriter (writeWorkbookFile: the CLI), so both give the same cells. Sheets:
 * 汇总 Summary, 情景对比 Scenarios, 明细 per-visit Details (split over 明细1, 明细2 … past a
 * sheet's row limit, or cut with a notice row past maxDetailRows), 结算各层 per-settlement-visit
 * Layers (settlement rosters only; split and cut like 明细), 人员 per-person totals,
 * 校验报告 Validation, 预测 Forecast. ID numbers are text cells; amounts are numbers formatted
 * #,##0.00 (each a value already rounded to the fen — the cell holds the nearest double, as
 * every Excel number does; the exact figures are in summary.json). Optional masking of IDs
 * and names for copies that leave the bureau: the whole run is masked once (maskRun) before
 * any sheet is written, so no sheet, message or quoted cell can carry a full ID or name.
 *
 * Rows are only ever appended (never revisited), formats and widths are set before a sheet's
 * first row and frozen panes when the sheet is added: what a streaming writer needs.
 */
import type ExcelJS from 'exceljs';
import { CATEGORIES } from '../engine/categories';
import type { Dec } from '../engine/money';
import { fenOfDecimal } from '../fastpath/fenOfDecimal';
import { maskRun } from './maskRun';
import { monitoringLine } from './monitoringAlerts';
import { calibrationTable } from './calibration';
import type { AnalystParameter } from './baselineParams';
import { completenessLabel, completenessNotes, type Completeness } from './completeness';
import type { Surface } from './fixes';
import { findingText } from './preflight';
import { categoryName, measureName, word, type Lang, type Word } from './labels';
import { noticeText, planLongTable, planNotice, type LongTablePlan, type SheetSlice } from './longTablePlan';
import { LAYER_LABELS, type LayerKey } from './layers';
import type { LayerSource } from '../engine/rules/settlementChain';
import type { Bucket, Projection, ProjectionRun } from './types';
import { columnName, type CellStyle, type XmlRows } from './xmlRows';

export interface WorkbookOptions {
  lang?: Lang;
  /** Whose words the fixes are in (fixes.ts): the CLI's flags (default) or the pane's fields. */
  surface?: Surface;
  /** Mask ID numbers (4101**********123X) and names (张*). */
  mask?: boolean;
  /**
   * At most this many rows in 明细 Details; beyond, the table stops with a bilingual notice row
   * and the summary sheet says so. writeWorkbook (in memory) defaults to 200,000 (a browser
   * tab's memory); writeWorkbookFile (streamed) to no limit.
   */
  maxDetailRows?: number;
  /**
   * Rows per sheet, header included, before a long table continues on a new sheet
   * (明细1, 明细2 …). Default Excel's 1,048,576; smaller only for tests.
   */
  sheetRowLimit?: number;
  /** Figures the analyst supplied for the baseline (--set / --params): listed in the summary sheet. */
  parameters?: readonly AnalystParameter[];
  /**
   * Sheets written after the result's own, in order (the task pane keeps its scenarios and the
   * analyst's figures in hidden ones, so a downloaded file brings them back). Written in the same
   * pass as the rest, so the workbook is built once. Absent: the workbook is exactly as before.
   */
  extraSheets?: readonly ExtraSheet[];
  /**
   * Detail sheets: 'visits' both 明细 Details (one row per visit) and 人员 People; 'people' only
   * 人员 People; 'none' neither (a summary workbook). Default 'visits' (every sheet); the CLI's
   * --detail defaults to 'people'. The summary sheet says which were left out.
   */
  detail?: 'none' | 'people' | 'visits';
  /**
   * Where the analyst chose the detail level, named in the summary sheet's note when sheets were
   * left out: the CLI's flag by default; the task pane names its own field instead.
   */
  detailChoice?: { zh: string; en: string };
}

/** A sheet of text cells added after the result's sheets (see WorkbookOptions.extraSheets). */
export interface ExtraSheet {
  name: string;
  /** Default 'visible'. */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Rows of text cells from column A; each cell is written as text (number format "@"), never parsed. */
  rows: readonly (readonly string[])[];
}

/** Where the rows go, and what the writer does between rows and after a sheet. */
export interface LayoutTarget {
  wb: ExcelJS.Workbook;
  /** Called every few thousand rows of a long table (the streaming writer lets the zip catch up). */
  pause?: () => Promise<void>;
  /** Called when a sheet is complete (the streaming writer commits it, freeing its rows). */
  sheetDone?: (ws: ExcelJS.Worksheet) => void;
  /**
   * The streaming writer's fast rows (xmlRows.ts): a sheet's rows go to it as SpreadsheetML, with
   * the same values and styles the Row/Cell API would give them. Absent: exceljs's row objects.
   */
  xmlRows?: (ws: ExcelJS.Worksheet) => XmlRows;
}

const MONEY = '#,##0.00';
const COUNT = '#,##0';
const PERCENT = '0.00%';
/** Rows of a long table between two calls of LayoutTarget.pause. */
export const PAUSE_EVERY = 2000;
const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

type Cell = string | number | Dec | null | undefined | { pct: Dec } | { text: string };

/** Excel's limit on a cell's text (characters); a longer cell makes Excel repair or refuse the file. */
export const CELL_TEXT_LIMIT = 32767;

/** A cell whose text was over CELL_TEXT_LIMIT: cut, with a marker, and listed on the validation sheet. */
export interface TruncatedCell {
  sheet: string;
  cell: string;
  length: number;
}

/**
 * Text as a cell can hold it: up to CELL_TEXT_LIMIT characters, else its start and a marker
 * saying how long the whole was (the full text is in summary.json / the source file).
 */
export function fitCellText(text: string): { text: string; cut: boolean } {
  if (text.length <= CELL_TEXT_LIMIT) return { text, cut: false };
  const marker = ` …［截断：原文 ${text.length} 字符，单元格上限 ${CELL_TEXT_LIMIT} / truncated: ${text.length} characters, a cell holds ${CELL_TEXT_LIMIT}］`;
  let head = text.slice(0, CELL_TEXT_LIMIT - marker.length);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1); // never half a surrogate pair
  return { text: head + marker, cut: true };
}
type Format = 'money' | 'count' | 'text' | 'general';
type LongCell = string | number | Dec | undefined;

/**
 * An amount as the cell's number: the nearest double to it at 0.01 (Number(toFixed(2))). For an
 * amount in whole fen (every figure of the result is rounded to the fen) that double is fen / 100,
 * read from decimal.js's digits without decimal arithmetic (fenOfDecimal): both are the correctly
 * rounded double of the same fraction, so they are equal; any other amount takes toFixed.
 */
function amountNumber(c: Dec): number {
  const fen = fenOfDecimal(c);
  return fen !== undefined ? fen / 100 : Number(c.toFixed(2));
}

type Look = 'header' | 'total' | 'title' | 'plain';
const BOLD = { bold: true, size: 11 };
const TITLE = { bold: true, size: 14 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The style a cell gets on the Row/Cell API path (its column's number format, then the cell's own, font and fill by the row's look). */
function cellStyle(numFmt: string | undefined, look: Look): CellStyle {
  const style: CellStyle = {};
  if (numFmt) style.numFmt = numFmt;
  if (look !== 'plain') style.font = look === 'title' ? TITLE : BOLD;
  if (look === 'header') style.fill = HEADER_FILL;
  return style;
}

/** A column's number format as SheetWriter.formats sets it. */
const COLUMN_FORMAT: Record<Format, string | undefined> = { money: MONEY, count: '0', text: '@', general: undefined };

class SheetWriter {
  row = 1;
  /** Each column's number format (formats()), which a cell without its own takes. */
  private columnFormats: (string | undefined)[] = [];
  /** Style ids of plain rows' cells, per column: [number cell, text cell] (xml only). */
  private plainIds: [number, number][] = [];

  constructor(readonly ws: ExcelJS.Worksheet, private readonly truncated: TruncatedCell[] = [], private readonly xml?: XmlRows) {}

  /** A string as written: cut to what a cell holds, the cut recorded (row and column are 1-based). */
  private fit(text: string, row: number, col: number): string {
    const f = fitCellText(text);
    if (f.cut) this.truncated.push({ sheet: this.ws.name, cell: `${columnName(col)}${row}`, length: text.length });
    return f.text;
  }

  /** One row; Dec → number with the money format, {text} → a text cell, {pct} → a % cell. */
  put(cells: Cell[], style: Look = 'plain'): void {
    if (this.xml) return this.putXml(this.xml, cells, style);
    const r = this.ws.getRow(this.row++);
    cells.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      if (c === null || c === undefined) return;
      if (typeof c === 'object' && 'pct' in c) {
        cell.value = c.pct.dividedBy(100).toNumber();
        cell.numFmt = PERCENT;
      } else if (typeof c === 'object' && 'text' in c) {
        cell.value = this.fit(c.text, this.row - 1, i + 1);
        cell.numFmt = '@';
      } else if (typeof c === 'object') {
        cell.value = amountNumber(c);
        cell.numFmt = MONEY;
      } else if (typeof c === 'number') {
        cell.value = c;
        cell.numFmt = COUNT;
      } else {
        cell.value = this.fit(c, this.row - 1, i + 1);
      }
      if (style === 'header' || style === 'total' || style === 'title') cell.font = { bold: true, size: style === 'title' ? 14 : 11 };
      if (style === 'header') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
    r.commit();
  }

  /** put() as SpreadsheetML: the same values, each cell with the style id put() would give it. */
  private putXml(xml: XmlRows, cells: Cell[], look: Look): void {
    const at = this.row++;
    xml.startRow(at);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined) continue;
      let fmt: string | undefined;
      let n: number | undefined;
      let t: string | undefined;
      if (typeof c === 'object' && 'pct' in c) {
        n = c.pct.dividedBy(100).toNumber();
        fmt = PERCENT;
      } else if (typeof c === 'object' && 'text' in c) {
        t = this.fit(c.text, at, i + 1);
        fmt = '@';
      } else if (typeof c === 'object') {
        n = amountNumber(c);
        fmt = MONEY;
      } else if (typeof c === 'number') {
        n = c;
        fmt = COUNT;
      } else {
        t = this.fit(c, at, i + 1);
        fmt = this.columnFormats[i];
      }
      const key = `${fmt ?? ''}|${look}`;
      if (n !== undefined) xml.number(i + 1, n, xml.styleId(key, 'number', () => cellStyle(fmt, look)));
      else xml.text(i + 1, t!, xml.styleId(key, 'string', () => cellStyle(fmt, look)));
    }
    xml.endRow();
  }

  /** Column formats, set before the first row (a streaming sheet writes its columns then). */
  formats(formats: Format[]): void {
    formats.forEach((f, i) => {
      const numFmt = COLUMN_FORMAT[f];
      this.columnFormats[i] = numFmt;
      if (numFmt) this.ws.getColumn(i + 1).numFmt = numFmt;
    });
  }

  /** A plain row of a long table: values only, the column formats apply (no style object per cell). */
  plain(cells: LongCell[]): void {
    const at = this.row++;
    if (this.xml) return this.plainXml(this.xml, at, cells);
    const r = this.ws.getRow(at);
    r.values = cells.map((c, i) => (c === undefined ? null : typeof c === 'object' ? amountNumber(c) : typeof c === 'string' ? this.fit(c, at, i + 1) : c));
    r.commit();
  }

  /** plain() as SpreadsheetML: each cell with its column's style id for its type. */
  private plainXml(xml: XmlRows, at: number, cells: LongCell[]): void {
    xml.startRow(at);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === undefined) continue;
      let p = this.plainIds[i];
      if (!p) {
        const fmt = this.columnFormats[i];
        const key = `${fmt ?? ''}|plain`;
        p = this.plainIds[i] = [xml.styleId(key, 'number', () => cellStyle(fmt, 'plain')), xml.styleId(key, 'string', () => cellStyle(fmt, 'plain'))];
      }
      if (typeof c === 'string') xml.text(i + 1, this.fit(c, at, i + 1), p[1]);
      else xml.number(i + 1, typeof c === 'number' ? c : amountNumber(c), p[0]);
    }
    xml.endRow();
  }

  gap(): void {
    this.row++;
  }

  widths(ws: number[]): void {
    ws.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }

  /** The sheet is complete: rows still buffered go to its stream. */
  end(): void {
    this.xml?.flush();
  }
}

interface Ctx {
  run: ProjectionRun;
  target: LayoutTarget;
  lang: Lang;
  L: (w: Word) => string;
  opts: WorkbookOptions;
  /** Cells cut to Excel's limit so far (listed at the end of the validation sheet). */
  truncated: TruncatedCell[];
}

function sheet(ctx: Ctx, name: string, opts?: Partial<ExcelJS.AddWorksheetOptions>): SheetWriter {
  const ws = ctx.target.wb.addWorksheet(name, opts);
  return new SheetWriter(ws, ctx.truncated, ctx.target.xmlRows?.(ws));
}

function finish(ctx: Ctx, s: SheetWriter): void {
  s.end();
  ctx.target.sheetDone?.(s.ws);
}

/**
 * A long table over the sheets of its plan: each sheet gets the header, its slice of rows and,
 * on the last sheet of a truncated table, the notice row.
 */
async function longTable(
  ctx: Ctx,
  plan: LongTablePlan,
  notice: { zh: string; en: string } | undefined,
  layout: { header: string[]; formats: Format[]; widths: number[] },
  rowAt: (i: number) => LongCell[],
): Promise<void> {
  for (const slice of plan.sheets) {
    const s = sheet(ctx, slice.name, FROZEN_HEADER);
    s.widths(layout.widths);
    s.formats(layout.formats);
    s.put(layout.header, 'header');
    await rows(ctx, s, slice, rowAt);
    if (slice.notice && notice) s.put([noticeText(notice, ctx.lang)], 'total');
    finish(ctx, s);
  }
}

async function rows(ctx: Ctx, s: SheetWriter, slice: SheetSlice, rowAt: (i: number) => LongCell[]): Promise<void> {
  for (let i = slice.from; i < slice.to; i++) {
    s.plain(rowAt(i));
    if (ctx.target.pause && (i - slice.from + 1) % PAUSE_EVERY === 0) await ctx.target.pause();
  }
}

/**
 * A totals row. A figure that was not computed shows 未计算 (text), never 0.00: the tilt when
 * the region's terms are missing (ruling 4), and a bucket's amounts when none of its people
 * could be computed for that part.
 */
function bucketRow(label: string, b: Bucket, L: (w: Word) => string, c?: Completeness, missing?: { people: number; assistance: number; premiumSubsidy: number }): Cell[] {
  const a = b.assistance;
  const nc = { text: L('notComputed') };
  const none = (n: number | undefined) => !!missing && missing.people > 0 && n === missing.people;
  const noAssistance = missing ? none(missing.assistance) : c?.measures['assistance.total'] === 'notComputed';
  const noPremium = missing ? none(missing.premiumSubsidy) : c?.measures['premiumSubsidy.total'] === 'notComputed';
  const status = (id: string, v: Dec): Cell => (noAssistance || c?.measures[id] === 'notComputed' ? nc : v);
  return [label, b.people, b.visits, status('assistance.inpatient', a.inpatient), status('assistance.outpatient', a.outpatient), status('assistance.tilt', a.tilt),
    noAssistance ? nc : a.total, noPremium ? nc : b.premiumSubsidy, b.subsidised, noAssistance || noPremium ? nc : b.fundNeed];
}

const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function summarySheet(ctx: Ctx, notices: { zh: string; en: string }[], omitted?: { zh: string; en: string }): void {
  const { L, lang } = ctx;
  const p: Projection = ctx.run.baseline;
  const s = sheet(ctx, L('summary'));
  s.widths([22, 12, 12, 16, 16, 16, 16, 16, 12, 16]);
  const region = lang === 'zh' ? p.region.zh : p.region.en;
  s.put([lang === 'zh' ? `${region} ${p.year} 年${L('title')}（${L('baseline')}）` : `${region} ${p.year} ${L('title')} (${L('baseline')})`], 'title');
  s.put([L('edition'), p.policyId]);
  // Completeness first: an incomplete run must not look like a finished budget (completeness.ts).
  const c = p.completeness;
  if (c) {
    s.put([c.complete ? (lang === 'zh' ? '完整测算' : 'Complete') : L('partialRun'), completenessLabel(c, lang)], 'total');
    for (const n of completenessNotes(c, lang, ctx.opts.surface)) s.put(['', n]);
  }
  for (const n of notices) s.put([lang === 'zh' ? '注意 / Note' : 'Note / 注意', noticeText(n, lang)], 'total');
  if (p.monitoring) s.put([L('monitoringSheet'), monitoringLine(p.monitoring, lang, (c) => categoryName(c, lang))], 'total');
  if (omitted) s.put([lang === 'zh' ? '注意 / Note' : 'Note / 注意', lang === 'zh' ? omitted.zh : omitted.en]);
  const params = ctx.opts.parameters ?? [];
  if (params.length) {
    s.gap();
    s.put([lang === 'zh' ? '基准参数（分析人员补充，文件未给出或授权另定） / Analyst-supplied baseline figures' : 'Analyst-supplied baseline figures (not in, or delegated by, the documents) / 基准参数（分析人员补充）'], 'total');
    s.put([lang === 'zh' ? '地区' : 'Region', lang === 'zh' ? '参数路径' : 'Parameter path', lang === 'zh' ? '取值' : 'Value', lang === 'zh' ? '来源' : 'Source'], 'header');
    for (const x of params) s.put([x.region, x.path, { text: valueText(x.value) }, x.source]);
  }
  s.gap();
  s.put([L('byCategory')], 'total');
  const head: Word[] = ['category', 'peopleCount', 'visits', 'inpatient', 'outpatient', 'tilt', 'assistance', 'premiumSubsidy', 'subsidised', 'fundNeed'];
  s.put(head.map(L), 'header');
  for (const c of CATEGORIES) {
    const b = p.totals.byCategory[c.id];
    if (b) s.put(bucketRow(categoryName(c.id, lang), b, L, p.completeness, p.completeness?.missing.byCategory[c.id]));
  }
  const totalLabel = p.completeness && !p.completeness.complete ? `${L('total')}（${L('partialRun')}）` : L('total');
  s.put(bucketRow(totalLabel, p.totals.overall, L, p.completeness), 'total');
  if (p.calibration) {
    s.gap();
    s.put([lang === 'zh' ? '与文件公布的全年数据对照（人均） / Against the published year' : "Against the documents' published year (per person) / 与公布数据对照"], 'total');
    const [head, ...rows] = calibrationTable(p.calibration, lang);
    s.put(head, 'header');
    p.calibration.forEach((r, i) => s.put([rows[i][0], r.published.people, r.published.amount, r.published.perPerson, r.projected.people, r.projected.amount, r.projected.perPerson ?? null, rows[i][7], rows[i][8]]));
  }
  s.gap();
  s.put([L('byDistrict')], 'total');
  s.put((['district', 'peopleCount', 'visits', 'inpatient', 'outpatient', 'tilt', 'assistance', 'premiumSubsidy', 'subsidised', 'fundNeed'] as Word[]).map(L), 'header');
  for (const [d, b] of Object.entries(p.totals.byDistrict)) s.put(bucketRow(d, b, L, p.completeness, p.completeness?.missing.byDistrict[d]));
  s.put(bucketRow(totalLabel, p.totals.overall, L, p.completeness), 'total');
  s.gap();
  const f = p.funding;
  s.put([`${L('funding')}（${L('ratio')} ${f.ratio}）`], 'total');
  s.put((['district', 'fundNeed', 'sources', 'fiscal', 'city', 'districtPart'] as Word[]).map(L), 'header');
  for (const [d, x] of Object.entries(f.districts)) s.put([d, x.need, x.sources, x.fiscal, x.city, x.district]);
  s.put([totalLabel, f.need, f.allocated, f.fiscal, f.city, f.districtTotal], 'total');
  if (f.ratioSource) s.put([L('ratioSource'), lang === 'zh' ? f.ratioSource.zh : f.ratioSource.en]);
  s.gap();
  s.put([L('item'), L('amount'), L('origin')], 'header');
  const origin = (o: string) => L(o as Word);
  s.put([L('lottery'), f.lottery, origin(f.origin.lottery)]);
  s.put([L('donations'), f.donations, origin(f.origin.donations)]);
  s.put([L('transfers'), f.transfers, origin(f.origin.transfers)]);
  s.put([L('sourcesTotal'), f.sourcesTotal]);
  s.put([L('allocated'), f.allocated]);
  s.put([L('surplus'), f.surplus]);
  s.put([L('fundNeed'), f.need]);
  s.put([L('fiscal'), f.fiscal]);
  s.put([L('ratio'), f.ratio, f.ratioSource ? (lang === 'zh' ? f.ratioSource.zh : f.ratioSource.en) : origin(f.origin.ratio)]);
  s.put([L('city'), f.city]);
  s.put([L('districtPart'), f.districtTotal]);
  finish(ctx, s);
}

function scenariosSheet(ctx: Ctx): void {
  const { run, L, lang } = ctx;
  const s = sheet(ctx, L('scenarios'));
  const head: Cell[] = [L('measure'), L('baseline')];
  for (const { projection } of run.scenarios) head.push(projection.scenario, `${L('diff')}`, `${L('pct')}`);
  s.widths([34, 16, ...run.scenarios.flatMap(() => [16, 14, 10])]);
  s.put(head, 'header');
  const ids = run.comparisons.length ? Object.keys(run.comparisons[0].measures) : [];
  const all = new Set(ids);
  for (const c of run.comparisons.slice(1)) for (const k of Object.keys(c.measures)) all.add(k);
  for (const id of all) {
    const first = run.comparisons.find((c) => c.measures[id])!.measures[id];
    const row: Cell[] = [measureName(id, lang), first.baseline];
    for (const c of run.comparisons) {
      const d = c.measures[id];
      row.push(d?.scenario, d?.diff, d?.pct ? { pct: d.pct } : undefined);
    }
    s.put(row);
  }
  if (!run.scenarios.length) s.put([lang === 'zh' ? '（未提供情景）' : '(no scenarios given)']);
  finish(ctx, s);
}

async function detailsSheets(ctx: Ctx, plan: LongTablePlan, notice: { zh: string; en: string } | undefined): Promise<void> {
  const { run, L, lang } = ctx;
  const header = (['row', 'id', 'name', 'district', 'date', 'kind', 'scheme', 'cost', 'referred', 'usedCategory', 'ordinary', 'topUp', 'tilt', 'assistance'] as Word[]).map(L);
  for (const { projection } of run.scenarios) header.push(`${projection.scenario}：${L('assistance')}`);
  const widths = [8, 22, 10, 10, 12, 8, 18, 16, 8, 18, 14, 12, 12, 14, ...run.scenarios.map(() => 18)];
  const formats: Format[] = ['count', 'text', 'general', 'general', 'general', 'general', 'general', 'money', 'general', 'general', 'money', 'money', 'money', 'money', ...run.scenarios.map(() => 'money' as const)];
  // By the person's row, not the ID: masked IDs of two people can be equal.
  const names = new Map(run.baseline.people.map((p) => [p.person.rowNumber, p.person.name]));
  const byRow = run.scenarios.map(({ projection }) => new Map(projection.visits.map((v) => [v.visit.rowNumber, v.assistance])));
  const visits = [...run.baseline.visits].sort((a, b) => a.visit.rowNumber - b.visit.rowNumber);
  // Ruling 4: a referred visit's tilt is 未计算 when the region's tilt terms are missing (a visit not referred gets none).
  const tiltGap = !!run.baseline.completeness?.notComputed.includes('assistance.tilt');
  await longTable(ctx, plan, notice, { header, formats, widths }, (i) => {
    const v = visits[i];
    const x = v.visit;
    const name = names.get(v.personRow) ?? '';
    return [
      x.rowNumber,
      x.personId,
      name,
      v.district,
      x.date,
      L(x.kind === 'inpatient' ? 'visitInpatient' : 'visitOutpatient'),
      x.scheme ?? '',
      x.cost,
      L(x.referred ? 'yes' : 'no'),
      categoryName(v.category, lang),
      v.ordinary,
      v.topUp,
      tiltGap && x.referred ? L('notComputed') : v.tilt,
      v.assistance,
      ...byRow.map((m) => m.get(x.rowNumber) ?? L('notComputed')),
    ];
  });
}

async function peopleSheets(ctx: Ctx, plan: LongTablePlan, notice: { zh: string; en: string } | undefined): Promise<void> {
  const { run, L, lang } = ctx;
  const header = (['row', 'id', 'name', 'district', 'categories', 'countedAs', 'visits', 'assistance', 'premiumSubsidy', 'fundNeed'] as Word[]).map(L);
  const formats: Format[] = ['count', 'text', 'general', 'general', 'general', 'general', 'count', 'money', 'money', 'money'];
  const widths = [8, 22, 10, 10, 26, 18, 10, 14, 14, 14];
  const people = run.baseline.people;
  await longTable(ctx, plan, notice, { header, formats, widths }, (i) => {
    const o = people[i];
    const x = o.person;
    return [
      x.rowNumber,
      x.id,
      x.name,
      x.district,
      x.categories.map((c) => categoryName(c, lang)).join(lang === 'zh' ? '；' : '; '),
      categoryName(o.category, lang),
      o.visits,
      o.assistanceComputed ? o.assistance : L('notComputed'),
      o.premiumComputed ? o.premiumSubsidy : L('notComputed'),
      o.assistanceComputed && o.premiumComputed ? o.assistance.plus(o.premiumSubsidy) : L('notComputed'),
    ];
  });
}

async function validationSheet(ctx: Ctx): Promise<void> {
  const { run, L, lang } = ctx;
  const s = sheet(ctx, L('validation'));
  s.widths([16, 8, 10, 10, 10, 22, 8, 24, 100]);
  // RowAccount (types.ts): total = used + rejected + blank; not fully computed is part of used.
  s.put([L('table'), L('rowsTotal'), L('rowsUsed'), L('rowsRejected'), L('rowsBlank'), L('rowsNotComputed')], 'header');
  s.put([L('people'), run.rows.people.total, run.rows.people.used, run.rows.people.rejected, run.rows.people.blank, run.rows.people.notComputed]);
  s.put([L('visitTable'), run.rows.visits.total, run.rows.visits.used, run.rows.visits.rejected, run.rows.visits.blank, run.rows.visits.notComputed]);
  s.gap();
  s.put([L('table'), L('row'), L('column'), L('cell'), L('scenario'), L('value'), L('severity'), L('code'), L('message')], 'header');
  let n = 0;
  const tick = async () => {
    if (ctx.target.pause && ++n % PAUSE_EVERY === 0) await ctx.target.pause();
  };
  // The pre-flight's findings first: what will not be computed, and how to fix it (as the CLI printed them).
  for (const f of run.preflight ?? []) {
    const msg = findingText(f, lang, ctx.opts.surface ?? 'cli');
    s.put([L('preflight'), '', '', '', '', '', L(f.stop ? 'error' : 'warning'), f.code, msg]);
  }
  for (const r of run.importReports) {
    for (const e of r.entries) {
      s.put([e.sheet, e.rowNumber, e.column, e.cell ?? '', '', { text: e.value }, L(e.severity), e.code, lang === 'zh' ? e.zh : e.en]);
      await tick();
    }
  }
  const projections = [run.baseline, ...run.scenarios.map((x) => x.projection)];
  for (const p of projections) {
    for (const x of p.problems) {
      const scen = p === run.baseline ? L('baseline') : p.scenario;
      const id = x.personId;
      const part = x.part === 'assistance' ? L('assistance') : L('premiumSubsidy');
      s.put([x.sheet, x.rowNumber, part, '', scen, { text: id }, L('error'), x.code, lang === 'zh' ? x.zh : x.en]);
      await tick();
    }
  }
  // Visits dated before the edition's effective date (西平 2022-05-01, 威海 2019-07-21): computed
  // under its terms, and each named here by row, so the result says which ones (issue 17).
  const early = run.baseline.completeness?.beforeEffective;
  if (early?.visits) {
    const visitSheet = run.importReports.find((r) => r.kind === 'visits')?.sheet ?? L('visitTable');
    const dates = new Map(run.baseline.visits.map((v) => [v.visit.rowNumber, v.visit.date]));
    const column = lang === 'zh' ? '结算日期' : 'settlement date';
    for (const row of early.rows) {
      const date = dates.get(row) ?? '';
      s.put([visitSheet, row, column, '', L('baseline'), { text: date }, L('warning'), 'BEFORE_EFFECTIVE',
        lang === 'zh'
          ? `结算日期 ${date} 早于政策生效日 ${early.effective}：按本版政策（${run.baseline.policyId}）计算；生效前的标准如不同，请作为参数另行提供`
          : `settlement date ${date} is before the edition's effective date ${early.effective}: computed under this edition (${run.baseline.policyId}); supply the earlier terms as parameters if they differ`]);
      await tick();
    }
  }
  // Cells of this workbook over Excel's 32,767 characters (a pasted document in a roster cell, a
  // very long scenario name): each was cut with a marker; listed here so none passes unseen.
  for (const t of ctx.truncated) {
    const zh = `结果工作簿 ${t.sheet}!${t.cell} 的文字有 ${t.length} 个字符，超过 Excel 单元格上限 ${CELL_TEXT_LIMIT}：已截断并标注，全文见 summary.json 或原文件`;
    const en = `${t.sheet}!${t.cell} of this workbook held ${t.length} characters, over Excel's ${CELL_TEXT_LIMIT} per cell: cut, with a marker; the full text is in summary.json or the source file`;
    s.put([t.sheet, '', '', t.cell, '', '', L('warning'), 'CELL_TRUNCATED', lang === 'zh' ? zh : en]);
  }
  finish(ctx, s);
}

function forecastSheet(ctx: Ctx): void {
  const { run, L, lang } = ctx;
  const s = sheet(ctx, L('forecast'));
  const nc = { text: L('notComputed') };
  s.widths([22, 10, 12, 12, 16, 16, 14, 14, 12, 12, 12, 10, 16, 16, 16, 16, 16]);
  // Per-capita amounts are over the people computed (forecast.ts), whose counts stand beside them.
  const head: Word[] = ['category', 'peopleCount', 'assistancePeople', 'subsidyPeople', 'assistance', 'premiumSubsidy', 'perCapitaAssistance', 'perCapitaSubsidy', 'growthHeadcount', 'growthCost', 'growthPremium', 'nextPeople', 'nextPerCapitaAssistance', 'nextPerCapitaSubsidy', 'nextAssistance', 'nextPremiumSubsidy', 'nextFundNeed'];
  for (const p of [run.baseline, ...run.scenarios.map((x) => x.projection)]) {
    const f = p.forecast;
    const name = p === run.baseline ? L('baseline') : p.scenario;
    // The region's own budget clause, or "the analyst's method" — never another region's document (provenance.ts).
    const method = f.method ? (lang === 'zh' ? f.method.zh : f.method.en) : lang === 'zh' ? '分析人员测算方法' : "analyst's method";
    const partial = p.completeness && !p.completeness.complete ? (lang === 'zh' ? `；${L('partialRun')}，不含未计算部分` : `; ${L('partialRun')}, excluding what was not computed`) : '';
    s.put([lang === 'zh' ? `${name}：${f.year} 年 → ${f.nextYear} 年（${method}${partial}）` : `${name}: ${f.year} → ${f.nextYear} (${method}${partial})`], 'total');
    s.put(head.map(L), 'header');
    for (const r of f.rows) {
      s.put([
        categoryName(r.category, lang), r.people, r.assistancePeople, r.subsidyPeople, r.assistance, r.premiumSubsidy, r.perCapitaAssistance ?? nc, r.perCapitaSubsidy ?? nc,
        { pct: r.growth.headcount.times(100) }, { pct: r.growth.cost.times(100) }, { pct: r.growth.premium.times(100) },
        r.nextPeople, r.nextPerCapitaAssistance ?? nc, r.nextPerCapitaSubsidy ?? nc, r.nextAssistance, r.nextPremiumSubsidy, r.nextFundNeed,
      ]);
    }
    const t = f.total;
    s.put([L('total'), t.people, null, null, t.assistance, t.premiumSubsidy, null, null, null, null, null, t.nextPeople, null, null, t.nextAssistance, t.nextPremiumSubsidy, t.nextFundNeed], 'total');
    s.gap();
  }
  finish(ctx, s);
}

/** 预警监测: the people above the monitoring line (monitoringAlerts.ts), for a region with the rule. */
function monitoringSheet(ctx: Ctx): void {
  const { run, L, lang } = ctx;
  const m = run.baseline.monitoring;
  if (!m) return;
  const s = sheet(ctx, L('monitoringSheet'), FROZEN_HEADER);
  s.widths([8, 22, 10, 10, 22, 18, 14]);
  s.formats(['count', 'text', 'general', 'general', 'general', 'money', 'money']);
  s.put((['row', 'id', 'name', 'district', 'monitoredStatus', 'outOfPocketYear', 'alertLine'] as Word[]).map(L), 'header');
  const names = new Map(run.baseline.people.map((p) => [p.person.rowNumber, p.person.name]));
  for (const a of m.alerts) s.put([a.personRow, { text: a.personId }, names.get(a.personRow) ?? '', a.district, categoryName(a.category, lang), a.outOfPocket, m.threshold ?? null]);
  s.gap();
  s.put([monitoringLine(m, lang, (c) => categoryName(c, lang))]);
  finish(ctx, s);
}

function extraSheet(ctx: Ctx, extra: ExtraSheet): void {
  const s = sheet(ctx, extra.name, extra.state && extra.state !== 'visible' ? { state: extra.state } : undefined);
  for (const row of extra.rows) s.put(row.map((text) => ({ text })));
  finish(ctx, s);
}

/** How the long tables fall into sheets under these options (also what the summary sheet states). */
export function planWorkbook(run: ProjectionRun, opts: WorkbookOptions, defaultMaxDetailRows: number): { details: LongTablePlan; people: LongTablePlan; layers?: LongTablePlan } {
  const L = (w: Word) => word(w, opts.lang ?? 'zh');
  const maxRows = opts.maxDetailRows ?? defaultMaxDetailRows;
  return {
    details: planLongTable(L('details'), run.baseline.visits.length, { maxRows, sheetRows: opts.sheetRowLimit }),
    people: planLongTable(L('people'), run.baseline.people.length, { sheetRows: opts.sheetRowLimit }),
    // Settlement rows only (a roster of out-of-pocket rows has no layer sheet).
    layers: run.baseline.layers ? planLongTable(L('layersSheet'), layerVisits(run).length, { maxRows, sheetRows: opts.sheetRowLimit }) : undefined,
  };
}

/** The baseline's settlement visits, in roster row order. */
function layerVisits(run: ProjectionRun) {
  return run.baseline.visits.filter((v) => v.layers).sort((a, b) => a.visit.rowNumber - b.visit.rowNumber);
}

/**
 * 结算各层 (settlement rosters): one row per settlement visit with every layer — basic
 * insurance, critical-illness insurance, hospital reduction, out-of-catalogue excess borne by
 * the hospital, the policy-range out-of-pocket assistance starts from, assistance (of which
 * tilted) and the residual the person pays — where each layer's figure came from, and each
 * scenario's assistance and residual. basic + ci + reduction + excess + assistance + residual
 * = total on every row (layers.ts asserts it on the totals).
 */
async function layersSheets(ctx: Ctx, plan: LongTablePlan, notice: { zh: string; en: string } | undefined): Promise<void> {
  const { run, L, lang } = ctx;
  const money = (k: LayerKey) => LAYER_LABELS[k][lang];
  const header = [
    ...(['row', 'id', 'name', 'district', 'date', 'kind', 'pool', 'usedCategory'] as Word[]).map(L),
    money('total'), L('outOfCatalogueCost'), money('basic'), money('ci'), money('reduction'), money('hospitalExcess'), L('cost'), money('assistance'), money('tilt'), money('residual'), L('layerSource'),
  ];
  for (const { projection } of run.scenarios) header.push(`${projection.scenario}：${money('assistance')}`, `${projection.scenario}：${money('residual')}`);
  const widths = [8, 22, 10, 10, 12, 8, 14, 18, 16, 14, 14, 14, 14, 16, 16, 14, 14, 14, 30, ...run.scenarios.flatMap(() => [18, 18])];
  const formats: Format[] = ['count', 'text', 'general', 'general', 'general', 'general', 'general', 'general',
    'money', 'money', 'money', 'money', 'money', 'money', 'money', 'money', 'money', 'money', 'general', ...run.scenarios.flatMap(() => ['money', 'money'] as Format[])];
  const names = new Map(run.baseline.people.map((p) => [p.person.rowNumber, p.person.name]));
  const scen = run.scenarios.map(({ projection }) => new Map(projection.visits.map((v) => [v.visit.rowNumber, v.layers])));
  const src = (s: LayerSource) => L(s === 'given' ? 'sourceGiven' : s === 'rule' ? 'sourceRule' : s === 'given+scenario' ? 'sourceGivenScenario' : 'sourceNone');
  const visits = layerVisits(run);
  await longTable(ctx, plan, notice, { header, formats, widths }, (i) => {
    const v = visits[i];
    const x = v.visit;
    const l = v.layers!;
    return [
      x.rowNumber, x.personId, names.get(v.personRow) ?? '', v.district, x.date,
      L(x.kind === 'inpatient' ? 'visitInpatient' : 'visitOutpatient'), x.settlement?.pool ?? '', categoryName(v.category, lang),
      l.total, x.settlement!.outOfCatalogue, l.basic, l.ci, l.reduction, l.hospitalExcess, l.policyRangeOop, l.assistance, l.tilt, l.residual,
      [src(l.source.basic), src(l.source.ci), src(l.source.reduction)].join(lang === 'zh' ? '；' : '; '),
      ...scen.flatMap((m): LongCell[] => {
        const s = m.get(x.rowNumber);
        return s ? [s.assistance, s.residual] : [L('notComputed'), L('notComputed')];
      }),
    ];
  });
}

/** Every sheet of the result, in order, onto the target. */
export async function layOutWorkbook(original: ProjectionRun, target: LayoutTarget, opts: WorkbookOptions, defaultMaxDetailRows: number): Promise<void> {
  const lang = opts.lang ?? 'zh';
  const run = opts.mask ? maskRun(original) : original;
  const ctx: Ctx = { run, target, lang, L: (w: Word) => word(w, lang), opts, truncated: [] };
  const plans = planWorkbook(run, opts, defaultMaxDetailRows);
  const detail = opts.detail ?? 'visits';
  const detailsNotice = detail === 'visits' ? planNotice(plans.details, { zh: '明细（逐次就诊）', en: 'Details (one row per visit)' }) : undefined;
  const peopleNotice = detail !== 'none' ? planNotice(plans.people, { zh: '人员', en: 'People' }) : undefined;
  const choice = opts.detailChoice ?? { zh: `--detail ${detail}`, en: `--detail ${detail}` };
  const omitted = detail === 'visits' ? undefined : {
    zh: (detail === 'none' ? `未写出明细表（${choice.zh}）：人员与逐次就诊明细未列出，汇总数包含全部人员` : `未写出逐次就诊明细表（${choice.zh}）：汇总数包含全部就诊`)
      + (plans.layers ? '；逐次结算就诊的“结算各层”表也未写出（各层合计见“情景对比”）' : ''),
    en: (detail === 'none' ? `no detail sheets (${choice.en}): people and visits are not listed; the totals include everyone` : `no per-visit detail sheet (${choice.en}): the totals include every visit`)
      + (plans.layers ? '; the per-settlement-visit Layers sheet is not written either (the layer totals are on Scenarios)' : ''),
  };
  const layersNotice = detail === 'visits' && plans.layers ? planNotice(plans.layers, { zh: '结算各层（逐次结算就诊）', en: 'Layers (one row per settlement visit)' }) : undefined;
  const notices = [detailsNotice, layersNotice, peopleNotice].filter((x): x is { zh: string; en: string } => !!x);
  summarySheet(ctx, notices, omitted);
  scenariosSheet(ctx);
  if (detail === 'visits') await detailsSheets(ctx, plans.details, detailsNotice);
  if (detail === 'visits' && plans.layers) await layersSheets(ctx, plans.layers, layersNotice);
  if (detail !== 'none') await peopleSheets(ctx, plans.people, peopleNotice);
  await validationSheet(ctx);
  forecastSheet(ctx);
  monitoringSheet(ctx);
  for (const extra of opts.extraSheets ?? []) extraSheet(ctx, extra);
}
