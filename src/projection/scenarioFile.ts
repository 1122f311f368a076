/**
 * Scenarios as JSON text: the file the CLI reads (--scenario FILE) and the same JSON the
 * task pane stores in the workbook. A file holds one scenario object or an array of them.
 * Loading validates (INVALID_SCENARIO naming the file and field); saving writes the
 * normalised form with a format marker so later versions can migrate it.
 */
import type { Engine } from '../engine/engine';
import { MedaidError, inputText } from '../engine/errors';
import { validateScenarios } from './scenario';
import type { Scenario } from './types';

export const SCENARIO_FORMAT = 'medaid-scenario/1';

export function parseScenarioJson(text: string, file?: string, engine?: Engine): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('INVALID_SCENARIO', { file, field: '(JSON)', problem: `不是有效的 JSON：${msg}`, problemEn: `not valid JSON: ${msg}` });
  }
  const items = Array.isArray(data) ? data : [data];
  return validateScenarios(
    items.map((d) => {
      if (d && typeof d === 'object' && !Array.isArray(d) && '$format' in d) {
        const { $format, ...rest } = d as Record<string, unknown>;
        if ($format !== SCENARIO_FORMAT) {
          throw new MedaidError('INVALID_SCENARIO', { file, field: '$format', value: inputText($format), problem: `不支持的格式，应为 ${SCENARIO_FORMAT}`, problemEn: `unsupported format; expected ${SCENARIO_FORMAT}` });
        }
        return { data: rest, file };
      }
      return { data: d, file };
    }),
    engine,
  );
}

/** JSON text for one scenario or several (pretty-printed, UTF-8, no BOM). */
export function scenarioJson(scenarios: Scenario | readonly Scenario[]): string {
  const list = Array.isArray(scenarios) ? scenarios : [scenarios as Scenario];
  const out = list.map((s) => ({ $format: SCENARIO_FORMAT, ...s }));
  return JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n';
}
