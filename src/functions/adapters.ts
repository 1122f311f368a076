/**
 * The MEDAID functions as pure adapters: cell values in, cell values out. No Office import:
 * the same code runs in Excel (src/functions/functions.ts wraps it with JSDoc and turns error
 * cells into CustomFunctions.Error) and in Node under HyperFormula (src/functions/hyperformula/,
 * used by `medaid eval`, the tests and the benchmark, which turns them into CellError).
 *
 * Conventions
 * - Argument order, names and defaults are the contract of docs/functions.md.
 * - Per-row functions take a single value or a column (any same-sized ranges) for each
 *   argument: single values are used on every row, ranges must all have the same size, and
 *   the result has that size, one result per row. A mismatch is one #VALUE! naming the sizes.
 *   A row whose range arguments are all blank gives a blank cell (a column formula may run
 *   past the last person).
 * - Amounts come back as numbers rounded to the fen (0.01 yuan, half up) from the exact
 *   Decimal; rates as the exact ratio; MONITOR_ALERT as TRUE/FALSE.
 * - A bad input is an error cell ({ error: '#VALUE!' | '#N/A' | '#NUM!', message }) in that
 *   row only, with the engine's bilingual message ("中文 / English"): one bad row does not
 *   fail the column.
 */
import type { Engine, ExcelErrorKind, LookupResult, Result } from '../engine';
import { defaultEngine, explanationTable, fundSplit, isMedaidError, round2 } from '../engine';
import { excelInputError, inputErrorCell } from './inputErrors';
import { cellAddressIn } from './parameterAddress';

// ---------------------------------------------------------------------------------------
// Cells

/** An error as a host shows it: Excel error code plus a message (#VALUE! and #N/A show it). */
export interface ErrorCell {
  readonly error: ExcelErrorKind;
  readonly message: string;
}

export type Scalar = number | string | boolean | null | undefined;
export type Cell = Scalar | ErrorCell;
/** One argument as a host passes it: a single value or a 2-D range (rows of cells). */
export type Arg = Cell | readonly (readonly Cell[])[];
/** A result: a single value, or a table (the spill). */
export type Output = Cell | Cell[][];

export type Lang = 'zh' | 'en';

export function isErrorCell(x: unknown): x is ErrorCell {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as ErrorCell).error === 'string' && typeof (x as ErrorCell).message === 'string';
}

export function errorCell(error: ExcelErrorKind, zh: string, en: string): ErrorCell {
  return { error, message: `${zh} / ${en}` };
}

/** Any thrown value as an error cell: the engine's typed errors keep their kind and message. */
export function toErrorCell(e: unknown): ErrorCell {
  if (isMedaidError(e)) return { error: e.excel, message: `${e.zh} / ${e.en}` };
  if (isErrorCell(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return errorCell('#VALUE!', `内部错误：${msg}`, `internal error: ${msg}`);
}

const isBlank = (x: Cell): boolean => x === null || x === undefined || (typeof x === 'string' && x.trim() === '');

// ---------------------------------------------------------------------------------------
// The engine the functions use

let engineOverride: Engine | undefined;

/** The engine every MEDAID function uses: the built-in policies unless one was set. */
export function currentEngine(): Engine {
  return engineOverride ?? defaultEngine();
}

/**
 * Uses another engine (an analyst's scenario with overrides or own regions) for every
 * function from now on; undefined goes back to the built-in policies. In Excel the task pane
 * shares the runtime with the functions, so it can call this and recalculate.
 */
export function setEngine(engine: Engine | undefined): void {
  engineOverride = engine;
}

// ---------------------------------------------------------------------------------------
// The per-row functions: contract order, and how each row is computed

type ValueKind = 'money' | 'rate' | 'flag';

export interface ParamSpec {
  name: string;
  optional: boolean;
  /** "name..." in a spec: the last parameter, given any number of times (Excel's repeating parameter). */
  repeating?: boolean;
}

export interface RowFunction {
  id: string;
  params: ParamSpec[];
  kind: ValueKind;
  run(engine: Engine, a: Scalar[]): Result | Result<boolean> | LookupResult;
}

const p = (spec: string): ParamSpec[] =>
  spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const optional = s.startsWith('[');
    const name = optional ? s.slice(1, -1) : s;
    return name.endsWith('...') ? { name: name.slice(0, -3), optional, repeating: true } : { name, optional };
  });

