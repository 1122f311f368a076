/**
 * `medaid project`: a roster (people + visits, CSV in UTF-8/GBK or .xlsx) through the
 * projection, baseline and scenarios side by side; writes the result workbook and
 * summary.json, and prints a summary table.
 *
 * Figures the documents leave to the analyst (Xinyang's delegated subsidy for 农村易返贫致贫人口,
 * an income figure, Weihai's first-tier premium…) go into the BASELINE with --set / --params,
 * and an analyst's own region with --policy; scenarios then layer on top of that baseline.
 * The workbook is streamed to disk (writeWorkbookFile), so a 100k-visit roster does not need
 * the whole workbook in memory.
 *
 * Exit codes: 0 ok; 1 some rows were not used (outputs still written; the count and where
 * the report is are printed); 2 bad usage, an unreadable file, an invalid scenario, parameter
 * or region file (the message names the flag, the file and the field, in Chinese and English).
 */
import { closeSync, openSync, readFileSync, rmSync } from 'fs';
import { basename } from 'path';
import { checkOutputs, OutputFileError, writeOutput, writeOutputData, type NamedFile, type OutputTarget } from './outputFiles';
import { isMedaidError, type MedaidError } from '../engine/errors';
import { parseLayerMode, type LayerMode } from '../engine/rules/settlementChain';
import { layerRows } from './layerTable';
import { fmt, type Dec } from '../engine/money';
import { parseYear } from '../engine/engine';
import { maskerFor, maskRun } from '../projection/maskRun';
import { Masker } from '../roster/mask';
import type { ColumnPick } from '../roster/mapping';
import { analystParameters, baselineEngine, parseParamsJson, setFlagSources, type AnalystParameter, type ParameterSource, type PolicySource } from '../projection/baselineParams';
import { writeWorkbookFile } from '../projection/writeWorkbookFile';
import { completenessLabel, completenessNotes } from '../projection/completeness';
import { preflightLines } from '../projection/preflight';
import { monitoringLine } from '../projection/monitoringAlerts';
import { calibrationTable } from '../projection/calibration';
import { PreflightStop, streamRun, type StreamRunInput, type StreamRunResult } from '../projection/streamRun';
import { columnarRefusal, columnarRun, NotColumnar } from '../projection/columnarRun';
import { interruptCleanup } from '../projection/interruptCleanup';
import type { Detail } from '../projection/mergeRuns';
import {
  categoryName,
  measureName,
  parseScenarioJson,
  personExplanationTable,
  rejectedRowCount,
  runSummary,
  validateFunding,
  validateGrowth,
  word,
  type Lang,
  type ProjectionRun,
  type Scenario,
} from '../projection';

export const PROJECT_HELP = `project [--people FILE] --visits FILE --region 信阳 --year 2024 [--scenario FILE]… [--lottery N] [--donations N] [--transfers N] [--ratio 1:9]
        [--headcount-growth R] [--cost-growth R] [--premium-growth R] [--people-sheet S] [--visits-sheet S] [--mask] [--lang zh|en]
        [--people-column FIELD=COL]… [--visits-column FIELD=COL]… [--people-header-row N] [--visits-header-row N]
        [--set REGION:PATH=VALUE]… [--params FILE]… [--policy FILE]…
        [--out result.xlsx] [--summary summary.json] [--force] [--explain ID] [--allow-rejected] [--min-complete 95] [--accept-partial]
        [--layers asGiven|recomputeAll]
        [--detail none|people|visits] [--memory MB]
        — 名单测算：基准与情景对比 / roster projection, baseline and scenarios side by side
        行序任意，不需排序；大文件自动分块写入临时文件 / rows in any order, no sorting; big files are partitioned on disk by themselves
        无 --people：就诊文件每行含人员列（人员类别、区县）/ without --people the visits file carries the person's columns on each row
        --detail  结果工作簿的明细表：none 仅汇总、people 人员（默认）、visits 人员与逐次就诊 / detail sheets: none, people (default), visits
        --memory  单块内存预算 MB（默认 256）/ memory budget for one part, MB (default 256)
        --set 信阳:premium.tiers.monitored.amount=100    基准参数（文件未给出或授权另定的数）/ a baseline figure the documents leave to the analyst
        --set 山西:income.perCapitaDisposable.2021=30000  按年份取值（2021 年起）/ a dated value (from 2021)
        --params FILE  {"信阳": {"premium.tiers.monitored.amount": 100}}  同上，JSON 文件 / the same as a JSON file
        --policy FILE  自定义地区政策文件（按政策文件格式校验）/ an analyst's own region file (schema-validated)
        --policy-replace FILE  同上，且有意取代内置的同一地区同一年份版本（--policy 遇此拒绝）/ the same, replacing a built-in edition on purpose (--policy refuses to)
        --visits-column cost=F  指定某字段用哪一列（列字母或表头文字）/ which column holds a field (letter or header text)
        --people-header-row 3   表头所在行（不自动查找）/ the header's row (no detection)
        --force        覆盖已存在的输出文件（输入文件永不覆盖）/ replace existing output files (an input file is never overwritten)
        --min-complete 95  完成度低于此百分比时暂不显示资金需求 / below this completeness (%) the fund need is withheld
        --accept-partial   确认查看部分测算结果 / show the partial figures anyway
        --layers recomputeAll  结算数据（医疗总费用等列）的大病保险、医疗机构减免全部按规则重算；默认 asGiven 按结算实际支付 /
                       settlement rows: recompute critical-illness insurance and hospital reduction by the rules (default asGiven: as the settlement says)`;

