/**
 * Figures the documents leave to the analyst, applied to the BASELINE (and so to every
 * scenario built on it): Xinyang's delegated subsidy for 农村易返贫致贫人口 (ruling 8),
 * Xiping's and Shanxi's per-capita disposable income (ruling 5), Weihai's first-tier premium…
 *
 * Three sources, applied in this order so a later one wins from its first date on:
 *   1. the analyst's own region files (`--policy FILE`, engine.addPolicy, schema-validated);
 *   2. parameter files in engine.withOverrides' format (`--params FILE`):
 *        { "信阳": { "premium.tiers.monitored.amount": 100 } };
 *   3. single settings `REGION:PATH=VALUE` (`--set`), where a last path segment that is a year
 *      or a date makes a dated value: `山西:income.perCapitaDisposable.2021=30000`.
 * Every source is validated on its own before anything runs, and an error names the source
 * (flag and file) and the parameter path, in Chinese and English.
 *
 * Pure TypeScript (no fs): the CLI reads the files, the task pane could pass the same text.
 */
import { Engine, defaultEngine } from '../engine/engine';
import { MedaidError, clip, isMedaidError } from '../engine/errors';
import { parseAmount } from '../engine/money';
import type { OverrideValue, Overrides } from '../engine/policy/overrides';

/** A region file as read: its text (or parsed data) and the label errors name ("--policy my.json"). */
export interface PolicySource {
  source: string;
  text?: string;
  data?: unknown;
  /**
   * The file may take the place of an edition already there (a built-in one) for that edition's
   * own year — the CLI's --policy-replace FILE. Without it such a file is refused
   * (POLICY_REPLACES_BUILTIN): a region's figures never change without a word (issue 16).
   */
  replace?: boolean;
  /** The file's path as given (the message shows the flag to use). */
  path?: string;
}

/** Overrides from one source, with the label errors name ("--params p.json", "--set 信阳:…"). */
export interface ParameterSource {
  source: string;
  overrides: Overrides;
}

/** One figure the analyst supplied, as the workbook and summary.json list it. */
export interface AnalystParameter {
  source: string;
  /** Region name, alias or policy id as given. */
  region: string;
  path: string;
  /** The value as given (dated values as an object of dates). */
  value: OverrideValue;
}

export interface BaselineParams {
  policies?: readonly PolicySource[];
  parameters?: readonly ParameterSource[];
}

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** A last path segment naming a date: a year (→ YYYY-01-01, as withOverrides reads it) or YYYY-MM-DD. */
const DATE_SEGMENT = /^\d{4}(-\d{2}-\d{2})?$/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function badSet(flag: string, problem: string, problemEn: string): MedaidError {
  return new MedaidError('INVALID_OVERRIDE', { path: flag, problem, problemEn });
}

/**
 * The VALUE of `--set`: a number (100, 0.75; 200万 and 1,000 as amounts), true/false, null
 * (ends a dated value), JSON for brackets or dated objects, or text as is ("1:9"). The engine
 * then checks the value against the parameter it sets.
 */