/** A value for the engine: blanks are "not given". */
const v = (x: Scalar): string | number | undefined => (isBlank(x) ? undefined : (x as string | number));
/** Text arguments (category, region, kind…): numbers as typed, blank as ''. */
const t = (x: Scalar): string => (isBlank(x) ? '' : String(x).trim());
/** Amounts go to the engine as they are (a boolean is reported there as not an amount). */
const amt = (x: Scalar) => (isBlank(x) ? undefined : (x as number | string));
const opt = (x: Scalar): string | undefined => (isBlank(x) ? undefined : String(x).trim());

const VISIT_LAYER_PARAMS = p('totalCost, outOfCatalogue, basicPaid, category, region, [kind], [ciPaid], [reduction], [hospitalLevel], [year], [referred], [pool]');
const visitLayerArgs = ([totalCost, outOfCatalogue, basicPaid, category, region, kind, ciPaid, reduction, hospitalLevel, year, referred, pool]: Scalar[]) => ({
  pool: opt(pool),
  total: amt(totalCost), outOfCatalogue: amt(outOfCatalogue), basicPaid: amt(basicPaid), categories: t(category), region: t(region),
  kind: opt(kind), ciPaid: amt(ciPaid), reduction: amt(reduction), level: opt(hospitalLevel), year: v(year), referred: isBlank(referred) ? undefined : referred,
});

export const ROW_FUNCTIONS: readonly RowFunction[] = [
  {
    id: 'ASSIST_INPATIENT',
    params: p('cost, category, region, [year], [ytdCost], [ytdAssist], [totalCost], [insurancePaid]'),
    kind: 'money',
    run: (e, [cost, category, region, year, ytdCost, ytdAssist, totalCost, insurancePaid]) =>
      e.inpatient({ cost: amt(cost), categories: t(category), region: t(region), year: v(year), ytdCost: amt(ytdCost), ytdAssist: amt(ytdAssist), totalCost: amt(totalCost), insurancePaid: amt(insurancePaid) }),
  },
  {
    id: 'ASSIST_OUTPATIENT',
    params: p('cost, category, region, [kind], [year], [ytdAssist], [ytdCost]'),
    kind: 'money',
    run: (e, [cost, category, region, kind, year, ytdAssist, ytdCost]) =>
      e.outpatient({ cost: amt(cost), categories: t(category), region: t(region), kind: opt(kind), year: v(year), ytdAssist: amt(ytdAssist), ytdCost: amt(ytdCost) }),
  },
  {
    id: 'ASSIST_ANNUAL',
    params: p('inpatientCost, outpatientCost, category, region, [year], [referred]'),
    kind: 'money',
    run: (e, [inpatientCost, outpatientCost, category, region, year, referred]) =>
      e.annual({ inpatientCost: amt(inpatientCost), outpatientCost: amt(outpatientCost), categories: t(category), region: t(region), year: v(year), referred: isBlank(referred) ? undefined : referred }),
  },
  {
    id: 'PREMIUM_SUBSIDY',
    params: p('category, region, [year], [premium], [tier]'),
    kind: 'money',
    run: (e, [category, region, year, premium, tier]) => e.premiumSubsidy({ categories: t(category), region: t(region), year: v(year), premium: amt(premium), tier: opt(tier) }),
  },
  {
    id: 'CI_INSURANCE',
    params: p('cost, category, region, [year]'),
    kind: 'money',
    run: (e, [cost, category, region, year]) => e.ciInsurance({ cost: amt(cost), categories: t(category), region: t(region), year: v(year) }),
  },
  {
    id: 'HOSPITAL_REDUCTION',
    params: p('cost, category, region, [year]'),
    kind: 'money',
    run: (e, [cost, category, region, year]) => e.hospitalReduction({ cost: amt(cost), categories: t(category), region: t(region), year: v(year) }),
  },
  {
    id: 'OUT_OF_CATALOGUE_LIMIT',
    params: p('totalCost, hospitalLevel, region, [year]'),
    kind: 'money',
    run: (e, [totalCost, hospitalLevel, region, year]) => e.outOfCatalogueLimit({ totalCost: amt(totalCost), hospitalLevel: t(hospitalLevel), region: t(region), year: v(year) }),
  },
  {
    id: 'OUTPATIENT_POOLING',
    params: p('cost, region, [pool], [year], [paidSoFar]'),
    kind: 'money',
    run: (e, [cost, region, pool, year, paidSoFar]) => e.outpatientPooling({ cost: amt(cost), region: t(region), pool: opt(pool), year: v(year), paidSoFar: amt(paidSoFar) }),
  },
  {
    id: 'MONITOR_ALERT',
    params: p('outOfPocket, region, [year], [income], [category]'),
    kind: 'flag',
    run: (e, [outOfPocket, region, year, income, category]) => e.monitorAlert({ outOfPocket: amt(outOfPocket), region: t(region), year: v(year), income: amt(income), categories: opt(category) }),
  },
  {
    id: 'FUND_SPLIT',
    params: p('amount, part, [ratio]'),
    kind: 'money',
    run: (_e, [amount, part, ratio]) => fundSplit(amt(amount), isBlank(part) ? '' : part, isBlank(ratio) ? undefined : ratio),
  },
  {
    id: 'ASSIST_RATE',
    params: p('category, region, [year], [scheme]'),
    kind: 'rate',
    run: (e, [category, region, year, scheme]) => e.lookup({ what: 'rate', categories: t(category), region: t(region), year: v(year), scheme: opt(scheme) }),
  },
  {
    id: 'ASSIST_DEDUCTIBLE',
    params: p('category, region, [year], [scheme]'),
    kind: 'money',
    run: (e, [category, region, year, scheme]) => e.lookup({ what: 'deductible', categories: t(category), region: t(region), year: v(year), scheme: opt(scheme) }),
  },
  {
    // One settlement visit through every layer (settlementChain.ts): the assistance; ASSIST_EXPLAIN shows each layer's clause.
    id: 'VISIT_ASSIST',
    params: VISIT_LAYER_PARAMS,
    kind: 'money',
    run: (e, a) => e.visitLayers(visitLayerArgs(a)),
  },
  {
    id: 'ASSIST_CAP',
    params: p('category, region, [year], [scheme]'),
    kind: 'money',
    run: (e, [category, region, year, scheme]) => e.lookup({ what: 'cap', categories: t(category), region: t(region), year: v(year), scheme: opt(scheme) }),
  },
];