class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

interface Options {
  people?: string;
  visits?: string;
  region?: string;
  year?: string;
  scenarios: string[];
  /** --set REGION:PATH=VALUE, in order. */
  sets: string[];
  /** --params FILE, in order (applied before the --set flags). */
  params: string[];
  /** --policy FILE: the analyst's own regions. */
  policies: string[];
  /** The --policy-replace files (also in `policies`): they may replace a built-in edition. */
  policyReplace: string[];
  funding: Record<string, string>;
  growth: Record<string, string>;
  peopleSheet?: string;
  visitsSheet?: string;
  /** --people-column / --visits-column FIELD=COLUMN, and --*-header-row N. */
  peopleColumns: string[];
  visitsColumns: string[];
  peopleHeaderRow?: string;
  visitsHeaderRow?: string;
  mask: boolean;
  lang: Lang;
  out?: string;
  summary?: string;
  /** --layers asGiven|recomputeAll: how settlement rows' insurance figures are taken. */
  layerMode?: LayerMode;
  explain?: string;
  allowRejected: boolean;
  /** --force: replace existing output files (never an input). */
  force: boolean;
  minComplete?: string;
  acceptPartial: boolean;
  detail: Detail;
  memoryMB?: number;
}

const VALUE_FLAGS: Record<string, (o: Options, v: string) => void> = {
  '--people': (o, v) => (o.people = v),
  '--visits': (o, v) => (o.visits = v),
  '--region': (o, v) => (o.region = v),
  '--year': (o, v) => (o.year = v),
  '--scenario': (o, v) => o.scenarios.push(v),
  '--set': (o, v) => o.sets.push(v),
  '--params': (o, v) => o.params.push(v),
  '--policy': (o, v) => o.policies.push(v),
  // A region file that replaces a built-in edition for that edition's own year: said on purpose (issue 16).
  '--policy-replace': (o, v) => void (o.policies.push(v), o.policyReplace.push(v)),
  '--lottery': (o, v) => (o.funding.lottery = v),
  '--donations': (o, v) => (o.funding.donations = v),
  '--transfers': (o, v) => (o.funding.transfers = v),
  '--ratio': (o, v) => (o.funding.ratio = v),
  '--headcount-growth': (o, v) => (o.growth.headcount = v),
  '--cost-growth': (o, v) => (o.growth.cost = v),
  '--premium-growth': (o, v) => (o.growth.premium = v),
  '--people-sheet': (o, v) => (o.peopleSheet = v),
  '--visits-sheet': (o, v) => (o.visitsSheet = v),
  '--people-column': (o, v) => o.peopleColumns.push(v),
  '--visits-column': (o, v) => o.visitsColumns.push(v),
  '--people-header-row': (o, v) => (o.peopleHeaderRow = v),
  '--visits-header-row': (o, v) => (o.visitsHeaderRow = v),
  '--lang': (o, v) => {
    if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 应为 zh 或 en，而不是 "${v}"`, `--lang must be zh or en, not "${v}"`);
    o.lang = v;
  },
  '--out': (o, v) => (o.out = v),
  '--summary': (o, v) => (o.summary = v),
  '--explain': (o, v) => (o.explain = v),
  '--layers': (o, v) => {
    try {
      o.layerMode = parseLayerMode(v);
    } catch (e) {
      throw new UsageError((e as MedaidError).zh, (e as MedaidError).en);
    }
  },
  '--detail': (o, v) => {
    if (v !== 'none' && v !== 'people' && v !== 'visits') throw new UsageError(`--detail 应为 none、people 或 visits，而不是 "${v}"`, `--detail must be none, people or visits, not "${v}"`);
    o.detail = v;
  },
  '--memory': (o, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--memory 应为正数（MB），而不是 "${v}"`, `--memory must be a positive number of MB, not "${v}"`);
    o.memoryMB = n;
  },
  '--min-complete': (o, v) => {
    const n = Number(v.replace(/%$/, ''));
    if (!/^\d+(\.\d+)?%?$/.test(v) || n > 100) throw new UsageError(`--min-complete 应为 0 到 100 之间的百分数，而不是 "${v}"`, `--min-complete must be a percentage from 0 to 100, not "${v}"`);
    o.minComplete = v.replace(/%$/, '');
  },
};

