/**
 * The columnar run (columnarRun.ts) against streamRun, the reference path of `medaid project`:
 * on every roster it takes, the same summary.json, import reports, problems (every message),
 * row counts, completeness, forecast, funding and pre-flight, to the fen and to the character —
 * with scenarios, people the kernel cannot take (a status 信阳 has no rule for), premium
 * subsidies the policy leaves open, same-day visits in any row order. On every roster it does
 * not take (a row the importers reject or warn about, a quote, a duplicate ID, a visit for no
 * one…) it gives up with NotColumnar before any output, and streamRun reports the rows.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultEngine } from '../../src/engine/engine';
import { idCheckChar } from '../../src/roster';
import { runSummary } from '../../src/projection';
import { columnarRun, NotColumnar } from '../../src/projection/columnarRun';
import { streamRun, type StreamRunInput } from '../../src/projection/streamRun';
import { validateScenarios } from '../../src/projection/scenario';
import { writeWorkbookFile } from '../../src/projection/writeWorkbookFile';

const root = mkdtempSync(join(tmpdir(), 'medaid-columnar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let k = 0;
const engine = defaultEngine();

const id = (i: number) => {
  const first17 = `41150219800101${String(100 + i).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
// 孤儿 has no rule in 信阳 2024 (the person goes to project() and is reported); 农村易返贫致贫人口's premium is left open.
const CATS = ['特困人员', '低保对象', '低保边缘家庭成员', '返贫致贫人口', '因病致贫重病患者', '孤儿', '农村易返贫致贫人口'];
const DISTRICTS = ['浉河区', '平桥区', '息县'];
const KINDS = ['住院,', '门诊,罕见病', '门诊,9类病种', '住院,'];

interface Gen {
  people: { cats: string[]; district: string }[];
  visits: { who: number; day: number; kind: number; fen: number; referred: boolean }[];
  seed: number;
  scenario: boolean;
}

const genArb: fc.Arbitrary<Gen> = fc.record({
  people: fc.array(fc.record({ cats: fc.uniqueArray(fc.constantFrom(...CATS), { minLength: 1, maxLength: 2 }), district: fc.constantFrom(...DISTRICTS) }), { minLength: 1, maxLength: 12 }),
  visits: fc.array(fc.record({ who: fc.nat(), day: fc.integer({ min: 0, max: 40 }), kind: fc.integer({ min: 0, max: 3 }), fen: fc.oneof(fc.integer({ min: 0, max: 500000 }), fc.integer({ min: 0, max: 8000000 })), referred: fc.boolean() }), { minLength: 1, maxLength: 60 }),
  seed: fc.integer(),
  scenario: fc.boolean(),
});

const dateOf = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
const fenText = (f: number) => (f % 100 === 0 ? String(f / 100) : f % 10 === 0 ? `${Math.floor(f / 100)}.${(f % 100) / 10}` : `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);

function lines(g: Gen): { people: string[]; visits: string[] } {
  const people = g.people.map((p, i) => `${id(i)},测试${i},${p.cats.join(';')},${p.district}`);
  const seen = new Set<string>();
  const visits: string[] = [];
  for (const v of g.visits) {
    const who = v.who % g.people.length;
    const line = `${id(who)},${dateOf(v.day)},${KINDS[v.kind]},${fenText(v.fen)},${v.referred ? '是' : '否'}`;
    if (seen.has(line)) continue; // an identical visit is the importer's warning (tested below)
    seen.add(line);
    visits.push(line);
  }
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

/** A person whose ID ends in X. */
const X = [...Array(100).keys()].find((i) => id(i).endsWith('X'))!;

const PEOPLE_HEAD = '身份证号,姓名,人员类别,区县';
const VISITS_HEAD = '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊';

