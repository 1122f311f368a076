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

/**
 * `nonEmpty` (the CLI's --scenario FILE): a file holding no scenario (`[]`) is an error, not a
 * run without the scenario the analyst meant to compare (the pane may store an empty set).
 */
export function parseScenarioJson(text: string, file?: string, engine?: Engine, opts: { nonEmpty?: boolean } = {}): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('INVALID_SCENARIO', { file, field: '(JSON)', problem: `不是有效的 JSON：${msg}`, problemEn: `not valid JSON: ${msg}` });
  }
  const items = Array.isArray(data) ? data : [data];
  if (opts.nonEmpty && items.length === 0) {
    throw new MedaidError('INVALID_SCENARIO', { file, field: '(JSON)', value: '[]', problem: '文件中没有情景（空列表）：请写入至少一个情景 {"name": …, "overrides": …}，或不用 --scenario', problemEn: 'the file holds no scenario (an empty list): write at least one {"name": …, "overrides": …}, or leave out --scenario' });
  }
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
