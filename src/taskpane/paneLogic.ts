/**
 * The pane's decisions, without the DOM (tested in Node): which regions and years to
 * offer, the rows of the mapping editor, the validation of the roster as mapped, the
 * problem list (masked when asked), the scenario comparison rows, and number display.
 */
import type { Engine } from '../engine/engine';
import { isMedaidError } from '../engine/errors';
import { measureName } from '../projection/labels';
import { fieldDefs } from '../roster/fields';
import { applyMapping } from '../roster/mapping';
import { maskReport } from '../roster/mask';
import { importPeople } from '../roster/people';
import type { ColumnMapping, FieldOf, ImportReport, ImportResult, Person, RawTable, ReportEntry, RosterKind, Visit } from '../roster/types';
import { importVisits } from '../roster/visits';
import { columnLetter, cellText } from '../roster/cells';
import type { Lang } from './i18n';
import type { RunSummary } from './runSummary';

export interface RegionOption {
  /** Region name the engine accepts ("信阳市"). */
  region: string;
  zh: string;
  en: string;
  /** Edition years, oldest first; any later year uses the latest edition. */
  years: number[];
}

export function regionOptions(engine: Engine): RegionOption[] {
  const byRegion = new Map<string, RegionOption>();
  for (const row of engine.policyList()) {
    const o = byRegion.get(row.regionId) ?? { region: row.zh, zh: row.zh, en: row.en, years: [] };
    o.years.push(row.year);
    byRegion.set(row.regionId, o);
  }
  for (const o of byRegion.values()) o.years.sort((a, b) => a - b);
  return [...byRegion.values()];
}

/** Years offered for a region: its first edition year up to the next calendar year. */
export function yearOptions(o: RegionOption, now: number = new Date().getFullYear()): number[] {
  const first = o.years[0];
  const last = Math.max(now + 1, o.years[o.years.length - 1]);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

export interface MappingRow<K extends RosterKind> {
  field: FieldOf<K>;
  zh: string;
  en: string;
  required: boolean;
  /** Column index chosen, if any. */
  column?: number;
}

export function mappingRows<K extends RosterKind>(mapping: ColumnMapping<K>): MappingRow<K>[] {
  return fieldDefs(mapping.kind).map((d) => ({ field: d.field, zh: d.zh, en: d.en, required: d.required, column: mapping.columns[d.field] }));
}

/** Dropdown choices for a column: "B 姓名". */
export function columnChoices(table: RawTable): { index: number; label: string }[] {
  const first = table.firstColumn ?? 0;
  return table.header.map((h, i) => ({ index: i, label: `${columnLetter(first + i)} ${h || ''}`.trim() }));
}

/** The first rows as text, for the preview. */
export function previewRows(table: RawTable, n = 5): { rowNumber: number; cells: string[] }[] {
  return table.rows.slice(0, n).map((r) => ({ rowNumber: r.rowNumber, cells: table.header.map((_, i) => cellText(r.cells[i])) }));
}

export interface BilingualError {
  code?: string;
  zh: string;
  en: string;
}

export function asBilingual(e: unknown): BilingualError {
  if (isMedaidError(e)) return { code: e.code, zh: e.zh, en: e.en };
  if (e && typeof e === 'object' && 'zh' in e && 'en' in e) return e as BilingualError;
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: msg, en: msg };
}

export interface RosterCheck {
  people?: ImportResult<Person>;
  visits?: ImportResult<Visit>;
  peopleError?: BilingualError;
  visitsError?: BilingualError;
}

/**
 * Imports both tables with the mappings as the analyst left them, as the run will. Visits
 * are checked against the accepted people and the year.
 */
export function checkRoster(
  people: RawTable | undefined,
  visits: RawTable | undefined,
  peopleMapping: ColumnMapping<'people'> | undefined,
  visitsMapping: ColumnMapping<'visits'> | undefined,
  year: number,
): RosterCheck {
  const out: RosterCheck = {};
  if (people && peopleMapping) {
    try {
      applyMapping(people, peopleMapping, 'people');
      out.people = importPeople(people, peopleMapping);
    } catch (e) {
      out.peopleError = asBilingual(e);
    }
  }
  if (visits && visitsMapping) {
    try {
      applyMapping(visits, visitsMapping, 'visits');
      out.visits = importVisits(visits, visitsMapping, { year, people: out.people?.rows });
    } catch (e) {
      out.visitsError = asBilingual(e);
    }
  }
  return out;
}

export function canRun(check: RosterCheck): boolean {
  return !!check.people && !!check.visits && check.people.rows.length > 0;
}

/** Problems of a report, errors first, masked when the analyst asked for it. */
export function reportEntries(report: ImportReport, mask: boolean): ReportEntry[] {
  const entries = mask ? maskReport(report.entries) : report.entries;
  return [...entries].sort((a, b) => (a.severity === b.severity ? a.rowNumber - b.rowNumber : a.severity === 'error' ? -1 : 1));
}

/** "1234567.8" → "1,234,567.80" without going through a float. */
export function groupMoney(text: string): string {
  const neg = text.startsWith('-');
  const [int, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** The measures shown side by side (the rest are in the workbook's Scenarios sheet). */
export const HEADLINE_MEASURES = [
  'assistance.total',
  'assistance.inpatient',
  'assistance.outpatient',
  'assistance.tilt',
  'premiumSubsidy.total',
  'fundNeed',
  'fiscal',
  'split.city',
  'split.district',
];

export interface CompareRow {
  id: string;
  label: string;
  baseline: string;
  /** One per scenario, in order. */
  values: { scenario: string; value: string; diff: string; pct?: string }[];
}

export function compareRows(summary: RunSummary, lang: Lang): CompareRow[] {
  return HEADLINE_MEASURES.map((id) => {
    const values = summary.comparisons.map((c) => {
      const m = c.measures.find((x) => x.id === id);
      return { scenario: c.scenario, value: m?.scenario ?? '0.00', diff: m?.diff ?? '0.00', pct: m?.pct };
    });
    const base = summary.comparisons[0]?.measures.find((x) => x.id === id)?.baseline;
    return { id, label: measureName(id, lang), baseline: base ?? baselineMeasure(summary, id), values };
  });
}

function baselineMeasure(s: RunSummary, id: string): string {
  const b = s.baseline;
  const map: Record<string, string> = {
    'assistance.total': b.overall.assistance,
    'assistance.inpatient': b.overall.inpatient,
    'assistance.outpatient': b.overall.outpatient,
    'assistance.tilt': b.overall.tilt,
    'premiumSubsidy.total': b.overall.premiumSubsidy,
    fundNeed: b.overall.fundNeed,
    fiscal: b.funding.fiscal,
    'split.city': b.funding.city,
    'split.district': b.funding.districtTotal,
  };
  return map[id] ?? '0.00';
}
