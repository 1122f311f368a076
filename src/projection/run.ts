/**
 * `runProjection`: the one entry point the CLI, the task pane and the tests call, so the
 * three give identical totals on the same roster. Baseline + any number of scenarios,
 * validated first; comparisons; and the row accounting of the validation report.
 */
import type { ImportReport } from '../roster/types';
import { compare } from './compare';
import { completenessOf } from './completeness';
import { engineFor, project } from './project';
import { checkScenarioRegions, validateScenarios } from './scenario';
import type { Projection, ProjectionInput, ProjectionRun, RowAccount, Scenario } from './types';

export interface RunInput extends ProjectionInput {
  /** Scenarios as plain data (e.g. parsed JSON); validated before anything runs. */
  scenarios?: readonly (Scenario | { data: unknown; file?: string })[];
  /** Completeness (percent) below which the headline is withheld until confirmed; default 95. */
  minComplete?: number | string;
}

/**
 * Rows of one table (RowAccount in types.ts): the importer's counts, with the rows the
 * projection placed nowhere (dropped problems) moved from used to rejected, and the used rows
 * with a part not computed counted in notComputed. total = used + rejected + blank still holds,
 * and for people used = the people projected (a partly computed person is used, not rejected).
 */
function account(report: ImportReport | undefined, inputRows: number, p: Projection, table: 'people' | 'visits'): RowAccount {
  const mine = p.problems.filter((x) => x.table === table);
  const dropped = new Set(mine.filter((x) => x.dropped).map((x) => x.rowNumber));
  const notComputed = new Set(mine.filter((x) => !x.dropped && !dropped.has(x.rowNumber)).map((x) => x.rowNumber)).size;
  const s = report?.summary ?? { total: inputRows, used: inputRows, rejected: 0, blank: 0 };
  return { total: s.total, used: s.used - dropped.size, rejected: s.rejected + dropped.size, blank: s.blank, notComputed };
}

export function runProjection(input: RunInput): ProjectionRun {
  const raws = (input.scenarios ?? []).map((s) => ('data' in s ? s : { data: s }));
  const scenarios = validateScenarios(raws, input.engine);
  checkScenarioRegions(scenarios, input.engine, input.region, input.year); // a scenario for another region changes nothing: refused
  for (const s of scenarios) engineFor(input, s); // all overrides valid before the first run
  const baseline = project(input);
  const runs = scenarios.map((scenario) => ({ scenario, projection: project(input, scenario) }));
  const reports = input.importReports ?? [];
  const rows = {
    people: account(reports.find((r) => r.kind === 'people'), input.people.length, baseline, 'people'),
    visits: account(reports.find((r) => r.kind === 'visits'), input.visits.length, baseline, 'visits'),
  };
  const importRejected = {
    people: reports.find((r) => r.kind === 'people')?.summary.rejected ?? 0,
    visits: reports.find((r) => r.kind === 'visits')?.summary.rejected ?? 0,
  };
  // Each projection says how much of the roster and of its rules it computed (completeness.ts).
  for (const [p, s] of [[baseline, undefined], ...runs.map((r) => [r.projection, r.scenario] as const)] as const) {
    const policy = engineFor(input, s).resolve(input.region, input.year).policy;
    p.completeness = completenessOf(p, { visits: input.visits, rows, importRejected, policy, threshold: input.minComplete });
  }
  return {
    baseline,
    scenarios: runs,
    comparisons: runs.map((r) => compare(baseline, r.projection)),
    importReports: reports,
    rows,
  };
}

/** Rows rejected anywhere (import, baseline or a scenario): the CLI's exit code 1. */
export function rejectedRowCount(run: ProjectionRun): number {
  const scenarioRows = new Set(run.scenarios.flatMap((s) => s.projection.problems.map((p) => `${p.table}:${p.rowNumber}`)));
  // Without scenarios there is nothing to take away (and the baseline's list is not read: problemList.ts makes entries when read).
  if (scenarioRows.size > 0) for (const p of run.baseline.problems) scenarioRows.delete(`${p.table}:${p.rowNumber}`);
  return run.rows.people.rejected + run.rows.people.notComputed + run.rows.visits.rejected + run.rows.visits.notComputed + scenarioRows.size;
}
