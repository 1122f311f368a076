/**
 * The decimal engine paths on the same roster:
 *  - "decimal": every person through the engine's PersonYear (decimal.js), same driver as the kernel;
 *  - "projection": the projection module as shipped (src/projection project(): grouping, PersonYear,
 *    premium subsidies, totals, funding split, forecast), on Person/Visit objects built beforehand.
 */
import { defaultEngine } from '../src/engine/engine';
import { parseRatio } from '../src/engine/rules/fund';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { fenToText } from '../src/fastpath/fixedPoint';
import { projectColumns, splitDistricts } from '../src/fastpath/projectColumns';
import { generateRoster } from './generateRoster';
import { peakRssMB, round1, time } from './measure';
import { rosterObjects } from './rosterObjects';

export function caseDecimal(size: number) {
  const engine = defaultEngine();
  const c = compilePolicy(engine.resolve('信阳', 2024));
  const roster = generateRoster(c, size);
  const t = time(() => {
    const proj = projectColumns(c, roster, { decimalOnly: true });
    return { proj, split: splitDistricts(roster, proj, parseRatio('1:9')) };
  });
  return {
    case: 'decimal',
    size,
    wallMs: round1(t.ms),
    rowsPerSec: Math.round(size / (t.ms / 1000)),
    peakRssMB: peakRssMB(),
    decimalPersons: t.value.proj.decimalPersons,
    totals: { assistance: fenToText(t.value.proj.totals.assistance), city: t.value.split.city.toFixed(2) },
  };
}

export async function caseProjection(size: number) {
  // Loaded lazily: the projection module is another engineer's, and may be mid-edit.
  const { project } = await import('../src/projection/project');
  const engine = defaultEngine();
  const c = compilePolicy(engine.resolve('信阳', 2024));
  const roster = generateRoster(c, size);
  const { people, visits } = rosterObjects(roster);
  const t = time(() => project({ people, visits, region: '信阳', year: 2024 }));
  const p = t.value;
  return {
    case: 'projection',
    size,
    wallMs: round1(t.ms),
    rowsPerSec: Math.round(size / (t.ms / 1000)),
    peakRssMB: peakRssMB(),
    problems: p.problems.length,
    totals: { assistance: p.totals.overall.assistance.total.toFixed(2), city: p.funding.city.toFixed(2) },
  };
}
