/**
 * The pane inside Excel. Reads rosters from sheets or the selection, writes results as
 * new sheets, keeps scenarios in the workbook's own settings (workbookSettings.ts).
 *
 * Payloads: Excel Online refuses a request or response above 5 MB, so large ranges are
 * read and written in blocks of at most CHUNK_CELLS cells, one block per context.sync(),
 * and the pane yields to the browser between blocks so it never freezes for long.
 * Everything else is batched into as few syncs as possible.
 *
 * Own sheets: every result sheet carries a marker written into the sheet (a worksheet
 * custom property) and the run's id and sheet names are recorded in Workbook.settings
 * (ownSheets.ts); a re-run deletes only sheets whose marker, name and run agree with that
 * record, so a user's copy of a result sheet (same marker, another name) is never touched.
 * Worksheet ids are never used as proof (they may change between sessions). A user's sheet with a clashing name is left alone and the new sheet gets
 * another name.
 */
import { columnLetter } from '../../roster/cells';
import { readRangeValues } from '../../roster/range';
import type { RawTable } from '../../roster/types';
import { figuresEngine, figuresJson, hasFigures, parseFiguresJson } from '../analystFigures';
import { parseScenarioSet, scenarioSetJson, type ScenarioSet } from '../scenarioStore';
import { WriteCancelled, type ChartSpec, type Host, type OutCell, type OutputSheet, type Progress, type ResultBook, type SheetInfo, type WriteOutcome, type WriteStop } from './Host';
import { OUTPUT_PREFIX, planOutputSheets, type ExistingSheet } from './outputNames';
import { isOwnSheet, markerValue, newRunId, OWN_SHEET_PROPERTY, parseResultRecord, RESULT_SHEETS_SETTING, resultRecordValue, type ResultRecord } from './ownSheets';
import { FIGURES_SETTING, readSettings, SCENARIOS_SETTING, writeSetting } from './workbookSettings';
import { yieldToBrowser } from './yieldToBrowser';

export { FIGURES_SETTING, SCENARIOS_SETTING } from './workbookSettings';
/** ≈ 20 000 cells × (value + number format) stays far below the 5 MB payload limit. */
export const CHUNK_CELLS = 20000;
const MONEY_FORMAT = '#,##0.00';
const TEXT_FORMAT = '@';
const GENERAL_FORMAT = 'General';

/** The part of Excel.run the host uses (a mock can stand in for it). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  run?: ExcelRun;
  /** Language of the sheet-name prefix and titles. */
  lang?: () => 'zh' | 'en';
  /** Lets the browser breathe between write blocks (tests pass a no-op). */
  pause?: () => Promise<void>;
  /** Start time of a run, part of its id in the sheet markers and settings (tests fix it). */
  now?: () => Date;
  /** The random part of a run id (tests fix it). */
  random?: () => number;
}

interface MarkedSheets {
  sheets: { sheet: Excel.Worksheet; info: ExistingSheet }[];
  /** The record of result sheets in the settings: parsed, and its text as stored ('' when none). */
  record: ResultRecord | undefined;
  recordText: string;
}

/** Every sheet with whether it is proven ours (marker + name + the run the settings record). */
async function sheetsWithMarkers(context: Excel.RequestContext): Promise<MarkedSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  const recordSetting = context.workbook.settings.getItemOrNullObject(RESULT_SHEETS_SETTING);
  recordSetting.load('value');
  await context.sync();
  const record = recordSetting.isNullObject ? undefined : parseResultRecord(recordSetting.value);
  const props = sheets.items.map((ws) => {
    const p = ws.customProperties.getItemOrNullObject(OWN_SHEET_PROPERTY);
    p.load('value');
    return p;
  });
  await context.sync();
  return {
    sheets: sheets.items.map((ws, i) => ({
      sheet: ws,
      info: { id: ws.id, name: ws.name, own: !props[i].isNullObject && isOwnSheet(ws.name, props[i].value, record) },
    })),
    record,
    recordText: recordSetting.isNullObject || typeof recordSetting.value !== 'string' ? '' : recordSetting.value,
  };
}

