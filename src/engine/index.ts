/**
 * The rules engine's public API (see docs/engine-api.md). Pure TypeScript: no Office,
 * no DOM, no Node-only module — it runs in Node, the browser and Excel alike.
 */
export { D, ZERO, round2, fmt, parseAmount, sum } from './money';
export type { Dec } from './money';
export { MedaidError, isMedaidError, inputText } from './errors';
export type { ErrorCode, ExcelErrorKind } from './errors';
export { CATEGORIES, categoryById, parseCategory, parseCategories } from './categories';
export type { Category, CategoryId } from './categories';
export { explanationTable } from './explain';
export type { Explanation, ParamUse, Result, Step } from './explain';
export { Engine, defaultEngine, fundSplit, parseFlag, parseYear } from './engine';
export type { AnnualResult, LookupResult, Amount, Categories, VisitInput, VisitResult } from './engine';
export { PersonYear } from './rules/personYear';
export { parsePart, parseRatio, splitAmount, splitByDistrict } from './rules/fund';
export type { Ratio } from './rules/fund';
export { PolicyRegistry } from './policy/registry';
export type { PolicyListRow } from './policy/registry';
export { ResolvedPolicy } from './policy/resolved';
export { validatePolicy, schemaProblems } from './policy/validate';
export type { Overrides, OverrideValue } from './policy/overrides';
export type { PolicyFile, Param, Reference } from './policy/types';
export { BUILTIN_POLICIES } from './policy/builtin.generated';
