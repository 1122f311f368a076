/**
 * The result workbook (exceljs; bytes in, bytes out, no fs — the same code runs in Node and
 * in the task pane). Sheets: 汇总 Summary, 情景对比 Scenarios, 明细 per-visit Details,
 * 人员 per-person totals, 校验报告 Validation, 预测 Forecast. ID numbers are text cells;
 * amounts are numbers formatted #,##0.00 (each is a value already rounded to the fen — the
 * cell holds the nearest double, as every Excel number does; the exact figures are in
 * summary.json). Optional masking of IDs and names for copies that leave the bureau.
 */
import ExcelJS from 'exceljs';
import { CATEGORIES } from '../engine/categories';
import type { Dec } from '../engine/money';
import { maskId, maskName, maskReport } from '../roster/mask';
import type { ReportEntry } from '../roster/types';
import { categoryName, measureName, word, type Lang, type Word } from './labels';
import type { Bucket, Projection, ProjectionRun } from './types';

export interface WorkbookOptions {
  lang?: Lang;
  /** Mask ID numbers (4101**********123X) and names (张*). */
  mask?: boolean;
}

const MONEY = '#,##0.00';
const COUNT = '#,##0';
const PERCENT = '0.00%';

type Cell = string | number | Dec | null | undefined | { pct: Dec } | { text: string };

class SheetWriter {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** One row; Dec → number with the money format, {text} → a text cell, {pct} → a % cell. */
  put(cells: Cell[], style: 'header' | 'total' | 'title' | 'plain' = 'plain'): void {
    const r = this.ws.getRow(this.row++);
    cells.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      if (c === null || c === undefined) return;
      if (typeof c === 'object' && 'pct' in c) {
        cell.value = c.pct.dividedBy(100).toNumber();
        cell.numFmt = PERCENT;
      } else if (typeof c === 'object' && 'text' in c) {
        cell.value = c.text;
        cell.numFmt = '@';
      } else if (typeof c === 'object') {
        cell.value = Number(c.toFixed(2));
        cell.numFmt = MONEY;
      } else if (typeof c === 'number') {
        cell.value = c;
        cell.numFmt = COUNT;
      } else {
        cell.value = c;
      }
      if (style === 'header' || style === 'total' || style === 'title') cell.font = { bold: true, size: style === 'title' ? 14 : 11 };
      if (style === 'header') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
  }

  /**
   * A long table (one row per visit or person): formats set once per column and values
   * added as plain rows, so 100k rows do not carry 100k style objects each.
   */
  longTable(header: string[], formats: ('money' | 'count' | 'text' | 'general')[], rows: Iterable<(string | number | Dec | undefined)[]>): void {
    this.put(header, 'header');
    formats.forEach((f, i) => {
      if (f !== 'general') this.ws.getColumn(i + 1).numFmt = f === 'money' ? MONEY : f === 'count' ? '0' : '@';
    });
    for (const r of rows) {
      this.ws.getRow(this.row++).values = r.map((c) => (c === undefined ? null : typeof c === 'object' ? Number(c.toFixed(2)) : c));
    }
    this.ws.views = [{ state: 'frozen', ySplit: 1 }];
  }

  gap(): void {
    this.row++;
  }

  widths(ws: number[]): void {
    ws.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }
}

function bucketRow(label: string, b: Bucket): Cell[] {
  const a = b.assistance;
  return [label, b.people, b.visits, a.inpatient, a.outpatient, a.tilt, a.total, b.premiumSubsidy, b.subsidised, b.fundNeed];
}

