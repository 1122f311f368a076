/**
 * Figures the documents leave to the analyst, in the pane: what the CLI takes as `--params`,
 * `--set` and `--policy` (src/projection/baselineParams.ts). Xinyang's 农村易返贫致贫人口 premium
 * amount is delegated to the province (ruling 8), Xiping's and Shanxi's income of last year is
 * not published (ruling 5), Weihai's first-tier premium is not in its text, Xiping's ordinary
 * critical-illness terms neither… Without them the rows that need them are reported, never
 * given a silent zero; with them they are part of the BASELINE, and so of every scenario.
 *
 * The pane lists the parameters of the chosen edition that have no value in force for the
 * year (a parameter defined as a share of last year's income asks for that income instead),
 * takes the analyst's values, and keeps them — with any region file the analyst loaded — in
 * one object that is saved with the scenarios (document settings / the downloaded workbook)
 * and sent to the worker with every run. Overrides are keyed by policy id: a figure belongs
 * to the edition it was asked for.
 */
import type { Engine } from '../engine/engine';
import { MedaidError, isMedaidError } from '../engine/errors';
import type { OverrideValue, Overrides } from '../engine/policy/overrides';
import { analystParameters, baselineEngine, parseJsonText, parseParamsJson, type AnalystParameter, type ParameterSource } from '../projection/baselineParams';
import { hasBaselineInputs, parseBaselineInputs, type BaselineInputs } from './baselineInputs';
import { paramsOf, valueText, type PolicyParam } from './policyParams';

export interface AnalystFigures {
  /** engine.withOverrides' format, keyed by policy id — exactly a `medaid project --params` file. */
  parameters: Overrides;
  /** The analyst's own region files (policy schema), as loaded, in order. */
  policies: RegionFile[];
  /** The baseline's funding and growth inputs (the CLI's --lottery … --premium-growth), saved with the figures. */
  baseline?: BaselineInputs;
}

export interface RegionFile {
  /** The file's name, as errors and the summary sheet name it. */
  source: string;
  text: string;
}

/** One figure to supply: a parameter path of an edition, for all dates or (income) for one year. */
export interface MissingFigure {
  /** Unique in the list: the path, or "path.YEAR" for a dated one. */
  key: string;
  policyId: string;
  path: string;
  /** The year a dated figure holds from ("2021": income of 2021); absent = every date. */
  year?: string;
  /** The parameter as the scenario editor shows it (name, unit, clause, note). */
  param: PolicyParam;
  /** For an income figure: the terms computed from it this year. */
  neededBy?: { zh: string; en: string }[];
  /**
   * One of the tilt's terms where the region leaves them to its prefectures (山西, ruling 4):
   * with all three (threshold, ratio, cap) supplied the tilt is computed (tilt.delegated=false).
   */
  tiltTerm?: boolean;
}

/** The terms a delegated tilt needs (ruling 4), as the CLI's --set tilt.threshold/ratio/cap. */
const TILT_TERMS = [
  { key: 'threshold', unit: 'yuan', zh: '倾斜救助 · 起付标准（政策范围内自付超过此数的部分）', en: 'Tilted assistance · threshold (out-of-pocket above it)' },
  { key: 'ratio', unit: 'ratio', zh: '倾斜救助 · 救助比例', en: 'Tilted assistance · ratio' },
  { key: 'cap', unit: 'yuan', zh: '倾斜救助 · 年度限额', en: 'Tilted assistance · annual cap' },
] as const;
const TILT_PATHS = TILT_TERMS.map((t) => `tilt.${t.key}`);

/** The label the figures carry as their source (errors, summary sheet). */
export const FIGURES_SOURCE = '本地区补充参数 / figures you supply';
export const FIGURES_FORMAT = 'medaid-figures/1';
const INCOME_PATH = 'income.perCapitaDisposable';

export function noFigures(): AnalystFigures {
  return { parameters: {}, policies: [] };
}

export function hasFigures(f: AnalystFigures | undefined): boolean {
  return !!f && (f.policies.length > 0 || Object.values(f.parameters).some((p) => Object.keys(p).length > 0) || hasBaselineInputs(f.baseline));
}

/** The parameters as one source for baselineEngine (none when empty). */
export function figureSources(f: AnalystFigures): ParameterSource[] {
  const overrides = Object.fromEntries(Object.entries(f.parameters).filter(([, p]) => Object.keys(p).length > 0));
  return Object.keys(overrides).length ? [{ source: FIGURES_SOURCE, overrides }] : [];
}

