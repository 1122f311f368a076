/**
 * Issue 16 (review item 3): `medaid eval --help` and bare `medaid eval` print the usage — before,
 * "--help" was evaluated as a formula (a #NAME? line, exit 1) and a bare eval with nothing on
 * standard input printed nothing and exited 0. `medaid CMD --help` prints the command's usage on
 * stdout with exit 0 for every command; a command missing what it needs prints it as an error,
 * exit 2. (No roster is read here, so there are no rows to account.)
 */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import { captureConsole } from '../cli/cliHarness';

const { out, err } = captureConsole();

function withStdin(stdin: NodeJS.ReadStream | Readable, f: () => Promise<number>): Promise<number> {
  const saved = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: stdin, configurable: true });
  return f().finally(() => Object.defineProperty(process, 'stdin', saved));
}

test.each(['--help', '-h'])('medaid eval %s: the usage on stdout, exit 0, nothing evaluated', async (flag) => {
  expect(await main(['eval', flag])).toBe(0);
  expect(out.join('\n')).toContain('用法 / usage: medaid eval [--set REGION:PATH=VALUE]');
  expect(out.join('\n')).not.toMatch(/#NAME\?|#VALUE!/);
  expect(err).toEqual([]);
});

test('bare medaid eval at a terminal: the usage as an error, exit 2', async () => {
  const tty = Object.assign(Readable.from([]), { isTTY: true });
  expect(await withStdin(tty, () => main(['eval']))).toBe(2);
  expect(err.join('\n')).toContain('缺少公式 / no formula given');
  expect(err.join('\n')).toContain('usage: medaid eval');
  expect(out).toEqual([]);
});

test('bare medaid eval with empty standard input (or only comments): the usage, exit 2 — not a silent 0', async () => {
  expect(await withStdin(Readable.from([Buffer.from('# nothing\n\n')]), () => main(['eval']))).toBe(2);
  expect(err.join('\n')).toContain('usage: medaid eval');
});

test('formulas from standard input still run (信医保办〔2024〕52号 二、二是: 低保 10000 × 70 % = 7000)', async () => {
  expect(await withStdin(Readable.from([Buffer.from('ASSIST_INPATIENT(10000,"低保对象","信阳",,2024)\n')]), () => main(['eval']))).toBe(0);
  expect(out).toEqual(['7000']);
});

test('a mistyped flag is a usage error naming it (exit 2), not a formula', async () => {
  expect(await main(['eval', '--sett', 'x', 'ASSIST_INPATIENT(1,"低保对象","信阳")'])).toBe(2);
  expect(err.join('\n')).toContain('未知参数 --sett');
  expect(err.join('\n')).toContain('unknown argument --sett');
  expect(err.join('\n')).toContain('usage: medaid eval');
});

test.each(['project', 'plan', 'solve', 'burden'])('medaid %s --help: its usage on stdout, exit 0', async (cmd) => {
  expect(await main([cmd, '--help'])).toBe(0);
  expect(out.join('\n')).toContain(`usage: medaid ${cmd}`);
  expect(err).toEqual([]);
});
