/**
 * An Engine that reports progress: the projection asks every person's premium subsidy
 * exactly once per run, so counting those calls tells how far a run has got, without any
 * change to the projection code. Scenario engines (withOverrides) report to the same
 * counter, so baseline + scenarios make one progress bar.
 *
 * Overriding premiumSubsidy turns off the projection's own per-(statuses, premium) cache
 * (src/projection/premiumSubsidies.ts only caches the Engine's own method), and a subsidy
 * builds a full explanation: 40,000 people would each pay for one. So the same cache is
 * kept here: the subsidy depends on nothing but the statuses, premium, region and year
 * (src/engine/rules/premium.ts), and an identical call gets the identical answer or error.
 */
import { Engine } from '../../engine/engine';
import { isMedaidError } from '../../engine/errors';
import { D } from '../../engine/money';
import type { Overrides } from '../../engine/policy/overrides';
import type { PolicyRegistry } from '../../engine/policy/registry';

type SubsidyArgs = Parameters<Engine['premiumSubsidy']>[0];
type SubsidyResult = ReturnType<Engine['premiumSubsidy']>;
type Cached = { ok: true; result: SubsidyResult } | { ok: false; error: unknown };

const KEYS = new Set(['categories', 'region', 'year', 'premium']);

/** A key for calls that can share an answer, or undefined for any unusual call (computed each time). */
function keyOf(a: SubsidyArgs): string | undefined {
  if (!Object.keys(a).every((k) => KEYS.has(k))) return undefined;
  if (!Array.isArray(a.categories) || !a.categories.every((c) => typeof c === 'string' && !c.includes(','))) return undefined;
  const p: unknown = a.premium;
  if (p !== undefined && !D.isDecimal(p)) return undefined;
  if (typeof a.year !== 'number' && a.year !== undefined) return undefined;
  return `${a.region}\u0000${String(a.year)}\u0000${a.categories.join(',')}\u0000${p === undefined ? 'u' : String(p)}`;
}

export class ProgressEngine extends Engine {
  private readonly subsidies = new Map<string, Cached>();

  constructor(registry: PolicyRegistry, overridden: Map<string, Set<string>>, private readonly tick: () => void) {
    super(registry, overridden);
  }

  static around(engine: Engine, tick: () => void): ProgressEngine {
    return new ProgressEngine(engine.registry, overriddenOf(engine), tick);
  }

  override premiumSubsidy(a: SubsidyArgs): SubsidyResult {
    this.tick();
    const key = keyOf(a);
    if (key === undefined) return super.premiumSubsidy(a);
    let hit = this.subsidies.get(key);
    if (!hit) {
      try {
        hit = { ok: true, result: super.premiumSubsidy(a) };
      } catch (error) {
        if (!isMedaidError(error)) throw error; // a bug, not a roster problem: never cached
        hit = { ok: false, error };
      }
      this.subsidies.set(key, hit);
    }
    if (!hit.ok) throw hit.error;
    return hit.result;
  }

  override withOverrides(overrides: Overrides): Engine {
    return ProgressEngine.around(super.withOverrides(overrides), this.tick);
  }
}

/** The engine's record of overridden paths (a constructor argument it keeps privately). */
function overriddenOf(engine: Engine): Map<string, Set<string>> {
  return (engine as unknown as { overridden: Map<string, Set<string>> }).overridden;
}
