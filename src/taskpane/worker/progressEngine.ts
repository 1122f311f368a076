/**
 * An Engine that reports progress: the projection asks every person's premium subsidy
 * exactly once per run, so counting those calls tells how far a run has got, without any
 * change to the projection code. Scenario engines (withOverrides) report to the same
 * counter, so baseline + scenarios make one progress bar.
 */
import { Engine } from '../../engine/engine';
import type { Overrides } from '../../engine/policy/overrides';
import type { PolicyRegistry } from '../../engine/policy/registry';

export class ProgressEngine extends Engine {
  constructor(registry: PolicyRegistry, overridden: Map<string, Set<string>>, private readonly tick: () => void) {
    super(registry, overridden);
  }

  static around(engine: Engine, tick: () => void): ProgressEngine {
    return new ProgressEngine(engine.registry, overriddenOf(engine), tick);
  }

  override premiumSubsidy(a: Parameters<Engine['premiumSubsidy']>[0]): ReturnType<Engine['premiumSubsidy']> {
    this.tick();
    return super.premiumSubsidy(a);
  }

  override withOverrides(overrides: Overrides): Engine {
    return ProgressEngine.around(super.withOverrides(overrides), this.tick);
  }
}

/** The engine's record of overridden paths (a constructor argument it keeps privately). */
function overriddenOf(engine: Engine): Map<string, Set<string>> {
  return (engine as unknown as { overridden: Map<string, Set<string>> }).overridden;
}
