/**
 * The MEDAID functions as a HyperFormula function plugin, for Node only (`medaid eval`, the
 * tests, the benchmark, the sample-workbook check). HyperFormula is GPL-3.0: this folder must
 * never reach the Excel bundle (webpack.config.js fails the build if it does).
 *
 * The plugin calls the SAME adapters as the Excel functions (../adapters): ranges come in as
 * 2-D arrays, a column of inputs spills one result per row, and an adapter error cell becomes
 * a CellError carrying the bilingual message (#VALUE! 未知地区 … / unknown region …).
 * Every function is registered twice: MEDAID.NAME (as in Excel) and NAME. The whole-roster
 * functions (FUND_NEED, PROJECT; ../rosterFunctions) are a second plugin beside the others.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { FunctionArgument, ImplementedFunctions } from 'hyperformula';
import type { ProcedureAst } from 'hyperformula/typings/parser/Ast';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { Arg, Cell, ErrorCell, Output, Scalar } from '../adapters';
import { EXPLAIN_COLUMNS, ROW_FUNCTIONS, TABLE_FUNCTIONS, applyRowFunction, currentEngine, explain, isErrorCell, policyList, rowFunction } from '../adapters';
import { CATEGORIES } from '../../engine/categories';
import { PROJECT_COLUMNS, fundNeedOfRanges, parseBy, projectTableOfRanges } from '../rosterFunctions';

export const NAMESPACE = 'MEDAID';

/**
 * Rows ASSIST_EXPLAIN spills under HyperFormula when its arguments are cell references:
 * HyperFormula sizes a spill before it evaluates anything, so the table gets this many rows
 * (blank below the last). With literal arguments the size is exact. Excel spills exactly.
 */
export const EXPLAIN_ROWS = 40;

type HfScalar = number | string | boolean | CellError | typeof EmptyValue;

const ERROR_TYPES: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
};

const ERROR_CODES: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.NAME]: '#NAME?',
};

/** An adapter error cell as HyperFormula's CellError (type and message kept). */
export function toCellError(e: ErrorCell): CellError {
  return new CellError(ERROR_TYPES[e.error] ?? ErrorType.VALUE, e.message);
}

/** One HyperFormula value as an adapter cell. */
function fromHfScalar(x: unknown): Cell {
  if (x === EmptyValue || x === null || x === undefined) return null;
  if (x instanceof CellError) {
    return { error: (ERROR_CODES[x.type] ?? `#${x.type}`) as ErrorCell['error'], message: x.message ?? '' };
  }
  if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
  // Rich numbers (dates, currency, percent) carry the number in `val`.
  if (typeof x === 'object' && typeof (x as { val?: unknown }).val === 'number') return (x as { val: number }).val;
  return String(x);
}

/** One function argument as the adapters take it: a single value or rows of cells. */
function fromHfArg(x: unknown): Arg {
  if (x instanceof SimpleRangeValue) return x.data.map((row) => row.map(fromHfScalar));
  return fromHfScalar(x);
}

function toHfScalar(c: Cell): HfScalar {
  if (isErrorCell(c)) return toCellError(c);
  if (c === null || c === undefined) return EmptyValue;
  return c as Exclude<Scalar, null | undefined>;
}

/**
 * An adapter result as HyperFormula's: a single value, or a range clamped to the spill size
 * HyperFormula reserved (it pads a smaller result with blanks but cannot take a larger one).
 */
function toHf(out: Output, state: InterpreterState): InterpreterValue {
  if (!Array.isArray(out)) return toHfScalar(out) as InterpreterValue;
  if (out.length === 0) return EmptyValue;
  if (out.length === 1 && out[0].length === 1) return toHfScalar(out[0][0]) as InterpreterValue;
  const width = out.reduce((m, r) => Math.max(m, r.length), 0);
  let rows = out.map((r) => {
    const line = r.map(toHfScalar);
    while (line.length < width) line.push(EmptyValue);
    return line;
  });
  const reserved = reservedSize(state);
  if (reserved) {
    if (rows.length > reserved.height) {
      const cut = rows.length - reserved.height + 1;
      rows = rows.slice(0, reserved.height - 1);
      const more: HfScalar[] = [`…（另有 ${cut} 行）/ (${cut} more rows)`];
      while (more.length < width) more.push(EmptyValue);
      rows.push(more);
    }
    if (width > reserved.width) rows = rows.map((r) => r.slice(0, reserved.width));
  }
  return SimpleRangeValue.onlyValues(rows as never);
}

