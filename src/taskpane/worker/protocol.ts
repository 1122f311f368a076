/** Messages between the pane and its projection worker (structured-clone safe: no Decimal, no functions). */
import type { PreflightFinding } from '../../projection/preflight';
import type { ColumnMapping, RosterKind } from '../../roster/types';
import type { AnalystFigures } from '../analystFigures';
import type { ChartSpec, OutputSheet } from '../host/Host';
import type { Lang } from '../i18n';
import type { RunSummary } from '../runSummary';
import type { ScenarioSet } from '../scenarioStore';
import type { BudgetRequest, BudgetView } from './budgetJob';
import type { Phase, RunOptions } from './projectionJob';
import type { ResultDetail } from '../resultDetail';
import type { CheckView, Loaded, SchemeRegion, SourceInput } from './rosterSession';

export type ToWorker =
  /** A table for `kind`: a picked file (read in the worker) or a range the pane read from Excel. */
  | { type: 'load'; kind: RosterKind; source: SourceInput; year: number; sheet?: string; mapping?: ColumnMapping<RosterKind>; region?: SchemeRegion }
  | { type: 'sheet'; kind: RosterKind; sheet: string; year: number }
  | { type: 'remap'; kind: RosterKind; field: string; column?: number; year: number }
  /** With `region`, the visits' outpatient schemes are checked against it (and against it from then on). */
  | { type: 'check'; year: number; region?: SchemeRegion }
  /** The whole pre-flight for the pane's region, year and figures (before Run). */
  | { type: 'preflight'; region: string; year: number; figures?: AnalystFigures }
  | { type: 'run'; options: RunOptions }
  /** The multi-year plan's range (fan chart) and, with `solve`, the parameter fitted to a ceiling. */
  | { type: 'budget'; request: BudgetRequest }
  | { type: 'book'; lang: Lang; mask: boolean; sheets: boolean; scenarios?: ScenarioSet; xlsx?: boolean; detail?: ResultDetail }
  /** Stop the `book` under way at its next checkpoint (answered by `cancelled`); the worker keeps the roster and the run. */
  | { type: 'cancel' };

export interface WorkerError {
  code?: string;
  zh: string;
  en: string;
}

export type FromWorker =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | ({ type: 'loaded' } & Loaded)
  | { type: 'checked'; check: CheckView }
  | { type: 'preflighted'; findings: PreflightFinding[] }
  | { type: 'result'; summary: RunSummary; ms: number }
  | { type: 'budget'; view: BudgetView; ms: number }
  | { type: 'book'; xlsx: Uint8Array; fileName: string; sheets: OutputSheet[]; charts: ChartSpec[] }
  | { type: 'cancelled' }
  | { type: 'error'; error: WorkerError };

/** Any thrown value as a bilingual message (MedaidError has zh/en; anything else is a bug report). */
export function toWorkerError(e: unknown): WorkerError {
  if (e && typeof e === 'object' && 'zh' in e && 'en' in e) {
    const m = e as { code?: string; zh: string; en: string };
    return { code: m.code, zh: m.zh, en: m.en };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `内部错误：${msg}`, en: `internal error: ${msg}` };
}
