/**
 * A read-only array whose entries are made when they are read: `entry(i)` is called for each
 * read of index i, and nothing is stored. A run over millions of rows keeps the few numbers an
 * entry is made from (a row index, a code, an amount in fen) instead of millions of objects and
 * strings. It is an array to every reader — Array.isArray, length, indexing, iteration, map /
 * filter / slice, spread, JSON.stringify — and read-only: an entry read twice is two equal
 * objects (or the same one, if `entry` returns a kept object), and writing to the list throws.
 */
const isIndex = (key: string | symbol): key is string => typeof key === 'string' && key !== '' && String(Number(key) >>> 0) === key;

export function madeWhenRead<T>(n: number, entry: (i: number) => T, what = 'this list'): T[] {
  const target: T[] = new Array(n); // holes: the length is the list's, no element is stored
  function* iterate(): IterableIterator<T> {
    for (let i = 0; i < n; i++) yield entry(i);
  }
  const readOnly = () => {
    throw new TypeError(`${what} is read-only`);
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (isIndex(key)) {
        const i = Number(key);
        return i < n ? entry(i) : undefined;
      }
      // for…of, spread and Array.from: the entries straight from `entry`, not through this trap twice an entry.
      if (key === Symbol.iterator) return iterate;
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
