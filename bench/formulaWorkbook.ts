/**
 * The baseline an analyst uses today: the 信阳 2024 rules as ordinary spreadsheet formulas,
 * one row per visit, evaluated by HyperFormula (licenseKey 'gpl-v3').
 *
 * Formulation (what an expert analyst would build, O(n) not O(n²)): the sheet is sorted
 * by person then date; every year-to-date figure is a running sum that restarts when the
 * ID changes — IF($A3=$A2, <cell above>, 0) + this row's amount — instead of a SUMIFS over
 * all previous rows. Terms (deductible, ratio, cap) come from a lookup table keyed by
 * scheme|status (VLOOKUP). Each of the person's (up to two) statuses gets its own block of
 * columns, and the row pays MAX(status totals) minus the same figure on the row above
 * (就高不就低, the cumulative best). Rounding with ROUND(x,2) where the engine rounds.
 *
 * Columns (row 1 = headers, data from row 2):
 *   A ID | B scheme (住院/9类病种/罕见病) | C cost (yuan) | D referred 1/0 | E status 1 | F status 2 | G district
 *   H,I,J running cost per scheme | K cost before this visit (same scheme)
 *   per status (L.. and V..): ratio, deductible, cap, base, ordinary, pool, referred remainder, pool cap, tilt, tilt total
 *   AF best total so far | AG paid on this row
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { CATEGORIES, categoryById } from '../src/engine/categories';
import type { CompiledPolicy } from '../src/fastpath/compiledPolicy';
import { GeneratedRoster, SCHEME_NAMES, personIdText } from './generateRoster';

const SCHEME_LABEL = ['住院', SCHEME_NAMES[1], SCHEME_NAMES[2]];

/**
 * yuan: amounts in yuan and ratios as fractions, as most sheets are written. Binary floating
 * point then misplaces some half-fen ties (0.5 × (630.57 − 472.68) = 78.94499999… → 78.94).
 * fen: amounts in whole fen and ratios × 10^4, so every product is an exact integer and
 * ROUND(x/10000, 0) rounds half up exactly — what an analyst does to reconcile to the fen.
 */
export type Units = 'yuan' | 'fen';

/** The lookup table: "scheme|status" → deductible, ratio, cap (from the policy, as an analyst would type them in). */
export function termsTable(c: CompiledPolicy, units: Units = 'fen'): RawCellContent[][] {
  const rows: RawCellContent[][] = [['key', 'deductible', 'ratio', 'cap']];
  c.schemes.forEach((s, si) => {
    c.categories.forEach((cat, ci) => {
      const t = c.tiers[si * c.categories.length + ci];
      if (t.kind !== 1) return;
      const cap = t.capFen < 0 ? 1e13 : t.capFen;
      rows.push(units === 'fen'
        ? [`${SCHEME_LABEL[si]}|${categoryById(cat).zh}`, t.lo[0], t.rate[0], cap]
        : [`${SCHEME_LABEL[si]}|${categoryById(cat).zh}`, t.lo[0] / 100, t.rate[0] / 10000, cap / 100]);
    });
  });
  return rows;
}

