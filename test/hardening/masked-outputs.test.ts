/**
 * Issue 12 item 2: with --mask, no output may carry a full ID number or name of the input.
 * A roster with the classes that used to leak (a broken quote whose cell swallows the next
 * rows, an ID quoted in a message, a duplicate, a bad check digit, a legacy 15-digit ID, an
 * unknown person in the visits, an ID with an invisible character) goes through a masked run;
 * then EVERY output is scanned: every part of the .xlsx zip (all sheets, shared strings,
 * properties), summary.json, and every console line (stdout and stderr, --explain included),
 * in both languages; and the in-memory workbook the task pane downloads, and the pane's
 * masked report lines.
 *
 * On the code before maskRun/Masker this failed: the validation sheet's raw cell text of the
 * broken-quote row held the following rows' IDs and names (xl/sharedStrings.xml), and --explain
 * printed nothing masked. The unmasked run of the same roster is scanned too, to show the scan
 * finds what it looks for.
 */
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { readRoster, runProjection, writeWorkbook, parseScenarioJson } from '../../src/projection';
import { maskReport } from '../../src/roster';
import { captureConsole, idNumber, tempFolder } from '../cli/cliHarness';

const A = idNumber('41150219600101001'); // 张三丰, used
const B = idNumber('41150319550505002'); // 李四海, used
const L15 = '411503700505003'; // 王五行, legacy 15-digit: used with a warning
const BAD = idNumber('41150319800505004').slice(0, 17) + (idNumber('41150319800505004')[17] === '1' ? '2' : '1'); // 赵六合: check digit wrong
const C = idNumber('41150219900101005'); // 钱七巧: unknown category
const D = idNumber('41150219850101006'); // 孙八宝: broken quote in the category cell
const E = idNumber('41150219750101007'); // 周九洲: the row after the broken quote
const G = idNumber('41150219650101008'); // visits only: not in the people table
const F = idNumber('41150219700101009'); // 吴十全: an invisible character inside the ID
const IDS = [A, B, L15, BAD, C, D, E, G, F];
const NAMES = ['张三丰', '李四海', '王五行', '赵六合', '钱七巧', '孙八宝', '周九洲', '吴十全'];

const { dir, file } = tempFolder('medaid-masked-');
const people = file(
  'people.csv',
  [
    '身份证号,姓名,人员类别,区县,个人缴费',
    `${A},张三丰,低保对象,浉河区,380`,
    `${B},李四海,特困人员,平桥区,380`,
    `${L15},王五行,低保对象,平桥区,380`,
    `${BAD},赵六合,低保对象,平桥区,380`,
    `${C},钱七巧,临时救助对象,浉河区,380`,
    `${A},张三丰,低保对象,浉河区,380`, // duplicate person
    `${F.slice(0, 9)}\u200b${F.slice(9)},吴十全,低保对象,浉河区,380`,
    `${D},孙八宝,"低保对象,浉河区,380`, // unbalanced quote: swallows what follows on a naive reader
    `${E},周九洲,低保对象,平桥区,380`,
    '',
  ].join('\n'),
);
const visits = file(
  'visits.csv',
  [
    '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医',
    `${A},2024-01-15,住院,,10000,否`,
    `${B},2024-01-20,住院,,5000,否`,
    `${L15},2024-02-01,住院,,3000,否`,
    `${G},2024-02-02,住院,,3000,否`,
    `${A},2024-13-01,住院,,100,否`,
    `${B},2024-03-01,住院,,-5,否`,
    `${E},2024-03-02,住院,,2000,否`,
    '',
  ].join('\n'),
);
const scenario = file('s.json', JSON.stringify({ name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }));
const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024', '--scenario', scenario];

const { out, err } = captureConsole();

/** Every text part of an .xlsx (sheets, shared strings, properties …), XML entities decoded. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Every full ID (as given and its digits alone) and every name that occurs in `text`. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const id of IDS) if (text.includes(id)) found.push(id);
  for (const n of NAMES) if (text.includes(n)) found.push(n);
  return found;
}

const masked = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

test.each([['zh'], ['en']])('medaid project --mask (--lang %s): no output holds a full ID or name', async (lang) => {
  const xlsx = join(dir, `masked-${lang}.xlsx`);
  const summary = join(dir, `masked-${lang}.json`);
  const code = await main([...base, '--mask', '--lang', lang, '--explain', A, '--out', xlsx, '--summary', summary]);
  expect(code).toBe(1); // rows rejected, outputs written
  const console = [...out, ...err].join('\n');
  const book = await xlsxText(readFileSync(xlsx));
  const json = readFileSync(summary, 'utf8');
  expect({ console: leaks(console), workbook: leaks(book), summary: leaks(json) }).toEqual({ console: [], workbook: [], summary: [] });
  // What is left is still useful: masked IDs and names, and the rejected rows by cell.
  expect(book).toContain(masked(A));
  expect(book).toContain('张**');
  expect(book).toContain('people.csv!A5'); // the bad check digit, located
  expect(book).toContain(masked(G)); // the unknown person, quoted masked
  expect(console).toContain(masked(G));
});

test('--explain with an ID not in the roster does not echo it whole', async () => {
  expect(await main([...base, '--mask', '--explain', G])).toBe(2);
  expect(leaks(err.join('\n'))).toEqual([]);
  expect(err.join('\n')).toContain(masked(G));
});

test('the task pane path: writeWorkbook(run, {mask: true}) and the masked report lines', async () => {
  const roster = await readRoster({ name: 'people.csv', bytes: readFileSync(people) }, { name: 'visits.csv', bytes: readFileSync(visits) }, 2024);
  const run = runProjection({ ...roster, region: '信阳', year: 2024, scenarios: parseScenarioJson(readFileSync(scenario, 'utf8'), 's.json') });
  const plain = await xlsxText(await writeWorkbook(run, { lang: 'zh' }));
  // The scan finds what it looks for: unmasked, the IDs and names are there.
  expect(leaks(plain)).toEqual(expect.arrayContaining([A, B, '张三丰', '李四海']));
  const book = await xlsxText(await writeWorkbook(run, { lang: 'zh', mask: true }));
  expect(leaks(book)).toEqual([]);
  const lines = run.importReports.flatMap((r) => maskReport(r.entries)).flatMap((e) => [e.value, e.zh, e.en]);
  expect(leaks(lines.join('\n'))).toEqual([]);
});