function summarySheet(wb: ExcelJS.Workbook, p: Projection, L: (w: Word) => string, lang: Lang): void {
  const s = new SheetWriter(wb.addWorksheet(L('summary')));
  s.widths([22, 12, 12, 16, 16, 16, 16, 16, 12, 16]);
  const region = lang === 'zh' ? p.region.zh : p.region.en;
  s.put([lang === 'zh' ? `${region} ${p.year} 年${L('title')}（${L('baseline')}）` : `${region} ${p.year} ${L('title')} (${L('baseline')})`], 'title');
  s.put([L('edition'), p.policyId]);
  s.gap();
  s.put([L('byCategory')], 'total');
  const head: Word[] = ['category', 'peopleCount', 'visits', 'inpatient', 'outpatient', 'tilt', 'assistance', 'premiumSubsidy', 'subsidised', 'fundNeed'];
  s.put(head.map(L), 'header');
  for (const c of CATEGORIES) {
    const b = p.totals.byCategory[c.id];
    if (b) s.put(bucketRow(categoryName(c.id, lang), b));
  }
  s.put(bucketRow(L('total'), p.totals.overall), 'total');
  s.gap();
  s.put([L('byDistrict')], 'total');
  s.put((['district', 'peopleCount', 'visits', 'inpatient', 'outpatient', 'tilt', 'assistance', 'premiumSubsidy', 'subsidised', 'fundNeed'] as Word[]).map(L), 'header');
  for (const [d, b] of Object.entries(p.totals.byDistrict)) s.put(bucketRow(d, b));
  s.put(bucketRow(L('total'), p.totals.overall), 'total');
  s.gap();
  const f = p.funding;
  s.put([`${L('funding')}（${L('ratio')} ${f.ratio}）`], 'total');
  s.put((['district', 'fundNeed', 'sources', 'fiscal', 'city', 'districtPart'] as Word[]).map(L), 'header');
  for (const [d, x] of Object.entries(f.districts)) s.put([d, x.need, x.sources, x.fiscal, x.city, x.district]);
  s.put([L('total'), f.need, f.allocated, f.fiscal, f.city, f.districtTotal], 'total');
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
  s.put([L('ratio'), f.ratio, origin(f.origin.ratio)]);
  s.put([L('city'), f.city]);
  s.put([L('districtPart'), f.districtTotal]);
}

function scenariosSheet(wb: ExcelJS.Workbook, run: ProjectionRun, L: (w: Word) => string, lang: Lang): void {
  const s = new SheetWriter(wb.addWorksheet(L('scenarios')));
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
}

function detailsSheet(wb: ExcelJS.Workbook, run: ProjectionRun, L: (w: Word) => string, lang: Lang, mask: boolean): void {
  const s = new SheetWriter(wb.addWorksheet(L('details')));
  const head = (['row', 'id', 'name', 'district', 'date', 'kind', 'scheme', 'cost', 'referred', 'usedCategory', 'ordinary', 'topUp', 'tilt', 'assistance'] as Word[]).map(L);
  for (const { projection } of run.scenarios) head.push(`${projection.scenario}：${L('assistance')}`);
  s.widths([8, 22, 10, 10, 12, 8, 18, 16, 8, 18, 14, 12, 12, 14, ...run.scenarios.map(() => 18)]);
  const names = new Map(run.baseline.people.map((p) => [p.person.id, p.person.name]));
  const byRow = run.scenarios.map(({ projection }) => new Map(projection.visits.map((v) => [v.visit.rowNumber, v.assistance])));
  const visits = [...run.baseline.visits].sort((a, b) => a.visit.rowNumber - b.visit.rowNumber);
  const formats: ('money' | 'count' | 'text' | 'general')[] = ['count', 'text', 'general', 'general', 'general', 'general', 'general', 'money', 'general', 'general', 'money', 'money', 'money', 'money', ...run.scenarios.map(() => 'money' as const)];
  s.longTable(head, formats, (function* () {
    for (const v of visits) {
      const x = v.visit;
      const name = names.get(x.personId) ?? '';
      yield [
        x.rowNumber,
        mask ? maskId(x.personId) : x.personId,
        mask ? maskName(name) : name,
        v.district,
        x.date,
        L(x.kind === 'inpatient' ? 'visitInpatient' : 'visitOutpatient'),
        x.scheme ?? '',
        x.cost,
        L(x.referred ? 'yes' : 'no'),
        categoryName(v.category, lang),
        v.ordinary,
        v.topUp,
        v.tilt,
        v.assistance,
        ...byRow.map((m) => m.get(x.rowNumber) ?? L('notComputed')),
      ];
    }
  })());
}

function peopleSheet(wb: ExcelJS.Workbook, p: Projection, L: (w: Word) => string, lang: Lang, mask: boolean): void {
  const s = new SheetWriter(wb.addWorksheet(L('people')));
  s.widths([8, 22, 10, 10, 26, 18, 10, 14, 14, 14]);
  const head = (['row', 'id', 'name', 'district', 'categories', 'countedAs', 'visits', 'assistance', 'premiumSubsidy', 'fundNeed'] as Word[]).map(L);
  s.longTable(head, ['count', 'text', 'general', 'general', 'general', 'general', 'count', 'money', 'money', 'money'], (function* () {
    for (const o of p.people) {
      const x = o.person;
      yield [
        x.rowNumber,
        mask ? maskId(x.id) : x.id,
        mask ? maskName(x.name) : x.name,
        x.district,
        x.categories.map((c) => categoryName(c, lang)).join(lang === 'zh' ? '；' : '; '),
        categoryName(o.category, lang),
        o.visits,
        o.assistanceComputed ? o.assistance : L('notComputed'),
        o.premiumComputed ? o.premiumSubsidy : L('notComputed'),
        o.assistance.plus(o.premiumSubsidy),
      ];
    }
  })());
}

