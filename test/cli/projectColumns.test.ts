/**
 * `medaid project --visits-column FIELD=COL` and `--people-header-row N` (issue 16: "a cost
 * column chosen silently", "a header below many instruction rows found or asked for").
 * Values worked by hand from 信医保办〔2024〕52号 二、二是: 低保 inpatient 70%.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const E1 = idNumber('41150219600101001');
const { dir, file } = tempFolder('medaid-columns-');
// Eight instruction lines above the header (a template sheet's notes).
const notes = Array.from({ length: 8 }, (_, i) => `说明${i + 1}：请按表头填写`).join('\n');
const people = file('people.csv', `${notes}\n身份证号,姓名,人员类别,区县\n${E1},张三,低保对象,浉河区\n`);
// 自付费用 14300 (all self-paid) and 政策范围内自付 10000.
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,自付费用,政策范围内自付,是否规范转诊省内就医\n${E1},2024-01-15,住院,14300,10000,否\n`);
const { err } = captureConsole();
const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];

test('detected: 政策范围内自付 is used (10000 × 70% = 7000.00); the ignored 自付费用 is in the report', async () => {
  const summary = join(dir, 'a.json');
  expect(await main([...base, '--people-header-row', '9', '--summary', summary])).toBe(0);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  expect(s.assistance.total).toBe('7000.00');
  expect(s.rows.people).toEqual({ total: 1, used: 1, rejected: 0, blank: 0, notComputed: 0 });
});

test('--visits-column cost=D picks 自付费用: 14300 × 70% = 10010.00', async () => {
  const summary = join(dir, 'b.json');
  expect(await main([...base, '--visits-column', 'cost=D', '--summary', summary])).toBe(0);
  expect(JSON.parse(readFileSync(summary, 'utf8')).assistance.total).toBe('10010.00');
});

test('a malformed pick or header row is a usage error naming the flag', async () => {
  expect(await main([...base, '--visits-column', 'cost'])).toBe(2);
  expect(err.join('\n')).toContain('--visits-column');
  err.length = 0;
  expect(await main([...base, '--visits-column', 'cost=Z'])).toBe(2);
  expect(err.join('\n')).toContain('Z');
  err.length = 0;
  expect(await main([...base, '--people-header-row', '0'])).toBe(2);
  expect(err.join('\n')).toContain('--people-header-row');
});
