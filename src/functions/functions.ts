/// <reference types="custom-functions-runtime" />
/// <reference types="office-js" />
/**
 * The MEDAID custom functions for Excel. Each is a thin wrapper: its JSDoc is the source of
 * functions.json (custom-functions-metadata-plugin; the zh-CN metadata is made from it and
 * src/functions/locale/zh-CN.json), and its body calls the pure adapter in ./adapters, which
 * is the same code `medaid eval` and the tests run under HyperFormula.
 *
 * Every argument is typed any[][] so a whole column can be passed at once
 * (=MEDAID.ASSIST_INPATIENT(A2:A50001, B2:B50001, "信阳")): the result spills one value per
 * row; single values apply to every row. Every function returns a table (a single value is
 * a 1×1 table); the per-row ones asynchronously, computed in slices that yield, with error
 * messages rationed to Excel's 5 MB payload limit (payloadLimit.ts). An error is returned in its own cell only, as CustomFunctions.Error; only
 * #VALUE! and #N/A carry the bilingual message in Excel.
 *
 * CustomFunctions.associate calls are added by the metadata plugin's loader at build time.
 */
import type { Arg, ErrorCell, Lang, Output } from './adapters';
import { TABLE_FUNCTIONS, applyRowFunctionInSlices, asTable, explain, materialize, policyList, rowFunction, visitLayers } from './adapters';
import { languageFor, officeDisplayLanguage } from './displayLanguage';
import { limitPayload } from './payloadLimit';

/**
 * The whole-roster functions (FUND_NEED, PROJECT) need the roster importer and the projection:
 * loaded on first use as their own chunk, so functions.js, which every workbook using MEDAID
 * loads, stays small.
 */
const rosterFunctions = () => import(/* webpackChunkName: "roster-functions" */ './rosterFunctions');

export { setEngine, currentEngine } from './adapters';

/**
 * Outside Office (the pane in a plain browser, file mode) there is no CustomFunctions
 * global, and the associate() calls the metadata plugin appends to this module would throw.
 * A no-op stand-in keeps the page error-free; inside Excel the real one is already there.
 */
const host = globalThis as unknown as { CustomFunctions?: { associate: (...a: unknown[]) => void } };
if (typeof host.CustomFunctions === 'undefined') host.CustomFunctions = { associate: () => undefined };

/** Turns an adapter error cell into what Excel shows. Injectable for tests. */
export type ExcelErrorFactory = (e: ErrorCell) => unknown;

/** CustomFunctions.Error (CustomFunctionsRuntime 1.2) with its ErrorCode values (1.3), the only Office objects used here. */
export function officeError(e: ErrorCell): unknown {
  const CF = CustomFunctions;
  switch (e.error) {
    case '#N/A':
      return new CF.Error(CF.ErrorCode.notAvailable, e.message);
    case '#NUM!':
      return new CF.Error(CF.ErrorCode.invalidNumber); // Excel shows no message for #NUM!
    case '#VALUE!':
    default:
      return new CF.Error(CF.ErrorCode.invalidValue, e.message);
  }
}

let makeError: ExcelErrorFactory = officeError;

/** Replaces how error cells become Excel errors (tests); no argument restores CustomFunctions.Error. */
export function setErrorFactory(f?: ExcelErrorFactory): void {
  makeError = f ?? officeError;
}

/** The add-in's one language rule (displayLanguage.ts): Chinese for a Chinese Office, English otherwise. */
function displayLang(): Lang {
  return languageFor(officeDisplayLanguage());
}

/** A result as Excel takes it: error messages rationed to stay under the 5 MB payload limit. */
function excel(out: Output): any[][] {
  return materialize(limitPayload(asTable(out)), (e) => makeError(e));
}

/**
 * A per-row function for Excel: asynchronous, computed in slices that yield to the runtime
 * (adapters.applyRowFunctionInSlices), so a 100 000-row column never blocks for long.
 */
