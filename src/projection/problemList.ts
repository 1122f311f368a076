/**
 * A projection's problems as a list whose entries are made when they are read (madeWhenRead.ts):
 * for a roster with a million rows sharing one cause (a premium subsidy the policy leaves open
 * for a status), the run keeps a row index per problem instead of a million objects and messages
 * (about 300 bytes each). Used by the columnar run.
 */
import { madeWhenRead } from './madeWhenRead';
import type { ProjectionProblem } from './types';

/**
 * `order[i]`: entry i is made[i] when ≥ 0, else make(-order[i] - 1) — the caller has put the two
 * kinds of problems in the list's order (by table, then row).
 */
export function problemList(order: Int32Array, made: readonly ProjectionProblem[], make: (k: number) => ProjectionProblem): ProjectionProblem[] {
  return madeWhenRead(order.length, (i) => (order[i] >= 0 ? made[order[i]] : make(-order[i] - 1)), "a projection's problem list");
}