function files(people: string[], visits: string[], heads = { people: PEOPLE_HEAD, visits: VISITS_HEAD }, eol = '\n') {
  const dir = join(root, `r${k++}`);
  mkdirSync(dir);
  const p = join(dir, 'people.csv');
  const v = join(dir, 'visits.csv');
  writeFileSync(p, [heads.people, ...people].join(eol) + eol);
  writeFileSync(v, [heads.visits, ...visits].join(eol) + eol);
  return { p, v };
}

// 二、二是 (低保 inpatient 70 % → 75 %) and 二、五是 (tilt threshold 12,000 → 10,000), as samples/scenario-dibao-75.json.
const SCENARIO = validateScenarios([{ data: { name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75, 'tilt.threshold': 10000 } } } }], engine);

function inputOf(f: { p: string; v: string }, scenario: boolean): StreamRunInput {
  return { people: { file: f.p }, visits: { file: f.v }, region: '信阳', year: 2024, engine, scenarios: scenario ? SCENARIO : [], detail: 'none' };
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

/** Everything a summary run gives, except the per-row detail (which a summary does not keep). */
function figures(r: Awaited<ReturnType<typeof streamRun>>) {
  const projections = [r.run.baseline, ...r.run.scenarios.map((s) => s.projection)];
  return json({
    summary: runSummary(r.run),
    reports: r.run.importReports,
    rows: r.run.rows,
    comparisons: r.run.comparisons,
    preflight: r.preflight,
    projections: projections.map((p) => ({
      scenario: p.scenario, region: p.region, policyId: p.policyId, year: p.year, problems: p.problems, totals: p.totals, funding: p.funding,
      forecast: p.forecast, completeness: p.completeness, recipients: p.recipients, calibration: p.calibration, layers: p.layers, monitoring: p.monitoring,
    })),
  });
}

async function bothRuns(f: { p: string; v: string }, scenario = false) {
  const fast = await columnarRun(inputOf(f, scenario));
  const ref = await streamRun(inputOf(f, scenario));
  return { fast, ref };
}

describe('columnarRun: the same run as streamRun on the rosters it takes', () => {
  test('property: generated 信阳 rosters in any row order, with and without a scenario', async () => {
    await fc.assert(
      fc.asyncProperty(genArb, async (g) => {
        const { people, visits } = lines(g);
        const f = files(shuffle(people, g.seed), shuffle(visits, g.seed + 1));
        const { fast, ref } = await bothRuns(f, g.scenario);
        expect(figures(fast)).toEqual(figures(ref));
        expect(fast.run.baseline.people).toEqual([]);
        expect(fast.run.baseline.visits).toEqual([]);
        // People detail (the workbook's 人员 sheet, --mask): every person's outcome, in row order, baseline and scenario.
        const detailFast = await columnarRun({ ...inputOf(f, g.scenario), detail: 'people' });
        const detailRef = await streamRun({ ...inputOf(f, g.scenario), detail: 'people' });
        expect(figures(detailFast)).toEqual(figures(detailRef));
        const outcomes = (r: typeof detailRef) => json([r.run.baseline, ...r.run.scenarios.map((x) => x.projection)].map((p) => p.people));
        expect(outcomes(detailFast)).toEqual(outcomes(detailRef));
        expect(detailFast.run.baseline.people).toHaveLength(g.people.length);
      }),
      { numRuns: 60 },
    );
  });

  test('hand-worked: one 低保 person, 信阳 2024 (信医保办〔2024〕52号 二、二是: 低保 inpatient 70 %, no deductible)', async () => {
    // 二、二是: 低保对象 inpatient assistance is 70 % of the policy-range out-of-pocket, no deductible: 10,000 × 70 % = 7,000.
    const f = files([`${id(0)},张三,低保对象,浉河区`], [`${id(0)},2024-03-01,住院,,10000,否`]);
    const { fast, ref } = await bothRuns(f);
    expect(fast.run.baseline.totals.overall.assistance.total.toFixed(2)).toBe('7000.00');
    expect(figures(fast)).toEqual(figures(ref));
  });

  test('dates written other ways (2024年3月1日, 2024/3/1, 20240301) are one date, read as the importer reads them', async () => {
    // Same day, same kind: the visits are taken in row order (ruling 3) whatever the text of the date.
    const f = files([`${id(0)},张三,低保对象,浉河区`, `${id(1)},李四,特困人员,息县`], [
      `${id(0)},2024年3月1日,住院,,30000,是`, `${id(0)},2024/3/1,住院,,40000,是`, `${id(0)},20240301,门诊,9类病种,800,否`, `${id(1)},2024-03-01,住院,,12000.5,否`,
    ]);
    const { fast, ref } = await bothRuns(f, true);
    expect(figures(fast)).toEqual(figures(ref));
  });

  test('premium subsidies the policy leaves open (农村易返贫致贫人口 in 信阳 2024): the same problems, row by row, made when read', async () => {
    const people = Array.from({ length: 30 }, (_, i) => `${id(i)},测试${i},${i % 3 ? '农村易返贫致贫人口' : '低保对象'},浉河区`);
    const f = files(people, [`${id(4)},2024-03-01,住院,,1000,否`, `${id(0)},2024-03-01,住院,,1000,否`]);
    const { fast, ref } = await bothRuns(f);
    expect(fast.run.baseline.problems.length).toBe(20);
    expect(fast.run.baseline.problems[0].code).toBe(ref.run.baseline.problems[0].code);
    expect(json(fast.run.baseline.problems)).toEqual(json(ref.run.baseline.problems));
    expect(figures(fast)).toEqual(figures(ref));
  });

  test('CRLF line ends and a UTF-8 BOM are plain too', async () => {
    const f = files([`${id(0)},张三,低保对象,浉河区`, `${id(1)},李四,特困人员,息县`], [`${id(1)},2024-02-01,住院,,2500.5,是`, `${id(0)},2024-03-01,门诊,9类病种,800,否`], { people: `\uFEFF${PEOPLE_HEAD}`, visits: `\uFEFF${VISITS_HEAD}` }, '\r\n');
    const { fast, ref } = await bothRuns(f);
    expect(figures(fast)).toEqual(figures(ref));
  });
});

test('the result workbook (people detail) from the columnar run is the one from streamRun, cell for cell', async () => {
  const g: Gen = { people: [], visits: [], seed: 7, scenario: true };
  for (let i = 0; i < 150; i++) g.people.push({ cats: [CATS[i % CATS.length], ...(i % 5 === 0 ? [CATS[(i + 2) % CATS.length]] : [])], district: DISTRICTS[i % 3] });
  for (let i = 0; i < 600; i++) g.visits.push({ who: (i * 7919) % 150, day: i % 41, kind: i % 4, fen: ((i * 104729) % 3_000_000) + (i % 3), referred: i % 6 === 0 });
  const { people, visits } = lines(g);
  const f = files(shuffle(people, 3), shuffle(visits, 4));
  const fast = await columnarRun({ ...inputOf(f, true), detail: 'people' });
  const ref = await streamRun({ ...inputOf(f, true), detail: 'people' });
  const cells = async (run: typeof ref.run, name: string, mask = false) => {
    const path = join(root, name);
    await writeWorkbookFile(run, path, { detail: 'people', mask });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));
  };
  const a = await cells(fast.run, 'fast.xlsx');
  const b = await cells(ref.run, 'ref.xlsx');
  expect(a.map((x) => x.name)).toEqual(b.map((x) => x.name));
  expect(a).toEqual(b);
  const peopleSheet = a.find((x) => x.name.includes('人员'))!;
  expect(peopleSheet.rows.length).toBeGreaterThan(150);
  // Masked (--mask): the same masked workbook, and no full ID or name in it (the people list is made when read).
  const am = await cells(fast.run, 'fast-masked.xlsx', true);
  expect(am).toEqual(await cells(ref.run, 'ref-masked.xlsx', true));
  const text = JSON.stringify(am);
  for (const line of people.slice(0, 20)) {
    const [pid, name] = line.split(',');
    expect(text).not.toContain(pid);
    expect(text).not.toContain(`"${name}"`);
  }
});

