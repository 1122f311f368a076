/// <reference lib="webworker" />
/**
 * The projection worker: reads and checks the roster and runs the projection off the pane's
 * UI thread, so the pane stays responsive and Cancel can stop a long step at once (the pane
 * terminates the worker, then restores the roster in a new one; building the result workbook
 * is stopped without ending it). What it does with each message: workerHandler.ts.
 */
import type { FromWorker, ToWorker } from './protocol';
import { workerHandler } from './workerHandler';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = workerHandler((m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer));

scope.onmessage = (ev: MessageEvent<ToWorker>) => void handle(ev.data);