/** The table functions (their results are whole tables). */
export const TABLE_FUNCTIONS = {
  POLICY_LIST: { id: 'POLICY_LIST', params: [] as ParamSpec[] },
  ASSIST_EXPLAIN: { id: 'ASSIST_EXPLAIN', params: p('functionName, args...') },
  VISIT_LAYERS: { id: 'VISIT_LAYERS', params: VISIT_LAYER_PARAMS },
  // Whole-roster functions over ranges (rosterFunctions.ts); 'parameterValue' repeats (path, value, …).
  FUND_NEED: { id: 'FUND_NEED', params: p('people, visits, region, year, [parameterValue...]') },
  PROJECT: { id: 'PROJECT', params: p('people, visits, region, year, [by], [parameterValue...]') },
} as const;

/** Every MEDAID function with its parameters in contract order (a `repeating` last one is given any number of times). */
export const FUNCTION_SIGNATURES: Readonly<Record<string, readonly ParamSpec[]>> = Object.fromEntries([
  ...ROW_FUNCTIONS.map((f) => [f.id, f.params] as const),
  ...Object.values(TABLE_FUNCTIONS).map((f) => [f.id, f.params] as const),
]);

const BY_ID = new Map(ROW_FUNCTIONS.map((f) => [f.id, f]));

/** "medaid.assist_inpatient" / "ASSIST_INPATIENT" → the row function, or undefined. */
export function rowFunction(name: string): RowFunction | undefined {
  return BY_ID.get(String(name ?? '').trim().toUpperCase().replace(/^MEDAID\./, ''));
}

