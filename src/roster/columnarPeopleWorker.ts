/**
 * A worker thread's entry (Node worker_threads, started by peopleAside.ts): reads a plain people
 * file into columns (readColumnarPeople) and posts them back, the ID table's buffers transferred
 * rather than copied. A roster the columnar import does not take posts its reason; anything else
 * posts that it failed, and the main thread reads the file itself (to report exactly that error).
 */
import { parentPort, workerData } from 'worker_threads';
import { NotColumnar, readColumnarPeople } from './columnarImport';
import type { PeopleAsideReply, PeopleAsideRequest } from './peopleAside';

const request = workerData as PeopleAsideRequest;
readColumnarPeople(request.file, request.label, { names: request.names }).then(
  (people) => {
    const { ids, ...rest } = people;
    const parts = ids.parts();
    const reply: PeopleAsideReply = { ok: true, people: { ...rest, ids: parts } };
    parentPort!.postMessage(reply, [parts.slots.buffer, parts.slotOf.buffer, parts.check.buffer, people.kind.buffer] as ArrayBuffer[]);
  },
  (e: unknown) => {
    const reply: PeopleAsideReply = e instanceof NotColumnar ? { ok: false, notColumnar: e.reason } : { ok: false };
    parentPort!.postMessage(reply);
  },
);
