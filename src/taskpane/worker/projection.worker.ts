/// <reference lib="webworker" />
/**
 * The projection worker: runs the roster projection off the pane's UI thread, so the pane
 * stays responsive and Cancel can stop a long run at once (the pane terminates the worker).
 * Keeps the last run in memory to build the result workbook on request.
 */
import type { ProjectionRun } from '../../projection/types';
import type { RunSummary } from '../runSummary';
import { runJob } from './projectionJob';
import { toWorkerError, type FromWorker, type ToWorker } from './protocol';
import { buildBook } from './resultBook';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let last: { run: ProjectionRun; summary: RunSummary } | undefined;

function post(m: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(m, transfer);
}

scope.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  try {
    if (msg.type === 'run') {
      const started = performance.now();
      last = undefined;
      last = runJob(msg.request, (p) => post({ type: 'progress', ...p }));
      post({ type: 'result', summary: last.summary, ms: Math.round(performance.now() - started) });
    } else if (msg.type === 'book') {
      if (!last) throw new Error('no projection has run yet');
      post({ type: 'progress', phase: 'book', done: 0, total: 1 });
      const book = await buildBook(last.run, last.summary, msg);
      post({ type: 'book', ...book }, [book.xlsx.buffer]);
    }
  } catch (e) {
    post({ type: 'error', error: toWorkerError(e) });
  }
};
