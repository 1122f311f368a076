/**
 * What `medaid plan`, `medaid solve` and `medaid burden` share: flag parsing (the roster and
 * baseline flags of `medaid project`, plus each command's own), reading the roster and
 * building the baseline engine with the analyst's figures, and the table printer.
 */
import { readFileSync } from 'fs';
import { parseYear, type Engine } from '../engine/engine';
import { fmt, type Dec } from '../engine/money';
import { word } from '../projection/labels';
import { baselineEngine, parseParamsJson, setFlagSources, type ParameterSource } from '../projection/baselineParams';
import { readRoster, schemeChecker, type Roster } from '../projection/readRoster';
import { parseScenarioJson } from '../projection/scenarioFile';
import { checkScenarioRegions, validateFunding, validateGrowth } from '../projection/scenario';
import type { Funding, Growth, Scenario } from '../projection/types';
import { checkOutputs, OutputFileError, type NamedFile, type OutputTarget } from './outputFiles';

export class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

/** Flags that take a value; repeatable ones collect every value. */
export interface FlagSpec {
  values: readonly string[];
  repeatable?: readonly string[];
  switches?: readonly string[];
  required?: readonly string[];
}

export const ROSTER_FLAGS = ['--people', '--visits', '--region', '--year', '--people-sheet', '--visits-sheet', '--lang', '--summary',
  '--lottery', '--donations', '--transfers', '--ratio', '--headcount-growth', '--cost-growth', '--premium-growth'] as const;
export const ROSTER_REPEATABLE = ['--set', '--params', '--policy', '--policy-replace', '--scenario'] as const;

export interface ParsedFlags {
  one: Map<string, string>;
  many: Map<string, string[]>;
  on: Set<string>;
}

export function parseFlags(args: string[], spec: FlagSpec): ParsedFlags {
  const one = new Map<string, string>();
  const many = new Map<string, string[]>();
  const on = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (spec.switches?.includes(flag)) {
      on.add(flag);
      continue;
    }
    const isOne = spec.values.includes(flag);
    const isMany = spec.repeatable?.includes(flag);
    if (!isOne && !isMany) throw new UsageError(`未知参数 ${a}`, `unknown argument ${a}`);
    const v = inline ?? args[++i];
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 缺少取值`, `${flag} needs a value`);
    if (isMany) many.set(flag, [...(many.get(flag) ?? []), v]);
    else one.set(flag, v);
  }
  for (const f of spec.required ?? []) if (!one.get(f)) throw new UsageError(`缺少 ${f}`, `${f} is required`);
  const lang = one.get('--lang');
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 应为 zh 或 en，而不是 "${lang}"`, `--lang must be zh or en, not "${lang}"`);
  return { one, many, on };
}

export function readBytes(file: string, zh: string, en: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(`无法读取${zh}文件 ${file}：${msg}`, `cannot read ${en} file ${file}: ${msg}`);
  }
}

const readText = (file: string, zh: string, en: string) => Buffer.from(readBytes(file, zh, en)).toString('utf8');

export interface RosterSetup {
  roster: Roster;
  region: string;
  year: number;
  engine: Engine;
  funding: Funding;
  growth: Growth;
  scenarios: Scenario[];
  lang: 'zh' | 'en';
}

/** The roster, region, year, baseline engine (--policy, --params, --set), funding, growth and scenarios. */
export async function rosterSetup(f: ParsedFlags): Promise<RosterSetup> {
  const year = parseYear(f.one.get('--year'));
  if (year === undefined) throw new UsageError(`--year 应为年份，如 2024`, `--year must be a year such as 2024`);
  const policies = [
    ...(f.many.get('--policy') ?? []).map((file) => ({ source: `--policy ${file}`, text: readText(file, '政策', 'policy'), path: file })),
    ...(f.many.get('--policy-replace') ?? []).map((file) => ({ source: `--policy-replace ${file}`, text: readText(file, '政策', 'policy'), path: file, replace: true })),
  ];
  const parameters: ParameterSource[] = (f.many.get('--params') ?? []).map((file) => ({ source: `--params ${file}`, overrides: parseParamsJson(readText(file, '参数', 'parameter'), `--params ${file}`) }));
  parameters.push(...setFlagSources(f.many.get('--set') ?? []));
  const engine = baselineEngine({ policies, parameters });
  const scenarios: Scenario[] = [];
  for (const file of f.many.get('--scenario') ?? []) scenarios.push(...parseScenarioJson(readText(file, '情景', 'scenario'), file.split(/[\\/]/).pop()!, engine, { nonEmpty: true }));
  const fundingRaw: Record<string, string> = {};
  for (const k of ['lottery', 'donations', 'transfers', 'ratio']) if (f.one.has(`--${k}`)) fundingRaw[k] = f.one.get(`--${k}`)!;
  const growthRaw: Record<string, string> = {};
  for (const k of ['headcount', 'cost', 'premium']) if (f.one.has(`--${k}-growth`)) growthRaw[k] = f.one.get(`--${k}-growth`)!;
  const funding = validateFunding(fundingRaw, '--lottery/--donations/--transfers/--ratio');
  const growth = validateGrowth(growthRaw, '--*-growth');
  const people = f.one.get('--people')!;
  const visits = f.one.get('--visits')!;
  const region = f.one.get('--region')!;
  checkScenarioRegions(scenarios, engine, region, year);
  // Each visit's outpatient scheme against the region's, as `medaid project`: an unknown one rejects its row only (issue 16).
  const checkScheme = schemeChecker(engine, region, year);
  const roster = await readRoster(
    { name: people, bytes: readBytes(people, '人员', 'people'), sheet: f.one.get('--people-sheet') },
    { name: visits, bytes: readBytes(visits, '就诊', 'visits'), sheet: f.one.get('--visits-sheet') },
    year,
    { checkScheme },
  );
  return { roster, region, year, engine, funding, growth, scenarios, lang: (f.one.get('--lang') as 'zh' | 'en') ?? 'zh' };
}

