/**
 * streamRun (the path `medaid project` takes): files in any row order, partitioned by person
 * and spilled to temporary files past the memory budget, give the same run as runProjection
 * on the whole roster read at once — every figure of summary.json and every report entry —
 * and the same totals as the decimal engine alone (project with kernel: false). Temporary
 * files are gone after a run and after an error.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultEngine } from '../../src/engine/engine';
import { idCheckChar } from '../../src/roster';
import { project, readRoster, runProjection, runSummary } from '../../src/projection';
import { PreflightStop, streamRun } from '../../src/projection/streamRun';
import { preflight } from '../../src/projection/preflight';

const root = mkdtempSync(join(tmpdir(), 'medaid-streamrun-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let k = 0;
const engine = defaultEngine();

const id = (i: number) => {
  const first17 = `41150219800101${String(100 + i).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
const CATS = ['特困人员', '低保对象', '低保边缘家庭成员', '返贫致贫人口', '因病致贫重病患者', '孤儿'];
const DISTRICTS = ['浉河区', '平桥区', '息县'];

interface Gen {
  people: { cats: string[]; district: string }[];
  visits: { who: number; day: number; inpatient: boolean; rare: boolean; fen: number; referred: boolean }[];
  bad: number;
  seed: number;
}

const genArb: fc.Arbitrary<Gen> = fc.record({
  people: fc.array(fc.record({ cats: fc.uniqueArray(fc.constantFrom(...CATS), { minLength: 1, maxLength: 2 }), district: fc.constantFrom(...DISTRICTS) }), { minLength: 1, maxLength: 12 }),
  visits: fc.array(fc.record({ who: fc.nat(), day: fc.integer({ min: 0, max: 360 }), inpatient: fc.boolean(), rare: fc.boolean(), fen: fc.oneof(fc.integer({ min: 0, max: 500000 }), fc.integer({ min: 0, max: 8000000 })), referred: fc.boolean() }), { maxLength: 50 }),
  bad: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer(),
});

const dateOf = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
const fenText = (f: number) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;

/** People and visit lines (one date per person and day: ties by row would make order matter). */
function lines(g: Gen): { people: string[]; visits: string[] } {
  const people = g.people.map((p, i) => `${id(i)},测试${i},${p.cats.join(';')},${p.district}`);
  const seen = new Set<string>();
  const visits: string[] = [];
  for (const v of g.visits) {
    const who = v.who % (g.people.length + 1); // the last one is not in the people file
    const key = `${who}:${v.day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = v.inpatient ? '住院,' : v.rare ? '门诊,罕见病' : '门诊,9类病种';
    visits.push(`${id(who)},${dateOf(v.day)},${kind},${fenText(v.fen)},${v.referred ? '是' : '否'}`);
  }
  // Rows the importer rejects (bad amount, bad date, blank ID), somewhere in the file.
  for (let b = 0; b < g.bad; b++) visits.splice(b % (visits.length + 1), 0, [`${id(0)},2024-13-40,住院,,5,否`, `${id(0)},2024-03-03,住院,,abc,否`, `,2024-03-03,住院,,5,否`][b % 3]);
  return { people, visits };
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function files(people: string[], visits: string[]) {
  const dir = join(root, `r${k++}`);
  mkdirSync(dir);
  const p = join(dir, 'people.csv');
  const v = join(dir, 'visits.csv');
  writeFileSync(p, ['身份证号,姓名,人员类别,区县', ...people].join('\n') + '\n');
  writeFileSync(v, ['身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊', ...visits].join('\n') + '\n');
  return { p, v, dir };
}

async function wholeRun(f: { p: string; v: string }) {
  const roster = await readRoster({ name: f.p, bytes: readFileSync(f.p) }, { name: f.v, bytes: readFileSync(f.v) }, 2024);
  return { roster, run: runProjection({ ...roster, region: '信阳', year: 2024, engine, scenarios: [] }) };
}

/** summary.json without the report's sheet labels (the same files under other names). */
const summaryOf = (run: Parameters<typeof runSummary>[0]) => JSON.parse(JSON.stringify(runSummary(run)));

describe('streamRun: any order, any size, the same figures', () => {
  test('property: shuffled rows, spilled into parts, equal runProjection on the rows in order (summary and report) and the decimal engine', async () => {
    await fc.assert(
      fc.asyncProperty(genArb, async (g) => {
        const { people, visits } = lines(g);
        const sorted = files(people, visits);
        const shuffled = files(shuffle(people, g.seed), shuffle(visits, g.seed + 1));
        const whole = await wholeRun(shuffled);
        const tmp = mkdtempSync(join(root, 'tmp-'));
        // 0.0005 MB: several parts for even a few rows, so partitioning and spilling are exercised.
        const parted = await streamRun({ people: { file: shuffled.p }, visits: { file: shuffled.v }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.0005, tmpDir: tmp, detail: 'visits' });
        expect(parted.parts).toBeGreaterThan(1);
        expect(readdirSync(tmp)).toEqual([]); // temporary files removed
        expect(summaryOf(parted.run)).toEqual(summaryOf(whole.run));
        expect(parted.run.importReports).toEqual(whole.run.importReports);
        expect(parted.run.baseline.problems).toEqual(whole.run.baseline.problems);
        expect(parted.run.baseline.people).toEqual(whole.run.baseline.people);
        expect(parted.run.baseline.visits).toEqual(whole.run.baseline.visits);
        // Without detail rows the parts are summed the same way (completeness from per-part tallies).
        const summaryOnly = await streamRun({ people: { file: shuffled.p }, visits: { file: shuffled.v }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.0005, tmpDir: tmp, detail: 'none' });
        expect(summaryOnly.run.baseline.visits).toEqual([]);
        expect(summaryOnly.run.baseline.people).toEqual([]);
        expect(summaryOf(summaryOnly.run)).toEqual(summaryOf(whole.run));
        expect(summaryOnly.run.baseline.completeness).toEqual(whole.run.baseline.completeness);
        // Row order does not matter when no person has two visits on one day.
        const inOrder = await streamRun({ people: { file: sorted.p }, visits: { file: sorted.v }, region: '信阳', year: 2024, engine, scenarios: [] });
        expect(inOrder.parts).toBe(1);
        expect(inOrder.run.baseline.totals).toEqual(parted.run.baseline.totals);
        // …and the kernel path equals the decimal engine, to the fen.
        const decimal = project({ ...whole.roster, region: '信阳', year: 2024, engine }, undefined, { kernel: false });
        expect(parted.run.baseline.totals).toEqual(decimal.totals);
      }),
      { numRuns: 25 },
    );
  });

  test('a combined visits file (person columns on every row, as project-stream took) gives the same totals as two files', async () => {
    const g: Gen = {
      people: [{ cats: ['低保对象'], district: '息县' }, { cats: ['特困人员', '孤儿'], district: '平桥区' }],
      visits: [
        { who: 0, day: 10, inpatient: true, rare: false, fen: 3_000_000, referred: true },
        { who: 1, day: 3, inpatient: true, rare: false, fen: 1_000_000, referred: false },
        { who: 0, day: 2, inpatient: false, rare: false, fen: 500_000, referred: false },
      ],
      bad: 0,
      seed: 1,
    };
    const { people, visits } = lines(g);
    const two = files(people, visits);
    const dir = join(root, `c${k++}`);
    mkdirSync(dir);
    const combined = join(dir, 'combined.csv');
    const cols = (i: number) => `${g.people[i].cats.join(';')},${g.people[i].district}`;
    writeFileSync(combined, ['身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊,人员类别,区县', ...visits.map((l, j) => `${l},${cols(g.visits[j].who)}`)].join('\n') + '\n');
    const a = await streamRun({ people: { file: two.p }, visits: { file: two.v }, region: '信阳', year: 2024, engine, scenarios: [] });
    const b = await streamRun({ visits: { file: combined }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.0001, tmpDir: dir });
    expect(b.run.baseline.totals.overall.assistance).toEqual(a.run.baseline.totals.overall.assistance);
    expect(b.run.baseline.totals.byDistrict).toEqual(a.run.baseline.totals.byDistrict);
    expect(b.run.rows).toEqual(a.run.rows);
    expect(b.run.rows.people.total).toBe(2);
    expect(b.run.rows.visits.used).toBe(3);
    // 信医保办〔2024〕52号 二、二是: 低保对象 不设起付标准, 70%; 二、四是 cap 3万: 30000 × 70% = 21000 (the only 息县 inpatient visit).
    expect(b.run.baseline.totals.byDistrict['息县'].assistance.inpatient.toFixed(2)).toBe('21000.00');
  });

  test('settlement rows in parts, no detail kept: layers and completeness summed per part equal the whole roster', async () => {
    // The 威海 2019 settlement sample (威医保发〔2019〕25号): layers before assistance (ruling 2).
    const sample = (f: string) => join(__dirname, '..', '..', 'samples', f);
    const p = sample('weihai-2019-settlement-people.csv');
    const v = sample('weihai-2019-settlement-visits.csv');
    const roster = await readRoster({ name: p, bytes: readFileSync(p) }, { name: v, bytes: readFileSync(v) }, 2019);
    const whole = runProjection({ ...roster, region: '威海', year: 2019, engine, scenarios: [] });
    const tmp = mkdtempSync(join(root, 'tmp-'));
    const parted = await streamRun({ people: { file: p }, visits: { file: v }, region: '威海', year: 2019, engine, scenarios: [], memoryMB: 0.75, tmpDir: tmp, detail: 'none' }); // about 6 parts
    expect(parted.parts).toBeGreaterThan(1);
    expect(whole.baseline.layers).toBeDefined();
    expect(parted.run.baseline.layers).toEqual(whole.baseline.layers);
    expect(Object.keys(parted.run.baseline.layers!.byDistrict)).toEqual(Object.keys(whole.baseline.layers!.byDistrict));
    expect(parted.run.baseline.completeness).toEqual(whole.baseline.completeness);
    expect(JSON.stringify(runSummary(parted.run))).toBe(JSON.stringify(runSummary(whole)));
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('no visit dated in the year: the run stops while the files are read, before any part is projected', async () => {
    // Every visit row is in 2023 while the run asks for 2024: preflight.ts YEAR_WITHOUT_VISITS.
    const f = files([`${id(0)},张三,低保对象,息县`, `${id(1)},李四,特困人员,息县`], [`${id(0)},2023-01-02,住院,,100,否`, `${id(1)},2023-05-02,住院,,200,否`, `${id(0)},2022-12-30,住院,,50,否`]);
    const tmp = mkdtempSync(join(root, 'tmp-'));
    const stages: string[] = [];
    const err = await streamRun({ people: { file: f.p }, visits: { file: f.v }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.0001, tmpDir: tmp, onProgress: (stage) => stages.push(stage) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreflightStop);
    const finding = (err as PreflightStop).finding;
    expect(finding).toMatchObject({ code: 'YEAR_WITHOUT_VISITS', stop: true, visits: 3 });
    // The same message as the whole-roster pre-flight on the same rows.
    const roster = await readRoster({ name: f.p, bytes: readFileSync(f.p) }, { name: f.v, bytes: readFileSync(f.v) }, 2024);
    expect(preflight({ ...roster, region: '信阳', year: 2024, engine }).find((x) => x.stop)).toEqual(finding);
    expect(finding.zh).toContain('2023（2 行）、2022（1 行）');
    expect(stages).not.toContain('project');
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('.xlsx with date cells, spilled to parts: dates survive the temporary files, the same totals as one part', async () => {
    const dir = join(root, `x${k++}`);
    mkdirSync(dir);
    const wb = new ExcelJS.Workbook();
    const ps = wb.addWorksheet('人员');
    ps.addRow(['身份证号', '姓名', '人员类别', '区县']);
    const vs = wb.addWorksheet('就诊');
    vs.addRow(['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊']);
    for (let i = 0; i < 6; i++) {
      ps.addRow([id(i), `测试${i}`, '低保对象', '息县']);
      vs.addRow([id(i), new Date(Date.UTC(2024, i, 10)), '住院', '', 10000, '否']);
    }
    const file = join(dir, 'roster.xlsx');
    await wb.xlsx.writeFile(file);
    const one = await streamRun({ people: { file, sheet: '人员' }, visits: { file, sheet: '就诊' }, region: '信阳', year: 2024, engine, scenarios: [] });
    const tmp = mkdtempSync(join(root, 'tmp-'));
    const parted = await streamRun({ people: { file, sheet: '人员' }, visits: { file, sheet: '就诊' }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.01, tmpDir: tmp });
    expect(parted.parts).toBeGreaterThan(1);
    expect(parted.run.rows.visits.used).toBe(6);
    // 信医保办〔2024〕52号 二、二是: 低保 10000 × 70% = 7000.00 each, six people: 42000.00.
    expect(parted.run.baseline.totals.overall.assistance.total.toFixed(2)).toBe('42000.00');
    expect(parted.run.baseline.totals).toEqual(one.run.baseline.totals);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('an error (a missing column) leaves no temporary files, with the importer\'s message', async () => {
    const f = files([`${id(0)},张三,低保对象,息县`], [`${id(0)},2024-01-02,住院,,100,否`]);
    writeFileSync(f.p, `身份证号,姓名,区县\n${id(0)},张三,息县\n`);
    const tmp = mkdtempSync(join(root, 'tmp-'));
    await expect(streamRun({ people: { file: f.p }, visits: { file: f.v }, region: '信阳', year: 2024, engine, scenarios: [], memoryMB: 0.0001, tmpDir: tmp })).rejects.toMatchObject({ code: 'ROSTER_MISSING_COLUMN' });
    expect(readdirSync(tmp)).toEqual([]);
  });
});