function valueOf(f: RowFunction, r: Result | Result<boolean> | LookupResult): Scalar {
  const x = r.value;
  if (typeof x === 'boolean') return x;
  const n = f.kind === 'rate' ? x.toNumber() : round2(x).toNumber();
  // A result no cell can hold (an amount typed with hundreds of digits) is an error naming
  // it, not Infinity (found by test/hardening/fuzz-functions) — for an amount also one whose
  // fen overflow a double (near 1.8e308 yuan: FUND_SPLIT of Number.MAX_VALUE).
  if (!Number.isFinite(n) || (f.kind !== 'rate' && !Number.isFinite(n * 100))) {
    const shown = x.toExponential(4);
    throw errorCell('#VALUE!', `结果 ${shown} 超出 Excel 能表示的数字范围：请检查金额参数是否多输了位数`, `the result ${shown} is beyond what an Excel cell can hold: check the amount arguments for extra digits`);
  }
  return n;
}

/** One row: scalar arguments in contract order → the value, or the error cell. */
export function computeRow(f: RowFunction, args: readonly Cell[], engine: Engine = currentEngine()): Cell {
  for (const a of args) if (isErrorCell(a)) return a;
  try {
    return valueOf(f, f.run(engine, args as Scalar[]));
  } catch (e) {
    return toErrorCell(e);
  }
}

// ---------------------------------------------------------------------------------------
// Ranges in, one result per row out

interface Shape {
  rows: number;
  cols: number;
}

/** A range argument's rows, or undefined for a single value (a 1×1 range is a single value). */
function asRange(a: Arg): readonly (readonly Cell[])[] | undefined {
  if (!Array.isArray(a)) return undefined;
  const rows = a as readonly (readonly Cell[])[];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return undefined;
  return rows;
}

function single(a: Arg): Cell {
  if (!Array.isArray(a)) return a as Cell;
  const rows = a as readonly (readonly Cell[])[];
  return rows[0]?.[0];
}

function shapeOf(rows: readonly (readonly Cell[])[]): Shape {
  return { rows: rows.length, cols: rows.reduce((m, r) => Math.max(m, r.length), 0) };
}

function tooManyArgs(id: string, given: number, max: number): ErrorCell {
  return errorCell('#VALUE!', `${id} 最多接受 ${max} 个参数，实际为 ${given} 个`, `${id} takes at most ${max} arguments, got ${given}`);
}

/**
 * A per-row function over single values or same-sized ranges. `args` in contract order;
 * missing trailing optional arguments may be left out.
 */
export function applyRowFunction(f: RowFunction, args: readonly Arg[], withSteps: Engine = currentEngine()): Output {
  const plan = planRows(f, args, withSteps);
  if (plan.kind === 'done') return plan.out;
  fillRows(plan, 0, plan.rows);
  return plan.out;
}

/** How long one slice of rows may run before the async form yields (well under Excel's limits). */
export const SLICE_MS = 50;

export interface SliceOptions {
  /** Milliseconds of work between yields. */
  sliceMs?: number;
  /** Gives the event loop a turn (default: a macrotask). */
  pause?: () => Promise<void>;
  now?: () => number;
  /**
   * Excel's invocation.parameterAddresses, in argument order (requiresParameterAddresses):
   * an input error then names its cell's A1 address (parameterAddress.ts).
   */
  addresses?: readonly unknown[];
}

/**
 * applyRowFunction for Excel: the same result, computed in slices of about SLICE_MS with a
 * yield between them, so a 100 000-row column never holds the shared runtime (the pane and
 * the other functions) for long — Office restarts an add-in unresponsive for 5 s.
 */
export async function applyRowFunctionInSlices(f: RowFunction, args: readonly Arg[], withSteps: Engine = currentEngine(), opts: SliceOptions = {}): Promise<Output> {
  const plan = planRows(f, args, withSteps, opts.addresses);
  if (plan.kind === 'done') return plan.out;
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const pause = opts.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = opts.now ?? (() => Date.now());
  let step = 64;
  for (let i = 0; i < plan.rows; ) {
    const t0 = now();
    const end = Math.min(plan.rows, i + step);
    fillRows(plan, i, end);
    i = end;
    const took = Math.max(1, now() - t0);
    // Aim each slice at sliceMs, from how long the last one took.
    step = Math.max(16, Math.min(65536, Math.floor((step * sliceMs) / took)));
    if (i < plan.rows) await pause();
  }
  return plan.out;
}

