// Times the issue-11 pieces on a generated roster (node scripts/make-sample-roster.js --people N --out-dir DIR --seed 7),
// using the compiled CLI build (npm run build:cli): node scripts/bench-budget.js DIR [draws]
const { readFileSync } = require('fs');
const { readRoster } = require('../dist/src/projection/readRoster');
const { projectYears } = require('../dist/src/projection/multiYear');
const { bootstrapRange } = require('../dist/src/projection/bootstrap');
const { solveBudget } = require('../dist/src/projection/solve');
const { defaultEngine } = require('../dist/src/engine/engine');
(async () => {
  const dir = process.argv[2];
  const draws = Number(process.argv[3] ?? 1000);
  const roster = await readRoster({ name: 'p.csv', bytes: readFileSync(`${dir}/xinyang-2024-people.csv`) }, { name: 'v.csv', bytes: readFileSync(`${dir}/xinyang-2024-visits.csv`) }, 2024);
  const engine = defaultEngine().withOverrides({ 信阳: { 'premium.tiers.monitored.amount': 100 } });
  const input = { ...roster, region: '信阳', year: 2024, engine, growth: { cost: '5%', headcount: '2%' } };
  let t = Date.now();
  const plan = projectYears(input);
  console.log(`visits ${roster.visits.length}: projectYears (base + 3 years) ${Date.now() - t} ms`);
  t = Date.now();
  const r = bootstrapRange(plan, { draws });
  console.log(`bootstrapRange ${draws} draws × 3 years: ${Date.now() - t} ms; 2025 P10/P50/P90 ${r.years[0].fundNeed.p10}/${r.years[0].fundNeed.p50}/${r.years[0].fundNeed.p90}`);
  t = Date.now();
  const need = plan.base.total.fundNeed;
  const s = solveBudget({ ...input, paths: ['inpatient.tiers.dibao_returned.ratio'], ceiling: need.minus(1000000).toFixed(2) });
  console.log(`solveBudget ratio (ceiling need − 100万): ${Date.now() - t} ms, ${s.evaluations} evaluations, value ${s.fitted.value} need ${s.fitted.total.toFixed(2)}, next ${s.beyond && s.beyond.total.toFixed(2)}`);
  t = Date.now();
  const c = solveBudget({ ...input, paths: ['inpatient.tiers.dibao_returned.cap'], ceiling: need.minus(1000000).toFixed(2) });
  console.log(`solveBudget cap: ${Date.now() - t} ms, ${c.evaluations} evaluations, value ${c.fitted.value} need ${c.fitted.total.toFixed(2)}, breaks ${c.monotoneBreaks.length}`);
})();
