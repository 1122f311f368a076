/**
 * Pre-flight: before a run, say in the analyst's words what will not be computed and how to
 * fix it (issue 17) — a year with no visits (stop: never a 0.00 budget), a region whose
 * categories and outpatient schemes are not this roster's (with the region that fits), figures
 * the documents leave to the analyst, and rules a region leaves to its prefectures.
 *
 * It is cheap and exact for what it reports: people are grouped by what decides whether their
 * year can be computed (statuses, whether a premium is given, the kinds and schemes of their
 * visits), ONE person of each group goes through the real projection (project(), so no rule is
 * re-implemented here), and the group's size says how many people share that fate. Counts are
 * therefore "about" only where the same group could fail on amounts (a cap term needed only
 * above some cost) — the run's completeness line gives the final figures.
 */
import { defaultEngine, type Engine } from '../engine/engine';
import type { ImportReport, Person, Visit } from '../roster/types';
import { fixForCode, tiltFix, withFix, type Fix, type Surface } from './fixes';
import { project } from './project';

export type { Fix, FixTarget, Surface } from './fixes';

export interface PreflightFinding {
  code: string;
  /** true: the run would be meaningless (no visit in the year); the caller stops. */
  stop: boolean;
  people: number;
  visits: number;
  zh: string;
  en: string;
  fix: Fix;
}

export interface PreflightInput {
  people: readonly Person[];
  visits: readonly Visit[];
  importReports?: readonly ImportReport[];
  region: string;
  year: number;
  engine?: Engine;
}

/** Visit rows the importer rejected because their date is outside the year, by the year they are in. */
function outOfYear(reports: readonly ImportReport[] | undefined): Map<string, number> {
  const years = new Map<string, number>();
  for (const e of reports?.find((r) => r.kind === 'visits')?.entries ?? []) {
    if (e.code !== 'ROSTER_DATE_OUT_OF_YEAR') continue;
    const y = /^\d{4}/.exec(e.value)?.[0] ?? '?';
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  return years;
}

/** The year check alone (needs no region): what the pane runs when the roster is checked. */
export function yearFinding(visitsRead: number, reports: readonly ImportReport[] | undefined, year: number): PreflightFinding | undefined {
  return yearFindingOf(visitsRead, outOfYear(reports), year);
}

/** The same from the visit rows dated in other years, counted by year (streamRun counts them as it reads). */
export function yearFindingOf(visitsRead: number, years: ReadonlyMap<string, number>, year: number): PreflightFinding | undefined {
  const n = [...years.values()].reduce((a, b) => a + b, 0);
  if (!n) return undefined;
  const sorted = [...years.entries()].sort((a, b) => b[1] - a[1]);
  const best = sorted[0][0];
  const list = sorted.map(([y, k]) => `${y}（${k} 行）`).join('、');
  const listEn = sorted.map(([y, k]) => `${y} (${k} rows)`).join(', ');
  const yearNo = Number(best);
  const fix: Fix = {
    cli: { zh: `把测算年度改为 ${best}：--year ${best}`, en: `set the year to ${best}: --year ${best}` },
    pane: { zh: `在“测算年度”中选择 ${best}`, en: `choose ${best} in “Year”` },
    target: Number.isInteger(yearNo) ? { kind: 'year', year: yearNo } : { kind: 'year' },
  };
  if (visitsRead === 0) {
    return {
      code: 'YEAR_WITHOUT_VISITS', stop: true, people: 0, visits: n,
      zh: `名册中没有 ${year} 年的就诊：${n} 行就诊的结算日期都在其他年度（${list}），测算结果将全部为 0，已停止`,
      en: `the roster has no visit in ${year}: all ${n} visit rows are dated in other years (${listEn}); the result would be all zeros, so the run stops`,
      fix,
    };
  }
  return {
    code: 'VISITS_OUT_OF_YEAR', stop: false, people: 0, visits: n,
    zh: `${n} 行就诊不在 ${year} 年（${list}），不计入本次测算`,
    en: `${n} visit rows are not in ${year} (${listEn}) and are left out of this run`,
    fix: {
      cli: { zh: '核对结算日期，或把这些记录放到对应年度的名册中（行号见校验报告）', en: 'check the dates, or put these rows in the roster of their own year (rows in the validation report)' },
      pane: { zh: '在“核对”页查看这些行并核对其“结算日期”，或把它们放到对应年度的名册中', en: 'see these rows on the Check tab and check their “settlement date”, or put them in the roster of their own year' },
      target: { kind: 'report', table: 'visits' },
    },
  };
}

interface Group {
  rep: Person;
  repVisits: Visit[];
  people: number;
  visits: number;
}

/**
 * People grouped by what decides whether their year can be computed, with the visit rows read.
 * Additive: parts of a roster split by person (streamRun) are grouped one after the other into
 * the same groups, and each group's representative is its first person in row order, as when
 * the roster is grouped at once.
 */
export interface PreflightGroups {
  byKey: Map<string, Group>;
  visitsRead: number;
  referredVisits: number;
}

export function preflightGroups(people: readonly Person[], visits: readonly Visit[], into: PreflightGroups = { byKey: new Map(), visitsRead: 0, referredVisits: 0 }): PreflightGroups {
  const byPerson = new Map<string, Visit[]>();
  for (const v of visits) (byPerson.get(v.personId) ?? byPerson.set(v.personId, []).get(v.personId)!).push(v);
  const out = into.byKey;
  into.visitsRead += visits.length;
  for (const v of visits) if (v.referred) into.referredVisits++;
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) continue; // a duplicate ID is the importer's/projection's report, not a pre-flight finding
    seen.add(p.id);
    const own = byPerson.get(p.id) ?? [];
    const kinds = [...new Set(own.map((v) => `${v.kind}:${v.scheme ?? ''}:${v.totalCost ? 't' : ''}`))].sort();
    const key = `${[...p.categories].sort().join(',')}|${p.premium === undefined ? '-' : '+'}|${p.tier ?? ''}|${kinds.join(';')}`;
    const g = out.get(key);
    if (g) {
      g.people++;
      g.visits += own.length;
      if (p.rowNumber < g.rep.rowNumber) {
        g.rep = p;
        g.repVisits = own;
      }
      continue;
    }
    out.set(key, { rep: p, repVisits: own, people: 1, visits: own.length });
  }
  return into;
}

