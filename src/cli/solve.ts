/**
 * `medaid solve`: fit one policy parameter to a budget ceiling (src/projection/solve.ts) and
 * print the value, the need there to the fen (total and by district), the value one step
 * further, the clause of the parameter; `--scenario-out` writes the fitted scenario in the
 * scenario format, to run with `medaid project --scenario` like any other.
 *
 * Exit codes: 0 fitted; 2 bad usage or input, or no value in range fits (BUDGET_NO_FIT).
 */
import { isMedaidError } from '../engine/errors';
import { scenarioJson } from '../projection/scenarioFile';
import { solveBudget } from '../projection/solve';
import { money, outputTargets, parseFlags, reportFailure, printRosterRows, ROSTER_FLAGS, ROSTER_REPEATABLE, rosterRows, rosterSetup, table, UsageError } from './budgetArgs';
import { writeOutputData } from './outputFiles';

export const SOLVE_HELP = `solve --people FILE --visits FILE --region 信阳 --year 2024 --param PATH… (--ceiling N | --district-ceiling 区县=N…)
        [--categories 低保对象;特困人员] [--min V] [--max V] [--scenario FILE] [--set …] [--params F] [--policy F]
        [--scenario-out fitted.json] [--summary solve.json] [--force] [--lang zh|en]
        — 按预算上限拟合一个政策参数 / fit one policy parameter to a budget ceiling
        --param inpatient.tiers.dibao_returned.ratio   政策文件中的参数路径；* 配合 --categories 选层级 / a policy path; * with --categories picks tiers`;

