/**
 * The scenario set in a downloaded workbook: a hidden sheet whose column A holds the JSON
 * text in pieces (a cell holds at most 32 767 characters). Read and written with exceljs
 * directly, cell by cell, so no header detection or trimming can touch the text.
 */
import ExcelJS from 'exceljs';
import { parseScenarioSet, scenarioSetJson, type ScenarioSet } from '../scenarioStore';

export const SCENARIO_SHEET = 'MedAid-scenarios';
const CELL_CHARS = 30000;

export function addScenarioSheet(wb: ExcelJS.Workbook, set: ScenarioSet): void {
  const old = wb.getWorksheet(SCENARIO_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SCENARIO_SHEET, { state: 'hidden' });
  const json = scenarioSetJson(set);
  for (let i = 0, r = 1; i < json.length; i += CELL_CHARS, r++) {
    const cell = ws.getCell(r, 1);
    cell.numFmt = '@';
    cell.value = json.slice(i, i + CELL_CHARS);
  }
}

export function readScenarioSheet(wb: ExcelJS.Workbook): ScenarioSet | undefined {
  const ws = wb.getWorksheet(SCENARIO_SHEET);
  if (!ws) return undefined;
  let text = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === 'string') text += v;
  }
  return text.trim() === '' ? undefined : parseScenarioSet(text);
}

export async function scenariosInXlsx(bytes: Uint8Array): Promise<ScenarioSet | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof Buffer !== 'undefined' ? Buffer.from(bytes) : bytes.slice().buffer) as unknown as ExcelJS.Buffer);
  return readScenarioSheet(wb);
}
