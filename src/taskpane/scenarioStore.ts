/**
 * Scenario files, in the projection's JSON format (src/projection/scenarioFile.ts), so a
 * file exported from the pane runs in the CLI (--scenario) and the reverse. Reading
 * validates each scenario (INVALID_SCENARIO naming the file and field, in both languages).
 */
import { parseScenarioJson, scenarioJson } from '../projection/scenarioFile';
import type { Scenario } from '../projection/types';

export interface ScenarioSet {
  scenarios: Scenario[];
}

export function parseScenarioSet(text: string, file?: string): ScenarioSet {
  return { scenarios: parseScenarioJson(text, file) };
}

/** Always an array, even for one scenario, so the file's shape does not change as scenarios are added. */
export function scenarioSetJson(set: ScenarioSet): string {
  if (set.scenarios.length === 1) return `[\n${scenarioJson(set.scenarios).trimEnd().replace(/^/gm, '  ')}\n]\n`;
  return scenarioJson(set.scenarios);
}
