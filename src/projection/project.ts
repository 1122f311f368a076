/**
 * The roster projection: each person's visits of the year, in date order (ties by row
 * number), go through the engine's per-person accumulator, so deductibles, brackets, caps,
 * tilted assistance, the top-up and 就高不就低 are shared exactly as the engine defines
 * them (ruling 3, ruling 9). Each person's premium subsidy comes from engine.premiumSubsidy.
 *
 * The accumulator is the integer kernel (src/fastpath, via personAssistance.ts), equal to the
 * engine's PersonYear to the fen, with PersonYear itself taking any person the kernel cannot
 * hold exactly — so amounts and per-person errors are PersonYear's. `{ kernel: false }` runs
 * everyone through PersonYear (the reference, for tests and debugging).
 *
 * A person whose year cannot be computed (a rule needing a figure the analyst has not
 * supplied, an outpatient scheme the region does not have…) is not dropped: the person's
 * row and each of their visit rows get a problem entry, and the rest of the roster goes on.
 * Assistance and the premium subsidy fail separately: a missing subsidy amount does not
 * throw away the person's assistance, and the reverse.
 */
import type { CategoryId } from '../engine/categories';
import { defaultEngine, type Engine } from '../engine/engine';
import { MedaidError, isMedaidError } from '../engine/errors';
import type { Result } from '../engine/explain';
import { ZERO, type Dec } from '../engine/money';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import type { Person, Visit } from '../roster/types';
import { forecastNextYear } from './forecast';
import { planFunding, resolveFunding } from './funding';
import { applyLayers, layerOutcome, layerTotals } from './layers';
import { addPersonRecipients, calibrationRows, emptyRecipients, type CalibrationRow, type Recipients } from './calibration';
import { MonitoringCollector } from './monitoringAlerts';
import { decimalAssistance, kernelAssistance } from './personAssistance';
import { premiumSubsidies } from './premiumSubsidies';
import { forecastProvenance } from './provenance';
import { assertReconciled, computeTotals } from './totals';
import type { PersonOutcome, Projection, ProjectionInput, ProjectionProblem, Scenario, Totals, VisitOutcome } from './types';

/** Visits in the order the accumulator takes them: by date, then by row (stable, independent of array order). */
export function byDateThenRow(a: Visit, b: Visit): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.rowNumber - b.rowNumber;
}

export function sheetNames(input: Pick<ProjectionInput, 'importReports'>): { people: string; visits: string } {
  return {
    people: input.importReports?.find((r) => r.kind === 'people')?.sheet ?? '人员 people',
    visits: input.importReports?.find((r) => r.kind === 'visits')?.sheet ?? '就诊 visits',
  };
}

/** The engine a scenario runs on: the input's (or built-in) engine with the scenario's overrides. */
export function engineFor(input: Pick<ProjectionInput, 'engine'>, scenario?: Pick<Scenario, 'overrides'>): Engine {
  const base = input.engine ?? defaultEngine();
  return scenario && Object.keys(scenario.overrides ?? {}).length > 0 ? base.withOverrides(scenario.overrides) : base;
}

const asError = (e: unknown): MedaidError => {
  if (isMedaidError(e)) return e;
  throw e; // a bug, not a roster problem: let it surface
};

/** People keyed by ID (first row wins) and visits grouped per person, with the rows that cannot be placed. */
function groupRoster(input: ProjectionInput, sheets: { people: string; visits: string }) {
  const problems: ProjectionProblem[] = [];
  const people: Person[] = [...input.people].sort((a, b) => a.rowNumber - b.rowNumber);
  const byId = new Map<string, Person>();
  const kept: Person[] = [];
  for (const p of people) {
    const first = byId.get(p.id);
    if (first) {
      const e = new MedaidError('ROSTER_DUPLICATE_ID', { value: p.id, firstRow: first.rowNumber });
      problems.push({ ...problem('people', sheets.people, p, 'assistance', e, `第 ${p.rowNumber} 行`, `row ${p.rowNumber}`), dropped: true });
      continue;
    }
    byId.set(p.id, p);
    kept.push(p);
  }
  const visitsOf = new Map<string, Visit[]>();
  const yearText = String(input.year);
  for (const v of input.visits) {
    const who = { rowNumber: v.rowNumber, id: v.personId };
    if (!byId.has(v.personId)) {
      const e = new MedaidError('ROSTER_UNKNOWN_PERSON', { value: v.personId });
      problems.push({ ...problem('visits', sheets.visits, who, 'assistance', e, `第 ${v.rowNumber} 行`, `row ${v.rowNumber}`), dropped: true });
      continue;
    }
    if (v.date.slice(0, 4) !== yearText) {
      const e = new MedaidError('ROSTER_DATE_OUT_OF_YEAR', { column: '结算日期 date', value: v.date, year: input.year });
      problems.push({ ...problem('visits', sheets.visits, who, 'assistance', e, `第 ${v.rowNumber} 行`, `row ${v.rowNumber}`), dropped: true });
      continue;
    }
    const list = visitsOf.get(v.personId) ?? visitsOf.set(v.personId, []).get(v.personId)!;
    list.push(v);
  }
  for (const list of visitsOf.values()) list.sort(byDateThenRow);
  return { people: kept, visitsOf, problems };
}