export class OfficeHost implements Host {
  readonly kind = 'office' as const;
  readonly canReadSelection = true;
  private readonly run: ExcelRun;
  private readonly lang: () => 'zh' | 'en';
  private readonly pause: () => Promise<void>;
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(opts: OfficeHostOptions = {}) {
    this.run = opts.run ?? ((batch) => Excel.run(batch));
    this.lang = opts.lang ?? (() => 'zh');
    this.pause = opts.pause ?? yieldToBrowser;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => (await sheetsWithMarkers(context)).sheets.map(({ info }) => ({ name: info.name, own: info.own })));
  }

  /** Reads a block of a sheet in row chunks that keep every response small. */
  private async readBlock(context: Excel.RequestContext, ws: Excel.Worksheet, row: number, col: number, rows: number, cols: number): Promise<unknown[][]> {
    const step = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, cols)));
    const values: unknown[][] = [];
    for (let r = 0; r < rows; r += step) {
      const n = Math.min(step, rows - r);
      const range = ws.getRangeByIndexes(row + r, col, n, cols);
      range.load('values');
      // One sync per block on purpose: each keeps its response under Excel's 5 MB payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const line of range.values) values.push(line);
    }
    return values;
  }

  async readSheet(name: string): Promise<RawTable> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      // isNullObject is known after the sync without being loaded.
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return readRangeValues([], { sheet: name });
      const values = await this.readBlock(context, ws, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
      return readRangeValues(values, { sheet: name, topRow: used.rowIndex + 1, leftColumn: used.columnIndex });
    });
  }

  async readSelection(): Promise<RawTable> {
    return this.run(async (context) => {
      const sel = context.workbook.getSelectedRange();
      sel.load('rowIndex,columnIndex,rowCount,columnCount');
      // A navigation property: a proxy usable at once, its name loaded below (the rule sees a read).
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const ws = sel.worksheet;
      ws.load('name');
      await context.sync();
      const values = await this.readBlock(context, ws, sel.rowIndex, sel.columnIndex, sel.rowCount, sel.columnCount);
      return readRangeValues(values, { sheet: ws.name, topRow: sel.rowIndex + 1, leftColumn: sel.columnIndex });
    });
  }

  async writeResult(book: ResultBook, onProgress?: Progress, stop?: WriteStop): Promise<WriteOutcome> {
    const prefix = OUTPUT_PREFIX[this.lang()];
    const run = newRunId(this.now(), this.random);
    const totalCells = book.sheets.reduce((s, sh) => s + sh.rows.length * Math.max(1, width(sh)), 0);
    let doneCells = 0;
    const outcome = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const marked = await sheetsWithMarkers(context);
      const found = marked.sheets;
      const existing = found.map((f) => f.info);
      const plan = planOutputSheets(existing, book.sheets.map((s) => s.title), prefix);
      // A workbook must keep one sheet: when every sheet is ours, delete the old ones last.
      const deleteFirst = plan.remove.length < existing.length;
      // The very sheet objects whose marker was checked, not a fresh look-up by id.
      const old = found.filter((f) => f.info.own).map((f) => f.sheet);
      if (deleteFirst) old.forEach((ws) => ws.delete());
      else old.forEach((ws, i) => (ws.name = `~medaid-old-${i + 1}-${Date.now() % 100000}`));

      // Each new sheet is marked, and the run recorded in the settings, in the same batch that
      // creates the sheets, before any data goes in: if writing stops half-way, the next run
      // still proves them ours and replaces them.
      const created: Excel.Worksheet[] = book.sheets.map((sh, i) => {
        const ws = sheets.add(plan.names[i]);
        ws.customProperties.add(OWN_SHEET_PROPERTY, markerValue(sh.key, run));
        return ws;
      });
      writeSetting(context, RESULT_SHEETS_SETTING, resultRecordValue(run, book.sheets.map((sh, i) => ({ key: sh.key, name: plan.names[i] }))));
      created.forEach((ws) => ws.load('id,name'));
      await context.sync();

      try {
        for (let i = 0; i < book.sheets.length; i++) {
          await this.writeSheet(context, created[i], book.sheets[i], (cells) => {
            doneCells += cells;
            onProgress?.(doneCells, totalCells);
          }, stop);
        }
        if (stop?.stopped) throw new WriteCancelled();
      } catch (e) {
        if (e instanceof WriteCancelled) {
          await removeAttempt(context, run, marked.recordText, deleteFirst ? [] : old.map((ws, i) => ({ ws, name: found.filter((f) => f.info.own)[i].info.name })));
          // Where other sheets remain, the earlier result was deleted before writing (as always): say so.
          throw new WriteCancelled(deleteFirst ? plan.remove.map((s) => s.name) : []);
        }
        throw e;
      }
      for (const chart of book.charts) {
        const i = book.sheets.findIndex((s) => s.key === chart.sheetKey);
        if (i >= 0) addChart(created[i], chart, width(book.sheets[i]));
      }
      if (!deleteFirst) old.forEach((ws) => ws.delete());
      if (created[0]) created[0].activate();
      await context.sync();
      return { written: created.map((ws) => ws.name), replaced: plan.remove.map((s) => s.name) };
    });
    return outcome;
  }

  private async writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: OutputSheet, progress: (cells: number) => void, stop?: WriteStop): Promise<void> {
    const cols = width(sheet);
    if (cols === 0 || sheet.rows.length === 0) return;
    const text = new Set(sheet.textColumns ?? []);
    const money = new Set(sheet.moneyColumns ?? []);
    const headerRows = sheet.headerRows ?? 1;
    const formatOf = (c: number, r: number): string => (r < headerRows || text.has(c) ? TEXT_FORMAT : money.has(c) ? MONEY_FORMAT : GENERAL_FORMAT);
    // Value + format per cell: half the cell budget each.
    const step = Math.max(1, Math.floor(CHUNK_CELLS / 2 / cols));
    for (let r0 = 0; r0 < sheet.rows.length; r0 += step) {
      if (stop?.stopped) throw new WriteCancelled();
      const block = sheet.rows.slice(r0, r0 + step);
      const values: OutCell[][] = block.map((row) => padRow(row, cols, (c, v) => (text.has(c) && v !== null && v !== '' ? String(v) : v)));
      const range = ws.getRangeByIndexes(r0, 0, block.length, cols);
      // Text format first, so an 18-digit ID stays text and is never turned into a number.
      range.numberFormat = block.map((_, i) => Array.from({ length: cols }, (_, c) => formatOf(c, r0 + i)));
      range.values = values as unknown[][];
      // One sync per block on purpose: each keeps its request under Excel's 5 MB payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      progress(block.length * cols);
      await this.pause();
    }
    const head = ws.getRangeByIndexes(0, 0, headerRows, cols);
    head.format.font.bold = true;
    ws.freezePanes.freezeRows(headerRows);
    // Autofit on a sample: fitting 100 000 rows is slow and the widths come from the top.
    ws.getRangeByIndexes(0, 0, Math.min(sheet.rows.length, 200), cols).format.autofitColumns();
    await context.sync();
  }

  async loadScenarios(): Promise<ScenarioSet | undefined> {
    const saved = await this.run((context) => readSettings(context, [SCENARIOS_SETTING, FIGURES_SETTING]));
    const text = (key: string): string | undefined => {
      const v = saved[key];
      if (v === null || v === undefined || v === '') return undefined;
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    const s = text(SCENARIOS_SETTING);
    const f = text(FIGURES_SETTING);
    if (s === undefined && f === undefined) return undefined;
    // Figures first: scenarios may name a region the analyst's own file brought.
    const figures = f === undefined ? undefined : parseFiguresJson(f, FIGURES_SETTING);
    const scenarios = s === undefined ? [] : parseScenarioSet(s, SCENARIOS_SETTING, figures ? figuresEngine(figures) : undefined).scenarios;
    return figures ? { scenarios, figures } : { scenarios };
  }

  async saveScenarios(set: ScenarioSet): Promise<void> {
    await this.run(async (context) => {
      writeSetting(context, SCENARIOS_SETTING, scenarioSetJson(set));
      writeSetting(context, FIGURES_SETTING, set.figures && hasFigures(set.figures) ? figuresJson(set.figures) : undefined);
      await context.sync();
    });
  }
}

