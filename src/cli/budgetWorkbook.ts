/** `medaid plan --out` / `medaid burden --out`: the budget sheets (projection/budgetSheets.ts) as an .xlsx file's bytes. */
import { excelJs } from '../roster/excelJs';
import { addBudgetSheets, type BudgetSheets } from '../projection/budgetSheets';
import type { Lang } from '../projection/labels';

export async function budgetWorkbookBytes(parts: readonly BudgetSheets[], lang: Lang): Promise<Uint8Array> {
  const wb = new (await excelJs()).Workbook();
  wb.creator = 'MedAid Budget';
  for (const p of parts) addBudgetSheets(wb, p, lang);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