/** A problem entry of one row, located as the validation report locates it (shared with the columnar run). */
export function problem(
  table: 'people' | 'visits',
  sheet: string,
  row: { rowNumber: number; id: string },
  part: ProjectionProblem['part'],
  e: MedaidError,
  whereZh: string,
  whereEn: string,
): ProjectionProblem {
  return { table, sheet, rowNumber: row.rowNumber, personId: row.id, part, code: e.code, zh: `${sheet} ${whereZh}：${e.zh}`, en: `${sheet} ${whereEn}: ${e.en}` };
}

/** One person's year through the decimal accumulator (explainPerson runs it with explain: true). */
export { runPersonYear } from './personAssistance';

/** The status a person is counted under when no visit says it: the first one the policy knows. */
export function firstKnown(known: readonly CategoryId[], cats: CategoryId[]): CategoryId {
  return cats.find((c) => known.includes(c)) ?? cats[0];
}

/** How project() computes each person's year; the results are the same either way. */
export interface ProjectOptions {
  /**
   * true (default): the integer kernel, PersonYear for the people it cannot hold exactly.
   * false: PersonYear for everyone — the reference the kernel is tested against, and for debugging.
   */
  kernel?: boolean;
  /** Filled in, when given: how many people each path computed. */
  counts?: { kernel: number; decimal: number };
}