type RowPlan =
  | { kind: 'done'; out: Output }
  | {
      kind: 'rows';
      f: RowFunction;
      args: readonly Arg[];
      ranges: (readonly (readonly Cell[])[] | undefined)[];
      addresses?: readonly unknown[];
      rows: number;
      cols: number;
      engine: Engine;
      out: Cell[][];
    };

/** Checks the arguments; either the whole answer, or the shape of the rows to compute. */
function planRows(f: RowFunction, args: readonly Arg[], withSteps: Engine, addresses?: readonly unknown[]): RowPlan {
  if (args.length > f.params.length) return { kind: 'done', out: tooManyArgs(f.id, args.length, f.params.length) };
  // A cell shows only the value: skip building explanation steps (ASSIST_EXPLAIN builds them).
  const engine = withSteps.withoutExplanations();
  const ranges = args.map(asRange);
  let shape: Shape | undefined;
  const sizes: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (!r) continue;
    const s = shapeOf(r);
    sizes.push(`${f.params[i].name} ${s.rows}×${s.cols}`);
    if (!shape) shape = s;
    else if (s.rows !== shape.rows || s.cols !== shape.cols) shape = { rows: -1, cols: -1 };
  }
  if (!shape) {
    const one = args.map(single);
    return { kind: 'done', out: firstInputError(f, one, ranges, 0, 0, addresses) ?? computeRow(f, one, engine) };
  }
  if (shape.rows < 0) {
    const list = sizes.join('，');
    return {
      kind: 'done',
      out: errorCell(
        '#VALUE!',
        `${f.id} 的区域参数大小不一致（${list}，行×列）：各列须行数相同，或改用单个值`,
        `${f.id}: the ranges differ in size (${sizes.join(', ')}, rows×columns): give every column the same number of rows, or a single value`,
      ),
    };
  }
  return { kind: 'rows', f, args, ranges, addresses, rows: shape.rows, cols: shape.cols, engine, out: [] };
}

/** Computes rows [from, to) of a plan into plan.out. */
function fillRows(plan: Extract<RowPlan, { kind: 'rows' }>, from: number, to: number): void {
  const { f, args, ranges, addresses, engine, out } = plan;
  const row: Cell[] = new Array(args.length);
  for (let i = from; i < to; i++) {
    const line: Cell[] = [];
    for (let j = 0; j < plan.cols; j++) {
      let allBlank = true;
      for (let k = 0; k < args.length; k++) {
        const r = ranges[k];
        if (r) {
          const c = r[i]?.[j];
          row[k] = c;
          if (!isBlank(c as Cell)) allBlank = false;
        } else row[k] = single(args[k]);
      }
      line.push(allBlank ? '' : firstInputError(f, row, ranges, i, j, addresses) ?? computeRow(f, row, engine));
    }
    out.push(line);
  }
}

/**
 * An Excel error value among a row's inputs (Excel passes them with allowErrorForDataTypeAny,
 * inputErrors.ts) as this row's error cell naming the argument and the cell in its range
 * (0-based row i, column j), with the cell's A1 address when Excel gave the argument's
 * address. `at(k)` overrides the place for argument k (VISIT_LAYERS reads ranges flat).
 */
function firstInputError(
  f: RowFunction,
  row: readonly Cell[],
  ranges: readonly (unknown | undefined)[],
  i = 0,
  j = 0,
  addresses?: readonly unknown[],
  at?: (k: number) => { i: number; j: number },
): ErrorCell | undefined {
  for (let k = 0; k < row.length; k++) {
    const c = row[k];
    if (typeof c !== 'object' || c === null) continue;
    const e = excelInputError(c);
    if (!e) continue;
    const param = f.params[k].name;
    if (!ranges[k]) return inputErrorCell(e, { fn: f.id, param, address: cellAddressIn(addresses?.[k], 0, 0) });
    const p = at ? at(k) : { i, j };
    return inputErrorCell(e, { fn: f.id, param, row: p.i + 1, col: p.j + 1, address: cellAddressIn(addresses?.[k], p.i, p.j) });
  }
  return undefined;
}