function reservedSize(state: InterpreterState): { width: number; height: number } | undefined {
  const v = state.formulaVertex as unknown as { array?: { size?: ArraySize } } | undefined;
  const size = v?.array?.size;
  if (!size || !Number.isFinite(size.width) || !Number.isFinite(size.height) || size.width < 1 || size.height < 1) return undefined;
  return { width: size.width, height: size.height };
}

const ANY: FunctionArgument = { argumentType: FunctionArgumentType.ANY };
const ANY_OPTIONAL: FunctionArgument = { argumentType: FunctionArgumentType.ANY, optionalArg: true };

function isLiteral(ast: { type?: string }): boolean {
  return ast.type === 'NUMBER' || ast.type === 'STRING' || ast.type === 'EMPTY';
}

function literalValue(ast: { type?: string; value?: unknown }): Cell {
  return ast.type === 'EMPTY' ? null : (ast.value as Scalar);
}

export class MedaidPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = buildImplementedFunctions();

  /** A per-row function: single values or same-sized ranges in, one result per row out. */
  medaidRow(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const f = rowFunction(ast.procedureName);
    if (!f) return new CellError(ErrorType.NAME, `unknown function ${ast.procedureName}`);
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) =>
      toHf(applyRowFunction(f, trimTrailingMissing(args).map(fromHfArg), currentEngine()), state),
    );
  }

  /** The spill of a per-row function: the size of its range arguments. */
  medaidRowSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    let width = 1;
    let height = 1;
    for (const arg of ast.args) {
      const s = this.arraySizeForAst(arg, state);
      if (s.width * s.height > 1) {
        width = Math.max(width, s.width);
        height = Math.max(height, s.height);
      }
    }
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }

  medaidPolicyList(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), () => toHf(policyList('zh', currentEngine()), state));
  }

  medaidPolicyListSize(): ArraySize {
    const rows = policyList('zh', currentEngine());
    return new ArraySize(rows.reduce((m, r) => Math.max(m, r.length), 1), rows.length);
  }

  medaidExplain(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (name: unknown, ...args: unknown[]) =>
      toHf(explain(fromHfArg(name), trimTrailingMissing(args).map(fromHfArg), 'zh', currentEngine()), state),
    );
  }

  /** Exact when every argument is a literal; otherwise EXPLAIN_ROWS rows (see above). */
  medaidExplainSize(ast: ProcedureAst): ArraySize {
    const args = ast.args as unknown as { type?: string; value?: unknown }[];
    if (args.length > 0 && args.every(isLiteral)) {
      const rows = explain(literalValue(args[0]), args.slice(1).map(literalValue), 'zh', currentEngine());
      if (rows.length === 1 && rows[0].length === 1) return ArraySize.scalar();
      return new ArraySize(EXPLAIN_COLUMNS, rows.length);
    }
    return new ArraySize(EXPLAIN_COLUMNS, EXPLAIN_ROWS);
  }
}

/**
 * Most rows PROJECT spills under HyperFormula by district (sized before evaluation: the people
 * range's rows + 1 bounds header, groups and total; blank below the last). Excel spills exactly.
 */
export const PROJECT_MAX_ROWS = 500;

type Grid = readonly (readonly Cell[])[];
const grid = (x: unknown): Grid => fromHfArg(x) as Grid;
/** The parameter-value pairs: each argument a value, or a range of them read row by row. */
const flatPairs = (args: unknown[]): Cell[] => trimTrailingMissing(args).map(fromHfArg).flatMap((a) => (Array.isArray(a) ? (a as Grid).flat() : [a as Cell]));

