/**
 * `medaid plan`: the medium-term plan (中期财政规划) — the roster's fund need in each of the
 * next N years (default 3) under the rules in force each year, by category and district,
 * with the 1:9 (or the policy's) split and sources, and a bootstrap range (P10/P50/P90).
 *
 * Exit codes: 0 ok; 1 a roster row was not used (rejected by the import: counted and listed), or some people
 * were not computed in some year (listed; figures still printed and written); 2 bad usage or input (message names the flag and value).
 */
import { isMedaidError } from '../engine/errors';
import { bootstrapRange, DEFAULT_DRAWS, DEFAULT_SEED, type PlanRange } from '../projection/bootstrap';
import { categoryName } from '../projection/labels';
import { DEFAULT_YEARS, projectYears, type MultiYearPlan } from '../projection/multiYear';
import { planSummary } from '../projection/planSummary';
import { money, outputTargets, parseFlags, reportFailure, ROSTER_FLAGS, ROSTER_REPEATABLE, rosterRowLines, rosterRows, rosterSetup, table } from './budgetArgs';
import { writeOutputData } from './outputFiles';
import { budgetWorkbookBytes } from './budgetWorkbook';

export const PLAN_HELP = `plan --people FILE --visits FILE --region 信阳 --year 2024 [--years ${DEFAULT_YEARS}] [--income-growth R]
        [--headcount-growth R] [--cost-growth R] [--premium-growth R] [--scenario FILE]… [--draws ${DEFAULT_DRAWS}] [--seed ${DEFAULT_SEED}] [--no-range]
        [--set REGION:PATH=VALUE]… [--params FILE]… [--policy FILE]… [--lottery N] [--donations N] [--transfers N] [--ratio 1:9] [--summary plan.json] [--out plan.xlsx] [--force] [--lang zh|en]
        — 多年规划（中期财政规划）与区间 / multi-year plan with a bootstrap range (P10/P50/P90)`;

function planText(plan: MultiYearPlan, range: PlanRange | undefined, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const name = plan.scenario ?? (zh ? '基准' : 'baseline');
  out.push(zh ? `${plan.region.zh} ${plan.baseYear} 年名单 → ${plan.years[0].year}–${plan.years[plan.years.length - 1].year} 年规划（${name}）` : `${plan.region.en}: ${plan.baseYear} roster → plan ${plan.years[0].year}–${plan.years[plan.years.length - 1].year} (${name})`);
  const a = plan.assumptions;
  const pc = (x: { toString(): string }) => `${(Number(x.toString()) * 100).toFixed(2)}%`;
  out.push(zh ? `假设：人数增长 ${pc(a.headcount)}，费用增长 ${pc(a.cost)}，保费增长 ${pc(a.premium)}，收入增长 ${pc(a.income)}（每年；未给出的为 0，名单只有一年，无法据此推算趋势）`
    : `Assumptions: head count ${pc(a.headcount)}, cost ${pc(a.cost)}, premium ${pc(a.premium)}, income ${pc(a.income)} a year (0 where not given: a one-year roster shows no trend)`);
  for (const [c, r] of Object.entries(a.byCategory)) out.push(`  ${categoryName(c as never, lang)}: ${pc(r!.headcount)} / ${pc(r!.cost)} / ${pc(r!.premium)}`);
  const head = zh ? ['年度', '人数', '救助', '资助参保', '资金需求', '市级', '区县'] : ['year', 'people', 'assistance', 'subsidy', 'fund need', 'city', 'districts'];
  if (range) head.push('P10', 'P50', 'P90');
  const rows = [head];
  for (const y of [plan.base, ...plan.years]) {
    const r = range?.years.find((x) => x.year === y.year);
    const row = [y.offset === 0 ? `${y.year}${zh ? '（实际名单）' : ' (roster)'}` : String(y.year), String(y.people), money(y.total.assistance), money(y.total.premiumSubsidy), money(y.total.fundNeed), money(y.funding.city), money(y.funding.districtTotal)];
    if (range) row.push(...(r ? [money(r.fundNeed.p10), money(r.fundNeed.p50), money(r.fundNeed.p90)] : ['', '', '']));
    rows.push(row);
  }
  out.push('', table(rows));
  const districts = Object.keys(plan.base.byDistrict);
  const dHead = [zh ? '区县' : 'district', ...plan.years.map((y) => String(y.year))];
  const dRows = [dHead, ...districts.map((d) => [d, ...plan.years.map((y) => {
    const r = range?.years.find((x) => x.year === y.year)?.byDistrict[d];
    return `${money(y.byDistrict[d].fundNeed)}${r ? ` [${r.sharePct.p10.toFixed(2)}–${r.sharePct.p90.toFixed(2)}%]` : ''}`;
  })])];
  out.push('', zh ? '各区县资金需求（方括号：份额 P10–P90）' : 'Fund need by district ([share P10–P90])', table(dRows));
  if (range) {
    out.push('', zh ? `区间：${range.method.zh}抽样 ${range.draws} 次，种子 ${range.seed}。` : `Range: ${range.method.en} ${range.draws} draws, seed ${range.seed}.`);
    out.push(zh ? range.covers.zh : range.covers.en);
  }
  let previous = '';
  for (const y of plan.years) {
    if (y.income) out.push(zh ? `${y.year}：上年（${y.income.year}）人均可支配收入 ${money(y.income.value)}${y.income.origin === 'extrapolated' ? `，由 ${y.income.fromYear} 年数据按收入增长推算` : '（政策或分析人员数据）'}` : `${y.year}: last year's (${y.income.year}) income ${money(y.income.value)}${y.income.origin === 'extrapolated' ? `, grown from ${y.income.fromYear}` : ' (policy or analyst figure)'}`);
    const list = JSON.stringify(y.carriedForward);
    if (y.carriedForward.length && list === previous) out.push(zh ? `注意：${y.year} 年沿用的参数同上。` : `Warning: ${y.year} carries forward the same values.`);
    else if (y.carriedForward.length) {
      const first = y.carriedForward.slice(0, 6).map((c) => `${c.path} (${c.from})`).join(', ');
      out.push(zh ? `注意：${y.year} 年超出政策文件所载年份，${y.carriedForward.length} 个参数沿用最近取值：${first}${y.carriedForward.length > 6 ? ' …（全部见 --summary）' : ''}`
        : `Warning: ${y.year} is beyond what the policy data states; ${y.carriedForward.length} values are carried forward: ${first}${y.carriedForward.length > 6 ? ' … (all in --summary)' : ''}`);
    }
    previous = list;
  }
  return out.join('\n');
}