export function parseProjectArgs(args: string[]): Options {
  const o: Options = { scenarios: [], sets: [], params: [], policies: [], policyReplace: [], funding: {}, growth: {}, mask: false, lang: 'zh', allowRejected: false, force: false, peopleColumns: [], visitsColumns: [], acceptPartial: false, detail: 'people' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '--mask') o.mask = true;
    else if (flag === '--allow-rejected') o.allowRejected = true;
    else if (flag === '--force') o.force = true;
    else if (flag === '--accept-partial') o.acceptPartial = true;
    else if (VALUE_FLAGS[flag]) {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 缺少取值`, `${flag} needs a value`);
      VALUE_FLAGS[flag](o, v);
    } else throw new UsageError(`未知参数 ${a}`, `unknown argument ${a}`);
  }
  for (const [flag, v] of [['--visits', o.visits], ['--region', o.region], ['--year', o.year]] as const) {
    if (!v) throw new UsageError(`缺少 ${flag}`, `${flag} is required`);
  }
  return o;
}

const FILE_KIND_EN: Record<string, string> = { 人员: 'people', 就诊: 'visits', 情景: 'scenario', 参数: 'parameter', 政策: 'policy' };

function readBytes(file: string, what: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(`无法读取${what}文件 ${file}：${msg}`, `cannot read ${FILE_KIND_EN[what] ?? what} file ${file}: ${msg}`);
  }
}

/** The file exists and can be opened (the readers then stream it). */
function checkReadable(file: string, what: string): void {
  try {
    closeSync(openSync(file, 'r'));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(`无法读取${what}文件 ${file}：${msg}`, `cannot read ${FILE_KIND_EN[what] ?? what} file ${file}: ${msg}`);
  }
}

const readText = (file: string, what: string) => Buffer.from(readBytes(file, what)).toString('utf8');

/** The analyst's regions and baseline figures from the flags, in the order they apply. */
function baselineSources(o: Options): { policies: PolicySource[]; parameters: ParameterSource[] } {
  const policies = o.policies.map((file) => {
    const replace = o.policyReplace.includes(file);
    return { source: `${replace ? '--policy-replace' : '--policy'} ${file}`, text: readText(file, '政策'), replace, path: file };
  });
  const parameters: ParameterSource[] = o.params.map((file) => {
    const source = `--params ${file}`;
    return { source, overrides: parseParamsJson(readText(file, '参数'), source) };
  });
  parameters.push(...setFlagSources(o.sets));
  return { policies, parameters };
}

/** --people-column cost=F / --people-header-row 3 → what readRoster takes; malformed values are usage errors. */
function tableChoices(columns: string[], headerRow: string | undefined, prefix: string): { columns: ColumnPick[]; headerRow?: number } {
  const picks = columns.map((c) => {
    const eq = c.indexOf('=');
    if (eq <= 0 || eq === c.length - 1) throw new UsageError(`${prefix}-column 应写成 字段=列，如 cost=F 或 政策范围内自付=E，而不是 "${c}"`, `${prefix}-column must be FIELD=COLUMN, e.g. cost=F or 政策范围内自付=E, not "${c}"`);
    return { field: c.slice(0, eq), column: c.slice(eq + 1) };
  });
  if (headerRow === undefined) return { columns: picks };
  const n = Number(headerRow);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${prefix}-header-row 应为表头所在的行号（1 起），而不是 "${headerRow}"`, `${prefix}-header-row must be the header's row number (from 1), not "${headerRow}"`);
  return { columns: picks, headerRow: n };
}

const shownValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Every file the run reads: no output may be one of them (outputFiles.checkOutputs). */
function inputFiles(o: Options): NamedFile[] {
  return [
    ...(o.people ? [{ flag: '--people', path: o.people }] : []),
    { flag: '--visits', path: o.visits! },
    ...o.scenarios.map((path) => ({ flag: '--scenario', path })),
    ...o.params.map((path) => ({ flag: '--params', path })),
    ...o.policies.map((path) => ({ flag: '--policy', path })),
  ];
}

/** Display width: CJK characters take two columns in a terminal. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - widthOf(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - widthOf(s))) + s;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => widthOf(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ')).join('\n');
}

const money = (x: Dec | undefined) => (x === undefined ? '' : Number(fmt(x)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** The summary table printed to stdout. */
/** Measures built on the fund need: withheld when completeness is below the threshold (until --accept-partial). */
const HEADLINE = new Set(['fundNeed', 'sources.allocated', 'fiscal', 'split.city', 'split.district', 'forecast.nextFundNeed']);

export function summaryText(run: ProjectionRun, lang: Lang, parameters: readonly AnalystParameter[] = [], opts: { acceptPartial?: boolean } = {}): string {
  const L = (w: Parameters<typeof word>[0]) => word(w, lang);
  const b = run.baseline;
  const out: string[] = [];
  const region = lang === 'zh' ? b.region.zh : b.region.en;
  out.push(lang === 'zh' ? `${region} ${b.year} 年${L('title')}（${b.policyId}）` : `${region} ${b.year} ${L('title')} (${b.policyId})`);
  const r = run.rows;
  // RowAccount (types.ts): total = used + rejected + blank; "not fully computed" is part of used.
  const line = (label: string, x: ProjectionRun['rows']['people']) =>
    `${label}: ${x.total} ${L('rowsTotal')}, ${x.used} ${L('rowsUsed')}${x.notComputed ? (lang === 'zh' ? `（${L('rowsNotComputed')} ${x.notComputed}）` : ` (${L('rowsNotComputed').toLowerCase()}: ${x.notComputed})`) : ''}, ${x.rejected} ${L('rowsRejected')}, ${x.blank} ${L('rowsBlank')}`;
  out.push(line(L('people'), r.people));
  out.push(line(L('visitTable'), r.visits));
  if (parameters.length) {
    out.push(lang === 'zh' ? '基准参数（分析人员补充）：' : 'Analyst-supplied baseline figures:');
    for (const x of parameters) out.push(`  ${x.region}:${x.path} = ${shownValue(x.value)}  (${x.source})`);
  }
  const c = b.completeness;
  const partial = !!c && !c.complete;
  const withheld = !!c && c.belowThreshold && !opts.acceptPartial;
  const notComputed = new Set(c?.notComputed ?? []);
  if (c) {
    out.push(completenessLabel(c, lang));
    for (const n of completenessNotes(c, lang)) out.push(`  ${n}`);
    if (withheld) out.push(lang === 'zh' ? '  （核对后加 --accept-partial 显示部分结果）' : '  (add --accept-partial to show the partial figures)');
  }
  const withheldText = lang === 'zh' ? '暂不显示' : 'withheld';
  const shown = (id: string, x: Dec | undefined) => (notComputed.has(id) ? L('notComputed') : withheld && HEADLINE.has(id) ? withheldText : money(x));
  out.push('');
  const head = [L('measure'), partial ? `${L('baseline')}${lang === 'zh' ? '（部分测算）' : ' (partial)'}` : L('baseline')];
  for (const { projection } of run.scenarios) head.push(projection.scenario, L('diff'), '%');
  const rows = [head];
  const ids = ['assistance.inpatient', 'assistance.outpatient', 'assistance.tilt', 'assistance.total', 'premiumSubsidy.total', 'fundNeed', 'sources.allocated', 'fiscal', 'split.city', 'split.district', 'forecast.nextFundNeed'];
  const base: Record<string, Dec> = {
    'assistance.inpatient': b.totals.overall.assistance.inpatient,
    'assistance.outpatient': b.totals.overall.assistance.outpatient,
    'assistance.tilt': b.totals.overall.assistance.tilt,
    'assistance.total': b.totals.overall.assistance.total,
    'premiumSubsidy.total': b.totals.overall.premiumSubsidy,
    fundNeed: b.totals.overall.fundNeed,
    'sources.allocated': b.funding.allocated,
    fiscal: b.funding.fiscal,
    'split.city': b.funding.city,
    'split.district': b.funding.districtTotal,
    'forecast.nextFundNeed': b.forecast.total.nextFundNeed,
  };
  for (const id of ids) {
    const row = [measureName(id, lang), shown(id, base[id])];
    run.comparisons.forEach((cmp, i) => {
      const d = cmp.measures[id];
      const own = run.scenarios[i].projection.completeness;
      const gap = own?.notComputed.includes(id) || notComputed.has(id);
      const hide = withheld && HEADLINE.has(id);
      row.push(own?.notComputed.includes(id) ? L('notComputed') : hide ? withheldText : money(d.scenario), gap ? '' : hide ? withheldText : money(d.diff), gap || hide || !d.pct ? '' : `${d.pct.toFixed(2)}%`);
    });
    rows.push(row);
  }
  out.push(table(rows));
  const layers = layerRows(run, lang);
  if (layers) out.push('', table(layers));
  out.push('');
  const catRows = [[L('category'), L('peopleCount'), L('assistance'), L('premiumSubsidy'), L('fundNeed'), ...(partial ? [L('peopleNotComputed')] : [])]];
  for (const [id, bk] of Object.entries(b.totals.byCategory)) {
    // A category none of whose people could be computed shows 未计算, not 0.00.
    const miss = c?.missing.byCategory[id];
    const none = (n: number | undefined) => !!miss && miss.people > 0 && n === miss.people;
    const a = none(miss?.assistance) ? L('notComputed') : money(bk!.assistance.total);
    const s = none(miss?.premiumSubsidy) ? L('notComputed') : money(bk!.premiumSubsidy);
    const need = none(miss?.assistance) || none(miss?.premiumSubsidy) ? L('notComputed') : money(bk!.fundNeed);
    const missingPeople = miss ? Math.max(miss.assistance, miss.premiumSubsidy) : 0;
    catRows.push([categoryName(id as never, lang), String(bk!.people), a, s, need, ...(partial ? [String(missingPeople)] : [])]);
  }
  out.push(table(catRows));
  out.push('');
  const f = b.funding;
  const distRows = [[L('district'), L('fundNeed'), L('sources'), L('fiscal'), `${L('city')} ${f.ratio}`, L('districtPart')]];
  const m = (x: Dec) => (withheld ? withheldText : money(x));
  for (const [d, x] of Object.entries(f.districts)) distRows.push([d, m(x.need), m(x.sources), m(x.fiscal), m(x.city), m(x.district)]);
  distRows.push([partial ? `${L('total')}${lang === 'zh' ? '（部分）' : ' (partial)'}` : L('total'), m(f.need), m(f.allocated), m(f.fiscal), m(f.city), m(f.districtTotal)]);
  out.push(table(distRows));
  if (f.ratioSource) out.push(`${L('ratio')} ${f.ratio}: ${lang === 'zh' ? f.ratioSource.zh : f.ratioSource.en}`);
  const method = b.forecast.method;
  if (method) out.push(`${L('nextFundNeed')}: ${lang === 'zh' ? method.zh : method.en}`);
  if (b.monitoring) out.push(monitoringLine(b.monitoring, lang, (c) => categoryName(c, lang)));
  if (b.calibration) {
    out.push('', lang === 'zh' ? '与文件公布的全年数据对照（人均）：' : "Against the documents' published year (per person):");
    out.push(table(calibrationTable(b.calibration, lang)));
  }
  if (f.surplus.greaterThan(0)) {
    out.push(lang === 'zh' ? `注意：其他来源合计 ${money(f.sourcesTotal)} 超过资金需求，结余 ${money(f.surplus)}，财政无需负担。` : `Note: other sources (${money(f.sourcesTotal)}) exceed the need; ${money(f.surplus)} is left over and the fiscal budget bears nothing.`);
  }
  return out.join('\n');
}

