/**
 * The fast projection path: the engine's PersonYear on integer fen in typed arrays, for
 * rosters of millions of visits, with the decimal engine taking any person the kernel
 * cannot do exactly. See docs/benchmark.md.
 *
 *   const c = compilePolicy(engine.resolve('信阳', 2024));           // once per edition/year
 *   const { roster, source } = columnarFromRoster(c, people, visits);  // importer rows → columns
 *   const p = projectColumns(c, roster, { perVisit: true, decimalInput: source.decimalInput });
 *   const split = splitDistricts(roster, p, parseRatio('1:9'));
 *   await streamProject('visits.csv', { engine, region: '信阳', year: 2024, ratio: parseRatio('1:9') });
 */
export { compilePolicy, CATEGORY_CODE, NONE, OK, DECIMAL } from './compiledPolicy';
export type { CompiledPolicy, TierTable, TiltTable } from './compiledPolicy';
export { FastPersonYear } from './fastPersonYear';
export { columnarFromRoster, visitInputOf } from './columnarRoster';
export type { ColumnarRoster, RosterSource } from './columnarRoster';
export { projectColumns, splitDistricts, visitInputFromColumns } from './projectColumns';
export type { FastProjection, PersonError, ProjectOptions, Totals } from './projectColumns';
export { streamProject, splitCsvLine, StreamOrderError } from './streamProject';
export type { StreamOptions, StreamResult, StreamMessage } from './streamProject';
export { RATE_SCALE, MAX_FEN, decToFen, decToRate, fenToText, unitsToFenHalfUp } from './fixedPoint';
