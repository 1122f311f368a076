/** The HyperFormula harness for the MEDAID functions (Node only; GPL-3.0 HyperFormula). */
export { MedaidPlugin, MedaidRosterPlugin, PROJECT_MAX_ROWS, registerMedaidFunctions, medaidFunctionNames, toCellError, NAMESPACE, EXPLAIN_ROWS } from './plugin';
export {
  HF_CONFIG,
  createWorkbook,
  workbookFromExcelJs,
  sheetsFromExcelJs,
  normalizeFormula,
  asText,
  address,
  cellValue,
  evaluateFormula,
  formatCell,
  formatNumber,
  trimTable,
} from './workbook';
export type { EvalResult, SheetData } from './workbook';
