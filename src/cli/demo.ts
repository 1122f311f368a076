/**
 * `medaid demo`: a few results anyone can check against the documents by hand, with the
 * explanation of one of them. (The main job, `medaid project`, runs on a bundled roster.)
 */
import { defaultEngine, explanationTable, fundSplit, isMedaidError } from '../engine';

export function demo(): number {
  const e = defaultEngine();
  const cases: [string, () => { value: unknown }][] = [
    ['信阳 低保对象 住院 10000', () => e.inpatient({ cost: 10000, categories: '低保对象', region: '信阳' })],
    ['信阳 低保边缘 住院 10000', () => e.inpatient({ cost: 10000, categories: '低保边缘家庭成员', region: '信阳' })],
    ['威海 重点救助对象 住院 30000', () => e.inpatient({ cost: 30000, categories: '重点救助对象', region: '威海' })],
    ['益阳 低保对象 资助参保 2021', () => e.premiumSubsidy({ categories: '低保对象', region: '益阳', year: 2021 })],
    ['1:9 市级 12345.67', () => fundSplit(12345.67, '市级')],
  ];
  for (const [label, f] of cases) {
    try {
      console.log(`${label}\t${String(f().value)}`);
    } catch (err) {
      if (!isMedaidError(err)) throw err;
      console.log(`${label}\t${err.excel} ${err.message}`);
    }
  }
  const r = e.annual({ inpatientCost: 60000, outpatientCost: 0, categories: '低保对象', region: '信阳', referred: true });
  console.log(`\n信阳 低保对象 年度 住院 60000 规范转诊\t${r.value.toFixed(2)}`);
  console.log(explanationTable(r.explanation).map((row) => row.join('\t')).join('\n'));
  return 0;
}
