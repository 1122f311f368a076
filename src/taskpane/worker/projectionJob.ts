/**
 * What the worker does, as plain functions (so Node tests run the very same code): import
 * the roster with the mappings the analyst confirmed, run baseline + scenarios through the
 * projection's runProjection (the function the CLI uses, so the totals are the CLI's), and
 * report progress as it goes.
 */
import { defaultEngine } from '../../engine/engine';
import { runProjection } from '../../projection/run';
import type { Funding, Growth, ProjectionRun, Scenario } from '../../projection/types';
import { importPeople } from '../../roster/people';
import type { ColumnMapping, RawTable } from '../../roster/types';
import { importVisits } from '../../roster/visits';
import { summarize, type RunSummary } from '../runSummary';
import { ProgressEngine } from './progressEngine';

export interface RunRequest {
  people: RawTable;
  visits: RawTable;
  peopleMapping: ColumnMapping<'people'>;
  visitsMapping: ColumnMapping<'visits'>;
  region: string;
  year: number;
  scenarios: Scenario[];
  funding?: Funding;
  growth?: Growth;
}

export type Phase = 'import' | 'project' | 'book';

export interface ProgressInfo {
  phase: Phase;
  done: number;
  total: number;
}

/** At most this many progress messages per run: enough for a smooth bar, cheap to post. */
const PROGRESS_STEPS = 200;

export function runJob(req: RunRequest, onProgress: (p: ProgressInfo) => void = () => {}): { run: ProjectionRun; summary: RunSummary } {
  onProgress({ phase: 'import', done: 0, total: 1 });
  const people = importPeople(req.people, req.peopleMapping);
  const visits = importVisits(req.visits, req.visitsMapping, { year: req.year, people: people.rows });
  onProgress({ phase: 'import', done: 1, total: 1 });

  const total = Math.max(1, people.rows.length * (1 + req.scenarios.length));
  const every = Math.max(1, Math.floor(total / PROGRESS_STEPS));
  let done = 0;
  const engine = ProgressEngine.around(defaultEngine(), () => {
    done++;
    if (done % every === 0 || done === total) onProgress({ phase: 'project', done, total });
  });
  const run = runProjection({
    people: people.rows,
    visits: visits.rows,
    region: req.region,
    year: req.year,
    funding: req.funding,
    growth: req.growth,
    importReports: [people.report, visits.report],
    engine,
    scenarios: req.scenarios,
  });
  return { run, summary: summarize(run) };
}
