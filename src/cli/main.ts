/**
 * The `medaid` command line: one dispatcher, one file per sub-command. Each command
 * returns its exit code (0 ok, 1 some results are errors, 2 bad usage or input); `medaid CMD --help`
 * prints the command's usage (exit 0), a command without what it needs prints it as an error (exit 2).
 */
import { demo } from './demo';
import { PROJECT_HELP, project } from './project';
import { EVAL_HELP, evalCommand } from './eval';
import { PLAN_HELP, plan } from './plan';
import { SOLVE_HELP, solve } from './solve';
import { BURDEN_HELP, burden } from './burden';

export type Command = (args: string[]) => Promise<number> | number;

export const commands: Record<string, { run: Command; help: string }> = {
  demo: { run: demo, help: 'demo — compute a few hand-checkable cases from the bundled policies' },
  project: { run: project, help: PROJECT_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  // One projection path for every size: project-stream is the same command (kept so old scripts run).
  'project-stream': { run: project, help: 'project-stream — 同 project（任意行序、任意大小）/ the same as project (any row order, any size)' },
  plan: { run: plan, help: PLAN_HELP },
  solve: { run: solve, help: SOLVE_HELP },
  burden: { run: burden, help: BURDEN_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    const lines = Object.values(commands).map((c) => `  medaid ${c.help}`);
    const out = name && name !== '--help' && name !== '-h' ? console.error : console.log;
    if (name && name !== '--help' && name !== '-h') out(`未知命令 / unknown command: ${name}`);
    out(`用法 / usage:\n${lines.join('\n')}`);
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  // `medaid CMD --help` (or -h): the command's usage on stdout, exit 0, for every command alike
  // (before, eval read "--help" as a formula and the others called it an unknown argument).
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`用法 / usage: medaid ${cmd.help}`);
    return 0;
  }
  return cmd.run(rest);
}
