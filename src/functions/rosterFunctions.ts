/**
 * Whole-roster functions over sheet ranges (issue 11 item 5), the pure adapter a custom
 * function =MEDAID.FUND_NEED(people, visits, region, year, [parameter, value, …]) wraps:
 * the two ranges (header row first, as the task pane reads them) go through the roster
 * importer, the projection runs on the exact engine with the parameter pairs as overrides of
 * the region, and the fund need (assistance + premium subsidies) is returned in yuan.
 *
 * So that Excel's Data Table and Goal Seek can recalculate it many times, the imported roster is
 * cached keyed on the ranges' contents (one entry: the last roster, compared cell by cell), so a
 * recalculation that only changes a parameter does not re-import 100k rows, and FUND_NEED with
 * parameters re-evaluates the baseline's people on the integer kernel (see fundNeedOfRanges).
 *
 * =MEDAID.PROJECT(people, visits, region, year, [by], [parameter, value, …]) spills the same
 * projection's summary by head-count category or by district (header row, rows, total row).
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
import { CATEGORIES } from '../engine/categories';
import { D, round2, type Dec } from '../engine/money';
import { NeedEvaluator } from '../projection/solve';
import { categoryName, word, type Word } from '../projection/labels';
import { byCodePoint } from '../projection/totals';
import type { Bucket, Projection } from '../projection/types';
import { excelInputError, inputErrorCell } from './inputErrors';
import { currentEngine, errorCell, isErrorCell, toErrorCell, type Cell, type ErrorCell, type Lang } from './adapters';

type Grid = readonly (readonly Cell[])[];

interface RosterEntry {
  people: Grid;
  visits: Grid;
  year: number;
  generation: number;
  persons: Person[];
  visitRows: Visit[];
  rejected: { count: number; first?: string };
}

// The last roster imported from ranges. Excel passes new arrays on every recalculation, so the
// cache is keyed on the ranges' contents: compared cell by cell (no copy, no serialisation).
let cache: RosterEntry | undefined;
let generation = 0;

/** How many rosters have been imported from ranges so far (the cache's misses; for tests and the benchmark). */
export const rosterImports = (): number => generation;

function sameGrid(a: Grid, b: Grid): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

function roster(people: Grid, visits: Grid, year: number): RosterEntry {
  if (cache && cache.year === year && sameGrid(cache.people, people) && sameGrid(cache.visits, visits)) return cache;
  const p = importPeople(readRangeValues(people as unknown[][], { sheet: '人员 people' }));
  const v = importVisits(readRangeValues(visits as unknown[][], { sheet: '就诊 visits' }), undefined, { year, people: p.rows });
  const errors = [...p.report.entries, ...v.report.entries].filter((e) => e.severity === 'error');
  generation++;
  cache = { people, visits, year, generation, persons: p.rows, visitRows: v.rows, rejected: { count: p.report.summary.rejected + v.report.summary.rejected, first: errors[0] ? `${errors[0].zh} / ${errors[0].en}` : undefined } };
  projections.clear();
  evaluators.clear();
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

/**
 * An error cell inside a roster range (Excel passes it with allowErrorForDataTypeAny; HyperFormula
 * as an error value): the whole call is that error naming the cell, never a row left out.
 */
function errorIn(g: Grid, fn: string, param: string): ErrorCell | undefined {
  for (let r = 0; r < g.length; r++) {
    const row = g[r];
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      const e = isErrorCell(x) ? { code: x.error, message: x.message || undefined } : excelInputError(x);
      if (e) return inputErrorCell(e, { fn, param, row: r + 1, col: c + 1 });
    }
  }
  return undefined;
}

/** Cell text or a 1×1 range's value as one cell. */
function one(x: Cell | Grid): Cell {
  if (!Array.isArray(x)) return x as Cell;
  return (x as Grid)[0]?.[0];
}

// Projections of the cached roster (by region and parameters) and kernel evaluators of its
// baseline: FUND_NEED and PROJECT over the same ranges in one recalculation share them.
const projections = new Map<string, Projection>();
const evaluators = new Map<string, NeedEvaluator>();
let cachedEngine: Engine | undefined;
const KEEP = 8;

