/**
 * The benchmark's DuckDB SQL peer (bench/caseDuckdb.ts) computes the 信阳 2024 rules itself, so
 * the speed comparison is only fair if its figures are ours: a hand-worked roster, and a
 * generated unsorted one against `streamRun` (the path `medaid project` takes), to the fen.
 * 信医保办〔2024〕52号 (seed 000): 二、二是 住院救助, 二、三是 门诊救助, 二、四是 救助限额
 * (住院救助和门诊救助共用年度最高救助限额), 二、五是 倾斜救助.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { duckdbSql } from '../../bench/caseDuckdb';
import { writeUnsortedPairCsv } from '../../bench/writeCsv';
import { defaultEngine } from '../../src/engine/engine';
import { idCheckChar } from '../../src/roster';
import { streamRun } from '../../src/projection/streamRun';

const dir = mkdtempSync(join(tmpdir(), 'medaid-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const id = (s: string) => s + idCheckChar(s);

async function peer(people: string, visits: string): Promise<Record<string, number>> {
  const sql = duckdbSql(people, visits);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const s of sql.slice(0, -1)) await con.run(s);
  const rows = (await con.runAndReadAll(sql[sql.length - 1])).getRowObjectsJson() as { district: string; fen: string }[];
  return Object.fromEntries(rows.map((r) => [r.district, Number(r.fen)]));
}

test('hand-worked: cap shared by visits, tilt after the cap, 就高不就低, rows in any order', async () => {
  const A = id('41150219600101001');
  const B = id('41150219600101002');
  const C = id('41150219600101003');
  const people = join(dir, 'p.csv');
  const visits = join(dir, 'v.csv');
  writeFileSync(people, ['身份证号,姓名,人员类别,区县', `${C},丙,特困人员;低保边缘家庭成员,息县`, `${A},甲,低保对象,息县`, `${B},乙,低保边缘家庭成员,平桥区`].join('\n') + '\n');
  // A's second visit comes first in the file: the SQL orders each person's visits by date.
  writeFileSync(
    visits,
    ['身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊', `${A},2024-06-01,住院,,20000.00,是`, `${B},2024-02-01,住院,,10000.00,否`, `${C},2024-05-01,门诊,9类病种,2000.00,否`, `${A},2024-03-01,住院,,30000.00,是`, `${C},2024-04-01,住院,,1000.00,否`].join('\n') + '\n',
  );
  const fen = await peer(people, visits);
  // A (低保): 70 % × 30000 = 21000 (二、二是, no deductible); 70 % × 20000 = 14000, capped at 3万 − 21000 = 9000 (二、四是);
  //   referred remainder 9000 + 11000 = 20000, cap reached → tilt min((20000 − 12000) × 60 %, 1万) = 4800 (二、五是). 34800.
  // C (特困 and 低保边缘): 特困 90 % × 1000 = 900 (edge: below its 2400 deductible, 0); 9类病种 特困 50 % × 2000 = 1000 (二、三是):
  //   the better status, 1900. 息县 = 34800 + 1900 = 36700.00.
  expect(fen['息县']).toBe(3_670_000);
  // B (低保边缘): 65 % × (10000 − 2400) = 4940.00 (二、二是: 起付 2400, 65 %).
  expect(fen['平桥区']).toBe(494_000);
  const ours = await streamRun({ people: { file: people }, visits: { file: visits }, region: '信阳', year: 2024, engine: defaultEngine(), scenarios: [] });
  expect(ours.run.baseline.totals.byDistrict['息县'].assistance.total.toFixed(2)).toBe('36700.00');
  expect(ours.run.baseline.totals.byDistrict['平桥区'].assistance.total.toFixed(2)).toBe('4940.00');
});

test('generated unsorted roster (3,000 visits): the SQL peer equals medaid project by district, to the fen', async () => {
  const f = await writeUnsortedPairCsv(dir, 3000, 77);
  const fen = await peer(f.people, f.visits);
  const ours = await streamRun({ people: { file: f.people }, visits: { file: f.visits }, region: '信阳', year: 2024, engine: defaultEngine(), scenarios: [] });
  const byDistrict = ours.run.baseline.totals.byDistrict;
  expect(Object.keys(fen).sort()).toEqual(Object.keys(byDistrict).sort());
  for (const [d, b] of Object.entries(byDistrict)) expect(fen[d]).toBe(Math.round(b.assistance.total.toNumber() * 100));
  expect(Object.values(fen).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});