/**
 * The rows the run keeps: the workbook's detail when there is a workbook; none for a summary
 * alone (totals, completeness and the forecast are summed per part). --mask keeps the people,
 * whose names the masker must know to scrub every output (maskRun.ts).
 */
function runDetail(o: Options): Detail {
  const detail = o.out ? o.detail : 'none';
  return o.mask && detail === 'none' ? 'people' : detail;
}

/** Rows read between two progress lines on stderr. */
const READ_STEP = 1_000_000;
let lastRead = 0;

/**
 * Progress of a big run on stderr (stdout carries the result): every million rows read, and
 * each part projected when the roster is in parts. A roster of one part says nothing.
 */
function progressLine(stage: 'read' | 'project', done: number, of?: number): void {
  if (stage === 'read') {
    if (done < lastRead) lastRead = 0; // a new table
    if (Math.floor(done / READ_STEP) > Math.floor(lastRead / READ_STEP)) process.stderr.write(`已读取 ${done} 行 / ${done} rows read\n`);
    lastRead = done;
  } else if (of !== undefined && of > 1) {
    process.stderr.write(`已测算第 ${done}/${of} 部分 / part ${done} of ${of} projected\n`);
  }
}

function outputFailed(e: unknown): number {
  if (!(e instanceof OutputFileError)) throw e;
  console.error(`${e.zh}\n${e.en}`);
  return e.exitCode;
}

