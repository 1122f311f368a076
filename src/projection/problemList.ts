/**
 * A projection's problems as a list whose entries are made when they are read: for a roster with
 * a million rows sharing one cause (a premium subsidy the policy leaves open for a status), the
 * run keeps a row index per problem instead of a million objects and messages (about 300 bytes
 * each). It is an array to every reader — Array.isArray, length, indexing, iteration, map /
 * filter / slice, spread, JSON.stringify — and read-only: an entry read twice is two equal
 * objects, and writing to it throws.
 *
 * Used by the columnar run for a summary (no detail rows); a run that writes a workbook or masks
 * keeps plain arrays.
 */
import type { ProjectionProblem } from './types';

const isIndex = (key: string | symbol): key is string => typeof key === 'string' && key !== '' && String(Number(key) >>> 0) === key;

/**
 * `order[i]`: entry i is made[i] when ≥ 0, else make(-order[i] - 1) — the caller has put the two
 * kinds of problems in the list's order (by table, then row).
 */
export function problemList(order: Int32Array, made: readonly ProjectionProblem[], make: (k: number) => ProjectionProblem): ProjectionProblem[] {
  const n = order.length;
  const entry = (i: number): ProjectionProblem => (order[i] >= 0 ? made[order[i]] : make(-order[i] - 1));
  const target: ProjectionProblem[] = new Array(n); // holes: the length is the list's, no element is stored
  const readOnly = () => {
    throw new TypeError('a projection\'s problem list is read-only');
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (isIndex(key)) {
        const i = Number(key);
        return i < n ? entry(i) : undefined;
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return isIndex(key) ? Number(key) < n : Reflect.has(t, key);
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < n; i++) keys.push(String(i));
      return [...keys, ...Reflect.ownKeys(t)];
    },
    getOwnPropertyDescriptor(t, key) {
      if (isIndex(key) && Number(key) < n) return { value: entry(Number(key)), writable: false, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
