/**
 * Names of the hidden sheets the pane keeps its state in (see scenarioSheet.ts). Alone in
 * this file so that code deciding what a sheet is need not load exceljs.
 */
export const SCENARIO_SHEET = 'MedAid-scenarios';
export const FIGURES_SHEET = 'MedAid-figures';
/** Never offered as roster input, never copied to Excel as results. */
export const SAVED_SHEETS: readonly string[] = [SCENARIO_SHEET, FIGURES_SHEET];
