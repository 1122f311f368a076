/**
 * The `medaid` command line: one dispatcher, one file per sub-command. Each command
 * returns its exit code (0 ok, 1 some results are errors, 2 bad usage or input); `medaid CMD --help`
 * prints the command's usage (exit 0), a command without what it needs prints it as an error (exit 2).
 */
export type Command = (args: string[]) => Promise<number> | number;

/** A sub-command: what it runs and its usage line. */
export interface CommandModule {
  run: Command;
  help: string;
}

/**
 * Each command's module is loaded when that command runs, not all of them at start-up: eval
 * brings HyperFormula (about 0.12 s to load), which `medaid project` never needs.
 */
export const commands: Record<string, { load: () => Promise<CommandModule> }> = {
  demo: { load: async () => ({ run: (await import('./demo')).demo, help: 'demo — compute a few hand-checkable cases from the bundled policies' }) },
  project: { load: async () => { const m = await import('./project'); return { run: m.project, help: m.PROJECT_HELP }; } },
  eval: { load: async () => { const m = await import('./eval'); return { run: m.evalCommand, help: m.EVAL_HELP }; } },
  // One projection path for every size: project-stream is the same command (kept so old scripts run).
  'project-stream': { load: async () => ({ run: (await import('./project')).project, help: 'project-stream — 同 project（任意行序、任意大小）/ the same as project (any row order, any size)' }) },
  plan: { load: async () => { const m = await import('./plan'); return { run: m.plan, help: m.PLAN_HELP }; } },
  solve: { load: async () => { const m = await import('./solve'); return { run: m.solve, help: m.SOLVE_HELP }; } },
  burden: { load: async () => { const m = await import('./burden'); return { run: m.burden, help: m.BURDEN_HELP }; } },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const entry = name && Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const lines = (await Promise.all(Object.values(commands).map((c) => c.load()))).map((c) => `  medaid ${c.help}`);
    const out = name && name !== '--help' && name !== '-h' ? console.error : console.log;
    if (name && name !== '--help' && name !== '-h') out(`未知命令 / unknown command: ${name}`);
    out(`用法 / usage:\n${lines.join('\n')}`);
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  // `medaid CMD --help` (or -h): the command's usage on stdout, exit 0, for every command alike
  // (before, eval read "--help" as a formula and the others called it an unknown argument).
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`用法 / usage: medaid ${cmd.help}`);
    return 0;
  }
  return cmd.run(rest);
}