export function parseSetValue(raw: string, flag = raw): OverrideValue | null {
  const v = raw.trim();
  if (v === '') throw badSet(flag, '缺少取值（= 之后为空）', 'no value after "="');
  if (PLAIN_NUMBER.test(v)) return Number(v);
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (v === 'null') return null;
  if (v.startsWith('[') || v.startsWith('{')) {
    try {
      return JSON.parse(v) as OverrideValue;
    } catch (e) {
      throw badSet(flag, `取值不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, `the value is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (/\d/.test(v) && /^[+-]?[\d,.]+\s*(万元|万|元)?$/.test(v)) {
    try {
      return parseAmount(v, flag, { allowNegative: true }).toNumber();
    } catch (e) {
      if (isMedaidError(e)) throw badSet(flag, e.zh, e.en);
      throw e;
    }
  }
  return v;
}

export interface SetFlag {
  /** The flag as given, for messages. */
  flag: string;
  region: string;
  path: string;
  /** Date key ("2021" or "2021-07-01") when the last path segment was one. */
  date?: string;
  value: OverrideValue | null;
}

/** `REGION:PATH=VALUE` → its parts; a malformed flag is an error naming it. */
export function parseSetFlag(text: string): SetFlag {
  const flag = `--set ${clip(text, 120)}`;
  const colon = text.indexOf(':');
  const eq = text.indexOf('=');
  if (colon <= 0 || eq < 0 || eq < colon) {
    throw badSet(flag, '格式应为 地区:参数路径=取值，如 信阳:premium.tiers.monitored.amount=100', 'the form is REGION:PATH=VALUE, e.g. 信阳:premium.tiers.monitored.amount=100');
  }
  const region = text.slice(0, colon).trim();
  let path = text.slice(colon + 1, eq).trim();
  if (!region) throw badSet(flag, '缺少地区（: 之前为空）', 'no region before ":"');
  if (!path) throw badSet(flag, '缺少参数路径', 'no parameter path');
  let date: string | undefined;
  const parts = path.split('.');
  if (parts.length > 1 && DATE_SEGMENT.test(parts[parts.length - 1])) {
    date = parts.pop()!;
    path = parts.join('.');
  }
  const value = parseSetValue(text.slice(eq + 1), flag);
  if (value === null && date === undefined) throw badSet(flag, 'null 只能用于按年份的取值（如 路径.2026=null）', 'null is only for a dated value (e.g. PATH.2026=null)');
  return { flag, region, path, date, value };
}

/**
 * Several `--set` flags → one source per region and path, with the dated values of one path
 * merged ({"2021": 30000, "2022": 32000}), in the order first given. The same value given
 * twice, or a path given both with and without a date, is an error: an analyst's figure must
 * never be overwritten without a word.
 */
export function setFlagSources(texts: readonly string[]): ParameterSource[] {
  const groups = new Map<string, { flags: SetFlag[] }>();
  for (const t of texts) {
    const f = parseSetFlag(t);
    const key = `${f.region}\u0000${f.path}`;
    const g = groups.get(key) ?? groups.set(key, { flags: [] }).get(key)!;
    for (const other of g.flags) {
      if ((other.date === undefined) !== (f.date === undefined)) {
        throw badSet(f.flag, `${f.region}:${f.path} 已由 ${other.flag} 设定；同一参数不能既按年份又不按年份给出`, `${f.region}:${f.path} is already set by ${other.flag}; a parameter is given either by year or for all years, not both`);
      }
      if (other.date === f.date) {
        throw badSet(f.flag, `${f.region}:${f.path}${f.date ? `.${f.date}` : ''} 已由 ${other.flag} 设定`, `${f.region}:${f.path}${f.date ? `.${f.date}` : ''} is already set by ${other.flag}`);
      }
    }
    g.flags.push(f);
  }
  return [...groups.values()].map(({ flags }) => {
    const [first] = flags;
    const value: OverrideValue =
      first.date === undefined ? (first.value as OverrideValue) : (Object.fromEntries(flags.map((f) => [f.date!, f.value])) as Record<string, number | string | null>);
    return { source: flags.map((f) => f.flag).join(' '), overrides: { [first.region]: { [first.path]: value } } };
  });
}

/**
 * An analyst's JSON text (a BOM allowed, as Windows editors write it) → plain data, with a
 * bilingual error naming the source when it is not JSON. Plain JSON.parse: no reviver, no eval.
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('INVALID_OVERRIDE', { path: source, problem: `不是有效的 JSON：${msg}`, problemEn: `not valid JSON: ${msg}` });
  }
}

/** A parameter file's text (JSON in engine.withOverrides' format) → overrides, its shape checked. */
export function parseParamsJson(text: string, source: string): Overrides {
  const data = parseJsonText(text, source);
  const shape = '应为 {"地区或政策id": {"参数路径": 值}}，如 {"信阳": {"premium.tiers.monitored.amount": 100}}';
  const shapeEn = 'must be {"region-or-policy-id": {"param.path": value}}, e.g. {"信阳": {"premium.tiers.monitored.amount": 100}}';
  if (!isObject(data)) throw new MedaidError('INVALID_OVERRIDE', { path: source, problem: shape, problemEn: shapeEn });
  for (const [region, paths] of Object.entries(data)) {
    if (!isObject(paths)) throw new MedaidError('INVALID_OVERRIDE', { path: `${source} ${region}`, problem: shape, problemEn: shapeEn });
  }
  return data as Overrides;
}

/** A region file's text → data; a file that is not JSON is an INVALID_POLICY naming it. */
function policyData(p: PolicySource): unknown {
  if (p.data !== undefined) return p.data;
  try {
    return JSON.parse((p.text ?? '').replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('INVALID_POLICY', { file: p.source, problems: `不是有效的 JSON / not valid JSON: ${msg}` });
  }
}

/** The figures of the sources, one row per region and path, for the workbook and summary.json. */
export function analystParameters(parameters: readonly ParameterSource[]): AnalystParameter[] {
  return parameters.flatMap(({ source, overrides }) =>
    Object.entries(overrides).flatMap(([region, paths]) => Object.entries(paths).map(([path, value]) => ({ source, region, path, value }))),
  );
}

/**
 * The engine the baseline runs on: the built-in policies (or `base`), the analyst's region
 * files, then each parameter source in order. Scenarios passed to runProjection with this
 * engine layer their own overrides on top of it.
 */
export function baselineEngine(params: BaselineParams, base?: Engine): Engine {
  const policies = params.policies ?? [];
  // addPolicy changes the registry it is called on: never the shared default engine.
  let engine = policies.length > 0 ? (base ? base.withOverrides({}) : new Engine()) : (base ?? defaultEngine());
  // Which edition each existing one's own year resolves to, before the analyst's files.
  const before = policies.length > 0 ? engine.policyList() : [];
  const added = new Map<string, PolicySource>();
  for (const p of policies) {
    try {
      added.set(engine.addPolicy(policyData(p), p.source).id, p);
    } catch (e) {
      if (isMedaidError(e) && e.code !== 'INVALID_POLICY') throw e.at(p.source);
      throw e; // INVALID_POLICY already names the file and each field
    }
  }
  // An existing edition's own year, asked for by the region's id or either name, must still
  // give that edition — unless a file says it replaces it (a new region id, or a later year, is not a replacement).
  for (const row of before) {
    for (const name of [row.regionId, row.zh, row.en]) {
      let chosen;
      try {
        chosen = engine.resolve(name, row.year).policy;
      } catch {
        continue;
      }
      const by = added.get(chosen.id);
      if (chosen.id === row.policyId || !by || by.replace) continue;
      throw new MedaidError('POLICY_REPLACES_BUILTIN', { file: by.source, path: by.path, value: chosen.id, region: row.zh, regionEn: row.en, year: row.year, replaced: row.policyId });
    }
  }
  for (const { source, overrides } of params.parameters ?? []) {
    try {
      engine = engine.withOverrides(overrides);
    } catch (e) {
      if (isMedaidError(e)) throw e.at(source);
      throw e;
    }
  }
  return engine;
}
