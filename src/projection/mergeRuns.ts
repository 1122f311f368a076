/**
 * Runs over disjoint parts of one roster, put together into the run of the whole roster.
 *
 * A roster split by person (every row of a person — the people row and all visit rows — in
 * the same part) projects part by part to the same figures as in one piece: each person's
 * year depends only on that person's rows, and every total is a sum over people and visits,
 * so the totals of the whole are the sums of the parts' totals (exact decimal additions of
 * amounts already rounded to the fen). Only what is not a sum is computed once, on the whole:
 * the funding plan (sources allocated by district need, the 1:9 split) and the forecast
 * (per-capita figures and rounding), from the summed bases — as project() computes them.
 *
 * Detail rows (people, visits) are kept only when asked for: a summary of a 10M-visit roster
 * holds totals, not rows. What is measured over rows is summed per part too: completeness as
 * exact counts and fen sums (completeness.ts's CompletenessTally) and the settlement layers
 * (addLayerTotals), so no whole-roster visit list is ever held.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import type { PolicyFile } from '../engine/policy/types';
import type { ImportReport, ReportEntry, Visit } from '../roster/types';
import { addTally, completenessFrom, emptyTally, tallyOf } from './completeness';
import { compare } from './compare';
import { forecastBase, forecastFromBase, type ForecastBase } from './forecast';
import { planFunding, resolveFunding } from './funding';
import { engineFor, mergeGrowth, withCalibration } from './project';
import { addRecipients, emptyRecipients } from './calibration';
import { addLayerTotals, type LayerTotals } from './layers';
import { mergeMonitoring, type MonitoringReport } from './monitoringAlerts';
import { byCodePoint, emptyBucket, ordered } from './totals';
import type { Bucket, Funding, Growth, Projection, ProjectionProblem, ProjectionRun, RowAccount, Scenario, Totals } from './types';

/** Which per-row results are kept: none (totals only), people, or people and visits. */
export type Detail = 'none' | 'people' | 'visits';

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c.id, i]));

function addBucket(into: Bucket, b: Bucket): void {
  into.people += b.people;
  into.visits += b.visits;
  into.subsidised += b.subsidised;
  const a = into.assistance;
  a.inpatient = a.inpatient.plus(b.assistance.inpatient);
  a.outpatient = a.outpatient.plus(b.assistance.outpatient);
  a.tilt = a.tilt.plus(b.assistance.tilt);
  a.topUp = a.topUp.plus(b.assistance.topUp);
  a.total = a.total.plus(b.assistance.total);
  into.premiumSubsidy = into.premiumSubsidy.plus(b.premiumSubsidy);
  into.fundNeed = into.fundNeed.plus(b.fundNeed);
}

/** One projection (baseline or one scenario) being summed over the parts. */
class ProjectionSum {
  first?: Projection;
  readonly people: Projection['people'] = [];
  readonly visits: Projection['visits'] = [];
  readonly problems: ProjectionProblem[] = [];
  readonly overall = emptyBucket();
  readonly byCategory = new Map<CategoryId, Bucket>();
  readonly byDistrict = new Map<string, Bucket>();
  readonly base: ForecastBase = new Map();
  readonly tally = emptyTally();
  layers?: LayerTotals;
  monitoring?: MonitoringReport;
  readonly recipients = emptyRecipients();

  constructor(readonly detail: Detail, readonly policy: PolicyFile) {}

  /** A part's projection, with the visits its importer passed on (the completeness denominators). */
  add(p: Projection, visits: readonly Visit[]): void {
    this.first ??= p;
    addTally(this.tally, tallyOf(p, visits, this.policy));
    this.layers = addLayerTotals(this.layers, p.layers);
    this.monitoring = mergeMonitoring(this.monitoring, p.monitoring);
    addRecipients(this.recipients, p.recipients);
    if (this.detail !== 'none') this.people.push(...p.people);
    if (this.detail === 'visits') this.visits.push(...p.visits);
    this.problems.push(...p.problems);
    addBucket(this.overall, p.totals.overall);
    for (const [k, b] of Object.entries(p.totals.byCategory) as [CategoryId, Bucket][]) addBucket(this.byCategory.get(k) ?? this.byCategory.set(k, emptyBucket()).get(k)!, b);
    for (const [k, b] of Object.entries(p.totals.byDistrict)) addBucket(this.byDistrict.get(k) ?? this.byDistrict.set(k, emptyBucket()).get(k)!, b);
    forecastBase(p.people, this.base);
  }