/** The per-row function by name (with or without MEDAID.), over its arguments. */
export function callRowFunction(name: string, args: readonly Arg[], engine: Engine = currentEngine()): Output {
  const f = rowFunction(name);
  if (!f) return unknownFunction(name);
  return applyRowFunction(f, args, engine);
}

function unknownFunction(name: unknown): ErrorCell {
  const known = ROW_FUNCTIONS.map((f) => f.id).join(', ');
  return errorCell('#VALUE!', `未知函数 "${String(name ?? '')}"：可用函数为 ${known}`, `unknown function "${String(name ?? '')}": known functions are ${known}`);
}

// ---------------------------------------------------------------------------------------
// Tables

const POLICY_HEAD: Record<Lang, string[]> = {
  zh: ['地区', '地区（英文）', '省份', '政策版本', '生效日期', '年度', '状态', '文件'],
  en: ['Region', 'Region (Chinese)', 'Province', 'Edition', 'Effective', 'Year', 'Status', 'Documents'],
};

/** POLICY_LIST(): a header row, then one row per policy edition the engine knows. */
export function policyList(lang: Lang = 'zh', engine: Engine = currentEngine()): Cell[][] {
  try {
    const rows: Cell[][] = [POLICY_HEAD[lang]];
    for (const r of engine.policyList()) {
      rows.push([lang === 'zh' ? r.zh : r.en, lang === 'zh' ? r.en : r.zh, r.province, r.policyId, r.effective, r.year, r.status, r.documents]);
    }
    return rows;
  } catch (e) {
    return [[toErrorCell(e)]];
  }
}

/** Columns of ASSIST_EXPLAIN's table: step, amount, parameter, value, citation. */
export const EXPLAIN_COLUMNS = 5;

/**
 * ASSIST_EXPLAIN(functionName, arg1, [arg2], …): how the function reaches its value for
 * these arguments — header, one row per step and parameter (with its citation), and a last
 * row with the result. Single values only: it explains one row.
 */
export function explain(functionName: Arg, args: readonly Arg[], lang: Lang = 'zh', engine: Engine = currentEngine()): Cell[][] {
  const name = single(functionName);
  if (isErrorCell(name)) return [[name]];
  const nameError = excelInputError(name);
  if (nameError) return [[inputErrorCell(nameError, { fn: 'ASSIST_EXPLAIN', param: 'functionName' })]];
  if (asRange(functionName)) return [[errorCell('#VALUE!', 'ASSIST_EXPLAIN 的函数名须为单个值', 'ASSIST_EXPLAIN: the function name must be a single value')]];
  const f = rowFunction(String(name ?? ''));
  if (!f) {
    const known = ROW_FUNCTIONS.map((x) => x.id).join(', ');
    return [[errorCell('#VALUE!', `ASSIST_EXPLAIN 无法解释 "${String(name ?? '')}"：可解释的函数为 ${known}`, `ASSIST_EXPLAIN cannot explain "${String(name ?? '')}": it explains ${known}`)]];
  }
  if (args.length > f.params.length) return [[tooManyArgs(f.id, args.length, f.params.length)]];
  const scalars: Cell[] = [];
  for (let i = 0; i < args.length; i++) {
    if (asRange(args[i])) {
      return [[errorCell('#VALUE!', `ASSIST_EXPLAIN 只解释一行：参数 ${f.params[i].name} 须为单个值，不能是区域`, `ASSIST_EXPLAIN explains one row: argument ${f.params[i].name} must be a single value, not a range`)]];
    }
    scalars.push(single(args[i]));
  }
  for (const a of scalars) if (isErrorCell(a)) return [[a]];
  const inputError = firstInputError(f, scalars, []);
  if (inputError) return [[inputError]];
  try {
    const r = f.run(engine, scalars as Scalar[]);
    const rows: Cell[][] = explanationTable(r.explanation, lang).map((row) => pad(row, EXPLAIN_COLUMNS));
    const value = valueOf(f, r);
    rows.push(pad([lang === 'zh' ? `结果 ${f.id}` : `Result ${f.id}`, typeof value === 'number' && f.kind === 'money' ? value.toFixed(2) : String(value)], EXPLAIN_COLUMNS));
    return rows;
  } catch (e) {
    return [[toErrorCell(e)]];
  }
}

