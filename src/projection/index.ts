/**
 * Roster projection: the public API (docs/projection.md). The CLI and the task pane both
 * call `runProjection`, so the same roster gives the same totals everywhere.
 *
 *   const roster = await readRoster({ name: 'people.csv', bytes }, { name: 'visits.csv', bytes: vbytes }, 2024);
 *   const run = runProjection({ ...roster, region: '信阳', year: 2024, scenarios: parseScenarioJson(text, 'x.json') });
 *   const summary = runSummary(run);             // summary.json (amounts as "12345.67")
 *   const xlsx = await writeWorkbook(run, { lang: 'zh', mask: true });  // Uint8Array
 */
export type * from './types';
export { runProjection, rejectedRowCount, type RunInput } from './run';
export { project, BASELINE, byDateThenRow } from './project';
export { validateScenario, validateScenarios, validateFunding, validateGrowth } from './scenario';
export { parseScenarioJson, scenarioJson, SCENARIO_FORMAT } from './scenarioFile';
export { compare, measures, difference } from './compare';
export { forecastNextYear, parseRate } from './forecast';
export { planFunding, resolveFunding, largestRemainder } from './funding';
export { computeTotals, assertReconciled } from './totals';
export { runSummary, projectionSummary, type RunSummary, type ProjectionSummary } from './summary';
export { explainPerson, personExplanationTable, type PersonExplanation } from './explainPerson';
export { readRoster, readTable, schemeChecker, type Roster, type RosterFile, type ReadRosterOptions } from './readRoster';
export { writeWorkbook, buildWorkbook, workbookBytes, DEFAULT_MAX_DETAIL_ROWS, type WorkbookOptions, type ExtraSheet } from './writeWorkbook';
// writeWorkbookFile (Node, streamed to disk) is imported from './writeWorkbookFile' directly: it needs fs.
export { EXCEL_MAX_ROWS, planLongTable, type LongTablePlan } from './longTablePlan';
export {
  baselineEngine,
  setFlagSources,
  parseSetFlag,
  parseSetValue,
  parseJsonText,
  parseParamsJson,
  analystParameters,
  type AnalystParameter,
  type BaselineParams,
  type ParameterSource,
  type PolicySource,
} from './baselineParams';
export { measureName, word, categoryName, type Lang } from './labels';