interface Prepared {
  region: string;
  year: number;
  overrides: Record<string, number | string | boolean>;
  roster: RosterEntry;
}

/** The arguments checked and the roster imported (or cached), or the error cell naming what is wrong. */
function prepare(people: Grid, visits: Grid, regionArg: Cell | Grid, yearArg: Cell | Grid, rest: readonly Cell[], engine: Engine, fn: string): Prepared | ErrorCell {
  for (const [param, g] of [['people', people], ['visits', visits]] as const) {
    const bad = Array.isArray(g) ? errorIn(g, fn, param) : undefined;
    if (bad) return bad;
  }
  const region = one(regionArg);
  const year = one(yearArg);
  for (const c of [region, year]) if (isErrorCell(c)) return c;
  const y = parseYear(year);
  if (y === undefined) return errorCell('#VALUE!', '请给出测算年度，如 2024', 'give the year, e.g. 2024');
  if (typeof region !== 'string' || region.trim() === '') return errorCell('#VALUE!', '请给出地区，如 信阳', 'give the region, e.g. 信阳');
  if (!Array.isArray(people) || !Array.isArray(visits)) return errorCell('#VALUE!', '人员表与就诊表应为含表头的单元格区域', 'the people and visits arguments must be ranges with their header row');
  const overrides = pairs(rest);
  const r = roster(people, visits, y);
  if (r.rejected.count > 0) return errorCell('#VALUE!', `名单有 ${r.rejected.count} 行未通过校验，首个：${r.rejected.first}`, `${r.rejected.count} roster rows were rejected; first: ${r.rejected.first}`);
  if (engine !== cachedEngine) {
    projections.clear();
    evaluators.clear();
    cachedEngine = engine;
  }
  return { region: region.trim(), year: y, overrides, roster: r };
}

const inputOf = (x: Prepared, engine: Engine) => ({ people: x.roster.persons, visits: x.roster.visitRows, region: x.region, year: x.year, engine });

/** The projection under these parameters (cached), problems and all. */
function projectionOf(x: Prepared, overrides: Prepared['overrides'], engine: Engine): Projection {
  const key = `${x.region}\u0000${JSON.stringify(overrides)}`;
  const hit = projections.get(key);
  if (hit) return hit;
  const scenario = Object.keys(overrides).length ? { name: 'cell', overrides: { [x.region]: overrides } } : undefined;
  const p = project(inputOf(x, engine), scenario);
  if (projections.size >= KEEP) projections.delete(projections.keys().next().value as string);
  projections.set(key, p);
  return p;
}

/**
 * Whether the kernel can take the roster as it is, with nothing project() would set aside: IDs
 * unique, every visit's person on the people table and in the year, no settlement columns
 * (insurance layers are applied by project()). Otherwise FUND_NEED projects in full.
 */
function kernelReady(x: Prepared): boolean {
  const ids = new Set<string>();
  for (const p of x.roster.persons) {
    if (ids.has(p.id)) return false;
    ids.add(p.id);
  }
  const yearText = String(x.year);
  return x.roster.visitRows.every((v) => ids.has(v.personId) && v.date.slice(0, 4) === yearText && !v.settlement);
}

/** Nothing silently: any person or visit not computed makes the call one error naming the first. */
function problemsError(p: Projection): ErrorCell | undefined {
  if (p.problems.length === 0) return undefined;
  const first = p.problems[0];
  return errorCell('#VALUE!', `${p.problems.length} 处未能计算，首个：${first.zh}`, `${p.problems.length} rows not computed; first: ${first.en}`);
}

/**
 * The projection of the ranges' roster under the region's rules (the parameter pairs as
 * overrides), or the error cell that stops it: a rejected roster row, a person not computed.
 */
export function projectionOfRanges(people: Grid, visits: Grid, regionArg: Cell | Grid, yearArg: Cell | Grid, rest: readonly Cell[] = [], engine: Engine = currentEngine(), fn = 'FUND_NEED'): Projection | ErrorCell {
  try {
    const x = prepare(people, visits, regionArg, yearArg, rest, engine, fn);
    if (isErrorCell(x)) return x;
    const p = projectionOf(x, x.overrides, engine);
    return problemsError(p) ?? p;
  } catch (e) {
    return toErrorCell(e);
  }
}

