/**
 * Whole-roster functions over sheet ranges (issue 11 item 5), the pure adapter a custom
 * function =MEDAID.FUND_NEED(people, visits, region, year, [parameter, value, …]) wraps:
 * the two ranges (header row first, as the task pane reads them) go through the roster
 * importer, the projection runs on the exact engine with the parameter pairs as overrides of
 * the region, and the fund need (assistance + premium subsidies) is returned in yuan.
 *
 * So that Excel's Data Table and Goal Seek can recalculate it many times, the imported roster is
 * cached keyed on the ranges' contents (one entry: the last roster), so a recalculation that
 * only changes a parameter does not re-import 100k rows.
 *
 * Nothing is computed silently: a rejected roster row or a person whose year cannot be
 * computed gives #VALUE! naming the first such row and how many there are.
 */
import type { Engine } from '../engine/engine';
import { MedaidError } from '../engine/errors';
import { parseYear } from '../engine/engine';
import { importPeople, importVisits, readRangeValues } from '../roster';
import type { Person, Visit } from '../roster/types';
import { project } from '../projection/project';
import { currentEngine, errorCell, isErrorCell, toErrorCell, type Cell, type ErrorCell } from './adapters';

type Grid = readonly (readonly Cell[])[];

let cache: { key: string; people: Person[]; visits: Visit[]; rejected: { count: number; first?: string } } | undefined;

const keyOf = (people: Grid, visits: Grid, year: number) => `${year}\u0000${JSON.stringify(people)}\u0000${JSON.stringify(visits)}`;

function roster(people: Grid, visits: Grid, year: number) {
  const key = keyOf(people, visits, year);
  if (cache?.key === key) return cache;
  const p = importPeople(readRangeValues(people as unknown[][], { sheet: '人员 people' }));
  const v = importVisits(readRangeValues(visits as unknown[][], { sheet: '就诊 visits' }), undefined, { year, people: p.rows });
  const errors = [...p.report.entries, ...v.report.entries].filter((e) => e.severity === 'error');
  cache = { key, people: p.rows, visits: v.rows, rejected: { count: p.report.summary.rejected + v.report.summary.rejected, first: errors[0] ? `${errors[0].zh} / ${errors[0].en}` : undefined } };
  return cache;
}

/** `[path, value, path, value…]` → the region's overrides. */
function pairs(rest: readonly Cell[]): Record<string, number | string | boolean> {
  if (rest.length % 2) throw new MedaidError('INVALID_BUDGET_INPUT', { field: 'parameter/value', problem: '参数与取值应成对给出：参数路径, 取值, …', problemEn: 'parameters and values come in pairs: path, value, …' });
  const out: Record<string, number | string | boolean> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const path = rest[i];
    const value = rest[i + 1];
    if (typeof path !== 'string' || path.trim() === '' || value === null || value === undefined || isErrorCell(value)) {
      throw new MedaidError('INVALID_BUDGET_INPUT', { field: `parameter ${i / 2 + 1}`, value: String(path ?? ''), problem: '应为参数路径（文本）及其取值', problemEn: 'must be a parameter path (text) and its value' });
    }
    out[path.trim()] = value as number | string | boolean;
  }
  return out;
}

/** Fund need in yuan (a number for the cell), or an error cell. */
export function fundNeedOfRanges(people: Grid, visits: Grid, region: Cell, year: Cell, rest: readonly Cell[] = [], engine: Engine = currentEngine()): number | ErrorCell {
  try {
    const y = parseYear(year);
    if (y === undefined) return errorCell('#VALUE!', '请给出测算年度，如 2024', 'give the year, e.g. 2024');
    if (typeof region !== 'string' || region.trim() === '') return errorCell('#VALUE!', '请给出地区，如 信阳', 'give the region, e.g. 信阳');
    const r = roster(people, visits, y);
    if (r.rejected.count > 0) return errorCell('#VALUE!', `名单有 ${r.rejected.count} 行未通过校验，首个：${r.rejected.first}`, `${r.rejected.count} roster rows were rejected; first: ${r.rejected.first}`);
    const overrides = pairs(rest);
    const scenario = Object.keys(overrides).length ? { name: 'cell', overrides: { [region]: overrides } } : undefined;
    const p = project({ people: r.people, visits: r.visits, region, year: y, engine }, scenario);
    if (p.problems.length > 0) {
      const first = p.problems[0];
      return errorCell('#VALUE!', `${p.problems.length} 处未能计算，首个：${first.zh}`, `${p.problems.length} rows not computed; first: ${first.en}`);
    }
    return p.totals.overall.fundNeed.toNumber();
  } catch (e) {
    return toErrorCell(e);
  }
}
