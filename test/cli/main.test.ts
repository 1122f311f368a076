/**
 * The dispatcher (src/cli/main.ts): each command's module loaded when it runs; a name that is not
 * a command — an Object.prototype member among them — is refused with the usage (exit 2).
 */
import { commands, main } from '../../src/cli/main';

function captured(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err, restore: () => { log.mockRestore(); error.mockRestore(); } };
}

describe('medaid dispatcher', () => {
  it('lists every command with its usage on --help (exit 0)', async () => {
    const c = captured();
    try {
      expect(await main(['--help'])).toBe(0);
    } finally {
      c.restore();
    }
    const text = c.out.join('\n');
    for (const name of Object.keys(commands)) expect(text).toContain(`  medaid ${name}`);
  });

  it.each(['nosuch', 'toString', 'constructor', '__proto__'])('refuses %s as an unknown command (exit 2), usage on stderr', async (name) => {
    const c = captured();
    let code: number;
    try {
      code = await main([name]);
    } finally {
      c.restore();
    }
    expect(code).toBe(2);
    expect(c.err[0]).toBe(`未知命令 / unknown command: ${name}`);
    expect(c.err.join('\n')).toContain('medaid project');
    expect(c.out).toEqual([]);
  });

  it("prints one command's usage for CMD --help, loading only that command", async () => {
    const c = captured();
    try {
      expect(await main(['plan', '--help'])).toBe(0);
    } finally {
      c.restore();
    }
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^用法 \/ usage: medaid plan --people FILE/);
  });
});
