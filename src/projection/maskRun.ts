/**
 * A masked copy of a whole run (issue 12 item 2): every output of a masked run — the result
 * workbook's sheets, summary.json, the console, the pane's download — is made from this copy,
 * so no output can carry a full ID number or name, including outputs added later.
 *
 * Every string anywhere in the run goes through one Masker (src/roster/mask.ts): person IDs and
 * names by field (4101**********123X, 张*), report entries with the values their messages
 * quote (a raw cell cut where another cell or row begins), and every other text — messages,
 * district names, scenario names, object keys — scrubbed of ID-like digit runs and known names.
 * Amounts (decimal.js values) and numbers are shared with the original, not copied.
 */
import { Masker } from '../roster/mask';
import type { ReportEntry } from '../roster/types';
import type { ProjectionRun } from './types';

/** The masker for a run: it knows every name of the people used and every name cell the reports quote. */
export function maskerFor(run: ProjectionRun): Masker {
  const names = run.baseline.people.map((p) => p.person.name);
  return new Masker(names).withEntries(run.importReports.flatMap((r) => r.entries));
}

const isPlainObject = (x: object): boolean => {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

const isReportEntry = (x: Record<string, unknown>): boolean =>
  typeof x.severity === 'string' && typeof x.code === 'string' && typeof x.value === 'string' && typeof x.zh === 'string';

/** Every ID and name in `run` masked; the shape (and every amount) as before. */
export function maskRun(run: ProjectionRun, masker: Masker = maskerFor(run)): ProjectionRun {
  const texts = new Map<string, string>();
  const text = (s: string): string => {
    let t = texts.get(s);
    if (t === undefined) {
      t = masker.text(s);
      texts.set(s, t);
    }
    return t;
  };
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return text(x);
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    if (!isPlainObject(x)) return x; // Dec, Date, Map: amounts and values, no personal text
    const o = x as Record<string, unknown>;
    if (isReportEntry(o)) return masker.entry(o as unknown as ReportEntry);
    const person = Array.isArray(o.categories) && typeof o.id === 'string';
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) {
      const v = o[k];
      let m: unknown;
      if (k === 'personId' && typeof v === 'string') m = masker.id(v);
      else if (person && k === 'id') m = masker.id(v as string);
      else if (person && k === 'name' && typeof v === 'string') m = masker.name(v);
      else m = walk(v);
      // defineProperty: a district named "__proto__" stays an own key (test/hardening/fuzz-projection).
      Object.defineProperty(out, text(k), { value: m, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(run) as ProjectionRun;
}
