/**
 * What the worker does, as plain functions (so Node tests run the very same code): import
 * the roster with the mappings the analyst confirmed, run baseline + scenarios through the
 * projection's runProjection (the function the CLI uses, so the totals are the CLI's) on the
 * engine with the analyst's figures (the CLI's --params/--policy), and report progress.
 */
import { findingError, preflight } from '../../projection/preflight';
import { schemeChecker } from '../../projection/readRoster';
import { runProjection } from '../../projection/run';
import type { Funding, Growth, ProjectionRun, Scenario } from '../../projection/types';
import { importPeople } from '../../roster/people';
import type { ColumnMapping, ImportResult, Person, RawTable, Visit } from '../../roster/types';
import { importVisits } from '../../roster/visits';
import { figureRows, figuresEngine, hasFigures, noFigures, type AnalystFigures } from '../analystFigures';
import { baselineFunding, baselineGrowth } from '../baselineInputs';
import { summarize, type RunSummary } from '../runSummary';
import { ProgressEngine } from './progressEngine';

/** What a run needs besides the roster. */
export interface RunOptions {
  region: string;
  year: number;
  scenarios: Scenario[];
  /** Figures the analyst supplied (baseline, and so every scenario); none when absent. */
  figures?: AnalystFigures;
  /** The baseline's funding (the CLI's --lottery/--donations/--transfers/--ratio); default: the figures' baseline inputs. */
  funding?: Funding;
  /** Growth for next year's forecast (the CLI's --*-growth); default: the figures' baseline inputs. */
  growth?: Growth;
}

export interface RunRequest extends RunOptions {
  people: RawTable;
  visits: RawTable;
  peopleMapping: ColumnMapping<'people'>;
  visitsMapping: ColumnMapping<'visits'>;
}

/** read: a picked file is parsed; check: the tables are imported and checked; import/project: a run; book/zip: the result workbook (resultBook.ts). */
export type Phase = 'read' | 'check' | 'import' | 'project' | 'book' | 'zip';

export interface ProgressInfo {
  phase: Phase;
  done: number;
  total: number;
}

/** At most this many progress messages per run: enough for a smooth bar, cheap to post. */
const PROGRESS_STEPS = 200;

export interface JobResult {
  run: ProjectionRun;
  summary: RunSummary;
}

/** Imports the tables, then runs: the whole job from raw tables. */
export function runJob(req: RunRequest, onProgress: (p: ProgressInfo) => void = () => {}): JobResult {
  onProgress({ phase: 'import', done: 0, total: 1 });
  const people = importPeople(req.people, req.peopleMapping);
  // Each visit's outpatient scheme against the region's (as `medaid project`): an unknown one rejects its row only.
  const checkScheme = schemeChecker(figuresEngine(req.figures ?? noFigures()), req.region, req.year);
  const visits = importVisits(req.visits, req.visitsMapping, { year: req.year, people: people.rows, checkScheme });
  onProgress({ phase: 'import', done: 1, total: 1 });
  return runImported(people, visits, req, onProgress);
}

/** Runs baseline + scenarios on tables already imported (the worker imported them when they were checked). */
export function runImported(people: ImportResult<Person>, visits: ImportResult<Visit>, opts: RunOptions, onProgress: (p: ProgressInfo) => void = () => {}): JobResult {
  const figures = opts.figures ?? noFigures();
  // Pre-flight, as the CLI: a year with no visits stops with a message instead of a 0.00 budget.
  const checks = preflight({ people: people.rows, visits: visits.rows, importReports: [people.report, visits.report], region: opts.region, year: opts.year, engine: figuresEngine(figures) });
  const stop = checks.find((c) => c.stop);
  if (stop) throw Object.assign(new Error(stop.en), findingError(stop, 'pane'));
  const total = Math.max(1, people.rows.length * (1 + opts.scenarios.length));
  const every = Math.max(1, Math.floor(total / PROGRESS_STEPS));
  let done = 0;
  const engine = ProgressEngine.around(figuresEngine(figures), () => {
    done++;
    if (done % every === 0 || done === total) onProgress({ phase: 'project', done, total });
  });
  const run = runProjection({
    people: people.rows,
    visits: visits.rows,
    region: opts.region,
    year: opts.year,
    // The inputs of step 3 travel in the figures (saved with them); an explicit option wins.
    funding: opts.funding ?? baselineFunding(figures.baseline),
    growth: opts.growth ?? baselineGrowth(figures.baseline),
    importReports: [people.report, visits.report],
    engine,
    scenarios: opts.scenarios,
  });
  if (checks.length) run.preflight = checks; // the result workbook's 校验报告 lists them, as the CLI's
  const summary = summarize(run);
  if (checks.length) summary.preflight = checks;
  if (hasFigures(figures)) summary.figures = figureRows(figures);
  return { run, summary };
}
