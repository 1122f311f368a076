/**
 * The pane's side of the projection worker: hand it the roster (files are read and checked
 * there), start a run, follow progress, cancel (terminating the worker: the only way to stop
 * a synchronous computation at once), and ask for the result workbook. A new worker is
 * started after a cancel; it holds nothing, so `generation` changes and the pane sends the
 * roster again before its next request (PaneApp.restoreRoster).
 *
 * Building the result workbook is cancelled without ending the worker: the client posts
 * `cancel`, the worker stops at its next checkpoint and answers `cancelled` (stopRequest.ts),
 * and it still holds the roster and the last run, so Download / Write works again at once.
 */
import type { BudgetRequest, BudgetView } from './budgetJob';
import type { PreflightFinding } from '../../projection/preflight';
import type { ColumnMapping, RosterKind } from '../../roster/types';
import type { AnalystFigures } from '../analystFigures';
import type { ChartSpec, OutputSheet } from '../host/Host';
import type { RunSummary } from '../runSummary';
import type { Phase, RunOptions } from './projectionJob';
import type { FromWorker, ToWorker, WorkerError } from './protocol';
import type { CheckView, Loaded, SchemeRegion, SourceInput } from './rosterSession';

export class WorkerFailure extends Error {
  constructor(readonly error: WorkerError) {
    super(`${error.zh} / ${error.en}`);
    this.name = 'WorkerFailure';
  }
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export type OnProgress = (phase: Phase, done: number, total: number) => void;

interface Pending {
  resolve: (m: FromWorker) => void;
  reject: (e: Error) => void;
  expect: FromWorker['type'];
  onProgress?: OnProgress;
  /** A stop was asked for (book): whatever answer comes is a cancel. */
  stopAsked?: boolean;
}

export class ProjectionClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  /** Counts the workers started: a new one holds no roster. */
  generation = 0;

  constructor(private readonly start: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.start();
    this.generation++;
    w.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    w.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.fail(new WorkerFailure({ zh: `测算进程出错：${ev.message}`, en: `the projection worker failed: ${ev.message}` }));
    };
    this.worker = w;
    return w;
  }

  private receive(m: FromWorker): void {
    const p = this.pending;
    if (!p) return;
    if (m.type === 'progress') {
      if (!p.stopAsked) p.onProgress?.(m.phase, m.done, m.total);
    } else if (m.type === 'cancelled' || (p.stopAsked && m.type === p.expect)) this.fail(new Cancelled());
    else if (m.type === 'error') this.fail(new WorkerFailure(m.error));
    else if (m.type === p.expect) {
      this.pending = undefined;
      p.resolve(m);
    }
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private send<T extends FromWorker['type']>(msg: ToWorker, expect: T, onProgress?: OnProgress): Promise<Extract<FromWorker, { type: T }>> {
    if (this.pending) return Promise.reject(new Error('busy'));
    const w = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending = { resolve: resolve as (m: FromWorker) => void, reject, expect, onProgress };
      w.postMessage(msg);
    });
  }

  /** Whether the current worker (if any) is the one of `generation`: it still holds what was sent to it. */
  holds(generation: number): boolean {
    return this.worker !== undefined && this.generation === generation;
  }

  load(kind: RosterKind, source: SourceInput, year: number, opts: { sheet?: string; mapping?: ColumnMapping<RosterKind>; region?: SchemeRegion } = {}, onProgress?: OnProgress): Promise<Loaded> {
    return this.send({ type: 'load', kind, source, year, ...opts }, 'loaded', onProgress);
  }

  chooseSheet(kind: RosterKind, sheet: string, year: number, onProgress?: OnProgress): Promise<Loaded> {
    return this.send({ type: 'sheet', kind, sheet, year }, 'loaded', onProgress);
  }

  remap(kind: RosterKind, field: string, column: number | undefined, year: number, onProgress?: OnProgress): Promise<Loaded> {
    return this.send({ type: 'remap', kind, field, column, year }, 'loaded', onProgress);
  }

  async check(year: number, onProgress?: OnProgress, region?: SchemeRegion): Promise<CheckView> {
    return (await this.send({ type: 'check', year, region }, 'checked', onProgress)).check;
  }

  /** The whole pre-flight before Run: what will not be computed for this region, year and figures, and how to fix it. */
  async preflight(opts: { region: string; year: number; figures?: AnalystFigures }, onProgress?: OnProgress): Promise<PreflightFinding[]> {
    return (await this.send({ type: 'preflight', ...opts }, 'preflighted', onProgress)).findings;
  }

  run(options: RunOptions, onProgress?: OnProgress): Promise<{ summary: RunSummary; ms: number }> {
    return this.send({ type: 'run', options }, 'result', onProgress);
  }

  budget(request: BudgetRequest, onProgress?: OnProgress): Promise<{ view: BudgetView; ms: number }> {
    return this.send({ type: 'budget', request }, 'budget', onProgress);
  }

  book(opts: Omit<Extract<ToWorker, { type: 'book' }>, 'type'>, onProgress?: OnProgress): Promise<{ xlsx: Uint8Array; fileName: string; sheets: OutputSheet[]; charts: ChartSpec[] }> {
    return this.send({ type: 'book', ...opts }, 'book', onProgress);
  }

  /**
   * Stops the result workbook being built, if one is: the worker stops at its next checkpoint
   * and keeps the roster and the run. Returns whether a book was being built; never ends the worker.
   */
  cancelBook(): boolean {
    const p = this.pending;
    if (p?.expect !== 'book' || !this.worker) return false;
    if (!p.stopAsked) this.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    p.stopAsked = true;
    return true;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /**
   * Stops whatever the worker is doing. A result workbook being built stops at its next
   * checkpoint and the worker stays (with the roster and the run); anything else ends the
   * worker, and the next request starts a fresh one.
   */
  cancel(): void {
    if (this.cancelBook()) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.fail(new Cancelled());
  }
}