async function row(id: string, args: Arg[], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  // Trailing optional arguments Excel passes as null or undefined are simply "not given".
  let n = args.length;
  while (n > 0 && (args[n - 1] === undefined || args[n - 1] === null)) n--;
  // parameterAddresses (requiresParameterAddresses): an error cell in a range is then named by
  // its A1 address (parameterAddress.ts); without them, by its row and column in the range.
  const addresses = invocation?.parameterAddresses;
  return excel(await applyRowFunctionInSlices(rowFunction(id)!, args.slice(0, n), undefined, { addresses }));
}

/**
 * Inpatient medical assistance (住院救助) for an admission: the policy-range out-of-pocket cost left after basic and critical-illness insurance, above the deductible, times the category's ratio, within the annual cap.
 * @customfunction ASSIST_INPATIENT
 * @param {any[][]} cost Policy-range out-of-pocket cost in yuan after basic and critical-illness insurance; a cell or a column.
 * @param {any[][]} category Category of the person, e.g. 低保对象 or 特困人员; several as "低保对象;孤儿" (the most favourable applies).
 * @param {any[][]} region Region, e.g. 信阳, 西平, 益阳, 山西, 威海.
 * @param {any[][]} [year] Policy year, e.g. 2024; blank uses the latest edition.
 * @param {any[][]} [ytdCost] Out-of-pocket cost already counted this year (toward the deductible).
 * @param {any[][]} [ytdAssist] Assistance already paid this year (toward the annual cap).
 * @param {any[][]} [totalCost] Total in-catalogue cost of the admission (Shanxi 90% top-up).
 * @param {any[][]} [insurancePaid] What basic and critical-illness insurance paid for the admission (Shanxi 90% top-up).
 * @returns {Promise<any[][]>} Assistance in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistInpatient(cost: any[][], category: any[][], region: any[][], year?: any[][], ytdCost?: any[][], ytdAssist?: any[][], totalCost?: any[][], insurancePaid?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_INPATIENT', [cost, category, region, year, ytdCost, ytdAssist, totalCost, insurancePaid], invocation);
}

/**
 * Outpatient medical assistance (门诊救助) for chronic and special diseases: cost above the deductible times the category's ratio, within the annual cap.
 * @customfunction ASSIST_OUTPATIENT
 * @param {any[][]} cost Policy-range out-of-pocket outpatient cost in yuan; a cell or a column.
 * @param {any[][]} category Category of the person, e.g. 低保对象.
 * @param {any[][]} region Region, e.g. 信阳.
 * @param {any[][]} [kind] Outpatient scheme or disease, e.g. 门诊慢特病; blank uses the region's main scheme.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [ytdAssist] Assistance already paid this year (toward the annual cap, or the most a scale pays, e.g. 威海 14000).
 * @param {any[][]} [ytdCost] Out-of-pocket outpatient cost already counted this year (toward the deductible and brackets).
 * @returns {Promise<any[][]>} Assistance in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistOutpatient(cost: any[][], category: any[][], region: any[][], kind?: any[][], year?: any[][], ytdAssist?: any[][], ytdCost?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_OUTPATIENT', [cost, category, region, kind, year, ytdAssist, ytdCost], invocation);
}

/**
 * A person's assistance for a year: inpatient, then outpatient under the shared annual cap, plus tilted assistance (倾斜救助) when referred.
 * @customfunction ASSIST_ANNUAL
 * @param {any[][]} inpatientCost Policy-range out-of-pocket inpatient cost for the year, in yuan.
 * @param {any[][]} outpatientCost Policy-range out-of-pocket outpatient cost for the year, in yuan.
 * @param {any[][]} category Category of the person, e.g. 低保对象.
 * @param {any[][]} region Region, e.g. 信阳.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [referred] TRUE when referred and treated in the province (needed for tilted assistance).
 * @returns {Promise<any[][]>} Total assistance for the year in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistAnnual(inpatientCost: any[][], outpatientCost: any[][], category: any[][], region: any[][], year?: any[][], referred?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_ANNUAL', [inpatientCost, outpatientCost, category, region, year, referred], invocation);
}

/**
 * Premium subsidy (资助参保): the part of the individual premium for residents' basic medical insurance that assistance pays.
 * @customfunction PREMIUM_SUBSIDY
 * @param {any[][]} category Category of the person, e.g. 特困人员.
 * @param {any[][]} region Region, e.g. 益阳.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [premium] Individual premium in yuan, when the documents give none for the year.
 * @param {any[][]} [tier] Contribution tier chosen (参保档次): 一档 or 二档; blank is the first tier (Weihai subsidises the first tier only).
 * @returns {Promise<any[][]>} Subsidy in yuan per person, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function premiumSubsidy(category: any[][], region: any[][], year?: any[][], premium?: any[][], tier?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('PREMIUM_SUBSIDY', [category, region, year, premium, tier], invocation);
}

/**
 * Critical-illness insurance (大病保险) payment for an eligible cost, with the tilt for the poorest where the policy gives one.
 * @customfunction CI_INSURANCE
 * @param {any[][]} cost Eligible cost in yuan left after basic medical insurance.
 * @param {any[][]} category Category of the person, e.g. 特困人员.
 * @param {any[][]} region Region, e.g. 威海.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @returns {Promise<any[][]>} Insurance payment in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function ciInsurance(cost: any[][], category: any[][], region: any[][], year?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('CI_INSURANCE', [cost, category, region, year], invocation);
}

/**
 * Hospital fee reduction (医院减免) for an admission, where the policy gives one.
 * @customfunction HOSPITAL_REDUCTION
 * @param {any[][]} cost Out-of-catalogue inpatient cost in yuan.
 * @param {any[][]} category Category of the person.
 * @param {any[][]} region Region, e.g. 威海.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @returns {Promise<any[][]>} Reduction in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function hospitalReduction(cost: any[][], category: any[][], region: any[][], year?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('HOSPITAL_REDUCTION', [cost, category, region, year], invocation);
}

/**
 * Most out-of-catalogue cost an admission may carry: a share of its total cost by hospital level.
 * @customfunction OUT_OF_CATALOGUE_LIMIT
 * @param {any[][]} totalCost Total cost of the admission in yuan.
 * @param {any[][]} hospitalLevel Hospital level or fee class, e.g. 一级, 二级, 三级.
 * @param {any[][]} region Region, e.g. 西平.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @returns {Promise<any[][]>} Limit in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function outOfCatalogueLimit(totalCost: any[][], hospitalLevel: any[][], region: any[][], year?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('OUT_OF_CATALOGUE_LIMIT', [totalCost, hospitalLevel, region, year], invocation);
}

/**
 * Basic insurance's outpatient pooling (门诊统筹) for one visit where the policy states it (信阳: 普通门诊 300 a year; “两病” drugs 120 / 170 / 200; 60%).
 * @customfunction OUTPATIENT_POOLING
 * @param {any[][]} cost In-catalogue outpatient cost of the visit in yuan; a cell or a column.
 * @param {any[][]} region Region, e.g. 信阳.
 * @param {any[][]} [pool] Pooling class: 普通门诊, 高血压, 糖尿病 or 合并两病; blank is 普通门诊.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [paidSoFar] Already reimbursed this year from the same pool (toward its annual limit).
 * @returns {Promise<any[][]>} Basic-insurance payment in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function outpatientPooling(cost: any[][], region: any[][], pool?: any[][], year?: any[][], paidSoFar?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('OUTPATIENT_POOLING', [cost, region, pool, year, paidSoFar], invocation);
}

/**
 * Monitoring alert (防返贫监测): TRUE when a year's out-of-pocket medical cost passes the policy's share of per-capita disposable income.
 * @customfunction MONITOR_ALERT
 * @param {any[][]} outOfPocket Out-of-pocket medical cost for the year in yuan.
 * @param {any[][]} region Region, e.g. 西平.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [income] Previous year's per-capita disposable income in yuan, when the documents give none.
 * @param {any[][]} [category] Category of the person; outside the monitored groups (西平: 低保边缘家庭成员, 农村易返贫致贫人口) the result is FALSE.
 * @returns {Promise<any[][]>} TRUE or FALSE, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function monitorAlert(outOfPocket: any[][], region: any[][], year?: any[][], income?: any[][], category?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('MONITOR_ALERT', [outOfPocket, region, year, income, category], invocation);
}

/**
 * Fiscal split of an amount between city and district (市、区县): the city's share rounded to the fen, the district the rest.
 * @customfunction FUND_SPLIT
 * @param {any[][]} amount Amount in yuan.
 * @param {any[][]} part city (市级) or district (区县).
 * @param {any[][]} [ratio] City:district ratio as text; blank is "1:9".
 * @returns {Promise<any[][]>} The part in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function fundSplitFn(amount: any[][], part: any[][], ratio?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('FUND_SPLIT', [amount, part, ratio], invocation);
}

/**
 * Assistance ratio of a scheme for a category (the most favourable when several).
 * @customfunction ASSIST_RATE
 * @param {any[][]} category Category of the person.
 * @param {any[][]} region Region.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [scheme] Scheme: blank or 住院 for inpatient, or an outpatient scheme or disease.
 * @returns {Promise<any[][]>} Ratio, e.g. 0.7, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistRate(category: any[][], region: any[][], year?: any[][], scheme?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_RATE', [category, region, year, scheme], invocation);
}

/**
 * Annual deductible (起付标准) of a scheme for a category (the lowest when several).
 * @customfunction ASSIST_DEDUCTIBLE
 * @param {any[][]} category Category of the person.
 * @param {any[][]} region Region.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [scheme] Scheme: blank or 住院 for inpatient, or an outpatient scheme or disease.
 * @returns {Promise<any[][]>} Deductible in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistDeductible(category: any[][], region: any[][], year?: any[][], scheme?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_DEDUCTIBLE', [category, region, year, scheme], invocation);
}

/**
 * Annual cap (年度最高救助限额) of a scheme for a category (the highest when several).
 * @customfunction ASSIST_CAP
 * @param {any[][]} category Category of the person.
 * @param {any[][]} region Region.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [scheme] Scheme: blank or 住院 for inpatient, or an outpatient scheme or disease.
 * @returns {Promise<any[][]>} Cap in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function assistCap(category: any[][], region: any[][], year?: any[][], scheme?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('ASSIST_CAP', [category, region, year, scheme], invocation);
}

/**
 * Medical assistance for one settlement visit, from the settlement columns through basic insurance, critical-illness insurance and the hospital's share.
 * @customfunction VISIT_ASSIST
 * @param {any[][]} totalCost Total medical cost of the visit in yuan (医疗总费用).
 * @param {any[][]} outOfCatalogue Out-of-catalogue cost in yuan (目录外费用).
 * @param {any[][]} basicPaid What basic medical insurance paid, yuan (基本医保统筹支付).
 * @param {any[][]} category Category of the person, e.g. 建档立卡贫困人口.
 * @param {any[][]} region Region, e.g. 威海.
 * @param {any[][]} [kind] 住院 (default) or an outpatient scheme, e.g. 门诊慢性病.
 * @param {any[][]} [ciPaid] What critical-illness insurance paid, yuan; blank computes it from the rule.
 * @param {any[][]} [reduction] Hospital reduction in yuan; blank computes it from the rule.
 * @param {any[][]} [hospitalLevel] Hospital level or fee class, e.g. 二级, for out-of-catalogue limits.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [referred] Referred and treated in the province (TRUE/FALSE).
 * @param {any[][]} [pool] Outpatient pooling class (门诊统筹类别), e.g. 普通门诊 or 高血压 (信阳): basicPaid may then be blank and is computed from the pool.
 * @returns {Promise<any[][]>} Assistance in yuan, one per row.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function visitAssist(totalCost: any[][], outOfCatalogue: any[][], basicPaid: any[][], category: any[][], region: any[][], kind?: any[][], ciPaid?: any[][], reduction?: any[][], hospitalLevel?: any[][], year?: any[][], referred?: any[][], pool?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return row('VISIT_ASSIST', [totalCost, outOfCatalogue, basicPaid, category, region, kind, ciPaid, reduction, hospitalLevel, year, referred, pool], invocation);
}

/**
 * The layers of a settlement visit as a row: basic insurance, critical-illness insurance, hospital reduction, out-of-catalogue excess borne by the hospital, assistance, of which tilted, and what the person still pays.
 * @customfunction VISIT_LAYERS
 * @param {any[][]} totalCost Total medical cost in yuan (医疗总费用), or a column of them.
 * @param {any[][]} outOfCatalogue Out-of-catalogue cost in yuan (目录外费用).
 * @param {any[][]} basicPaid What basic medical insurance paid, yuan (基本医保统筹支付).
 * @param {any[][]} category Category of the person, e.g. 建档立卡贫困人口.
 * @param {any[][]} region Region, e.g. 威海.
 * @param {any[][]} [kind] 住院 (default) or an outpatient scheme.
 * @param {any[][]} [ciPaid] What critical-illness insurance paid, yuan; blank computes it from the rule.
 * @param {any[][]} [reduction] Hospital reduction in yuan; blank computes it from the rule.
 * @param {any[][]} [hospitalLevel] Hospital level or fee class, e.g. 二级.
 * @param {any[][]} [year] Policy year; blank uses the latest edition.
 * @param {any[][]} [referred] Referred and treated in the province (TRUE/FALSE).
 * @param {any[][]} [pool] Outpatient pooling class (门诊统筹类别), e.g. 普通门诊 or 高血压 (信阳): basicPaid may then be blank and is computed from the pool.
 * @returns {any[][]} A header row, then one row of layers per visit.
 * @param {CustomFunctions.Invocation} invocation Where Excel calls from and where each argument is (not an argument in Excel).
 * @requiresParameterAddresses
 */
