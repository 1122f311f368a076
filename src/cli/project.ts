/**
 * `medaid project`: a roster (people + visits, CSV in UTF-8/GBK or .xlsx) through the
 * projection, baseline and scenarios side by side; writes the result workbook and
 * summary.json, and prints a summary table.
 *
 * Exit codes: 0 ok; 1 some rows were not used (outputs still written; the count and where
 * the report is are printed); 2 bad usage, an unreadable file or an invalid scenario (the
 * message names the file or field, in Chinese and English).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, basename } from 'path';
import { isMedaidError } from '../engine/errors';
import { fmt, type Dec } from '../engine/money';
import { parseYear } from '../engine/engine';
import { maskReport } from '../roster/mask';
import {
  categoryName,
  explainPerson,
  measureName,
  parseScenarioJson,
  personExplanationTable,
  readRoster,
  rejectedRowCount,
  runProjection,
  runSummary,
  validateFunding,
  validateGrowth,
  word,
  writeWorkbook,
  type Lang,
  type ProjectionRun,
  type Scenario,
} from '../projection';

export const PROJECT_HELP = `project --people FILE --visits FILE --region 信阳 --year 2024 [--scenario FILE]… [--lottery N] [--donations N] [--transfers N] [--ratio 1:9]
        [--headcount-growth R] [--cost-growth R] [--premium-growth R] [--people-sheet S] [--visits-sheet S] [--mask] [--lang zh|en]
        [--out result.xlsx] [--summary summary.json] [--explain ID] [--allow-rejected]
        — 名单测算：基准与情景对比 / roster projection, baseline and scenarios side by side`;

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
  funding: Record<string, string>;
  growth: Record<string, string>;
  peopleSheet?: string;
  visitsSheet?: string;
  mask: boolean;
  lang: Lang;
  out?: string;
  summary?: string;
  explain?: string;
  allowRejected: boolean;
}

const VALUE_FLAGS: Record<string, (o: Options, v: string) => void> = {
  '--people': (o, v) => (o.people = v),
  '--visits': (o, v) => (o.visits = v),
  '--region': (o, v) => (o.region = v),
  '--year': (o, v) => (o.year = v),
  '--scenario': (o, v) => o.scenarios.push(v),
  '--lottery': (o, v) => (o.funding.lottery = v),
  '--donations': (o, v) => (o.funding.donations = v),
  '--transfers': (o, v) => (o.funding.transfers = v),
  '--ratio': (o, v) => (o.funding.ratio = v),
  '--headcount-growth': (o, v) => (o.growth.headcount = v),
  '--cost-growth': (o, v) => (o.growth.cost = v),
  '--premium-growth': (o, v) => (o.growth.premium = v),
  '--people-sheet': (o, v) => (o.peopleSheet = v),
  '--visits-sheet': (o, v) => (o.visitsSheet = v),
  '--lang': (o, v) => {
    if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 应为 zh 或 en，而不是 "${v}"`, `--lang must be zh or en, not "${v}"`);
    o.lang = v;
  },
  '--out': (o, v) => (o.out = v),
  '--summary': (o, v) => (o.summary = v),
  '--explain': (o, v) => (o.explain = v),
};

export function parseProjectArgs(args: string[]): Options {
  const o: Options = { scenarios: [], funding: {}, growth: {}, mask: false, lang: 'zh', allowRejected: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '--mask') o.mask = true;
    else if (flag === '--allow-rejected') o.allowRejected = true;
    else if (VALUE_FLAGS[flag]) {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 缺少取值`, `${flag} needs a value`);
      VALUE_FLAGS[flag](o, v);
    } else throw new UsageError(`未知参数 ${a}`, `unknown argument ${a}`);
  }
  for (const [flag, v] of [['--people', o.people], ['--visits', o.visits], ['--region', o.region], ['--year', o.year]] as const) {
    if (!v) throw new UsageError(`缺少 ${flag}`, `${flag} is required`);
  }
  return o;
}

function readBytes(file: string, what: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(`无法读取${what}文件 ${file}：${msg}`, `cannot read ${what === '人员' ? 'people' : what === '就诊' ? 'visits' : 'scenario'} file ${file}: ${msg}`);
  }
}

function writeOut(file: string, data: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
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
export function summaryText(run: ProjectionRun, lang: Lang): string {
  const L = (w: Parameters<typeof word>[0]) => word(w, lang);
  const b = run.baseline;
  const out: string[] = [];
  const region = lang === 'zh' ? b.region.zh : b.region.en;
  out.push(lang === 'zh' ? `${region} ${b.year} 年${L('title')}（${b.policyId}）` : `${region} ${b.year} ${L('title')} (${b.policyId})`);
  const r = run.rows;
  out.push(`${L('people')}: ${r.people.total} ${L('rowsTotal')}, ${r.people.used} ${L('rowsUsed')}, ${r.people.rejected} ${L('rowsRejected')}, ${r.people.blank} ${L('rowsBlank')}`);
  out.push(`${L('visitTable')}: ${r.visits.total} ${L('rowsTotal')}, ${r.visits.used} ${L('rowsUsed')}, ${r.visits.rejected} ${L('rowsRejected')}, ${r.visits.blank} ${L('rowsBlank')}`);
  out.push('');
  const head = [L('measure'), L('baseline')];
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
    const row = [measureName(id, lang), money(base[id])];
    for (const c of run.comparisons) {
      const d = c.measures[id];
      row.push(money(d.scenario), money(d.diff), d.pct ? `${d.pct.toFixed(2)}%` : '');
    }
    rows.push(row);
  }
  out.push(table(rows));
  out.push('');
  const catRows = [[L('category'), L('peopleCount'), L('assistance'), L('premiumSubsidy'), L('fundNeed')]];
  for (const [id, bk] of Object.entries(b.totals.byCategory)) {
    catRows.push([categoryName(id as never, lang), String(bk!.people), money(bk!.assistance.total), money(bk!.premiumSubsidy), money(bk!.fundNeed)]);
  }
  out.push(table(catRows));
  out.push('');
  const f = b.funding;
  const distRows = [[L('district'), L('fundNeed'), L('sources'), L('fiscal'), `${L('city')} ${f.ratio}`, L('districtPart')]];
  for (const [d, x] of Object.entries(f.districts)) distRows.push([d, money(x.need), money(x.sources), money(x.fiscal), money(x.city), money(x.district)]);
  distRows.push([L('total'), money(f.need), money(f.allocated), money(f.fiscal), money(f.city), money(f.districtTotal)]);
  out.push(table(distRows));
  if (f.surplus.greaterThan(0)) {
    out.push(lang === 'zh' ? `注意：其他来源合计 ${money(f.sourcesTotal)} 超过资金需求，结余 ${money(f.surplus)}，财政无需负担。` : `Note: other sources (${money(f.sourcesTotal)}) exceed the need; ${money(f.surplus)} is left over and the fiscal budget bears nothing.`);
  }
  return out.join('\n');
}

export async function project(args: string[]): Promise<number> {
  let o: Options;
  let run: ProjectionRun;
  try {
    o = parseProjectArgs(args);
    const region = o.region!;
    const year = parseYear(o.year)!;
    const scenarios: Scenario[] = [];
    for (const file of o.scenarios) {
      const text = Buffer.from(readBytes(file, '情景')).toString('utf8');
      scenarios.push(...parseScenarioJson(text, basename(file)));
    }
    const funding = validateFunding(o.funding, '--lottery/--donations/--transfers/--ratio');
    const growth = validateGrowth(o.growth, '--*-growth');
    const roster = await readRoster(
      { name: o.people!, bytes: readBytes(o.people!, '人员'), sheet: o.peopleSheet },
      { name: o.visits!, bytes: readBytes(o.visits!, '就诊'), sheet: o.visitsSheet },
      year,
    );
    run = runProjection({ ...roster, region, year, funding, growth, scenarios });
    if (o.explain) {
      const x = explainPerson({ ...roster, region, year }, o.explain);
      if (!x) throw new UsageError(`名单中没有身份证号 ${o.explain}`, `no person with ID ${o.explain} in the roster`);
      console.log(personExplanationTable(x, o.lang).map((r) => r.join('\t')).join('\n'));
      console.log('');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.zh}\n${e.en}\n用法 / usage: medaid ${PROJECT_HELP}`);
      return 2;
    }
    if (isMedaidError(e)) {
      console.error(`${e.zh}\n${e.en}`);
      return 2;
    }
    throw e;
  }

  console.log(summaryText(run, o.lang));
  if (o.summary) {
    writeOut(o.summary, JSON.stringify(runSummary(run), null, 2) + '\n');
    console.log(`\nsummary → ${o.summary}`);
  }
  if (o.out) {
    writeOut(o.out, await writeWorkbook(run, { lang: o.lang, mask: o.mask }));
    console.log(`${o.lang === 'zh' ? '结果工作簿' : 'workbook'} → ${o.out}`);
  }
  const rejected = rejectedRowCount(run);
  if (rejected > 0) {
    const where = o.out ? `${o.out}（${word('validation', 'zh')}）` : '';
    const whereEn = o.out ? `${o.out} (sheet ${word('validation', 'en')})` : '';
    console.error(`\n有 ${rejected} 行未使用或未完全计算${where ? `，详见 ${where}` : ''} / ${rejected} rows not used or not fully computed${whereEn ? `; see ${whereEn}` : ''}`);
    const importErrors = run.importReports.flatMap((r) => (o.mask ? maskReport(r.entries) : r.entries).filter((e) => e.severity === 'error'));
    const problems = [...importErrors, ...run.baseline.problems];
    for (const p of problems.slice(0, 10)) console.error(`  ${o.lang === 'zh' ? p.zh : p.en}`);
    if (problems.length > 10) console.error(`  … (${problems.length - 10} ${o.lang === 'zh' ? '条未列出' : 'more'})`);
    return o.allowRejected ? 0 : 1;
  }
  return 0;
}