function col(n: number): string {
  let s = '';
  for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The formulas of data row r (1-based sheet row, r ≥ 2). */
function rowFormulas(r: number, termsRows: number, tilt: { threshold: string; ratio: string; cap: string }, units: Units): string[] {
  const p = r - 1;
  const same = `$A${r}=$A${p}`;
  const T = `'参数'!$A$2:$D$${termsRows}`;
  const f: string[] = [];
  // H, I, J: running cost per scheme; K: this scheme's cost before the visit
  f.push(`=IF(${same},H${p},0)+IF($B${r}="住院",$C${r},0)`);
  f.push(`=IF(${same},I${p},0)+IF($B${r}="${SCHEME_LABEL[1]}",$C${r},0)`);
  f.push(`=IF(${same},J${p},0)+IF($B${r}="${SCHEME_LABEL[2]}",$C${r},0)`);
  f.push(`=IF(${same},IF($B${r}="住院",H${p},IF($B${r}="${SCHEME_LABEL[1]}",I${p},J${p})),0)`);
  for (const [statusCol, start] of [['E', 11], ['F', 21]] as const) {
    const c = (i: number) => col(start + i);
    const key = `$B${r}&"|"&$${statusCol}${r}`;
    f.push(`=IFERROR(VLOOKUP(${key},${T},3,FALSE()),0)`); // 0 ratio
    f.push(`=IFERROR(VLOOKUP(${key},${T},2,FALSE()),0)`); // 1 deductible
    f.push(`=IFERROR(VLOOKUP(${key},${T},4,FALSE()),0)`); // 2 cap
    f.push(`=${c(0)}${r}*(MAX($K${r}+$C${r},${c(1)}${r})-MAX($K${r},${c(1)}${r}))`); // 3 base above the deductible
    f.push(units === 'fen'
      ? `=ROUND(MIN(${c(3)}${r},$C${r}*10000,MAX(${c(2)}${r}-IF(${same},${c(5)}${p},0),0)*10000)/10000,0)`
      : `=ROUND(MIN(${c(3)}${r},$C${r},MAX(${c(2)}${r}-IF(${same},${c(5)}${p},0),0)),2)`); // 4 ordinary after the cap
    f.push(`=IF(${same},${c(5)}${p},0)+${c(4)}${r}`); // 5 pool used
    f.push(`=IF(${same},${c(6)}${p},0)+IF($D${r}=1,$C${r}-${c(4)}${r},0)`); // 6 referred remainder
    f.push(`=IFERROR(VLOOKUP("住院|"&$${statusCol}${r},${T},4,FALSE()),0)`); // 7 pool cap
    f.push(units === 'fen'
      ? `=IF(${c(5)}${r}>=${c(7)}${r},MAX(ROUND((MIN(MAX(${c(6)}${r}-${tilt.threshold},0)*${tilt.ratio},${tilt.cap}*10000)-IF(${same},${c(9)}${p},0)*10000)/10000,0),0),0)`
      : `=IF(${c(5)}${r}>=${c(7)}${r},MAX(ROUND(MIN(MAX(${c(6)}${r}-${tilt.threshold},0)*${tilt.ratio},${tilt.cap})-IF(${same},${c(9)}${p},0),2),0),0)`); // 8 tilt
    f.push(`=IF(${same},${c(9)}${p},0)+${c(8)}${r}`); // 9 tilt total
  }
  // AF: best cumulative total of the statuses; AG: paid on this row
  f.push(`=MAX(${col(16)}${r}+${col(20)}${r},${col(26)}${r}+${col(30)}${r})`);
  f.push(`=AF${r}-IF(${same},AF${p},0)`);
  return f;
}

export interface WorkbookBaseline {
  hf: HyperFormula;
  units: Units;
  rows: number;
  /** Paid per visit row, in the workbook's units. */
  paid: () => number[];
  total: () => number;
  byDistrict: () => { district: string; total: number; city: number; rest: number }[];
}

/** Builds and evaluates the workbook (HyperFormula computes everything on build). */
export function buildWorkbook(c: CompiledPolicy, r: GeneratedRoster, units: Units = 'fen'): WorkbookBaseline {
  const terms = termsTable(c, units);
  const rp = c.rp;
  const tiltRule = rp.policy.tilt!;
  const k = units === 'fen' ? [100, 10000, 100] : [1, 1, 1];
  const params: RawCellContent[][] = [
    ['tilt threshold', rp.number('tilt.threshold', tiltRule.threshold).times(k[0]).toNumber()],
    ['tilt ratio', rp.number('tilt.ratio', tiltRule.ratio).times(k[1]).toNumber()],
    ['tilt cap', rp.number('tilt.cap', tiltRule.cap).times(k[2]).toNumber()],
  ];
  const tilt = { threshold: "'倾斜'!$B$1", ratio: "'倾斜'!$B$2", cap: "'倾斜'!$B$3" };
  const header = ['身份证号', '救助类型', '政策范围内自付', '规范转诊', '身份1', '身份2', '区县'];
  const sheet: RawCellContent[][] = [header];
  for (let p = 0; p < r.persons; p++) {
    const s0 = r.statusStart[p];
    const s1 = r.statusStart[p + 1];
    const first = CATEGORIES[r.statusCodes[s0]].zh;
    const second = s1 - s0 > 1 ? CATEGORIES[r.statusCodes[s0 + 1]].zh : first;
    const id = `'${personIdText(p)}`; // text, as IDs stay
    for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) {
      const row = sheet.length + 1;
      const cost = units === 'fen' ? r.visitCostFen[v] : r.visitCostFen[v] / 100;
      sheet.push([id, SCHEME_LABEL[r.visitKind[v]], cost, r.visitReferred[v], first, second, r.districtNames[r.personDistrict[p]], ...rowFormulas(row, terms.length, tilt, units)]);
    }
  }
  const last = sheet.length;
  const summary: RawCellContent[][] = [['合计', `=SUM(visits!AG2:AG${last})`]];
  r.districtNames.forEach((d, i) => {
    const row = i + 2;
    const city = units === 'fen' ? `=ROUND(B${row}/10,0)` : `=ROUND(B${row}*1/10,2)`;
    summary.push([d, `=SUMIF(visits!$G$2:$G$${last},A${row},visits!$AG$2:$AG$${last})`, city, `=B${row}-C${row}`]);
  });
  const hf = HyperFormula.buildFromSheets({ visits: sheet, 参数: terms, 倾斜: params, 汇总: summary }, { licenseKey: 'gpl-v3' });
  const vs = hf.getSheetId('visits')!;
  const ss = hf.getSheetId('汇总')!;
  const num = (x: unknown) => {
    if (x instanceof DetailedCellError) throw new Error(`workbook error: ${x.value} ${x.message}`);
    return x as number;
  };
  return {
    hf,
    units,
    rows: last - 1,
    paid: () => Array.from({ length: last - 1 }, (_, i) => num(hf.getCellValue({ sheet: vs, row: i + 1, col: 32 }))),
    total: () => num(hf.getCellValue({ sheet: ss, row: 0, col: 1 })),
    byDistrict: () =>
      r.districtNames.map((district, i) => ({
        district,
        total: num(hf.getCellValue({ sheet: ss, row: i + 1, col: 1 })),
        city: num(hf.getCellValue({ sheet: ss, row: i + 1, col: 2 })),
        rest: num(hf.getCellValue({ sheet: ss, row: i + 1, col: 3 })),
      })),
  };
}
