/**
 * One edition for one year (a ResolvedPolicy), compiled once into small numeric tables the
 * kernel reads in its hot loop: for each (scheme, category) the deductible, brackets, cap,
 * cap pool and top-up ratio; for each category the tilt terms. Values are read through the
 * engine's own `rp.number` / `rp.brackets` and its tier lookup `tierOf`, so the policy is read
 * in exactly one place; this file only converts them to integers.
 *
 * A table entry the kernel cannot take exactly (a missing parameter, a rate with more than
 * 4 decimals, a negative value) is marked DECIMAL: a person who needs it is computed by the
 * decimal engine, which then gives the same result or raises the same error it always does.
 */
import { CATEGORIES, CategoryId } from '../engine/categories';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import { tierOf } from '../engine/rules/context';
import { SchemeRef, inpatientScheme, outpatientScheme } from '../engine/rules/schemes';
import { decToFen, decToRate } from './fixedPoint';

/** Table kinds. NONE: the rule does not apply (assistance 0). OK: numeric terms. DECIMAL: use the decimal engine. */
export const NONE = 0;
export const OK = 1;
export const DECIMAL = 2;

export interface TierTable {
  kind: number;
  /** Bracket starts on the cumulative cost, already raised to the deductible (max(threshold, deductible)), fen. */
  lo: Float64Array;
  /** Bracket ends (the next bracket's threshold), fen; Infinity for the last. */
  hi: Float64Array;
  /** Marginal rates × 10^4. */
  rate: Float64Array;
  /** Annual cap in fen, or -1 for no cap. */
  capFen: number;
  /** Top-up target ratio × 10^4 (Shanxi 返贫致贫 90%), or -1 for none. */
  topUp: number;
  /** Index of the scheme's cap pool. */
  pool: number;
}

export interface TiltTable {
  /** NONE: no tilt for the category (no rule, delegated, or not listed). OK: tracked. */
  kind: number;
  pool: number;
  /** The annual cap of the pool for this category: OK, NONE (no cap → never reached), DECIMAL (cannot be read). */
  poolCapKind: number;
  poolCapFen: number;
  /** Threshold, ratio, cap of tilted assistance: OK or DECIMAL (read only once the pool cap is reached, as the engine does). */
  termsKind: number;
  thresholdFen: number;
  ratio: number;
  capFen: number;
}

export interface CompiledPolicy {
  rp: ResolvedPolicy;
  /** Schemes in the kernel's order: inpatient first (if any), then outpatient schemes in file order. */
  schemes: SchemeRef[];
  /** Category ids the policy knows, in policy order (kernel category index = position here). */
  categories: CategoryId[];
  /** Global category code (position in CATEGORIES) → kernel category index, or -1 when the policy does not know it. */
  categoryOfCode: Int32Array;
  pools: string[];
  /** tiers[scheme * categories.length + category] */
  tiers: TierTable[];
  tilts: TiltTable[];
  /** Scheme index for a visit (kind + raw scheme text), cached by text; -1 when the engine would refuse it. */
  schemeIndex(kind: 'inpatient' | 'outpatient', scheme?: string): number;
}

const EMPTY = new Float64Array(0);

/** Global code of a category: its position in CATEGORIES (stable, 0..11). */
export const CATEGORY_CODE: ReadonlyMap<CategoryId, number> = new Map(CATEGORIES.map((c, i) => [c.id, i]));

export function compilePolicy(rp: ResolvedPolicy): CompiledPolicy {
  const p = rp.policy;
  const schemes: SchemeRef[] = [];
  if (p.inpatient) schemes.push(inpatientScheme(rp));
  for (const id of Object.keys(p.outpatient?.schemes ?? {})) schemes.push(outpatientScheme(rp, id));
  const pools: string[] = [];
  const poolOf = (name: string) => {
    let i = pools.indexOf(name);
    if (i < 0) i = pools.push(name) - 1;
    return i;
  };
  for (const s of schemes) poolOf(s.scheme.capPool);
  if (p.tilt) poolOf(p.tilt.capPool);

  const categories = [...p.categories];
  const categoryOfCode = new Int32Array(CATEGORIES.length).fill(-1);
  categories.forEach((c, i) => (categoryOfCode[CATEGORY_CODE.get(c)!] = i));

  const tiers: TierTable[] = [];
  for (const s of schemes) for (const c of categories) tiers.push(compileTier(rp, s, c, poolOf(s.scheme.capPool)));
  const tilts = categories.map((c) => compileTilt(rp, schemes, c, poolOf));

  const bySchemeText = new Map<string, number>();
  const schemeIndex = (kind: 'inpatient' | 'outpatient', scheme?: string): number => {
    const key = `${kind}\u0000${scheme ?? ''}`;
    let hit = bySchemeText.get(key);
    if (hit === undefined) {
      try {
        const ref = kind === 'inpatient' ? inpatientScheme(rp) : outpatientScheme(rp, scheme);
        hit = schemes.findIndex((s) => s.key === ref.key);
      } catch {
        hit = -1; // the decimal engine raises the error (UNKNOWN_SCHEME, TERM_NOT_DEFINED) for the person
      }
      bySchemeText.set(key, hit);
    }
    return hit;
  };
  return { rp, schemes, categories, categoryOfCode, pools, tiers, tilts, schemeIndex };
}

