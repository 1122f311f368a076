/**
 * What-if scenarios: validation (before anything runs) and normalisation. A scenario is
 * `{ name, description?, overrides, growth?, funding? }`; overrides are checked by
 * engine.withOverrides itself, the rest here, and every error names the scenario (file)
 * and the field, in Chinese and English (INVALID_SCENARIO).
 */
import { parseCategory, type CategoryId } from '../engine/categories';
import { defaultEngine, type Engine } from '../engine/engine';
import { MedaidError, inputText, isMedaidError } from '../engine/errors';
import { parseAmount } from '../engine/money';
import { parseRatio } from '../engine/rules/fund';
import { parseRate } from './forecast';
import type { Funding, Growth, GrowthRates, Scenario } from './types';

const SCENARIO_KEYS = ['name', 'description', 'overrides', 'growth', 'funding'];
const GROWTH_KEYS = ['headcount', 'cost', 'premium'];
const FUNDING_KEYS = ['lottery', 'donations', 'transfers', 'ratio'];
/** Names a scenario cannot take: the baseline's own. */
const RESERVED = ['baseline', '基准', '基线', '现行政策'];

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** JSON of a user's value for a message; a value nested too deep to stringify is shown by its type (test/hardening/fuzz-projection). */
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? inputText(value);
  } catch {
    return inputText(value);
  }
}

function bad(file: string | undefined, field: string, value: unknown, problem: string, problemEn: string): MedaidError {
  const shown = value === undefined ? undefined : typeof value === 'string' ? value : safeJson(value);
  return new MedaidError('INVALID_SCENARIO', { file, field, value: shown, problem, problemEn });
}

function onlyKeys(obj: Record<string, unknown>, allowed: string[], prefix: string, file?: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw bad(file, `${prefix}${k === '' ? '""' : k}`, undefined, `未知字段；可用字段为 ${allowed.join('、')}`, `unknown field; known fields are ${allowed.join(', ')}`);
  }
}

/** Re-throws a parser's error as INVALID_SCENARIO naming the field. */
function field<T>(file: string | undefined, name: string, value: unknown, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!isMedaidError(e)) throw e;
    if (e.code === 'INVALID_SCENARIO') throw new MedaidError('INVALID_SCENARIO', { ...e.details, file });
    throw bad(file, name, value, e.zh, e.en);
  }
}

function checkRates(raw: unknown, prefix: string, file?: string): GrowthRates {
  if (!isObject(raw)) throw bad(file, prefix.replace(/\.$/, ''), raw, '应为对象，如 {"headcount": 0.03}', 'must be an object such as {"headcount": 0.03}');
  const out: GrowthRates = {};
  for (const k of GROWTH_KEYS as (keyof GrowthRates)[]) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' && typeof v !== 'string') throw bad(file, `${prefix}${k}`, v, '应为数字或百分比文本', 'must be a number or percentage text');
    field(file, `${prefix}${k}`, v, () => parseRate(v, `${prefix}${k}`));
    out[k] = v;
  }
  return out;
}

function checkGrowth(raw: unknown, file?: string): Growth {
  if (!isObject(raw)) throw bad(file, 'growth', raw, '应为对象', 'must be an object');
  onlyKeys(raw, [...GROWTH_KEYS, 'byCategory'], 'growth.', file);
  const g: Growth = checkRates(Object.fromEntries(GROWTH_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]])), 'growth.', file);
  if (raw.byCategory !== undefined) {
    if (!isObject(raw.byCategory)) throw bad(file, 'growth.byCategory', raw.byCategory, '应为以人员类别为键的对象', 'must be an object keyed by category');
    const by: Partial<Record<CategoryId, GrowthRates>> = {};
    for (const [name, rates] of Object.entries(raw.byCategory)) {
      const id = field(file, `growth.byCategory.${name}`, name, () => parseCategory(name));
      if (isObject(rates)) onlyKeys(rates, GROWTH_KEYS, `growth.byCategory.${name}.`, file);
      by[id] = checkRates(rates, `growth.byCategory.${name}.`, file);
    }
    g.byCategory = by;
  }
  return g;
}

function checkFunding(raw: unknown, file?: string): Funding {
  if (!isObject(raw)) throw bad(file, 'funding', raw, '应为对象', 'must be an object');
  onlyKeys(raw, FUNDING_KEYS, 'funding.', file);
  const f: Funding = {};
  for (const k of ['lottery', 'donations', 'transfers'] as const) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' && typeof v !== 'string') throw bad(file, `funding.${k}`, v, '应为金额（元）', 'must be an amount in yuan');
    field(file, `funding.${k}`, v, () => parseAmount(v, `funding.${k}`));
    f[k] = v;
  }
  if (raw.ratio !== undefined) {
    field(file, 'funding.ratio', raw.ratio, () => parseRatio(raw.ratio));
    f.ratio = String(raw.ratio);
  }
  return f;
}

