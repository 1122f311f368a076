/** Finding the scheme a visit falls under: inpatient, or an outpatient scheme by any of its names. */
import { MedaidError, inputText } from '../errors';
import type { ResolvedPolicy } from '../policy/resolved';
import type { Scheme } from '../policy/types';
import { termMissing } from './context';

export interface SchemeRef {
  /** Key of the scheme's cumulative cost in a person-year ("inpatient", "outpatient.rare_disease"). */
  key: string;
  /** JSON path of the scheme in the policy file. */
  path: string;
  scheme: Scheme;
}

const norm = (s: string) => s.normalize('NFKC').replace(/[\s（）()·\-—_]/g, '').toLowerCase();
const cache = new WeakMap<object, Map<string, SchemeRef>>();

export function inpatientScheme(rp: ResolvedPolicy): SchemeRef {
  const s = rp.policy.inpatient;
  if (!s) throw termMissing(rp, '住院救助', 'inpatient assistance');
  return { key: 'inpatient', path: 'inpatient', scheme: s };
}

export function outpatientScheme(rp: ResolvedPolicy, kind?: string): SchemeRef {
  const out = rp.policy.outpatient;
  if (!out) throw termMissing(rp, '门诊救助', 'outpatient assistance');
  const wanted = kind === undefined || inputText(kind).trim() === '' ? out.main : inputText(kind);
  let byName = cache.get(out);
  if (!byName) {
    byName = new Map();
    for (const [id, scheme] of Object.entries(out.schemes)) {
      const ref = { key: `outpatient.${id}`, path: `outpatient.schemes.${id}`, scheme };
      for (const n of [id, scheme.names.zh, scheme.names.en, ...(scheme.aliases ?? []), ...(scheme.diseases ?? [])]) byName.set(norm(n), ref);
    }
    for (const n of ['门诊', 'outpatient', '门诊救助']) if (!byName.has(norm(n))) byName.set(norm(n), byName.get(norm(out.main))!);
    cache.set(out, byName);
  }
  const hit = byName.get(norm(wanted));
  if (!hit) {
    throw new MedaidError('UNKNOWN_SCHEME', {
      ...rp.regionDetail,
      value: wanted,
      known: Object.values(out.schemes).map((s) => s.names.zh).join('、'),
    });
  }
  return hit;
}