export async function plan(args: string[]): Promise<number> {
  let zhLang = true;
  try {
    const f = parseFlags(args, {
      values: [...ROSTER_FLAGS, '--out', '--years', '--income-growth', '--draws', '--seed'],
      repeatable: [...ROSTER_REPEATABLE],
      switches: ['--no-range', '--force'],
      required: ['--people', '--visits', '--region', '--year'],
    });
    const targets = outputTargets(f, ['--summary', '--out']);
    const s = await rosterSetup(f);
    zhLang = s.lang === 'zh';
    const plans = [undefined, ...s.scenarios].map((scenario) =>
      projectYears({ ...s.roster, region: s.region, year: s.year, engine: s.engine, funding: s.funding, growth: s.growth, years: f.one.get('--years') ?? undefined, incomeGrowth: f.one.get('--income-growth'), scenario }));
    const ranges = f.on.has('--no-range') ? plans.map(() => undefined) : plans.map((p) => bootstrapRange(p, { draws: f.one.get('--draws'), seed: f.one.get('--seed') }));
    // The roster's rows, as `medaid project` counts them: a rejected row is listed, never silent.
    const rowLines = rosterRowLines(s.roster, s.lang);
    console.log(rowLines.rows.join('\n'));
    plans.forEach((p, i) => {
      console.log('');
      console.log(planText(p, ranges[i], s.lang));
    });
    const summary = targets.get('--summary');
    if (summary) {
      const [first, ...rest] = plans.map((p, i) => planSummary(p, ranges[i]));
      const rows = rosterRows(s.roster);
      await writeOutputData(summary, JSON.stringify(rest.length ? { ...first, rows, scenarios: rest } : { ...first, rows }, null, 2) + '\n');
      console.log(`\nsummary → ${summary.given}`);
    }
    const book = targets.get('--out');
    if (book) {
      // 多年规划 + 区间 for the baseline, then the same two for each scenario (its name after the sheet's).
      await writeOutputData(book, await budgetWorkbookBytes(plans.map((p, i) => ({ plan: p, range: ranges[i], suffix: i === 0 ? undefined : p.scenario ?? String(i) })), s.lang));
      console.log(`${zhLang ? '结果工作簿' : 'workbook'} → ${book.given}`);
    }
    const rejectedRows = rosterRows(s.roster);
    const rejected = rejectedRows.people.rejected + rejectedRows.visits.rejected;
    if (rejected > 0) {
      console.error(`\n有 ${rejected} 行未使用 / ${rejected} rows not used`);
      for (const l of rowLines.problems) console.error(l);
    }
    const failed = plans.flatMap((p) => [p.base, ...p.years].filter((y) => y.notComputed.people > 0).map((y) => ({ p, y })));
    if (failed.length) {
      for (const { p, y } of failed) {
        console.error(`${p.scenario ?? (zhLang ? '基准' : 'baseline')} ${y.year}: ${y.notComputed.people} ${zhLang ? '人未完全计算（其金额未计入）' : 'people not fully computed (their amounts are not counted)'}`);
        for (const m of y.notComputed.messages) console.error(`  ${zhLang ? m.zh : m.en}`);
      }
      return 1;
    }
    return rejected > 0 ? 1 : 0;
  } catch (e) {
    return reportFailure(e, PLAN_HELP, isMedaidError);
  }
}