export function visitLayersFn(totalCost: any[][], outOfCatalogue: any[][], basicPaid: any[][], category: any[][], region: any[][], kind?: any[][], ciPaid?: any[][], reduction?: any[][], hospitalLevel?: any[][], year?: any[][], referred?: any[][], pool?: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  const args: Arg[] = [totalCost, outOfCatalogue, basicPaid, category, region, kind, ciPaid, reduction, hospitalLevel, year, referred, pool];
  while (args.length > 0 && (args[args.length - 1] === undefined || args[args.length - 1] === null)) args.pop();
  return excel(visitLayers(args, displayLang(), undefined, true, invocation?.parameterAddresses));
}

/**
 * The policy editions the functions know: region, province, edition, effective date, year, status and documents.
 * @customfunction POLICY_LIST
 * @returns {any[][]} A table with a header row.
 */
export function policyListFn(): any[][] {
  return excel(policyList(displayLang()));
}

/**
 * How a MEDAID function reaches its value: each step with its amount, every parameter with its value and the clause of the document it comes from.
 * @customfunction ASSIST_EXPLAIN
 * @param {any} functionName Name of the function to explain, e.g. ASSIST_INPATIENT.
 * @param {any[]} args That function's arguments, in its order.
 * @returns {any[][]} A table: step, amount, parameter, value, citation.
 */
