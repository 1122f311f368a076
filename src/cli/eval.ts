/**
 * `medaid eval FORMULA…`: evaluates MEDAID formulas with HyperFormula (the calculation
 * engine) and the same adapters the Excel functions use, one output line per formula:
 * the value; or the Excel error code and its message; a spilled table as tab-separated rows
 * joined by " | ". "=" and the MEDAID. prefix are optional. With no formula, reads one per
 * line from standard input (blank lines and lines starting with # are skipped).
 * Exit code 0 when every result is a value, 1 when any is an error.
 */
import { evaluateFormula } from '../functions/hyperformula';

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

export const EVAL_HELP = 'eval FORMULA… — evaluate MEDAID formulas (e.g. \'ASSIST_INPATIENT(10000,"低保对象","信阳")\'), one line each; no formula: read them from stdin';

export async function evalCommand(args: string[]): Promise<number> {
  let formulas = args;
  if (formulas.length === 0) {
    if (process.stdin.isTTY) {
      console.error(`用法 / usage: medaid ${EVAL_HELP}`);
      return 2;
    }
    formulas = await readStdin();
  }
  const { lines, exitCode } = runEval(formulas);
  for (const l of lines) console.log(l);
  return exitCode;
}
