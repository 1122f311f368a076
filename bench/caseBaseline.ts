/** The formula-workbook baseline on the same roster, checked against our kernel to the fen. */
import { defaultEngine } from '../src/engine/engine';
import { parseRatio } from '../src/engine/rules/fund';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { projectColumns, splitDistricts } from '../src/fastpath/projectColumns';
import { Units, buildWorkbook } from './formulaWorkbook';
import { generateRoster } from './generateRoster';
import { peakRssMB, round1, time } from './measure';

export function caseBaseline(size: number, units: Units = 'fen') {
  const engine = defaultEngine();
  const c = compilePolicy(engine.resolve('信阳', 2024));
  const roster = generateRoster(c, size);
  // Ours, in the same process and run: the kernel projection with the 1:9 split by district.
  const ours = time(() => {
    const proj = projectColumns(compilePolicy(engine.resolve('信阳', 2024)), roster, { perVisit: true });
    return { proj, split: splitDistricts(roster, proj, parseRatio('1:9')) };
  });
  const wb = time(() => buildWorkbook(c, roster, units));
  const read = time(() => ({ total: wb.value.total(), byDistrict: wb.value.byDistrict(), paid: wb.value.paid() }));
  const baselineMs = wb.ms + read.ms;
  const { proj, split } = ours.value;
  const toFen = (x: number) => (units === 'fen' ? x : Math.round(x * 100));
  let rowMismatches = 0;
  read.value.paid.forEach((y, i) => {
    if (toFen(y) !== proj.assistanceFen![i]) rowMismatches++;
  });
  const districtMismatches = read.value.byDistrict.filter((d) => {
    const s = split.districts.get(d.district)!;
    return toFen(d.city) !== Math.round(s.city.toNumber() * 100) || toFen(d.rest) !== Math.round(s.district.toNumber() * 100);
  }).length;
  return {
    case: units === 'fen' ? 'baseline' : 'baseline-yuan',
    size,
    units,
    formulation: units === 'fen'
      ? 'running sums with IF(same person as row above); VLOOKUP terms; amounts in fen, ratios x10^4, ROUND(x/10000,0) where the engine rounds'
      : 'running sums with IF(same person as row above); VLOOKUP terms; amounts in yuan, ROUND(x,2) where the engine rounds',
    formulaCells: wb.value.rows * 26,
    baselineMs: round1(baselineMs),
    buildMs: round1(wb.ms),
    oursMs: round1(ours.ms),
    ratio: Math.round(baselineMs / ours.ms),
    baselineRowsPerSec: Math.round(size / (baselineMs / 1000)),
    peakRssMB: peakRssMB(),
    totalsEqual: toFen(read.value.total) === proj.totals.assistance && districtMismatches === 0,
    baselineTotalFen: toFen(read.value.total),
    oursTotalFen: proj.totals.assistance,
    rowMismatches,
    districtMismatches,
  };
}
