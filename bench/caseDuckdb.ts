/**
 * The SQL peer: the 信阳 2024 rules as a data-savvy analyst would write them in DuckDB
 * (@duckdb/node-api, a dev dependency used only here), on the same unsorted CSV files that
 * `medaid project` reads. Amounts in whole fen and ratios × 10^4, so every step is exact
 * integer arithmetic and (x + 5000) // 10000 rounds half up where the engine rounds — the
 * formulation the formula workbook (formulaWorkbook.ts) reconciles with, in SQL:
 *
 *  - a person's visits ordered by date, ties by file row (the table's rowid in insertion order);
 *  - the scheme's cost before the visit: a window sum; the base above the deductible
 *    rate × (max(K + cost, ded) − max(K, ded)), rounded per visit;
 *  - the annual cap by differencing a capped running sum: pool = min(Σ base, cap),
 *    ordinary = pool − previous pool (信阳's cap is one per status for every scheme, capPool
 *    annual, so the capped running sum equals the visit-by-visit cap);
 *  - tilted assistance (二、五是: referred, once the status's inpatient cap is reached):
 *    min((referred remainder − 12000) × 60 %, 10000), as a running total;
 *  - 就高不就低: the best status's cumulative total, differenced per visit;
 *  - totals by district.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { categoryById } from '../src/engine/categories';
import { defaultEngine } from '../src/engine/engine';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { SCHEME_NAMES } from './generateRoster';
import { peakRssMB, round1, timeAsync } from './measure';

const SCHEME_LABEL = ['住院', SCHEME_NAMES[1], SCHEME_NAMES[2]];
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function duckdbSql(people: string, visits: string): string[] {
  const c = compilePolicy(defaultEngine().resolve('信阳', 2024));
  const rp = c.rp;
  const tilt = rp.policy.tilt!;
  const thr = rp.number('tilt.threshold', tilt.threshold).times(100).toNumber();
  const ratio = rp.number('tilt.ratio', tilt.ratio).times(10000).toNumber();
  const cap = rp.number('tilt.cap', tilt.cap).times(100).toNumber();
  const terms: string[] = [];
  c.schemes.forEach((_s, si) =>
    c.categories.forEach((cat, ci) => {
      const t = c.tiers[si * c.categories.length + ci];
      if (t.kind === 1) terms.push(`(${q(SCHEME_LABEL[si])}, ${q(categoryById(cat).zh)}, ${t.lo[0]}, ${t.rate[0]}, ${t.capFen < 0 ? 1e13 : t.capFen})`);
    }),
  );
  return [
    `CREATE TABLE terms (scheme VARCHAR, status VARCHAR, ded BIGINT, rate BIGINT, cap BIGINT)`,
    `INSERT INTO terms VALUES ${terms.join(', ')}`,
    `CREATE TABLE visits AS SELECT * FROM read_csv(${q(visits)}, header = true, all_varchar = true)`,
    `CREATE TABLE people AS SELECT * FROM read_csv(${q(people)}, header = true, all_varchar = true)`,
    `WITH v AS (
       SELECT rowid AS rn, "身份证号" AS id, "结算日期" AS d,
              CASE WHEN "就诊类型" = '住院' THEN '住院' ELSE "门诊类型" END AS scheme,
              CAST(CAST("政策范围内自付" AS DECIMAL(18, 2)) * 100 AS BIGINT) AS cost,
              "是否规范转诊" = '是' AS referred
       FROM visits),
     s AS (SELECT "身份证号" AS id, "区县" AS district, unnest(string_split("人员类别", ';')) AS status FROM people),
     vs AS (
       SELECT v.*, s.district, s.status, coalesce(t.ded, 0) AS ded, coalesce(t.rate, 0) AS rate, coalesce(t.cap, 0) AS cap, coalesce(ti.cap, 0) AS poolcap
       FROM v JOIN s USING (id)
       LEFT JOIN terms t ON t.scheme = v.scheme AND t.status = s.status
       LEFT JOIN terms ti ON ti.scheme = '住院' AND ti.status = s.status),
     a AS (SELECT *, coalesce(sum(cost) OVER (PARTITION BY id, status, scheme ORDER BY d, rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM vs),
     b AS (SELECT *, (rate * (greatest(before + cost, ded) - greatest(before, ded)) + 5000) // 10000 AS base FROM a),
     c AS (SELECT *, least(sum(base) OVER (PARTITION BY id, status ORDER BY d, rn ROWS UNBOUNDED PRECEDING), cap) AS pool FROM b),
     e AS (SELECT *, pool - coalesce(lag(pool) OVER (PARTITION BY id, status ORDER BY d, rn), 0) AS ordinary FROM c),
     f AS (SELECT *, sum(CASE WHEN referred THEN cost - ordinary ELSE 0 END) OVER (PARTITION BY id, status ORDER BY d, rn ROWS UNBOUNDED PRECEDING) AS remainder FROM e),
     g AS (SELECT *, CASE WHEN pool >= poolcap THEN (least(greatest(remainder - ${thr}::BIGINT, 0) * ${ratio}::BIGINT, ${cap}::BIGINT * 10000) + 5000) // 10000 ELSE 0 END AS tilt FROM f),
     h AS (SELECT id, rn, d, district, max(pool + tilt) AS best FROM g GROUP BY id, rn, d, district),
     paid AS (SELECT district, best - coalesce(lag(best) OVER (PARTITION BY id ORDER BY d, rn), 0) AS paid FROM h)
     SELECT district, CAST(sum(paid) AS BIGINT) AS fen, count(*) AS visits FROM paid GROUP BY district ORDER BY district`,
  ];
}

export async function caseDuckdb(people: string, visits: string, size: number) {
  const sql = duckdbSql(people, visits);
  const c0 = process.cpuUsage();
  const t = await timeAsync(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const s of sql.slice(0, -1)) await con.run(s);
    const r = await con.runAndReadAll(sql[sql.length - 1]);
    const threads = (await con.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjectsJson()[0].t;
    return { rows: r.getRowObjectsJson() as { district: string; fen: string; visits: string }[], threads };
  });
  const cpu = process.cpuUsage(c0); // every thread of the process (DuckDB runs on `threads`)
  const byDistrict = Object.fromEntries(t.value.rows.map((r) => [r.district, Number(r.fen)]));
  return {
    case: 'duckdb',
    size,
    wallMs: round1(t.ms),
    rowsPerSec: Math.round(size / (t.ms / 1000)),
    cpuMs: round1((cpu.user + cpu.system) / 1000),
    peakRssMB: peakRssMB(),
    threads: t.value.threads,
    visits: t.value.rows.reduce((a, r) => a + Number(r.visits), 0),
    totalFen: Object.values(byDistrict).reduce((a, b) => a + b, 0),
    byDistrictFen: byDistrict,
  };
}