export function assistExplain(functionName: any, args: any[]): any[][] {
  const list = Array.isArray(args) ? args : args === undefined ? [] : [args];
  return excel(explain(functionName, list, displayLang()));
}

/** Repeating values Excel passes (a flat list; ranges flattened), trailing blanks dropped. */
function repeated(values: any[] | undefined): any[] {
  const flat = (Array.isArray(values) ? values : values === undefined ? [] : [values]).flat(2);
  while (flat.length > 0 && (flat[flat.length - 1] === undefined || flat[flat.length - 1] === null || flat[flat.length - 1] === '')) flat.pop();
  return flat;
}

/**
 * Fund need (资金需求: assistance plus premium subsidies) of a whole roster under a region's rules for a year; parameter and value pairs override the policy, so Data Table and Goal Seek can vary them.
 * @customfunction FUND_NEED
 * @param {any[][]} people The people table with its header row (身份证号, 姓名, 人员类别, 区县, 个人缴费 …).
 * @param {any[][]} visits The visits table with its header row (身份证号, 结算日期, 就诊类型, 政策范围内自付 …).
 * @param {any[][]} region Region, e.g. 信阳.
 * @param {any[][]} year Year of the roster and of the rules, e.g. 2024.
 * @param {any[]} [parameterValue] Pairs of a parameter path and its value, e.g. "inpatient.tiers.dibao_returned.ratio", 0.75.
 * @returns {Promise<any[][]>} The fund need in yuan.
 */
