/**
 * `npm run lint` as part of the test run: ESLint with eslint.config.js over the repository
 * (typescript-eslint and eslint-plugin-office-addins' Office.js rules) reports nothing, not
 * even a warning. ESLint runs in a child process (plain Node is several times faster than
 * inside Jest's module sandbox): about 12 s of CPU for the whole tree.
 */
import { execFile } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Result {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; message: string }[];
}

function eslint(args: string[], stdin?: string): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [ESLINT, '--format', 'json', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit code 1 means "problems found": the JSON says which.
      if (err && (err as { code?: number }).code !== 1) return reject(new Error(`eslint failed: ${stderr || err.message}`));
      try {
        resolve(JSON.parse(stdout) as Result[]);
      } catch {
        reject(new Error(`eslint printed no JSON: ${stderr}`));
      }
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

const problems = (results: Result[]) => results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));

describe('eslint', () => {
  test('the repository lints clean (no errors, no warnings)', async () => {
    expect(problems(await eslint(['.']))).toEqual([]);
  }, 240_000);

  test('the Office.js rules are on for the pane: a read before context.sync() is reported', async () => {
    const code = [
      'export async function probe(context: Excel.RequestContext): Promise<unknown> {',
      '  const range = context.workbook.getSelectedRange();',
      "  range.load('values');",
      '  return range.values;',
      '}',
      '',
    ].join('\n');
    const found = (await eslint(['--stdin', '--stdin-filename', 'src/taskpane/host/probe.ts'], code)).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(found).toContain('office-addins/call-sync-after-load');
  }, 120_000);
});