/**
 * Fund need in yuan (a number for the cell), or an error cell. When the roster is fit for it
 * (kernelReady), the need is computed on the integer kernel over the cached roster
 * (projection/solve.ts NeedEvaluator, what the solver bisects on, equal to project() to the fen)
 * — a Goal Seek or Data Table step then costs the kernel, not a projection; if anyone cannot
 * be computed, the full projection names and counts them.
 */
export function fundNeedOfRanges(people: Grid, visits: Grid, region: Cell | Grid, year: Cell | Grid, rest: readonly Cell[] = [], engine: Engine = currentEngine()): number | ErrorCell {
  try {
    const x = prepare(people, visits, region, year, rest, engine, 'FUND_NEED');
    if (isErrorCell(x)) return x;
    const own = Object.keys(x.overrides).length > 0 ? engine.withOverrides({ [x.region]: x.overrides }) : engine;
    let ev = evaluators.get(x.region);
    if (!ev && kernelReady(x)) evaluators.set(x.region, (ev = new NeedEvaluator(inputOf(x, own), own, 0, x.roster.persons, x.roster.visitRows, x.roster.persons)));
    if (ev) {
      try {
        const fen = ev.needFen(own);
        return round2(new D(fen.reduce((s, f) => s + f, 0n).toString()).dividedBy(100)).toNumber();
      } catch {
        // someone cannot be computed under these rules: the full projection counts and names them
      }
    }
    const p = projectionOf(x, x.overrides, engine);
    return problemsError(p) ?? round2(p.totals.overall.fundNeed).toNumber();
  } catch (e) {
    return toErrorCell(e);
  }
}

export type ProjectBy = 'category' | 'district';

/** 类别 / category (default) or 区县 / district. */
export function parseBy(x: Cell | Grid): ProjectBy | ErrorCell {
  const v = one(x);
  if (isErrorCell(v)) return v;
  const t = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if (t === null || t === undefined || t === '' || t === 'category' || t === '类别' || t === '人员类别') return 'category';
  if (t === 'district' || t === '区县') return 'district';
  return errorCell('#VALUE!', `汇总方式应为 类别 或 区县，实为 ${String(v)}`, `group by must be category or district, got ${String(v)}`);
}

/** Columns PROJECT spills: the group, then the bucket's counts and amounts. */
export const PROJECT_HEAD: readonly Word[] = ['peopleCount', 'visits', 'inpatient', 'outpatient', 'tilt', 'assistance', 'premiumSubsidy', 'fundNeed'];
export const PROJECT_COLUMNS = PROJECT_HEAD.length + 1;

const money = (x: Dec): number => round2(x).toNumber();

function bucketCells(label: string, b: Bucket): Cell[] {
  const a = b.assistance;
  return [label, b.people, b.visits, money(a.inpatient), money(a.outpatient), money(a.tilt), money(a.total), money(b.premiumSubsidy), money(b.fundNeed)];
}

/**
 * The projection's summary as a table to spill: a header row, one row per head-count category
 * (in the categories' order) or per district (in code-point order, as the result workbook), and
 * the total row; the rows sum to the total to the fen (the projection reconciles them).
 */
export function projectTableOfRanges(people: Grid, visits: Grid, region: Cell | Grid, year: Cell | Grid, byArg: Cell | Grid, rest: readonly Cell[] = [], lang: Lang = 'zh', engine: Engine = currentEngine()): Cell[][] {
  const by = parseBy(byArg);
  if (isErrorCell(by)) return [[by]];
  const p = projectionOfRanges(people, visits, region, year, rest, engine, 'PROJECT');
  if (isErrorCell(p)) return [[p]];
  const out: Cell[][] = [[word(by === 'category' ? 'category' : 'district', lang), ...PROJECT_HEAD.map((w) => word(w, lang))]];
  if (by === 'category') {
    for (const c of CATEGORIES) {
      const b = p.totals.byCategory[c.id];
      if (b) out.push(bucketCells(categoryName(c.id, lang), b));
    }
  } else {
    for (const d of Object.keys(p.totals.byDistrict).sort(byCodePoint)) out.push(bucketCells(d, p.totals.byDistrict[d]));
  }
  out.push(bucketCells(word('total', lang), p.totals.overall));
  return out;
}