export async function fundNeedFn(people: any[][], visits: any[][], region: any[][], year: any[][], parameterValue?: any[]): Promise<any[][]> {
  const { fundNeedOfRanges } = await rosterFunctions();
  return excel(fundNeedOfRanges(people, visits, region, year, repeated(parameterValue)));
}

/**
 * Projection of a whole roster spilled as a summary by head-count category or by district: people, visits, inpatient, outpatient and tilted assistance, premium subsidies and fund need, with a total row.
 * @customfunction PROJECT
 * @param {any[][]} people The people table with its header row (身份证号, 姓名, 人员类别, 区县, 个人缴费 …).
 * @param {any[][]} visits The visits table with its header row (身份证号, 结算日期, 就诊类型, 政策范围内自付 …).
 * @param {any[][]} region Region, e.g. 信阳.
 * @param {any[][]} year Year of the roster and of the rules, e.g. 2024.
 * @param {any[][]} [by] 类别 (category, the default) or 区县 (district).
 * @param {any[]} [parameterValue] Pairs of a parameter path and its value, e.g. "inpatient.tiers.dibao_returned.ratio", 0.75.
 * @returns {Promise<any[][]>} A header row, one row per category or district, and the total row.
 */
export async function projectFn(people: any[][], visits: any[][], region: any[][], year: any[][], by?: any[][], parameterValue?: any[]): Promise<any[][]> {
  const { projectTableOfRanges } = await rosterFunctions();
  return excel(projectTableOfRanges(people, visits, region, year, by ?? null, repeated(parameterValue), displayLang()));
}

