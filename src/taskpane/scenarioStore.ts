/**
 * Scenario files, in the projection's JSON format (src/projection/scenarioFile.ts), so a
 * file exported from the pane runs in the CLI (--scenario) and the reverse. Reading
 * validates each scenario (INVALID_SCENARIO naming the file and field, in both languages),
 * against the engine the scenarios build on when the analyst supplied figures or a region.
 *
 * What the pane saves with a workbook is the set of scenarios plus the analyst's figures
 * (analystFigures.ts): both apply to every run, so both travel together.
 */
import type { Engine } from '../engine/engine';
import { parseScenarioJson, scenarioJson } from '../projection/scenarioFile';
import type { Scenario } from '../projection/types';
import type { AnalystFigures } from './analystFigures';

export interface ScenarioSet {
  scenarios: Scenario[];
  /** Figures the analyst supplied for the baseline (absent when none). */
  figures?: AnalystFigures;
}

export function parseScenarioSet(text: string, file?: string, engine?: Engine): ScenarioSet {
  return { scenarios: parseScenarioJson(text, file, engine) };
}

/** Always an array, even for one scenario, so the file's shape does not change as scenarios are added. */
export function scenarioSetJson(set: ScenarioSet): string {
  if (set.scenarios.length === 1) return `[\n${scenarioJson(set.scenarios).trimEnd().replace(/^/gm, '  ')}\n]\n`;
  return scenarioJson(set.scenarios);
}
