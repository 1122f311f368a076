/**
 * =MEDAID.FUND_NEED over sheet ranges (src/functions/rosterFunctions.ts) as Excel would call it
 * on a generated 信阳 2024 roster: the first call (import the ranges + project), a recalculation
 * with a parameter changed (the roster cached on the ranges' contents, the projection re-run),
 * and a recalculation with nothing changed (both cached). Excel restarts an add-in that blocks
 * 5 s, so each figure must stay well under it.
 */
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { defaultEngine } from '../src/engine/engine';
import { fundNeedOfRanges, projectTableOfRanges, rosterImports } from '../src/functions/rosterFunctions';
import { generateRoster, KIND_NAMES, SCHEME_NAMES, personIdText, ymdText } from './generateRoster';
import { categoriesText } from './writeCsv';
import { peakRssMB, round1, time } from './measure';

type Cell = string | number | null;

export function caseFundNeed(size: number) {
  const r = generateRoster(compilePolicy(defaultEngine().resolve('信阳', 2024)), size);
  const people: Cell[][] = [['身份证号', '姓名', '人员类别', '区县', '个人缴费']];
  const visits: Cell[][] = [['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊']];
  for (let p = 0; p < r.persons; p++) {
    const id = personIdText(p);
    people.push([id, `测试${p}`, categoriesText(r, p), r.districtNames[r.personDistrict[p]], 380]); // 2024 individual premium (信阳 gives none)
    for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) {
      const kind = r.visitKind[v];
      visits.push([id, ymdText(r.visitDate[v]), KIND_NAMES[kind], SCHEME_NAMES[kind], r.visitCostFen[v] / 100, r.visitReferred[v] ? '是' : '否']);
    }
  }
  // Excel passes fresh arrays on every recalculation: copies, so the cache is keyed on contents, not identity.
  const copy = (g: Cell[][]) => g.map((row) => row.slice());
  // 信阳 leaves the 监测对象 subsidy amount to the province (delegated): the analyst's 100 as a pair.
  const monitored = ['premium.tiers.monitored.amount', 100];
  const path = 'inpatient.tiers.dibao_returned.ratio';
  const first = time(() => fundNeedOfRanges(copy(people), copy(visits), '信阳', 2024, monitored));
  const param = time(() => fundNeedOfRanges(copy(people), copy(visits), '信阳', 2024, [...monitored, path, 0.75]));
  const same = time(() => fundNeedOfRanges(copy(people), copy(visits), '信阳', 2024, [...monitored, path, 0.75]));
  const cross = time(() => projectTableOfRanges(copy(people), copy(visits), '信阳', 2024, null, [...monitored, path, 0.75]));
  const value = (x: unknown) => (typeof x === 'number' ? x : JSON.stringify(x).slice(0, 300));
  return {
    case: 'fund-need',
    size,
    persons: r.persons,
    wallMs: round1(first.ms),
    firstCallMs: round1(first.ms),
    paramChangeMs: round1(param.ms),
    unchangedMs: round1(same.ms),
    rosterImports: rosterImports(),
    need: value(first.value),
    needAt075: value(param.value),
    // PROJECT (a full project()) with the same parameters: its total equals the kernel's need.
    projectMs: round1(cross.ms),
    projectTotal: cross.value[cross.value.length - 1]?.[8],
    peakRssMB: peakRssMB(),
  };
}