const LAYER_HEAD: Record<Lang, string[]> = {
  zh: ['基本医保', '大病保险', '医疗机构减免', '医疗机构承担目录外超限', '医疗救助', '其中倾斜救助', '个人负担'],
  en: ['Basic insurance', 'Critical-illness insurance', 'Hospital reduction', 'Out-of-catalogue excess (hospital)', 'Assistance', 'of which tilted', 'Residual (person)'],
};
export const LAYER_COLUMNS = LAYER_HEAD.zh.length;

/**
 * VISIT_LAYERS(totalCost, outOfCatalogue, basicPaid, category, region, …): the layers of one
 * settlement visit as a spilled row — basic insurance, critical-illness insurance, hospital
 * reduction, out-of-catalogue excess borne by the hospital, assistance, of which tilted, and
 * what the person still pays; all but "of which tilted" add up to totalCost. With ranges, one
 * row per visit (each alone in its year; a person's year of visits is the projection's job).
 * `header` (default true) puts the column names first.
 */
export function visitLayers(args: readonly Arg[], lang: Lang = 'zh', engine: Engine = currentEngine(), header = true, addresses?: readonly unknown[]): Cell[][] {
  const f: RowFunction = { id: 'VISIT_LAYERS', params: VISIT_LAYER_PARAMS, kind: 'money', run: (e, a) => e.visitLayers(visitLayerArgs(a)) };
  if (args.length > f.params.length) return [[tooManyArgs(f.id, args.length, f.params.length)]];
  const ranges = args.map(asRange);
  // Each range flattened once (row by row), not once per visit.
  const flat = ranges.map((r) => (r ? r.flat() : undefined));
  const sized = flat.filter((r): r is Cell[] => r !== undefined).map((r) => r.length);
  const n = sized.length ? sized[0] : 1;
  if (sized.some((x) => x !== n)) return [[errorCell('#VALUE!', `VISIT_LAYERS 的区域参数大小不一致（${sized.join('、')} 个单元格）`, `VISIT_LAYERS: range arguments differ in size (${sized.join(', ')} cells)`)]];
  const out: Cell[][] = header ? [LAYER_HEAD[lang].slice()] : [];
  for (let i = 0; i < n; i++) {
    const row = args.map((a, k) => (flat[k] ? flat[k]![i] : single(a)));
    // A range is read row by row: the i-th cell of range k is at (i ÷ width, i mod width).
    const place = (k: number) => {
      const w = Math.max(1, ranges[k]![0]?.length ?? 1);
      return { i: Math.floor(i / w), j: i % w };
    };
    const bad = row.find(isErrorCell) ?? firstInputError(f, row, ranges, 0, 0, addresses, place);
    if (bad) {
      out.push(pad([bad as Cell], LAYER_COLUMNS));
      continue;
    }
    if (sized.length && row.every((c, k) => !ranges[k] || isBlank(c as Cell))) {
      out.push(pad([], LAYER_COLUMNS));
      continue;
    }
    try {
      const r = engine.withoutExplanations().visitLayers(visitLayerArgs(row as Scalar[]));
      const L = r.layers;
      out.push([L.basic, L.ci, L.reduction, L.hospitalExcess, r.assistance, r.tilt, r.residual].map((x) => round2(x).toNumber()));
    } catch (e) {
      out.push(pad([toErrorCell(e)], LAYER_COLUMNS));
    }
  }
  return out;
}

function pad(row: readonly Cell[], width: number): Cell[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}

// ---------------------------------------------------------------------------------------
// Host boundary

/** A result as a host's table: a single value becomes a 1×1 table; ragged rows are padded. */
export function asTable(out: Output): Cell[][] {
  if (!Array.isArray(out)) return [[out]];
  const width = out.reduce((m, r) => Math.max(m, r.length), 0);
  return out.map((r) => pad(r, width));
}

/**
 * A result with its error cells turned into the host's error objects (Excel:
 * CustomFunctions.Error; HyperFormula: CellError) and blanks into "".
 */
export function materialize<E>(out: Output, makeError: (e: ErrorCell) => E): (number | string | boolean | E)[][] {
  return asTable(out).map((row) => row.map((c) => (isErrorCell(c) ? makeError(c) : c === null || c === undefined ? '' : c)));
}