export class MedaidRosterPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = buildRosterFunctions();

  /** =MEDAID.FUND_NEED(people, visits, region, year, [parameter, value, …]) */
  medaidFundNeed(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (people: unknown, visits: unknown, region: unknown, year: unknown, ...rest: unknown[]) =>
      toHf(fundNeedOfRanges(grid(people), grid(visits), fromHfArg(region) as Cell, fromHfArg(year) as Cell, flatPairs(rest), currentEngine()), state),
    );
  }

  /** =MEDAID.PROJECT(people, visits, region, year, [by], [parameter, value, …]) */
  medaidProject(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (people: unknown, visits: unknown, region: unknown, year: unknown, by: unknown, ...rest: unknown[]) =>
      toHf(projectTableOfRanges(grid(people), grid(visits), fromHfArg(region) as Cell, fromHfArg(year) as Cell, by === undefined ? null : (fromHfArg(by) as Cell), flatPairs(rest), 'zh', currentEngine()), state),
    );
  }

  /** By category (the default, or a literal 类别): the categories + header + total; else bounded by the people range. */
  medaidProjectSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const args = ast.args as unknown as { type?: string; value?: unknown }[];
    const people = args[0] ? this.arraySizeForAst(ast.args[0], state).height : 1;
    const byArg = args[4];
    const byCategory = !byArg || (isLiteral(byArg) && parseBy(literalValue(byArg)) === 'category');
    const height = byCategory ? Math.min(CATEGORIES.length + 2, people + 1) : Math.min(people + 1, PROJECT_MAX_ROWS);
    return new ArraySize(PROJECT_COLUMNS, Math.max(height, 1));
  }
}

function buildRosterFunctions(): ImplementedFunctions {
  const fns: ImplementedFunctions = {};
  const both = (id: string, meta: ImplementedFunctions[string]) => {
    fns[`${NAMESPACE}.${id}`] = meta;
    fns[id] = meta;
  };
  both(TABLE_FUNCTIONS.FUND_NEED.id, {
    method: 'medaidFundNeed',
    parameters: [ANY, ANY, ANY, ANY, ANY_OPTIONAL, ANY_OPTIONAL],
    repeatLastArgs: 2,
    vectorizationForbidden: true,
  });
  both(TABLE_FUNCTIONS.PROJECT.id, {
    method: 'medaidProject',
    sizeOfResultArrayMethod: 'medaidProjectSize',
    parameters: [ANY, ANY, ANY, ANY, ANY_OPTIONAL, ANY_OPTIONAL, ANY_OPTIONAL],
    repeatLastArgs: 2,
    vectorizationForbidden: true,
  });
  return fns;
}

/** Optional arguments HyperFormula passes as undefined at the end: not given. */
function trimTrailingMissing(args: unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

function buildImplementedFunctions(): ImplementedFunctions {
  const fns: ImplementedFunctions = {};
  const both = (id: string, meta: ImplementedFunctions[string]) => {
    fns[`${NAMESPACE}.${id}`] = meta;
    fns[id] = meta;
  };
  for (const f of ROW_FUNCTIONS) {
    both(f.id, {
      method: 'medaidRow',
      sizeOfResultArrayMethod: 'medaidRowSize',
      parameters: f.params.map((p) => (p.optional ? ANY_OPTIONAL : ANY)),
      vectorizationForbidden: true,
    });
  }
  both(TABLE_FUNCTIONS.POLICY_LIST.id, {
    method: 'medaidPolicyList',
    sizeOfResultArrayMethod: 'medaidPolicyListSize',
    parameters: [],
    vectorizationForbidden: true,
  });
  both(TABLE_FUNCTIONS.ASSIST_EXPLAIN.id, {
    method: 'medaidExplain',
    sizeOfResultArrayMethod: 'medaidExplainSize',
    parameters: [ANY, ANY_OPTIONAL],
    repeatLastArgs: 1,
    vectorizationForbidden: true,
  });
  return fns;
}

/** Function names as HyperFormula's translation package wants them (same in every language). */
export function medaidFunctionNames(): string[] {
  return [...Object.keys(MedaidPlugin.implementedFunctions), ...Object.keys(MedaidRosterPlugin.implementedFunctions)];
}

/** Registers the plugin once per process (HyperFormula's registry is global). */
export function registerMedaidFunctions(): void {
  const names = medaidFunctionNames();
  if (HyperFormula.getRegisteredFunctionNames('enGB').includes(names[0])) return;
  const translations = Object.fromEntries(names.map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(MedaidPlugin, { enGB: translations });
  HyperFormula.registerFunctionPlugin(MedaidRosterPlugin, { enGB: translations });
}