/**
 * A scenario read from JSON (or built in the task pane), checked field by field. The
 * overrides are tried on the engine so an unknown region or parameter path is reported now,
 * not half-way through a run.
 */
export function validateScenario(raw: unknown, opts: { file?: string; engine?: Engine } = {}): Scenario {
  const { file } = opts;
  if (!isObject(raw)) throw bad(file, '(整个文件 whole file)', undefined, '情景应为 JSON 对象 {"name": …, "overrides": {…}}', 'a scenario must be a JSON object {"name": …, "overrides": {…}}');
  onlyKeys(raw, SCENARIO_KEYS, '', file);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') throw bad(file, 'name', name, '请填写情景名称', 'give the scenario a name');
  if (RESERVED.includes(name.trim().toLowerCase())) throw bad(file, 'name', name, `该名称留给基准方案，请换一个`, 'this name is the baseline’s; choose another');
  if (raw.description !== undefined && typeof raw.description !== 'string') throw bad(file, 'description', raw.description, '应为文本', 'must be text');
  const overrides = raw.overrides ?? {};
  if (!isObject(overrides)) throw bad(file, 'overrides', overrides, '应为 {"地区或政策id": {"参数路径": 值}}', 'must be {"region-or-policy-id": {"param.path": value}}');
  for (const [key, paths] of Object.entries(overrides)) {
    if (!isObject(paths)) throw bad(file, `overrides.${key}`, paths, '应为 {"参数路径": 值}', 'must be {"param.path": value}');
  }
  const engine = opts.engine ?? defaultEngine();
  field(file, 'overrides', undefined, () => engine.withOverrides(overrides as Scenario['overrides']));
  const s: Scenario = { name: name.trim(), overrides: overrides as Scenario['overrides'] };
  if (typeof raw.description === 'string') s.description = raw.description;
  if (raw.growth !== undefined) s.growth = checkGrowth(raw.growth, file);
  if (raw.funding !== undefined) s.funding = checkFunding(raw.funding, file);
  return s;
}

/** Several scenarios: each valid, names unique. */
export function validateScenarios(raws: { data: unknown; file?: string }[], engine?: Engine): Scenario[] {
  const seen = new Map<string, string | undefined>();
  return raws.map(({ data, file }) => {
    const s = validateScenario(data, { file, engine });
    if (seen.has(s.name)) throw bad(file, 'name', s.name, `与 ${seen.get(s.name) ?? '另一情景'} 重名`, `same name as ${seen.get(s.name) ?? 'another scenario'}`);
    seen.set(s.name, file);
    return s;
  });
}

/**
 * Scenarios whose parameter changes would all miss the run's region (issue 16): overrides keyed
 * only by other regions or editions ("威海" in a 信阳 run) change nothing, and the scenario would
 * show the baseline's figures as if it had been computed. Refused naming the scenario, the
 * regions it names and the run's. A scenario with no overrides (funding or growth only) or with
 * at least one key for the run's edition passes.
 */
export function checkScenarioRegions(scenarios: readonly Scenario[], engine: Engine | undefined, region: string, year: number): void {
  const e = engine ?? defaultEngine();
  let edition: { id: string; zh: string; en: string };
  try {
    const p = e.resolve(region, year).policy;
    edition = { id: p.id, zh: p.region.names.zh, en: p.region.names.en };
  } catch {
    return; // an unknown region or year: the run stops on it with its own message
  }
  for (const s of scenarios) {
    const keys = Object.keys(s.overrides ?? {});
    if (keys.length === 0) continue;
    const hits = keys.some((k) => {
      try {
        return e.registry.matching(k).some((p) => p.id === edition.id);
      } catch {
        return false;
      }
    });
    if (hits) continue;
    const named = keys.map((k) => `"${k}"`).join('、');
    throw new MedaidError('INVALID_SCENARIO', {
      field: 'overrides',
      value: s.name,
      problem: `情景“${s.name}”只调整 ${named} 的参数，本次测算的地区是 ${edition.zh}（${edition.id}），这些调整不会起作用。请在 overrides 中改用 "${edition.zh}" 或 "${edition.id}"，或选择该情景所针对的地区`,
      problemEn: `scenario "${s.name}" changes parameters of ${keys.map((k) => `"${k}"`).join(', ')} only, but this run is for ${edition.en} (${edition.id}): the changes would have no effect. Key its overrides by "${edition.zh}" or "${edition.id}", or choose the region the scenario is for`,
    });
  }
}

/** Funding and growth inputs of the baseline, checked the same way (CLI flags, task pane fields). */
export function validateFunding(raw: unknown, file?: string): Funding {
  return checkFunding(raw, file);
}

export function validateGrowth(raw: unknown, file?: string): Growth {
  return checkGrowth(raw, file);
}
