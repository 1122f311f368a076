/**
 * A cooperative stop for the worker's long asynchronous jobs (building, zipping the result
 * workbook): the pane posts `cancel`, the worker sets `stopped`, and the job checks it at its
 * next checkpoint — between blocks of rows and between chunks of the zip — and throws
 * StopRequested. The worker itself keeps running and keeps what it holds (the roster and the
 * last run), unlike a cancelled run, which ends the worker.
 *
 * A checkpoint first gives the worker's event loop a turn (a macrotask), or the pane's cancel
 * message could not be received while the job runs.
 */
export class StopRequested extends Error {
  constructor() {
    super('stopped on request');
    this.name = 'StopRequested';
  }
}

export interface StopSignal {
  readonly stopped: boolean;
}

/** One turn of the event loop: setImmediate where there is one (Node), else a MessageChannel message (no 4 ms timer clamp). */
export function yieldToEvents(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Lets pending messages in, then throws StopRequested if a stop was asked for. */
export async function checkpoint(signal: StopSignal | undefined): Promise<void> {
  if (!signal) return;
  await yieldToEvents();
  if (signal.stopped) throw new StopRequested();
}
