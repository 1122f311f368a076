/**
 * The add-in's custom functions through the HyperFormula harness (src/functions/hyperformula):
 * one spilled call over an n-row column against n single-cell calls, same inputs, same results.
 */
import type { RawCellContent } from 'hyperformula';
import { CATEGORIES } from '../src/engine/categories';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { defaultEngine } from '../src/engine/engine';
import { generateRoster } from './generateRoster';
import { peakRssMB, round1, time } from './measure';

export async function caseFunctions(size: number, mode: 'spill' | 'cells') {
  const { createWorkbook } = await import('../src/functions/hyperformula');
  const r = generateRoster(compilePolicy(defaultEngine().resolve('信阳', 2024)), size);
  const rows: RawCellContent[][] = [];
  for (let p = 0; p < r.persons; p++) {
    const cat = CATEGORIES[r.statusCodes[r.statusStart[p]]].zh;
    for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) rows.push([r.visitCostFen[v] / 100, cat]);
  }
  if (mode === 'spill') rows[0].push(`=MEDAID.ASSIST_INPATIENT(A1:A${size},B1:B${size},"信阳",2024)`);
  else rows.forEach((row, i) => row.push(`=MEDAID.ASSIST_INPATIENT(A${i + 1},B${i + 1},"信阳",2024)`));
  const t = time(() => createWorkbook({ S: rows }));
  const hf = t.value;
  let sum = 0;
  let errors = 0;
  const read = time(() => {
    const col = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: size - 1, col: 2 } });
    for (const [x] of col) {
      if (typeof x === 'number') sum += Math.round(x * 100);
      else errors++;
    }
  });
  return {
    case: `functions-${mode}`,
    size,
    wallMs: round1(t.ms + read.ms),
    callsPerSec: Math.round(size / ((t.ms + read.ms) / 1000)),
    peakRssMB: peakRssMB(),
    sumFen: sum,
    errors,
  };
}