/** The groups in row order of their representatives, and the representatives' visits. */
function groups(g: PreflightGroups): { groups: Group[]; repVisits: Visit[] } {
  const list = [...g.byKey.values()].sort((a, b) => a.rep.rowNumber - b.rep.rowNumber);
  return { groups: list, repVisits: list.flatMap((x) => x.repVisits) };
}

/** Problems of the representatives under one region, summed over their groups, keyed by part:code. */
function trial(engine: Engine, region: string, year: number, g: { groups: Group[]; repVisits: Visit[] }, importReports?: readonly ImportReport[]) {
  const p = project({ people: g.groups.map((x) => x.rep), visits: g.repVisits, region, year, engine, importReports });
  const byRow = new Map(g.groups.map((x) => [x.rep.rowNumber, x]));
  const found = new Map<string, { code: string; part: string; people: number; visits: number; zh: string; en: string }>();
  for (const x of p.problems) {
    if (x.table !== 'people') continue;
    const grp = byRow.get(x.rowNumber);
    if (!grp) continue;
    const key = `${x.part}:${x.code}`;
    const f = found.get(key) ?? found.set(key, { code: x.code, part: x.part, people: 0, visits: 0, zh: x.zh, en: x.en }).get(key)!;
    f.people += grp.people;
    if (x.part === 'assistance') f.visits += grp.visits;
  }
  return { found, policy: engine.resolve(region, year).policy };
}

const REGION_CODES = new Set(['CATEGORY_NOT_IN_POLICY', 'UNKNOWN_SCHEME']);

export function preflight(input: PreflightInput): PreflightFinding[] {
  return preflightOf(input, preflightGroups(input.people, input.visits));
}