  finish(engine: Engine, region: string, year: number, funding: Funding | undefined, growth: Growth | undefined, scenario?: Scenario): Projection {
    const p = this.first!;
    const totals: Totals = {
      overall: this.overall,
      byCategory: ordered(this.byCategory, (a, b) => CATEGORY_ORDER.get(a)! - CATEGORY_ORDER.get(b)!),
      byDistrict: ordered(this.byDistrict, byCodePoint),
    };
    // Rows in the order project() gives them: people by row, visits person by person.
    this.people.sort((a, b) => a.person.rowNumber - b.person.rowNumber);
    this.visits.sort((a, b) => a.personRow - b.personRow);
    this.problems.sort((a, b) => (a.table === b.table ? a.rowNumber - b.rowNumber : a.table === 'people' ? -1 : 1));
    const e = engineFor({ engine }, scenario);
    const out: Projection = {
      ...p,
      people: this.people,
      visits: this.visits,
      problems: this.problems,
      totals,
      funding: planFunding(totals.byDistrict, resolveFunding(e, region, year, { ...funding, ...scenario?.funding })),
      forecast: { ...forecastFromBase(year, this.base, mergeGrowth(growth, scenario?.growth)), method: p.forecast.method },
    };
    // Settlement layers: the parts' totals added up.
    if (this.layers) out.layers = this.layers;
    else delete out.layers;
    if (this.monitoring) out.monitoring = this.monitoring;
    // Calibration: per-person averages of the summed recipients and subsidies, as project() computes them.
    out.recipients = this.recipients;
    delete out.calibration;
    Object.assign(out, withCalibration(e.resolve(region, year), year, this.recipients, totals));
    return out;
  }
}

class ReportSum {
  first?: ImportReport;
  readonly entries: ReportEntry[] = [];
  readonly summary = { total: 0, used: 0, rejected: 0, warnings: 0, blank: 0 };

  private noData?: ReportEntry;

  add(r: ImportReport): void {
    this.first ??= r;
    // "Header and no data rows" is about the whole table, not about a part that happens to be empty.
    for (const e of r.entries) {
      if (e.code === 'ROSTER_NO_DATA') {
        this.noData ??= e;
        this.summary.warnings--;
      } else this.entries.push(e);
    }
    for (const k of Object.keys(this.summary) as (keyof ImportReport['summary'])[]) this.summary[k] += r.summary[k];
  }

  finish(): ImportReport {
    if (this.noData && this.summary.used + this.summary.rejected === 0) {
      this.entries.push(this.noData);
      this.summary.warnings++;
    }
    // Rows in sheet order; the entries of one row stay in the order its part gave them.
    this.entries.sort((a, b) => a.rowNumber - b.rowNumber);
    return { ...this.first!, entries: this.entries, summary: this.summary };
  }
}

const addAccount = (a: RowAccount, b: RowAccount) => {
  a.total += b.total;
  a.used += b.used;
  a.rejected += b.rejected;
  a.blank += b.blank;
  a.notComputed += b.notComputed;
};

/** Sums the runs of parts of a roster (added one by one, so a part can be freed once added). */
export class RunSum {
  private readonly baseline: ProjectionSum;
  private readonly scenarios: ProjectionSum[];
  private readonly reports = [new ReportSum(), new ReportSum()];
  private readonly rows = { people: { total: 0, used: 0, rejected: 0, blank: 0, notComputed: 0 }, visits: { total: 0, used: 0, rejected: 0, blank: 0, notComputed: 0 } };
  parts = 0;

  constructor(readonly scenarioList: readonly Scenario[], readonly detail: Detail, where: { engine: Engine; region: string; year: number }) {
    const policy = (s?: Scenario) => engineFor({ engine: where.engine }, s).resolve(where.region, where.year).policy;
    this.baseline = new ProjectionSum(detail, policy());
    this.scenarios = scenarioList.map((s) => new ProjectionSum(detail, policy(s)));
  }

  /** A part's run, with the visits its importer passed on. */
  add(run: ProjectionRun, visits: readonly Visit[]): void {
    this.parts++;
    this.baseline.add(run.baseline, visits);
    run.scenarios.forEach((s, i) => this.scenarios[i].add(s.projection, visits));
    run.importReports.forEach((r, i) => this.reports[i].add(r));
    addAccount(this.rows.people, run.rows.people);
    addAccount(this.rows.visits, run.rows.visits);
  }

  finish(input: { engine: Engine; region: string; year: number; funding?: Funding; growth?: Growth; minComplete?: number | string }): ProjectionRun {
    const { engine, region, year, funding, growth } = input;
    const baseline = this.baseline.finish(engine, region, year, funding, growth);
    const scenarios = this.scenarioList.map((scenario, i) => ({ scenario, projection: this.scenarios[i].finish(engine, region, year, funding, growth, scenario) }));
    const reports = this.reports.filter((r) => r.first).map((r) => r.finish());
    const importRejected = {
      people: reports.find((r) => r.kind === 'people')?.summary.rejected ?? 0,
      visits: reports.find((r) => r.kind === 'visits')?.summary.rejected ?? 0,
    };
    // Completeness from the parts' tallies: the same figures as completenessOf on the whole roster.
    const sums = [this.baseline, ...this.scenarios];
    [baseline, ...scenarios.map((r) => r.projection)].forEach((p, i) => {
      p.completeness = completenessFrom(sums[i].tally, p.problems, { rows: this.rows, importRejected, policy: sums[i].policy, threshold: input.minComplete });
    });
    return {
      baseline,
      scenarios,
      comparisons: scenarios.map((s) => compare(baseline, s.projection)),
      importReports: reports,
      rows: this.rows,
    };
  }
}