/**
 * The engine the baseline runs on: the built-in policies, the analyst's region files, then
 * the figures (`withParameters: false` for the editions as published plus the region files —
 * what the list of missing figures is worked out from). Throws the bilingual INVALID_POLICY /
 * INVALID_OVERRIDE of baselineEngine, naming the file or the parameter path.
 */
export function figuresEngine(f: AnalystFigures, withParameters = true, base?: Engine): Engine {
  return baselineEngine({ policies: f.policies, parameters: withParameters ? figureSources(f) : [] }, base);
}

/**
 * The figures the edition in force for (region, year) leaves open. `engine` is the one
 * without the analyst's parameters (figuresEngine(f, false)), so a figure already supplied
 * stays in the list, to be changed or removed.
 */
export function missingFigures(engine: Engine, region: string, year: number): MissingFigure[] {
  const rp = engine.resolve(region, year);
  const policyId = rp.policy.id;
  const params = paramsOf(rp.policy, rp);
  const out: MissingFigure[] = [];
  const incomeYear = String(year - 1);
  const dependents: { zh: string; en: string }[] = [];
  for (const p of params) {
    if (!p.missing || p.path === INCOME_PATH) continue;
    if (p.shareOfIncome !== undefined) {
      // 上一年度人均可支配收入 × share (ruling 5): the figure to supply is last year's income.
      if (rp.income(year - 1) === undefined) dependents.push({ zh: p.zh, en: p.en });
      continue;
    }
    out.push({ key: p.path, policyId, path: p.path, param: p });
  }
  if (dependents.length) {
    const income = params.find((p) => p.path === INCOME_PATH) ?? {
      path: INCOME_PATH,
      zh: '收入 · 居民人均可支配收入',
      en: 'Income · per-capita disposable income',
      unit: 'yuan' as const,
      current: '',
      citation: '',
    };
    const param: PolicyParam = { ...income, zh: `${income.zh}（${incomeYear} 年）`, en: `${income.en} (${incomeYear})`, current: '' };
    out.unshift({ key: `${INCOME_PATH}.${incomeYear}`, policyId, path: INCOME_PATH, year: incomeYear, param, neededBy: dependents });
  }
  // A tilt left to the prefectures (山西 答记者问, ruling 4) has no terms in the file: the analyst
  // supplies the prefecture's threshold, ratio and cap here, as --set tilt.threshold=… would.
  const tilt = rp.policy.tilt;
  if (tilt?.delegated) {
    const citation = rp.citation(tilt.ref);
    const quote = tilt.ref.find((r) => r.quote)?.quote;
    for (const term of TILT_TERMS) {
      const path = `tilt.${term.key}`;
      out.push({
        key: path, policyId, path, tiltTerm: true,
        param: { path, zh: term.zh, en: term.en, unit: term.unit, current: '', citation, ...(quote ? { quote } : {}), missing: true, note: 'ruling 4: the prefecture’s terms; with all three the tilt is computed (tilt.delegated = false)' },
      });
    }
  }
  return out;
}

/** The value the analyst gave for a figure, if any (for a dated figure, that year's). */
export function figureValue(f: AnalystFigures, m: Pick<MissingFigure, 'policyId' | 'path' | 'year'>): OverrideValue | undefined {
  const v = f.parameters[m.policyId]?.[m.path];
  if (v === undefined) return undefined;
  if (m.year === undefined) return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const dated = (v as Record<string, number | string | null>)[m.year];
    return dated === null || dated === undefined ? undefined : dated;
  }
  return undefined;
}

/** A value as the analyst would type it back ("100", "20000:0.5; 50000:0.6"). */
export function figureText(v: OverrideValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'object' && !Array.isArray(v)) return JSON.stringify(v);
  return valueText(v as Parameters<typeof valueText>[0]);
}

/**
 * The figures with one value set (or removed, for `undefined`): a new object, the old one
 * untouched, so a value the engine refuses is never half-applied. A dated figure sets its
 * year inside the parameter's dated values and keeps the other years.
 */
export function withFigure(f: AnalystFigures, m: Pick<MissingFigure, 'policyId' | 'path' | 'year' | 'tiltTerm'>, value: OverrideValue | undefined): AnalystFigures {
  const own = { ...(f.parameters[m.policyId] ?? {}) };
  if (m.year === undefined) {
    if (value === undefined) delete own[m.path];
    else own[m.path] = value;
  } else {
    const old = own[m.path];
    const dated: Record<string, number | string | null> = old && typeof old === 'object' && !Array.isArray(old) ? { ...(old as Record<string, number | string | null>) } : {};
    if (value === undefined) delete dated[m.year];
    else dated[m.year] = value as number;
    if (Object.keys(dated).length) own[m.path] = dated;
    else delete own[m.path];
  }
  if (m.tiltTerm) {
    // All three terms given: the tilt is computed on them; otherwise it stays delegated (未计算).
    if (TILT_PATHS.every((p) => own[p] !== undefined)) own['tilt.delegated'] = false;
    else delete own['tilt.delegated'];
  }
  const parameters = { ...f.parameters, [m.policyId]: own };
  if (Object.keys(own).length === 0) delete parameters[m.policyId];
  return { ...f, parameters };
}

