/**
 * Ctrl-C in the middle of a big run: `medaid project` (the compiled CLI, as an analyst runs it)
 * ends with 130 and leaves neither its temporary part files nor a half-written output behind.
 * The roster is spilled to parts (--memory 1) and the signal is sent once stderr says a part has
 * been projected, so it really lands mid-run: part files written, others still to project, the
 * workbook not yet written.
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { idNumber, tempFolder } from './cliHarness';

const BIN = join(__dirname, '..', '..', 'bin', 'medaid.js');
const { dir } = tempFolder('medaid-interrupt-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('SIGINT after the first part is projected: exit 130, temporary files removed, no output file', async () => {
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const people: string[] = ['身份证号,姓名,人员类别,区县'];
  const visits: string[] = ['身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊'];
  for (let i = 0; i < 20000; i++) {
    const id = idNumber(`4115021980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`);
    if (i < 5000) people.push(`${id},测试${i},低保对象,息县`);
    for (let v = 0; v < 4; v++) visits.push(`${id},2024-0${1 + v}-1${v},住院,,${1000 + i},否`);
  }
  writeFileSync(join(dir, 'p.csv'), people.join('\n'));
  writeFileSync(join(dir, 'v.csv'), visits.join('\n'));
  const out = join(dir, 'result.xlsx');
  const child = spawn(process.execPath, [BIN, 'project', '--people', join(dir, 'p.csv'), '--visits', join(dir, 'v.csv'), '--region', '信阳', '--year', '2024', '--memory', '1', '--out', out], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Wait for the progress line of the first part, then interrupt.
  const progress = /已测算第 1\/(\d+) 部分 \/ part 1 of \d+ projected/;
  const t0 = Date.now();
  while (!progress.test(stderr) && Date.now() - t0 < 45000) await new Promise((r) => setTimeout(r, 5));
  const m = progress.exec(stderr);
  expect(m).not.toBeNull();
  const parts = Number(m![1]);
  expect(parts).toBeGreaterThan(2);
  // Mid-run: the part folder is there, with parts still to project.
  const partDirs = readdirSync(tmp).filter((f) => f.startsWith('medaid-parts-'));
  expect(partDirs).toHaveLength(1);
  expect(readdirSync(join(tmp, partDirs[0])).length).toBeGreaterThan(0);
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(stderr).toContain('interrupted (SIGINT); temporary files removed');
  expect(stderr).not.toContain(`part ${parts} of ${parts} projected`);
  expect(readdirSync(tmp)).toEqual([]);
  expect(existsSync(out)).toBe(false);
  expect(existsSync(`${out}.partial`)).toBe(false);
}, 60000);