/**
 * After a cancelled write: deletes the sheets this attempt created — only those still proven
 * ours by marker, result name and the settings' record of this very run (a sheet the user
 * renamed meanwhile, or any other sheet, stays) — puts the earlier result's sheets that were
 * set aside back under their names, and the settings' record back as it was.
 */
async function removeAttempt(context: Excel.RequestContext, run: string, previousRecord: string, setAside: { ws: Excel.Worksheet; name: string }[]): Promise<void> {
  const now = await sheetsWithMarkers(context);
  if (now.record?.run === run) for (const f of now.sheets) if (f.info.own) f.sheet.delete();
  await context.sync();
  for (const { ws, name } of setAside) ws.name = name;
  writeSetting(context, RESULT_SHEETS_SETTING, previousRecord || undefined);
  await context.sync();
}

function width(sheet: OutputSheet): number {
  return sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
}

function padRow(row: readonly OutCell[], cols: number, cell: (c: number, v: OutCell) => OutCell): OutCell[] {
  const out: OutCell[] = new Array(cols);
  for (let c = 0; c < cols; c++) {
    const v = c < row.length ? row[c] : null;
    out[c] = cell(c, v === undefined || v === null ? '' : v);
  }
  return out;
}

/** An Excel chart to the right of the sheet's table; the data block must be contiguous columns. */
function addChart(ws: Excel.Worksheet, spec: ChartSpec, tableWidth: number): Excel.Chart {
  const first = Math.min(spec.labelColumn, ...spec.valueColumns);
  const last = Math.max(spec.labelColumn, ...spec.valueColumns);
  const data = ws.getRangeByIndexes(spec.headerRow, first, spec.lastRow - spec.headerRow + 1, last - first + 1);
  const chart = ws.charts.add(spec.kind === 'pie' ? 'Pie' : 'ColumnClustered', data, 'Columns');
  chart.title.text = spec.title;
  const left = columnLetter(tableWidth + 1);
  const right = columnLetter(tableWidth + 8);
  const top = spec.headerRow + 1;
  chart.setPosition(`${left}${top}`, `${right}${top + 16}`);
  return chart;
}