function validationSheet(wb: ExcelJS.Workbook, run: ProjectionRun, L: (w: Word) => string, lang: Lang, mask: boolean): void {
  const s = new SheetWriter(wb.addWorksheet(L('validation')));
  s.widths([16, 8, 10, 10, 10, 22, 8, 24, 100]);
  s.put([L('table'), L('rowsTotal'), L('rowsUsed'), L('rowsRejected'), L('rowsBlank')], 'header');
  s.put([L('people'), run.rows.people.total, run.rows.people.used, run.rows.people.rejected, run.rows.people.blank]);
  s.put([L('visitTable'), run.rows.visits.total, run.rows.visits.used, run.rows.visits.rejected, run.rows.visits.blank]);
  s.gap();
  s.put([L('table'), L('row'), L('column'), L('cell'), L('scenario'), L('value'), L('severity'), L('code'), L('message')], 'header');
  for (const r of run.importReports) {
    const entries: ReportEntry[] = mask ? maskReport(r.entries) : [...r.entries];
    for (const e of entries) s.put([e.sheet, e.rowNumber, e.column, e.cell ?? '', '', { text: e.value }, L(e.severity), e.code, lang === 'zh' ? e.zh : e.en]);
  }
  const projections = [run.baseline, ...run.scenarios.map((x) => x.projection)];
  for (const p of projections) {
    for (const x of p.problems) {
      const scen = p === run.baseline ? L('baseline') : p.scenario;
      const id = mask ? maskId(x.personId) : x.personId;
      const part = x.part === 'assistance' ? L('assistance') : L('premiumSubsidy');
      s.put([x.sheet, x.rowNumber, part, '', scen, { text: id }, L('error'), x.code, lang === 'zh' ? x.zh : x.en]);
    }
  }
}

function forecastSheet(wb: ExcelJS.Workbook, run: ProjectionRun, L: (w: Word) => string, lang: Lang): void {
  const s = new SheetWriter(wb.addWorksheet(L('forecast')));
  s.widths([22, 10, 16, 16, 14, 14, 12, 12, 12, 10, 16, 16, 16, 16, 16]);
  const head: Word[] = ['category', 'peopleCount', 'assistance', 'premiumSubsidy', 'perCapitaAssistance', 'perCapitaSubsidy', 'growthHeadcount', 'growthCost', 'growthPremium', 'nextPeople', 'nextPerCapitaAssistance', 'nextPerCapitaSubsidy', 'nextAssistance', 'nextPremiumSubsidy', 'nextFundNeed'];
  for (const p of [run.baseline, ...run.scenarios.map((x) => x.projection)]) {
    const f = p.forecast;
    const name = p === run.baseline ? L('baseline') : p.scenario;
    s.put([lang === 'zh' ? `${name}：${f.year} 年 → ${f.nextYear} 年（威医保发〔2019〕25号 四、(一) 4）` : `${name}: ${f.year} → ${f.nextYear} (Weihai 2019 No. 25, IV (1) 4)`], 'total');
    s.put(head.map(L), 'header');
    for (const r of f.rows) {
      s.put([
        categoryName(r.category, lang), r.people, r.assistance, r.premiumSubsidy, r.perCapitaAssistance, r.perCapitaSubsidy,
        { pct: r.growth.headcount.times(100) }, { pct: r.growth.cost.times(100) }, { pct: r.growth.premium.times(100) },
        r.nextPeople, r.nextPerCapitaAssistance, r.nextPerCapitaSubsidy, r.nextAssistance, r.nextPremiumSubsidy, r.nextFundNeed,
      ]);
    }
    const t = f.total;
    s.put([L('total'), t.people, t.assistance, t.premiumSubsidy, null, null, null, null, null, t.nextPeople, null, null, t.nextAssistance, t.nextPremiumSubsidy, t.nextFundNeed], 'total');
    s.gap();
  }
}

/** The workbook as .xlsx bytes. */
export async function writeWorkbook(run: ProjectionRun, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  const lang = opts.lang ?? 'zh';
  const mask = opts.mask ?? false;
  const L = (w: Word) => word(w, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MedAid Budget';
  summarySheet(wb, run.baseline, L, lang);
  scenariosSheet(wb, run, L, lang);
  detailsSheet(wb, run, L, lang, mask);
  peopleSheet(wb, run.baseline, L, lang, mask);
  validationSheet(wb, run, L, lang, mask);
  forecastSheet(wb, run, L, lang);
  // Fast deflate: the default level spends seconds on a 100k-row details sheet for a few % of size.
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}
