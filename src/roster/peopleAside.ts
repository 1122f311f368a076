/**
 * The people file read into columns on a second thread while the main thread reads the visits
 * file (readColumnarVisits then keeps each visit's ID as digits and looks them up once the people
 * are there): the two files of a run are read at the same time on a machine's two cores, as a
 * database reads a table on several. Node only; the worker is the compiled columnarPeopleWorker.js
 * beside this file — where there is none (this code run from its TypeScript source, as in the unit
 * tests) or no thread can be started, the people are read here first, as before.
 *
 * Exactly readColumnarPeople's result either way: the worker runs that function on the same file,
 * and any failure other than a roster the columnar import does not take is read again here, so the
 * error reported is the one readColumnarPeople throws on this thread.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { NotColumnar, readColumnarPeople, type ColumnarPeople } from './columnarImport';
import { IdTable, type IdTableParts } from './idTable';

export interface PeopleAsideRequest {
  file: string;
  label: string;
  names: boolean;
}

export type PeopleAsideReply =
  | { ok: true; people: Omit<ColumnarPeople, 'ids'> & { ids: IdTableParts } }
  | { ok: false; notColumnar?: string };

export interface PeopleAside {
  /** The people: being read on the worker (a promise), or read already (no worker). */
  people: ColumnarPeople | Promise<ColumnarPeople>;
  /** Ends the worker if it is still reading (a run that gave up early). */
  stop(): void;
}

const WORKER = join(__dirname, 'columnarPeopleWorker.js');

/** Whether the people are read on a worker here (the compiled worker script is there). */
export const peopleAsideAvailable = (): boolean => existsSync(WORKER);

export async function readPeopleAside(file: string, label: string, opts: { names: boolean }): Promise<PeopleAside> {
  let worker: Worker | undefined;
  if (peopleAsideAvailable()) {
    try {
      worker = new Worker(WORKER, { workerData: { file, label, names: opts.names } satisfies PeopleAsideRequest });
    } catch {
      worker = undefined; // no thread: read here
    }
  }
  if (!worker) return { people: await readColumnarPeople(file, label, opts), stop: () => {} };
  const w = worker;
  let stopped = false;
  const people = new Promise<ColumnarPeople>((resolve, reject) => {
    let answered = false;
    const readHere = () => (stopped ? reject(new NotColumnar('people: the run stopped')) : readColumnarPeople(file, label, opts).then(resolve, reject));
    w.once('message', (reply: PeopleAsideReply) => {
      answered = true;
      void w.terminate();
      if (reply.ok) resolve({ ...reply.people, ids: IdTable.fromParts(reply.people.ids) });
      else if (reply.notColumnar !== undefined) reject(new NotColumnar(reply.notColumnar));
      else readHere(); // another failure: read here, to throw readColumnarPeople's own error
    });
    // The worker failed or ended without answering: read here.
    const unanswered = () => {
      if (answered) return;
      answered = true;
      readHere();
    };
    w.once('error', unanswered);
    w.once('exit', unanswered);
  });
  // A rejection is read by the caller; until then it is not an unhandled one.
  people.catch(() => {});
  return {
    people,
    stop: () => {
      stopped = true;
      void w.terminate();
    },
  };
}