/** The same from groups built part by part (streamRun). */
export function preflightOf(input: Omit<PreflightInput, 'people' | 'visits'>, grouped: PreflightGroups): PreflightFinding[] {
  const engine = input.engine ?? defaultEngine();
  const out: PreflightFinding[] = [];
  const y = yearFinding(grouped.visitsRead, input.importReports, input.year);
  if (y) out.push(y);
  if (y?.stop) return out;
  const g = groups(grouped);
  const here = trial(engine, input.region, input.year, g, input.importReports);
  const misfit = (found: typeof here.found) => Math.max(0, ...[...found.values()].filter((f) => REGION_CODES.has(f.code) && f.part === 'assistance').map((f) => f.people));
  const failed = (found: typeof here.found) => Math.max(0, ...[...found.values()].map((f) => f.people));
  const mine = misfit(here.found);
  if (mine > 0) {
    // Does another region fit this roster's statuses and schemes better?
    // Fewest people whose statuses/schemes do not fit, then fewest people failing for any reason.
    let best: { zh: string; en: string; alias: string; region: string; misfit: number; failed: number } | undefined;
    const tried = new Set<string>([here.policy.region.id]);
    for (const row of engine.policyList()) {
      if (tried.has(row.regionId)) continue;
      tried.add(row.regionId);
      try {
        const t = trial(engine, row.zh, input.year, g);
        const m = misfit(t.found);
        const all = failed(t.found);
        if (m < mine && (!best || m < best.misfit || (m === best.misfit && all < best.failed))) {
          best = { zh: t.policy.region.names.zh, en: t.policy.region.names.en, alias: t.policy.region.aliases[0] ?? row.zh, region: row.zh, misfit: m, failed: all };
        }
      } catch {
        // that region has no edition for the year, or a rule needs a figure: not a candidate
      }
    }
    if (best) {
      out.push({
        code: 'WRONG_REGION', stop: false, people: mine, visits: 0,
        zh: `所选地区 ${here.policy.region.names.zh} 的人员类别或门诊类型与名册不符：约 ${mine} 人将无法计算；名册与 ${best.zh} 的政策相符（${best.misfit} 人不符）`,
        en: `the chosen region ${here.policy.region.names.en} does not have this roster's categories or outpatient schemes: about ${mine} people cannot be computed; the roster fits ${best.en} (${best.misfit} people do not)`,
        fix: {
          cli: { zh: `确认地区：--region ${best.alias}`, en: `check the region: --region ${best.alias}` },
          pane: { zh: `在“地区（政策）”中选择 ${best.zh}`, en: `choose ${best.en} in “Region (policy)”` },
          target: { kind: 'region', region: best.region },
        },
      });
    }
  }
  for (const f of [...here.found.values()].sort((a, b) => b.people - a.people)) {
    const what = f.part === 'assistance' ? ['医疗救助', 'assistance'] : ['资助参保', 'the premium subsidy'];
    out.push({
      code: f.code, stop: false, people: f.people, visits: f.visits,
      zh: `约 ${f.people} 人的${what[0]}将无法计算（${f.visits} 行就诊）：${f.zh}`,
      en: `about ${f.people} people's ${what[1]} cannot be computed (${f.visits} visit rows): ${f.en}`,
      fix: fixForCode(f.code, `${f.zh} ${f.en}`),
    });
  }
  const tilt = here.policy.tilt;
  if (tilt?.delegated) {
    const referred = grouped.referredVisits;
    const flag = here.policy.region.aliases[0] ?? here.policy.region.names.zh;
    out.push({
      code: 'TILT_DELEGATED', stop: false, people: 0, visits: referred,
      zh: `倾斜救助将显示为“未计算”：${here.policy.region.names.zh}的倾斜救助标准由统筹地区确定（裁定 4），${referred} 行规范转诊省内就医的就诊可能涉及`,
      en: `tilted assistance will show as "not computed": ${here.policy.region.names.en} leaves its terms to each prefecture (ruling 4); ${referred} referred in-province visit rows may be concerned`,
      fix: tiltFix(flag),
    });
  }
  return out;
}

/** A finding and its fix in one line, for a surface: "…。补正：…" / "…. Fix: …". */
export function findingText(f: PreflightFinding, lang: 'zh' | 'en', surface: Surface): string {
  return withFix(f, f.fix, lang, surface);
}

/** A stopping finding as a bilingual error, for a surface. */
export function findingError(f: PreflightFinding, surface: Surface): { code: string; zh: string; en: string } {
  return { code: f.code, zh: findingText(f, 'zh', surface), en: findingText(f, 'en', surface) };
}

/** One line per finding (the CLI's words by default): "【停止】…。补正：…". */
export function preflightLines(findings: readonly PreflightFinding[], lang: 'zh' | 'en', surface: Surface = 'cli'): string[] {
  return findings.map((f) => (lang === 'zh' ? (f.stop ? '【停止】' : '【提示】') : f.stop ? '[stop] ' : '[note] ') + findingText(f, lang, surface));
}

