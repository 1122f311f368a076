/**
 * `medaid burden`: who still bears the cost after assistance (src/projection/burden.ts) — per
 * category and district the people above the burden line (default the region's monitoring
 * line, else --burden-line), and for each --scenario the gainers and losers.
 *
 * Exit codes: 0 ok; 1 some people not computed (left out, counted); 2 bad usage or input.
 */
import { isMedaidError } from '../engine/errors';
import { BURDEN_SCOPE, burdenLine, burdenTable, gainers, type BurdenGroup } from '../projection/burden';
import { categoryName } from '../projection/labels';
import { project } from '../projection/project';
import { money, outputTargets, parseFlags, reportFailure, printRosterRows, ROSTER_FLAGS, ROSTER_REPEATABLE, rosterRows, rosterSetup, table } from './budgetArgs';
import { writeOutputData } from './outputFiles';
import { budgetWorkbookBytes } from './budgetWorkbook';

export const BURDEN_HELP = `burden --people FILE --visits FILE --region 西平 --year 2022 [--burden-line N] [--scenario FILE]…
        [--set …] [--params F] [--policy F] [--summary burden.json] [--out burden.xlsx] [--force] [--lang zh|en]
        — 救助后个人负担：超过负担线的人数（按类别、区县），各情景受益/受损人数 / who bears the cost after assistance`;

export async function burden(args: string[]): Promise<number> {
  try {
    const f = parseFlags(args, { values: [...ROSTER_FLAGS, '--out', '--burden-line'], repeatable: [...ROSTER_REPEATABLE], switches: ['--force'], required: ['--people', '--visits', '--region', '--year'] });
    const targets = outputTargets(f, ['--summary', '--out']);
    const s = await rosterSetup(f);
    const zh = s.lang === 'zh';
    const input = { ...s.roster, region: s.region, year: s.year, engine: s.engine, funding: s.funding };
    const line = burdenLine(s.engine, s.region, s.year, f.one.get('--burden-line'));
    const base = project(input);
    const t = burdenTable(base, line);
    const out: string[] = [];
    out.push(zh ? `负担线 ${money(line.value)}（${line.origin === 'analyst' ? '分析人员给定' : `监测线：${line.citation}`}）` : `Burden line ${money(line.value)} (${line.origin === 'analyst' ? 'analyst' : `monitoring line: ${line.citation}`})`);
    out.push(zh ? BURDEN_SCOPE.zh : BURDEN_SCOPE.en, '');
    const head = zh ? ['', '人数', '超过负担线', '占比', '个人负担合计'] : ['', 'people', 'above line', 'share', 'residual total'];
    const row = (name: string, g: BurdenGroup) => [name, String(g.people), String(g.above), `${g.sharePct.toFixed(2)}%`, money(g.residual)];
    out.push(table([head, ...Object.entries(t.byCategory).map(([c, g]) => row(categoryName(c as never, s.lang), g!)), row(zh ? '合计' : 'total', t.overall)]), '');
    out.push(table([[zh ? '区县' : 'district', ...head.slice(1)], ...Object.entries(t.byDistrict).map(([d, g]) => row(d, g))]));
    const comps = s.scenarios.map((sc) => gainers(base, project(input, sc), line));
    if (comps.length) {
      const gh = zh ? ['情景', '受益人数', '受益合计', '受益中位数', '受损人数', '受损合计', '受损中位数', '超线人数 基准→情景'] : ['scenario', 'gainers', 'gain total', 'gain median', 'losers', 'loss total', 'loss median', 'above line base→scenario'];
      out.push('', table([gh, ...comps.map((g) => [g.scenario, String(g.gainers), money(g.gainTotal), money(g.gainMedian), String(g.losers), money(g.lossTotal), money(g.lossMedian), `${g.aboveBaseline} → ${g.aboveScenario}`])]));
    }
    if (t.notComputed) out.push('', zh ? `${t.notComputed} 人本年救助未计算，未计入（见 medaid project 的校验报告）。` : `${t.notComputed} people whose year was not computed are left out (see medaid project's validation report).`);
    printRosterRows(s.roster, s.lang); // the roster's rows, as medaid project counts them: a rejected row is listed
    console.log(out.join('\n'));
    const sm = targets.get('--summary');
    if (sm) {
      const g = (x: BurdenGroup) => ({ people: x.people, above: x.above, sharePct: x.sharePct.toFixed(2), residual: x.residual.toFixed(2) });
      const summary = {
        $format: 'medaid-burden/1', line: { value: line.value.toFixed(2), origin: line.origin, citation: line.citation }, scope: BURDEN_SCOPE,
        overall: g(t.overall), byCategory: Object.fromEntries(Object.entries(t.byCategory).map(([c, x]) => [c, g(x!)])),
        byDistrict: Object.fromEntries(Object.entries(t.byDistrict).map(([d, x]) => [d, g(x)])), notComputed: t.notComputed, rows: rosterRows(s.roster),
        scenarios: comps.map((c) => ({ ...c, gainTotal: c.gainTotal.toFixed(2), gainMedian: c.gainMedian.toFixed(2), lossTotal: c.lossTotal.toFixed(2), lossMedian: c.lossMedian.toFixed(2) })),
      };
      await writeOutputData(sm, JSON.stringify(summary, null, 2) + '\n');
      console.log(`summary → ${sm.given}`);
    }
    const book = targets.get('--out');
    if (book) {
      await writeOutputData(book, await budgetWorkbookBytes([{ burden: t, gainers: comps }], s.lang));
      console.log(`${zh ? '结果工作簿' : 'workbook'} → ${book.given}`);
    }
    return t.notComputed ? 1 : 0;
  } catch (e) {
    return reportFailure(e, BURDEN_HELP, isMedaidError);
  }
}
