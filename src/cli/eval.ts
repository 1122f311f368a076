/**
 * `medaid eval FORMULA…`: evaluates MEDAID formulas with HyperFormula (the calculation
 * engine) and the same adapters the Excel functions use, one output line per formula:
 * the value; or the Excel error code and its message; a spilled table as tab-separated rows
 * joined by " | ". "=" and the MEDAID. prefix are optional. With no formula, reads one per
 * line from standard input (blank lines and lines starting with # are skipped); with none there
 * either (a terminal, or empty input), prints the usage. `medaid eval --help`: the usage (main.ts).
 * Exit code 0 when every result is a value, 1 when any is an error, 2 bad usage (no formula,
 * an unknown --flag, a flag without its value) or an unreadable --params/--policy file.
 */
import { readFileSync } from 'node:fs';
import { isMedaidError } from '../engine/errors';
import { setEngine } from '../functions/adapters';
import { evaluateFormula } from '../functions/hyperformula';
import { baselineEngine, parseParamsJson, setFlagSources, type ParameterSource, type PolicySource } from '../projection/baselineParams';

/** A mistake in the command line itself: printed with the usage (exit 2). */
export class EvalUsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

/**
 * --set REGION:PATH=VALUE, --params FILE and --policy FILE, as for `medaid project` (issue 15
 * item 6: e.g. 西平's CI_INSURANCE needs the analyst's base terms). The rest are formulas.
 */
export function evalArgs(args: readonly string[]): { formulas: string[]; set: string[]; params: string[]; policies: string[]; replace?: string[] } {
  const out = { formulas: [] as string[], set: [] as string[], params: [] as string[], policies: [] as string[], replace: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^(--set|--params|--policy|--policy-replace)(?:=(.*))?$/.exec(a);
    // A formula never starts with "--": anything else so written is a mistyped flag, not a formula.
    if (!m && a.startsWith('--')) throw new EvalUsageError(`未知参数 ${a}`, `unknown argument ${a}`);
    if (!m) {
      out.formulas.push(a);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new EvalUsageError(`${m[1]} 需要取值`, `${m[1]} needs a value`);
    (m[1] === '--set' ? out.set : m[1] === '--params' ? out.params : out.policies).push(value);
    if (m[1] === '--policy-replace') out.replace.push(value);
  }
  if (out.replace.length === 0) return { formulas: out.formulas, set: out.set, params: out.params, policies: out.policies };
  return out;
}

function readFileText(file: string, zh: string, en: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`无法读取${zh}文件 ${file}：${msg} / cannot read the ${en} file ${file}: ${msg}`);
  }
}

/** The engine the formulas run on: built-in policies, then --policy files, --params files, --set flags. */
export function evalEngineFrom(a: { set: readonly string[]; params: readonly string[]; policies: readonly string[]; replace?: readonly string[] }) {
  const policies: PolicySource[] = a.policies.map((file) => {
    const replace = a.replace?.includes(file) ?? false;
    return { source: `${replace ? '--policy-replace' : '--policy'} ${file}`, text: readFileText(file, '政策', 'policy'), path: file, replace };
  });
  const parameters: ParameterSource[] = a.params.map((file) => ({ source: `--params ${file}`, overrides: parseParamsJson(readFileText(file, '参数', 'parameter'), `--params ${file}`) }));
  parameters.push(...setFlagSources(a.set));
  return baselineEngine({ policies, parameters });
}

export function runEval(formulas: string[]): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  let exitCode = 0;
  for (const f of formulas) {
    const r = evaluateFormula(f);
    lines.push(r.text.replace(/\r?\n/g, ' '));
    if (r.hasError) exitCode = 1;
  }
  return { lines, exitCode };
}

async function readStdin(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export const EVAL_HELP = 'eval [--set REGION:PATH=VALUE]… [--params FILE]… [--policy FILE]… [--policy-replace FILE]… FORMULA… — evaluate MEDAID formulas (e.g. \'ASSIST_INPATIENT(10000,"低保对象","信阳")\'), one line each; no formula: read them from stdin';

export async function evalCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof evalArgs>;
  try {
    parsed = evalArgs(args);
    if (parsed.set.length + parsed.params.length + parsed.policies.length > 0) setEngine(evalEngineFrom(parsed));
  } catch (e) {
    if (e instanceof EvalUsageError) {
      console.error(`${e.zh}\n${e.en}\n用法 / usage: medaid ${EVAL_HELP}`);
      return 2;
    }
    console.error(isMedaidError(e) ? `${e.zh} / ${e.en}` : e instanceof Error ? e.message : String(e));
    return 2;
  }
  let formulas = parsed.formulas;
  if (formulas.length === 0 && !process.stdin.isTTY) formulas = await readStdin();
  // Bare `medaid eval` (a terminal, or nothing on stdin): the usage, as for any command missing what it needs.
  if (formulas.length === 0) {
    console.error(`缺少公式 / no formula given\n用法 / usage: medaid ${EVAL_HELP}`);
    return 2;
  }
  const { lines, exitCode } = runEval(formulas);
  for (const l of lines) console.log(l);
  return exitCode;
}