function decimalTier(pool: number, kind = DECIMAL): TierTable {
  return { kind, lo: EMPTY, hi: EMPTY, rate: EMPTY, capFen: -1, topUp: -1, pool };
}

/** The same reads as StatusYear.visit in src/engine/rules/personYear.ts, once, as integers. */
function compileTier(rp: ResolvedPolicy, ref: SchemeRef, c: CategoryId, pool: number): TierTable {
  const hit = tierOf(ref.scheme.tiers, c);
  if (!hit) return decimalTier(pool, NONE);
  const [tierId, tier] = hit;
  const tp = `${ref.path}.tiers.${tierId}`;
  try {
    const deductible = tier.deductible ? decToFen(rp.number(`${tp}.deductible`, tier.deductible)) : 0;
    const brackets = tier.brackets
      ? rp.brackets(`${tp}.brackets`, tier.brackets)
      : [{ threshold: undefined, rate: rp.number(`${tp}.ratio`, tier.ratio) }];
    const capFen = tier.cap ? decToFen(rp.number(`${tp}.cap`, tier.cap)) : -1;
    const topUp = tier.topUpRatio ? decToRate(rp.number(`${tp}.topUpRatio`, tier.topUpRatio)) : -1;
    if (deductible === undefined || capFen === undefined || topUp === undefined) return decimalTier(pool);
    const n = brackets.length;
    const lo = new Float64Array(n);
    const hi = new Float64Array(n);
    const rate = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = brackets[i].threshold === undefined ? 0 : decToFen(brackets[i].threshold!);
      const next = i + 1 < n ? decToFen(brackets[i + 1].threshold!) : Infinity;
      const r = decToRate(brackets[i].rate);
      if (t === undefined || next === undefined || r === undefined) return decimalTier(pool);
      lo[i] = Math.max(t, deductible);
      hi[i] = next;
      rate[i] = r;
    }
    return { kind: OK, lo, hi, rate, capFen, topUp, pool };
  } catch {
    // A missing parameter (MISSING_INCOME, MISSING_PARAMETER…): the engine raises it for the person.
    return decimalTier(pool);
  }
}

/** The same reads as StatusYear.tilt / poolCap in personYear.ts. */
function compileTilt(rp: ResolvedPolicy, schemes: SchemeRef[], c: CategoryId, poolOf: (n: string) => number): TiltTable {
  const none: TiltTable = { kind: NONE, pool: 0, poolCapKind: NONE, poolCapFen: 0, termsKind: NONE, thresholdFen: 0, ratio: 0, capFen: 0 };
  const rule = rp.policy.tilt;
  if (!rule || rule.delegated) return none;
  if (rule.categories && !rule.categories.includes(c)) return none;
  const t: TiltTable = { ...none, kind: OK, pool: poolOf(rule.capPool) };
  // poolCap: the first scheme in the pool covering the category decides.
  t.poolCapKind = NONE;
  for (const s of schemes) {
    if (s.scheme.capPool !== rule.capPool) continue;
    const hit = tierOf(s.scheme.tiers, c);
    if (!hit) continue;
    if (hit[1].cap) {
      try {
        const cap = decToFen(rp.number(`${s.path}.tiers.${hit[0]}.cap`, hit[1].cap));
        t.poolCapKind = cap === undefined ? DECIMAL : OK;
        t.poolCapFen = cap ?? 0;
      } catch {
        t.poolCapKind = DECIMAL;
      }
    }
    break;
  }
  try {
    const threshold = decToFen(rp.number('tilt.threshold', rule.threshold));
    const ratio = decToRate(rp.number('tilt.ratio', rule.ratio));
    const cap = decToFen(rp.number('tilt.cap', rule.cap));
    if (threshold === undefined || ratio === undefined || cap === undefined) t.termsKind = DECIMAL;
    else Object.assign(t, { termsKind: OK, thresholdFen: threshold, ratio, capFen: cap });
  } catch {
    t.termsKind = DECIMAL;
  }
  return t;
}