describe('columnarRun gives up (NotColumnar) on anything the importers would report, and streamRun reports it', () => {
  const good = [`${id(0)},张三,低保对象,浉河区`, `${id(1)},李四,特困人员,息县`];
  const visit = `${id(0)},2024-03-01,住院,,1000,否`;
  const cases: [string, string[], string[], RegExp][] = [
    ['a bad amount', good, [visit, `${id(1)},2024-03-02,住院,,abc,否`], /amount/],
    ['an amount with part of a fen', good, [visit, `${id(1)},2024-03-02,住院,,10.005,否`], /amount/],
    ['a date outside the year', good, [visit, `${id(1)},2023-12-31,住院,,10,否`], /date outside the year/],
    ['an unreadable date', good, [visit, `${id(1)},2024-13-40,住院,,10,否`], /date/],
    ['a visit for no one in the people file', good, [visit, `${id(7)},2024-03-02,住院,,10,否`], /ID not typed as on a people row/],
    ['a visit ID with a lowercase x (the importer reads it as X)', [`${id(X)},张三,低保对象,浉河区`], [`${id(X).replace('X', 'x')},2024-03-01,住院,,1000,否`], /ID not typed as on a people row/],
    ['a duplicate people ID', [...good, `${id(0)},张三,低保对象,浉河区`], [visit], /duplicate ID/],
    ['a bad ID check digit', [`411502198001011000,张三,低保对象,浉河区`], [visit], /ID/],
    ['a blank name', [`${id(0)},,低保对象,浉河区`], [visit], /blank name/],
    ['a name of an ideographic space only', [`${id(0)},\u3000,低保对象,浉河区`], [visit], /blank name/],
    ['an unknown status', [`${id(0)},张三,外星人,浉河区`], [visit], /importer has something to say/],
    ['a blank referral flag', good, [`${id(0)},2024-03-01,住院,,1000,`], /importer has something to say/],
    ['an outpatient visit without a scheme', good, [`${id(0)},2024-03-01,门诊,,1000,否`], /importer has something to say/],
    ['an identical visit', good, [visit, visit], /identical/],
    ['a quoted field', good, [visit, `${id(1)},"2024-03-02",住院,,10,否`], /quotes/],
    ['a ragged row', good, [visit, `${id(1)},2024-03-02,住院,,10`], /fewer fields|cells/],
    ['a blank line', good, [visit, '', `${id(1)},2024-03-02,住院,,10,否`], /blank line/],
  ];
  test.each(cases)('%s', async (_what, people, visits, reason) => {
    const f = files(people, visits);
    await expect(columnarRun(inputOf(f, false))).rejects.toThrow(NotColumnar);
    await expect(columnarRun(inputOf(f, false))).rejects.toThrow(reason);
    // The reference path still reads it: every row is counted (used + rejected + blank = total), none vanishes.
    const ref = await streamRun(inputOf(f, false));
    for (const t of ['people', 'visits'] as const) {
      const r = ref.run.rows[t];
      expect(r.used + r.rejected + r.blank).toBe(r.total);
    }
  });

  test('what only streamRun gives: every visit listed, --explain, a combined file, .xlsx or column choices', async () => {
    const f = files(good, [visit]);
    await expect(columnarRun({ ...inputOf(f, false), detail: 'visits' })).rejects.toThrow(/visit detail rows/);
    await expect(columnarRun({ ...inputOf(f, false), explain: id(0) })).rejects.toThrow(/--explain/);
    await expect(columnarRun({ ...inputOf(f, false), people: undefined })).rejects.toThrow(/combined/);
    await expect(columnarRun({ ...inputOf(f, false), visits: { file: f.v, headerRow: 1 } })).rejects.toThrow(/column choices/);
  });
});
