/**
 * Temporary files that must go also when the run is stopped: Ctrl-C (SIGINT) or SIGTERM while
 * a big roster is read, spilled or written. `interruptCleanup(fn)` registers `fn` until the
 * returned function is called; while anything is registered, the first such signal runs every
 * registered clean-up (synchronously) and ends the process with the shell's code for it
 * (130 for SIGINT, 143 for SIGTERM). Node only (the CLI).
 */
const pending = new Set<() => void>();
let installed = false;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function onSignal(signal: NodeJS.Signals): void {
  for (const fn of [...pending]) {
    try {
      fn();
    } catch {
      // keep cleaning up the others
    }
  }
  pending.clear();
  process.stderr.write(`\n已中断，临时文件已删除 / interrupted (${signal}); temporary files removed\n`);
  process.exit(SIGNAL_EXIT[signal] ?? 1);
}

export function interruptCleanup(fn: () => void): () => void {
  pending.add(fn);
  if (!installed) {
    installed = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return () => {
    pending.delete(fn);
    if (pending.size === 0 && installed) {
      installed = false;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}
