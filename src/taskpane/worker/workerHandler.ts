/**
 * What the projection worker does with each message from the pane (projection.worker.ts
 * wires it to the worker's scope; tests drive it directly). Holds the roster
 * (rosterSession.ts) and the last run, to build the result workbook on request. Building it
 * is stopped without ending the worker (`cancel` → stopRequest.ts), so the run stays here and
 * the next Download / Write needs no new run.
 */
import type { ProjectionRun } from '../../projection/types';
import { figureRows, type AnalystFigures } from '../analystFigures';
import type { RunSummary } from '../runSummary';
import type { ProgressInfo } from './projectionJob';
import { toWorkerError, type FromWorker, type ToWorker } from './protocol';
import { buildBook } from './resultBook';
import { RosterSession } from './rosterSession';
import { StopRequested } from './stopRequest';

export function workerHandler(post: (m: FromWorker, transfer?: Transferable[]) => void): (msg: ToWorker) => Promise<void> {
  const session = new RosterSession();
  let last: { run: ProjectionRun; summary: RunSummary; figures?: AnalystFigures } | undefined;
  /** Set by `cancel`, read by the book under way at its checkpoints; each book starts with a fresh one. */
  let bookStop = { stopped: false };

  const progress = (p: ProgressInfo) => post({ type: 'progress', ...p });

  return async (msg: ToWorker) => {
    try {
      switch (msg.type) {
        case 'load': {
          last = undefined;
          const loaded = await session.load(msg.kind, msg.source, { year: msg.year, sheet: msg.sheet, mapping: msg.mapping, region: msg.region }, progress);
          post({ type: 'loaded', ...loaded });
          break;
        }
        case 'sheet':
          last = undefined;
          post({ type: 'loaded', ...session.chooseSheet(msg.kind, msg.sheet, msg.year, progress) });
          break;
        case 'remap':
          last = undefined;
          post({ type: 'loaded', ...session.remap(msg.kind, msg.field, msg.column, msg.year, progress) });
          break;
        case 'check':
          post({ type: 'checked', check: session.check(msg.year, progress, msg.region) });
          break;
        case 'preflight':
          post({ type: 'preflighted', findings: session.preflight({ region: msg.region, year: msg.year, figures: msg.figures }, progress) });
          break;
        case 'run': {
          const started = performance.now();
          last = undefined;
          const job = session.run(msg.options, progress);
          last = { ...job, figures: msg.options.figures };
          post({ type: 'result', summary: job.summary, ms: Math.round(performance.now() - started) });
          break;
        }
        case 'budget': {
          const started = performance.now();
          const view = session.budget(msg.request, progress);
          post({ type: 'budget', view, ms: Math.round(performance.now() - started) });
          break;
        }
        case 'cancel':
          bookStop.stopped = true;
          break;
        case 'book': {
          if (!last) throw new Error('no projection has run yet');
          const stop = (bookStop = { stopped: false });
          post({ type: 'progress', phase: 'book', done: 0, total: 1 });
          const book = await buildBook(last.run, last.summary, {
            lang: msg.lang,
            mask: msg.mask,
            detail: msg.detail,
            sheets: msg.sheets,
            scenarios: msg.scenarios,
            xlsx: msg.xlsx,
            parameters: last.figures ? figureRows(last.figures) : undefined,
          }, { onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }), stop });
          post({ type: 'book', ...book }, book.xlsx.byteLength ? [book.xlsx.buffer] : []);
          break;
        }
      }
    } catch (e) {
      if (e instanceof StopRequested) post({ type: 'cancelled' });
      else post({ type: 'error', error: toWorkerError(e) });
    }
  };
}