export async function solve(args: string[]): Promise<number> {
  try {
    const f = parseFlags(args, {
      values: [...ROSTER_FLAGS, '--ceiling', '--categories', '--min', '--max', '--scenario-out'],
      repeatable: [...ROSTER_REPEATABLE, '--param', '--district-ceiling'],
      switches: ['--force'],
      required: ['--people', '--visits', '--region', '--year'],
    });
    const targets = outputTargets(f, ['--scenario-out', '--summary']);
    const paths = f.many.get('--param') ?? [];
    if (paths.length === 0) throw new UsageError('缺少 --param（要拟合的参数路径）', '--param (the parameter path to fit) is required');
    const districtCeilings: Record<string, string> = {};
    for (const x of f.many.get('--district-ceiling') ?? []) {
      const i = x.lastIndexOf('=');
      if (i <= 0) throw new UsageError(`--district-ceiling 应为 区县=金额，而不是 "${x}"`, `--district-ceiling must be DISTRICT=AMOUNT, not "${x}"`);
      districtCeilings[x.slice(0, i)] = x.slice(i + 1);
    }
    const s = await rosterSetup(f);
    if (s.scenarios.length > 1) throw new UsageError('solve 只接受一个 --scenario（拟合的起点）', 'solve takes one --scenario at most (the starting point)');
    const zh = s.lang === 'zh';
    const r = solveBudget({
      ...s.roster, region: s.region, year: s.year, engine: s.engine, paths, categories: f.one.get('--categories'),
      ceiling: f.one.get('--ceiling'), districtCeilings, min: f.one.get('--min'), max: f.one.get('--max'), scenario: s.scenarios[0],
    });
    const out: string[] = [];
    out.push(zh ? `${r.region.zh} ${r.year} 年（${r.policyId}）：拟合 ${r.parameters.map((p) => p.path).join('、')}` : `${r.region.en} ${r.year} (${r.policyId}): fitting ${r.parameters.map((p) => p.path).join(', ')}`);
    for (const p of r.parameters) out.push(`  ${p.path} = ${p.current?.toString() ?? '—'}  ${zh ? '出处' : 'from'}: ${p.citation}`);
    out.push(zh ? `有效范围 ${r.range.min.toString()}–${r.range.max.toString()}，步长 ${r.step.toString()}；资金需求随参数${r.direction === 'increasing' ? '增加' : '减少'}；上限 ${r.ceiling ? money(r.ceiling) : '—'}${Object.entries(r.districtCeilings).map(([d, c]) => `，${d} ${money(c)}`).join('')}`
      : `valid range ${r.range.min.toString()}–${r.range.max.toString()}, step ${r.step.toString()}; need ${r.direction === 'increasing' ? 'rises' : 'falls'} with the parameter; ceiling ${r.ceiling ? money(r.ceiling) : '—'}${Object.entries(r.districtCeilings).map(([d, c]) => `, ${d} ${money(c)}`).join('')}`);
    const rows = [[zh ? '' : '', zh ? '参数值' : 'value', zh ? '资金需求' : 'fund need', ...Object.keys(r.fitted.byDistrict)]];
    rows.push([zh ? '现行' : 'current', r.parameters[0].current?.toString() ?? '—', money(r.current.total), ...Object.keys(r.fitted.byDistrict).map((d) => money(r.current.byDistrict[d]))]);
    rows.push([zh ? '拟合' : 'fitted', r.fitted.value.toString(), money(r.fitted.total), ...Object.keys(r.fitted.byDistrict).map((d) => money(r.fitted.byDistrict[d]))]);
    if (r.beyond) rows.push([zh ? '再进一步' : 'one step on', r.beyond.value.toString(), money(r.beyond.total), ...Object.keys(r.fitted.byDistrict).map((d) => money(r.beyond!.byDistrict[d]))]);
    out.push('', table(rows), '');
    if (!r.binding) out.push(zh ? '上限在整个有效范围内都满足：取范围端点。' : 'The whole valid range meets the ceiling: the end of the range is given.');
    if (r.monotoneBreaks.length) out.push(zh ? `注意：计算中遇到 ${r.monotoneBreaks.length} 处非单调（倾斜救助需达到封顶线，封顶线/起付线变化会使其开启或关闭）：所给值满足上限且下一步超出，但更远处可能另有满足的值。` : `Warning: ${r.monotoneBreaks.length} evaluations out of monotone order (tilted assistance needs the cap reached, so caps and deductibles switch it): the value fits and the next step breaks the ceiling, but a farther value may fit too.`);
    if (r.excludedPeople) out.push(zh ? `${r.excludedPeople} 人在基准中未能计算，未计入（见 medaid project 的校验报告）。` : `${r.excludedPeople} people could not be computed in the baseline and are not counted (see medaid project's validation report).`);
    out.push(zh ? `评估次数 ${r.evaluations}（精确引擎）。` : `${r.evaluations} evaluations on the exact engine.`);
    printRosterRows(s.roster, s.lang); // the roster's rows, as medaid project counts them: a rejected row is listed
    console.log(out.join('\n'));
    const so = targets.get('--scenario-out');
    if (so) {
      await writeOutputData(so, scenarioJson([r.scenario]));
      console.log(`scenario → ${so.given}`);
    }
    const sm = targets.get('--summary');
    if (sm) {
      const t = (x: { toFixed(n: number): string }) => x.toFixed(2);
      const ev = (e: { value?: { toString(): string }; total: { toFixed(n: number): string }; byDistrict: Record<string, { toFixed(n: number): string }> }) => ({ value: e.value?.toString(), total: t(e.total), byDistrict: Object.fromEntries(Object.entries(e.byDistrict).map(([d, x]) => [d, t(x)])) });
      const summary = {
        $format: 'medaid-solve/1', policyId: r.policyId, year: r.year, unit: r.unit, step: r.step.toString(), direction: r.direction,
        range: { min: r.range.min.toString(), max: r.range.max.toString() }, ceiling: r.ceiling && t(r.ceiling),
        districtCeilings: Object.fromEntries(Object.entries(r.districtCeilings).map(([d, c]) => [d, t(c)])),
        parameters: r.parameters.map((p) => ({ path: p.path, current: p.current?.toString(), citation: p.citation })),
        current: ev(r.current), fitted: ev(r.fitted), beyond: r.beyond && ev(r.beyond), binding: r.binding,
        monotoneBreaks: r.monotoneBreaks.map(ev), evaluations: r.evaluations, excludedPeople: r.excludedPeople, scenario: r.scenario, rows: rosterRows(s.roster),
      };
      await writeOutputData(sm, JSON.stringify(summary, null, 2) + '\n');
      console.log(`summary → ${sm.given}`);
    }
    return 0;
  } catch (e) {
    return reportFailure(e, SOLVE_HELP, isMedaidError);
  }
}