/**
 * The run on the files: the columnar run (columnarRun.ts) when it can give the run — a summary of
 * plain CSV files the importers would take whole — and streamRun otherwise; both give the same
 * figures and messages (test/projection/columnarRun.test.ts), the columnar one an order of
 * magnitude faster (docs/benchmark.md). The columnar run gives up before it has written anything.
 */
async function projectFiles(input: StreamRunInput): Promise<StreamRunResult> {
  if (columnarRefusal(input) === undefined) {
    // Ctrl-C ends it as it ends streamRun (exit 130 / 143, the same message); it has no temporary file to remove.
    const release = interruptCleanup(() => {});
    try {
      return await columnarRun(input);
    } catch (e) {
      if (!(e instanceof NotColumnar)) throw e;
    } finally {
      release();
    }
  }
  return streamRun(input);
}

export async function project(args: string[]): Promise<number> {
  let o: Options;
  let run: ProjectionRun;
  let parameters: AnalystParameter[] = [];
  let targets: { out?: OutputTarget; summary?: OutputTarget };
  try {
    o = parseProjectArgs(args);
    // Outputs are checked before any work: an input is never overwritten, an existing file only with --force.
    const outputs: NamedFile[] = [];
    if (o.summary) outputs.push({ flag: '--summary', path: o.summary });
    if (o.out) outputs.push({ flag: '--out', path: o.out });
    const checked = checkOutputs(outputs, inputFiles(o), { force: o.force });
    targets = { summary: checked.find((t) => t.flag === '--summary'), out: checked.find((t) => t.flag === '--out') };
    const region = o.region!;
    const year = parseYear(o.year)!;
    // The baseline's engine first: scenarios are checked against it and layer on top of it.
    const sources = baselineSources(o);
    const engine = baselineEngine(sources);
    parameters = analystParameters(sources.parameters);
    const scenarios: Scenario[] = [];
    for (const file of o.scenarios) {
      scenarios.push(...parseScenarioJson(readText(file, '情景'), basename(file), engine, { nonEmpty: true }));
    }
    const funding = validateFunding(o.funding, '--lottery/--donations/--transfers/--ratio');
    const growth = validateGrowth(o.growth, '--*-growth');
    for (const [file, what] of [[o.people, '人员'], [o.visits!, '就诊']] as const) if (file) checkReadable(file, what);
    // Any row order, any size: read in pieces, partitioned by person, spilled to disk past --memory.
    const runInput: StreamRunInput = {
      people: o.people ? { file: o.people, sheet: o.peopleSheet, ...tableChoices(o.peopleColumns, o.peopleHeaderRow, '--people') } : undefined,
      visits: { file: o.visits!, sheet: o.visitsSheet, ...tableChoices(o.visitsColumns, o.visitsHeaderRow, '--visits') },
      region, year, engine, scenarios, funding, growth,
      detail: runDetail(o), memoryMB: o.memoryMB, explain: o.explain, minComplete: o.minComplete, layerMode: o.layerMode,
      onProgress: progressLine,
    };
    const r = await projectFiles(runInput);
    // Pre-flight: what was not computed and how to fix it; a year with no visits stops here
    // (found while the files were read, before any part is projected: PreflightStop below).
    const checks = r.preflight;
    if (checks.length) {
      const lines = preflightLines(checks, o.lang);
      if (checks.some((c) => c.stop)) {
        console.error(`${preflightLines(checks.filter((c) => c.stop), 'zh').join('\n')}\n${preflightLines(checks.filter((c) => c.stop), 'en').join('\n')}`);
        return 2;
      }
      console.log(`${o.lang === 'zh' ? '测算前检查' : 'Pre-flight check'}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    }
    // --mask: the one masking point. Everything below (console, summary.json, workbook) is made
    // from the masked copy, so no output carries a full ID or name (issue 12 item 2).
    const masker = o.mask ? maskerFor(r.run) : undefined;
    // The pre-flight's notes go into the report as well as onto the console (summary.json, 校验报告).
    const withChecks: ProjectionRun = checks.length ? { ...r.run, preflight: checks } : r.run;
    run = masker ? maskRun(withChecks, masker) : withChecks;
    if (o.explain) {
      const shownId = masker ? masker.id(o.explain) : o.explain;
      if (!r.explanation) throw new UsageError(`名单中没有身份证号 ${shownId}`, `no person with ID ${shownId} in the roster`);
      const lines = personExplanationTable(r.explanation, o.lang).map((row) => row.join('\t'));
      console.log((masker ? lines.map((l) => masker.text(l)) : lines).join('\n'));
      console.log('');
    }
  } catch (e) {
    if (e instanceof PreflightStop) {
      console.error(`${preflightLines([e.finding], 'zh').join('\n')}\n${preflightLines([e.finding], 'en').join('\n')}`);
      return 2;
    }
    if (e instanceof UsageError) {
      console.error(`${e.zh}\n${e.en}\n用法 / usage: medaid ${PROJECT_HELP}`);
      return 2;
    }
    if (isMedaidError(e) || e instanceof OutputFileError) {
      // With --mask even a fatal message (e.g. a header row that is really a data row) shows no full ID.
      const shown = args.includes('--mask') ? new Masker() : undefined;
      console.error(shown ? `${shown.text(e.zh)}\n${shown.text(e.en)}` : `${e.zh}\n${e.en}`);
      return 2;
    }
    throw e;
  }

  console.log(summaryText(run, o.lang, parameters, { acceptPartial: o.acceptPartial }));
  if (o.summary) {
    // The analyst's figures are part of what the totals rest on: recorded with them when given.
    const summary = parameters.length ? { ...runSummary(run), analystParameters: parameters } : runSummary(run);
    try {
      await writeOutputData(targets.summary!, JSON.stringify(summary, null, 2) + '\n');
    } catch (e) {
      return outputFailed(e);
    }
    console.log(`\nsummary → ${o.summary}`);
  }
  if (o.out) {
    try {
      await writeOutput(targets.out!, async (tmp) => {
        // Ctrl-C while writing: the half-written workbook goes too.
        const release = interruptCleanup(() => {
          rmSync(tmp, { force: true });
          rmSync(`${tmp}.partial`, { force: true });
        });
        try {
          await writeWorkbookFile(run, tmp, { lang: o.lang, parameters, detail: o.detail });
        } finally {
          release();
        }
      });
    } catch (e) {
      return outputFailed(e);
    }
    console.log(`${o.lang === 'zh' ? '结果工作簿' : 'workbook'} → ${o.out}`);
  }
  const rejected = rejectedRowCount(run);
  if (rejected > 0) {
    const where = o.out ? `${o.out}（${word('validation', 'zh')}）` : '';
    const whereEn = o.out ? `${o.out} (sheet ${word('validation', 'en')})` : '';
    console.error(`\n有 ${rejected} 行未使用或未完全计算${where ? `，详见 ${where}` : ''} / ${rejected} rows not used or not fully computed${whereEn ? `; see ${whereEn}` : ''}`);
    const importErrors = run.importReports.flatMap((r) => r.entries.filter((e) => e.severity === 'error'));
    // The first ten, read without copying the lists (a summary's problem list makes each entry when read: problemList.ts).
    const shown = [...importErrors.slice(0, 10), ...run.baseline.problems.slice(0, Math.max(0, 10 - importErrors.length))];
    for (const p of shown) console.error(`  ${o.lang === 'zh' ? p.zh : p.en}`);
    const all = importErrors.length + run.baseline.problems.length;
    if (all > 10) console.error(`  … (${all - 10} ${o.lang === 'zh' ? '条未列出' : 'more'})`);
    return o.allowRejected ? 0 : 1;
  }
  return 0;
}