/**
 * Adds an analyst's region file (JSON in the policy schema), validated with the other files
 * and the figures: INVALID_POLICY naming the file and each field, in Chinese and English. A
 * file with the id of one loaded before replaces it.
 */
export function withRegionFile(f: AnalystFigures, file: RegionFile): { figures: AnalystFigures; policyId: string; region: string } {
  let data: { id?: unknown; region?: { names?: { zh?: unknown } } };
  try {
    data = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new MedaidError('INVALID_POLICY', { file: file.source, problems: `不是有效的 JSON / not valid JSON: ${msg}` });
  }
  const others = f.policies.filter((p) => {
    try {
      return (JSON.parse(p.text) as { id?: unknown }).id !== data?.id;
    } catch {
      return true;
    }
  });
  const figures = { ...f, policies: [...others, file] };
  const engine = figuresEngine(figures, false);
  const added = engine.policyList().find((r) => r.policyId === data?.id);
  figuresEngine(figures); // the figures supplied so far must still apply
  if (!added) throw new MedaidError('INVALID_POLICY', { file: file.source, problems: 'id: missing' });
  return { figures, policyId: added.policyId, region: added.zh };
}

/** The rows the result workbook's summary sheet lists: each figure, and each region file. */
export function figureRows(f: AnalystFigures): AnalystParameter[] {
  const rows = analystParameters(figureSources(f));
  for (const p of f.policies) {
    let id = '';
    let name = '';
    try {
      const data = JSON.parse(p.text.replace(/^\uFEFF/, '')) as { id?: string; region?: { names?: { zh?: string } }; edition?: { effective?: string } };
      id = data.id ?? '';
      name = `${data.region?.names?.zh ?? ''} ${data.edition?.effective ?? ''}`.trim();
    } catch {
      // validated when it was added; a row is still listed
    }
    rows.push({ source: p.source, region: id, path: '（地区政策文件 / region file）', value: name || p.source });
  }
  return rows;
}

/** The figures as saved with the scenarios (a hidden sheet / a document setting). */
export function figuresJson(f: AnalystFigures): string {
  const policies = f.policies.map((p) => ({ source: p.source, policy: JSON.parse(p.text.replace(/^\uFEFF/, '')) as unknown }));
  const baseline = hasBaselineInputs(f.baseline) ? { baseline: f.baseline } : {};
  return JSON.stringify({ $format: FIGURES_FORMAT, parameters: f.parameters, policies, ...baseline }, null, 2) + '\n';
}

/** Saved figures back, checked as when they were supplied (the engine must accept them). */
export function parseFiguresJson(text: string, source: string): AnalystFigures {
  const data = parseJsonText(text, source);
  const o = (data ?? {}) as { $format?: unknown; parameters?: unknown; policies?: unknown; baseline?: unknown };
  if (o.$format !== FIGURES_FORMAT) {
    throw new MedaidError('INVALID_OVERRIDE', { path: `${source} $format`, problem: `不支持的格式，应为 ${FIGURES_FORMAT}`, problemEn: `unsupported format; expected ${FIGURES_FORMAT}` });
  }
  const parameters = parseParamsJson(JSON.stringify(o.parameters ?? {}), `${source} parameters`);
  if (!Array.isArray(o.policies ?? [])) {
    throw new MedaidError('INVALID_OVERRIDE', { path: `${source} policies`, problem: '应为数组', problemEn: 'must be an array' });
  }
  const policies = ((o.policies ?? []) as { source?: unknown; policy?: unknown }[]).map((p, i) => ({
    source: typeof p?.source === 'string' ? p.source : `${source} policies[${i}]`,
    text: JSON.stringify(p?.policy ?? null),
  }));
  const figures: AnalystFigures = { parameters, policies };
  const baseline = parseBaselineInputs(o.baseline, source);
  if (hasBaselineInputs(baseline)) figures.baseline = baseline;
  try {
    figuresEngine(figures);
  } catch (e) {
    if (isMedaidError(e)) throw e.at(source);
    throw e;
  }
  return figures;
}