/** The baseline (no scenario) or one scenario, on the whole roster. */
export function project(input: ProjectionInput, scenario?: Scenario, options: ProjectOptions = {}): Projection {
  const engine = engineFor(input, scenario);
  const { region, year } = input;
  const rp = engine.resolve(region, year); // unknown region / year: a usage error for the caller
  const counts = options.counts ?? { kernel: 0, decimal: 0 };
  const personYear = options.kernel === false ? decimalAssistance(engine, region, year, counts) : kernelAssistance(engine, region, year, counts);
  const subsidyOf = premiumSubsidies(engine, region, year);
  const sheets = sheetNames(input);
  const grouped = groupRoster(input, sheets);
  const problems = grouped.problems;
  const people: PersonOutcome[] = [];
  const visits: VisitOutcome[] = [];
  const monitoring = MonitoringCollector.for(rp);
  const recipients = emptyRecipients();
  const layerCtx = { engine, baseline: scenario ? engineFor(input) : undefined, region, year, mode: input.layerMode ?? 'asGiven', visitsSheet: sheets.visits } as const;

  for (const person of grouped.people) {
    const own = grouped.visitsOf.get(person.id) ?? [];
    let assistance: Dec = ZERO;
    let assistanceComputed = true;
    let lastCategory: CategoryId | undefined;
    const ownOutcomes: VisitOutcome[] = [];
    let taken: readonly Visit[] | undefined; // the visits as computed (after any insurance layers), for the monitoring line
    try {
      const layered = applyLayers(layerCtx, person, own);
      taken = layered.visits;
      const computed = personYear(person, layered.visits);
      computed.visits.forEach(({ visit, result: r }, i) => {
        const outcome: VisitOutcome = { visit, personRow: person.rowNumber, district: person.district, category: r.category, schemeKey: r.schemeKey, assistance: r.assistance, ordinary: r.ordinary, topUp: r.topUp, tilt: r.tilt };
        const l = layered.layers && layerOutcome(layered.layers[i], r.assistance, r.tilt);
        if (l) outcome.layers = l;
        ownOutcomes.push(outcome);
        lastCategory = r.category;
      });
      assistance = computed.assistance;
    } catch (err) {
      const e = asError(err);
      assistanceComputed = false;
      assistance = ZERO; // personYear threw before any visit was added: the year counts whole or not at all
      problems.push(problem('people', sheets.people, person, 'assistance', e, `第 ${person.rowNumber} 行：本年救助未计算`, `row ${person.rowNumber}: the year's assistance was not computed`));
      for (const v of own) {
        problems.push(problem('visits', sheets.visits, { rowNumber: v.rowNumber, id: person.id }, 'assistance', e,
          `第 ${v.rowNumber} 行：该人员（人员表第 ${person.rowNumber} 行）本年救助未计算，本行未计入`,
          `row ${v.rowNumber}: the year of this person (people row ${person.rowNumber}) was not computed; row not counted`));
      }
    }

    monitoring?.add(person, taken);

    let premiumSubsidy: Dec = ZERO;
    let premiumCategory: CategoryId | undefined;
    let premiumComputed = true;
    try {
      const r: Result = subsidyOf(person.categories, person.premium, person.tier);
      premiumSubsidy = r.value as Dec;
      premiumCategory = r.explanation.category;
    } catch (err) {
      const e = asError(err);
      premiumComputed = false;
      problems.push(problem('people', sheets.people, person, 'premiumSubsidy', e, `第 ${person.rowNumber} 行：资助参保未计算`, `row ${person.rowNumber}: the premium subsidy was not computed`));
    }

    // One person, one status for the year (docs/projection.md, "Booking"): the status that won the
    // year's assistance (every visit is booked under it); with no assistance, the status whose
    // premium subsidy was paid. The premium subsidy is booked under the same status.
    const won = assistance.greaterThan(0) ? lastCategory : premiumSubsidy.greaterThan(0) ? premiumCategory : undefined;
    const category = won ?? lastCategory ?? premiumCategory ?? firstKnown(rp.policy.categories, person.categories);
    let inpatientPaid: Dec = ZERO;
    let outpatientPaid: Dec = ZERO;
    for (const o of ownOutcomes) {
      o.category = category; // differs from the visit's only when the year paid no assistance
      visits.push(o);
      if (o.visit.kind === 'inpatient') inpatientPaid = inpatientPaid.plus(o.assistance);
      else outpatientPaid = outpatientPaid.plus(o.assistance);
    }
    addPersonRecipients(recipients, inpatientPaid, outpatientPaid);
    people.push({ person, category, visits: assistanceComputed ? own.length : 0, assistance, premiumSubsidy, premiumCategory, assistanceComputed, premiumComputed });
  }

  problems.sort((a, b) => (a.table === b.table ? a.rowNumber - b.rowNumber : a.table === 'people' ? -1 : 1));
  const totals = computeTotals(people, visits);
  assertReconciled(people, visits, totals);
  const layers = layerTotals(visits);
  const funding = planFunding(totals.byDistrict, resolveFunding(engine, region, year, { ...input.funding, ...scenario?.funding }));
  const p = rp.policy;
  const forecast = { ...forecastNextYear(year, people, mergeGrowth(input.growth, scenario?.growth)), method: forecastProvenance(p) };
  return {
    scenario: scenario?.name ?? BASELINE,
    region: { id: p.region.id, zh: p.region.names.zh, en: p.region.names.en },
    policyId: p.id,
    year,
    people,
    visits,
    problems,
    totals,
    funding,
    forecast,
    ...(layers ? { layers } : {}),
    ...(monitoring ? { monitoring: monitoring.finish() } : {}),
    recipients,
    ...withCalibration(rp, year, recipients, totals),
  };
}

export const BASELINE = 'baseline';

/** The calibration rows (calibration.ts) when the documents publish totals for the year. */
export function withCalibration(rp: ResolvedPolicy, year: number, recipients: Recipients, totals: Totals): { calibration?: CalibrationRow[] } {
  const rows = calibrationRows(rp, year, recipients, { people: totals.overall.subsidised, amount: totals.overall.premiumSubsidy });
  return rows.length ? { calibration: rows } : {};
}

/** A scenario's growth replaces the baseline's field by field (and category by category). */
export function mergeGrowth(base: ProjectionInput['growth'], own: ProjectionInput['growth']): ProjectionInput['growth'] {
  if (!own) return base;
  return { ...base, ...own, byCategory: { ...base?.byCategory, ...own.byCategory } };
}
