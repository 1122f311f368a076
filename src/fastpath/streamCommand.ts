/**
 * `medaid project-stream`: the streaming projection (streamProject.ts) from the command
 * line, for visit files too large for `medaid project` (which reads whole files).
 * Exit codes: 0 ok; 1 some rows or persons were not used (counted and listed); 2 bad usage or input.
 */
import { checkOutputs, OutputFileError, writeOutputData, type OutputTarget } from '../cli/outputFiles';
import { defaultEngine, parseYear } from '../engine/engine';
import { isMedaidError } from '../engine/errors';
import { parseRatio } from '../engine/rules/fund';
import { fenToText } from './fixedPoint';
import { StreamOrderError, streamProject } from './streamProject';

export const PROJECT_STREAM_HELP = `project-stream --visits FILE --region 信阳 --year 2024 [--ratio 1:9] [--summary out.json] [--force]
        — 超大名单流式测算（按身份证号、日期排序的单个就诊CSV，含人员类别、区县列）/ streaming projection of a huge visits CSV sorted by ID then date`;

export async function projectStream(args: string[]): Promise<number> {
  const o: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--force') {
      force = true;
      continue;
    }
    const eq = args[i].indexOf('=');
    const flag = eq > 0 ? args[i].slice(0, eq) : args[i];
    const value = eq > 0 ? args[i].slice(eq + 1) : args[++i];
    if (!['--visits', '--region', '--year', '--ratio', '--summary'].includes(flag) || value === undefined) {
      console.error(`未知参数或缺少取值：${flag} / unknown argument or missing value: ${flag}\n用法 / usage: medaid ${PROJECT_STREAM_HELP}`);
      return 2;
    }
    o[flag.slice(2)] = value;
  }
  for (const f of ['visits', 'region', 'year']) {
    if (!o[f]) {
      console.error(`缺少 --${f} / --${f} is required\n用法 / usage: medaid ${PROJECT_STREAM_HELP}`);
      return 2;
    }
  }
  let summary: OutputTarget | undefined;
  try {
    // Checked before the (long) run: never the visits file itself, an existing file only with --force.
    if (o.summary) [summary] = checkOutputs([{ flag: '--summary', path: o.summary }], [{ flag: '--visits', path: o.visits }], { force });
    const r = await streamProject(o.visits, { engine: defaultEngine(), region: o.region, year: parseYear(o.year)!, ratio: parseRatio(o.ratio ?? '1:9') });
    const lines = [
      `行数 rows: ${r.rows}（使用 used ${r.usedRows}，未使用 rejected ${r.rejectedRows}）`,
      `人数 persons: ${r.persons}（快速内核 kernel ${r.kernelPersons}，十进制引擎 decimal engine ${r.decimalPersons}，未计算 not computed ${r.errorPersons}，涉及 ${r.errorVisits} 行 rows）`,
      `救助合计 assistance: ${fenToText(r.totalFen.assistance)}（普通 ordinary ${fenToText(r.totalFen.ordinary)}，其中补足 top-up ${fenToText(r.totalFen.topUp)}；倾斜 tilt ${fenToText(r.totalFen.tilt)}）`,
      `市级 city: ${r.split.city}`,
      ...r.split.districts.map((d) => `  ${d.district}: ${d.need}（市级 city ${d.city}，区县 district ${d.rest}）`),
    ];
    console.log(lines.join('\n'));
    for (const m of r.messages) console.error(`  ${m.zh}\n  ${m.en}`);
    if (summary) {
      const json = { ...r, byDistrictFen: Object.fromEntries(r.byDistrictFen), byCategoryFen: Object.fromEntries(r.byCategoryFen) };
      await writeOutputData(summary, JSON.stringify(json, null, 2) + '\n');
    }
    return r.rejectedRows > 0 || r.errorPersons > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof StreamOrderError || isMedaidError(e) || e instanceof OutputFileError) {
      console.error(`${e.zh}\n${e.en}`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`无法读取文件 ${o.visits} / cannot read file ${o.visits}`);
      return 2;
    }
    throw e;
  }
}
