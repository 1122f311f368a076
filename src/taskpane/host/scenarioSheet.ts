/**
 * What the pane saves in a downloaded workbook: hidden sheets whose column A holds JSON text
 * in pieces (a cell holds at most 32 767 characters) — the scenario set (MedAid-scenarios, the
 * CLI's scenario format) and the analyst's figures (MedAid-figures). They are handed to the
 * projection's workbook writer as extra sheets, so the result is written once with them;
 * they are read back with exceljs directly, cell by cell, so no header detection or trimming
 * can touch the text.
 */
import ExcelJS from 'exceljs';
import type { ExtraSheet } from '../../projection/workbookLayout';
import { figuresEngine, figuresJson, hasFigures, parseFiguresJson } from '../analystFigures';
import { parseScenarioSet, scenarioSetJson, type ScenarioSet } from '../scenarioStore';

import { FIGURES_SHEET, SAVED_SHEETS, SCENARIO_SHEET } from './savedSheetNames';

export { FIGURES_SHEET, SAVED_SHEETS, SCENARIO_SHEET } from './savedSheetNames';
const CELL_CHARS = 30000;

function textSheet(name: string, json: string): ExtraSheet {
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += CELL_CHARS) rows.push([json.slice(i, i + CELL_CHARS)]);
  return { name, state: 'hidden', rows };
}

/** The hidden sheets for a set: scenarios when there are any, figures when there are any. */
export function savedSheets(set: ScenarioSet): ExtraSheet[] {
  const out: ExtraSheet[] = [];
  if (set.scenarios.length > 0) out.push(textSheet(SCENARIO_SHEET, scenarioSetJson(set)));
  if (set.figures && hasFigures(set.figures)) out.push(textSheet(FIGURES_SHEET, figuresJson(set.figures)));
  return out;
}

/** Adds (or replaces) the hidden sheets of a set in an exceljs workbook. */
export function addScenarioSheet(wb: ExcelJS.Workbook, set: ScenarioSet): void {
  for (const name of SAVED_SHEETS) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  for (const sheet of savedSheets(set)) {
    const ws = wb.addWorksheet(sheet.name, { state: 'hidden' });
    sheet.rows.forEach((row, r) => {
      const cell = ws.getCell(r + 1, 1);
      cell.numFmt = '@';
      cell.value = row[0];
    });
  }
}

function sheetText(wb: ExcelJS.Workbook, name: string): string | undefined {
  const ws = wb.getWorksheet(name);
  if (!ws) return undefined;
  let text = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === 'string') text += v;
  }
  return text.trim() === '' ? undefined : text;
}

/** The saved set, or undefined when the workbook holds neither sheet. Scenarios are checked on the figures' engine. */
export function readScenarioSheet(wb: ExcelJS.Workbook): ScenarioSet | undefined {
  const figuresText = sheetText(wb, FIGURES_SHEET);
  const scenariosText = sheetText(wb, SCENARIO_SHEET);
  if (figuresText === undefined && scenariosText === undefined) return undefined;
  const figures = figuresText === undefined ? undefined : parseFiguresJson(figuresText, FIGURES_SHEET);
  const scenarios = scenariosText === undefined ? [] : parseScenarioSet(scenariosText, SCENARIO_SHEET, figures ? figuresEngine(figures) : undefined).scenarios;
  return figures ? { scenarios, figures } : { scenarios };
}

export async function scenariosInXlsx(bytes: Uint8Array): Promise<ScenarioSet | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof Buffer !== 'undefined' ? Buffer.from(bytes) : bytes.slice().buffer) as unknown as ExcelJS.Buffer);
  return readScenarioSheet(wb);
}