/** A table's rows as the importer counted them: total = used + rejected + blank. */
export interface RosterRows {
  total: number;
  used: number;
  rejected: number;
  blank: number;
}

/** The roster's row accounting (the importers' reports), as `medaid project` shows it. */
export function rosterRows(roster: Roster): { people: RosterRows; visits: RosterRows } {
  const of = (kind: 'people' | 'visits'): RosterRows => {
    const s = roster.importReports.find((r) => r.kind === kind)?.summary;
    const n = kind === 'people' ? roster.people.length : roster.visits.length;
    return s ? { total: s.total, used: s.used, rejected: s.rejected, blank: s.blank } : { total: n, used: n, rejected: 0, blank: 0 };
  };
  return { people: of('people'), visits: of('visits') };
}

/**
 * The rows lines of `medaid project` (人员/就诊: 总行数, 已使用, 未使用, 空行) and the first
 * rejected rows' messages: a row the importer rejected is never dropped without a word.
 */
export function rosterRowLines(roster: Roster, lang: 'zh' | 'en', max = 10): { rows: string[]; problems: string[] } {
  const r = rosterRows(roster);
  const line = (label: string, x: RosterRows) => `${label}: ${x.total} ${word('rowsTotal', lang)}, ${x.used} ${word('rowsUsed', lang)}, ${x.rejected} ${word('rowsRejected', lang)}, ${x.blank} ${word('rowsBlank', lang)}`;
  const errors = roster.importReports.flatMap((x) => x.entries.filter((e) => e.severity === 'error'));
  const problems = errors.slice(0, max).map((e) => `  ${lang === 'zh' ? e.zh : e.en}`);
  if (errors.length > max) problems.push(`  … (${errors.length - max} ${lang === 'zh' ? '条未列出' : 'more'})`);
  return { rows: [line(word('people', lang), r.people), line(word('visitTable', lang), r.visits)], problems };
}

/** The roster's rows on stdout and, when the import rejected some, the first of them on stderr (solve, burden). */
export function printRosterRows(roster: Roster, lang: 'zh' | 'en'): void {
  const l = rosterRowLines(roster, lang);
  console.log(l.rows.join('\n'));
  const r = rosterRows(roster);
  const n = r.people.rejected + r.visits.rejected;
  if (n > 0) {
    console.error(`有 ${n} 行未使用 / ${n} rows not used`);
    for (const p of l.problems) console.error(p);
  }
}

/** Every file the command reads: no output may be one of them. */
function inputFiles(f: ParsedFlags): NamedFile[] {
  const out: NamedFile[] = [];
  for (const flag of ['--people', '--visits']) if (f.one.get(flag)) out.push({ flag, path: f.one.get(flag)! });
  for (const flag of ROSTER_REPEATABLE) for (const path of f.many.get(flag) ?? []) if (flag !== '--set') out.push({ flag, path });
  return out;
}

/** The outputs named by `flags`, checked before any work (outputFiles.checkOutputs; --force replaces). */
export function outputTargets(f: ParsedFlags, flags: readonly string[]): Map<string, OutputTarget> {
  const outputs = flags.filter((flag) => f.one.get(flag)).map((flag) => ({ flag, path: f.one.get(flag)! }));
  const checked = checkOutputs(outputs, inputFiles(f), { force: f.on.has('--force') });
  return new Map(checked.map((t) => [t.flag, t]));
}

/** A usage, input or output error as the CLI prints it (exit 2); anything else is a bug and is rethrown. */
export function reportFailure(e: unknown, help: string, isMedaid: (e: unknown) => e is { zh: string; en: string }): number {
  if (e instanceof UsageError) {
    console.error(`${e.zh}\n${e.en}\n用法 / usage: medaid ${help}`);
    return 2;
  }
  if (e instanceof OutputFileError || isMedaid(e)) {
    console.error(`${(e as { zh: string }).zh}\n${(e as { en: string }).en}`);
    return 2;
  }
  throw e;
}

/** Display width: CJK characters take two columns in a terminal. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - widthOf(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - widthOf(s))) + s;

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => widthOf(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ')).join('\n');
}

/** 12345.6 → "12,345.60" (exact: formatted from the decimal text, never through a float). */
export function money(x: Dec | undefined): string {
  if (x === undefined) return '';
  const [int, frac] = fmt(x).split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