/** The ids above, for tests: every JSDoc'd function and the adapter it calls. */
export const EXCEL_FUNCTIONS = {
  ASSIST_INPATIENT: assistInpatient,
  ASSIST_OUTPATIENT: assistOutpatient,
  ASSIST_ANNUAL: assistAnnual,
  PREMIUM_SUBSIDY: premiumSubsidy,
  CI_INSURANCE: ciInsurance,
  HOSPITAL_REDUCTION: hospitalReduction,
  OUTPATIENT_POOLING: outpatientPooling,
  OUT_OF_CATALOGUE_LIMIT: outOfCatalogueLimit,
  MONITOR_ALERT: monitorAlert,
  FUND_SPLIT: fundSplitFn,
  ASSIST_RATE: assistRate,
  ASSIST_DEDUCTIBLE: assistDeductible,
  ASSIST_CAP: assistCap,
  [TABLE_FUNCTIONS.POLICY_LIST.id]: policyListFn,
  [TABLE_FUNCTIONS.ASSIST_EXPLAIN.id]: assistExplain,
  VISIT_ASSIST: visitAssist,
  [TABLE_FUNCTIONS.VISIT_LAYERS.id]: visitLayersFn,
  [TABLE_FUNCTIONS.FUND_NEED.id]: fundNeedFn,
  [TABLE_FUNCTIONS.PROJECT.id]: projectFn,
} as const;
