/**
 * The pane's budget panel (issue 11), as a plain function the worker runs on the roster it
 * holds (Node tests run the same code): the multi-year plan with its bootstrap range (for the
 * fan chart) and, when asked, the solver fitting one parameter to a ceiling. Everything goes
 * back as text amounts (structured-clone safe, exact to the fen).
 */
import { isMedaidError, MedaidError } from '../../engine/errors';
import { bootstrapRange } from '../../projection/bootstrap';
import { projectYears } from '../../projection/multiYear';
import { solveBudget } from '../../projection/solve';
import type { Person, Visit } from '../../roster/types';
import { figuresEngine, noFigures, type AnalystFigures } from '../analystFigures';
import { baselineFunding, baselineGrowth } from '../baselineInputs';

export interface BudgetRequest {
  region: string;
  year: number;
  figures?: AnalystFigures;
  /** Years ahead (default 3), as typed: checked by the plan (1–10). */
  years?: number | string;
  /** Draws of the bootstrap (default 1000) and its seed (default 20240101), as typed. */
  draws?: number | string;
  seed?: number | string;
  /**
   * Fit `path` so that the roster's fund need meets `ceiling` (yuan, as typed: 1200万, 12,000,000 …)
   * and/or each district's ceiling (`districts`: "浉河区=500万；平桥区=300万", as `--district-ceiling`).
   */
  solve?: { path: string; ceiling: string; districts?: string };
}

/**
 * District ceilings as the analyst types them in the pane: "区县=金额" entries separated by
 * ；, ;, ， or new lines — not by an ASCII comma, which is the thousands separator of an amount
 * (1,000,000). The amounts are checked by the solver, naming the district.
 */
export function parseDistrictCeilings(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(/[;；，\n]+/)) {
    const x = part.trim();
    if (!x) continue;
    const i = x.search(/[=＝]/);
    if (i <= 0 || !x.slice(i + 1).trim()) {
      throw new MedaidError('INVALID_BUDGET_INPUT', { field: '各区县上限', fieldEn: 'District ceilings', value: x, problem: '每项应为 区县=金额，例如 浉河区=500万', problemEn: 'each entry must be DISTRICT=AMOUNT, e.g. 浉河区=500万' });
    }
    out[x.slice(0, i).trim()] = x.slice(i + 1).trim();
  }
  return out;
}

export interface FanYear {
  year: number;
  point: string;
  p10: string;
  p50: string;
  p90: string;
}

export interface SolveView {
  /** The edition the fitted value belongs to (a scenario's override key). */
  policyId: string;
  path: string;
  /** The district ceilings the fit met, as parsed (yuan, to the fen). */
  districtCeilings: Record<string, string>;
  citation: string;
  value: string;
  need: string;
  current?: string;
  currentNeed: string;
  ceiling: string;
  /** One step further and its need (breaks the ceiling); absent when the whole range fits. */
  beyond?: { value: string; need: string };
  binding: boolean;
  evaluations: number;
  monotoneBreaks: number;
}

export interface BudgetView {
  /** The roster's own year: its fund need as computed (the fan starts there). */
  base: { year: number; point: string };
  /** Y+1 … Y+N: the plan's figure and the bootstrap's P10 / P50 / P90. */
  fan: FanYear[];
  draws: number;
  seed: number;
  covers: { zh: string; en: string };
  solve?: SolveView;
  solveError?: { code?: string; zh: string; en: string };
}

export function budgetJob(people: readonly Person[], visits: readonly Visit[], req: BudgetRequest): BudgetView {
  const figures = req.figures ?? noFigures();
  const engine = figuresEngine(figures);
  const input = { people, visits, region: req.region, year: req.year, engine, funding: baselineFunding(figures.baseline), growth: baselineGrowth(figures.baseline) };
  const plan = projectYears({ ...input, years: req.years });
  const range = bootstrapRange(plan, { draws: req.draws, seed: req.seed });
  const view: BudgetView = {
    base: { year: plan.baseYear, point: plan.base.total.fundNeed.toFixed(2) },
    fan: range.years.map((y) => ({ year: y.year, point: y.point.toFixed(2), p10: y.fundNeed.p10.toFixed(2), p50: y.fundNeed.p50.toFixed(2), p90: y.fundNeed.p90.toFixed(2) })),
    draws: range.draws,
    seed: range.seed,
    covers: range.covers,
  };
  if (req.solve) {
    try {
      const ceiling = req.solve.ceiling.trim() ? req.solve.ceiling : undefined;
      const r = solveBudget({ ...input, paths: [req.solve.path.trim()], ceiling, districtCeilings: parseDistrictCeilings(req.solve.districts) });
      const p = r.parameters[0];
      view.solve = {
        policyId: r.policyId,
        path: p.path,
        districtCeilings: Object.fromEntries(Object.entries(r.districtCeilings).map(([d, c]) => [d, c.toFixed(2)])),
        citation: p.citation,
        value: r.fitted.value.toString(),
        need: r.fitted.total.toFixed(2),
        current: p.current?.toString(),
        currentNeed: r.current.total.toFixed(2),
        ceiling: r.ceiling ? r.ceiling.toFixed(2) : '',
        beyond: r.beyond ? { value: r.beyond.value.toString(), need: r.beyond.total.toFixed(2) } : undefined,
        binding: r.binding,
        evaluations: r.evaluations,
        monotoneBreaks: r.monotoneBreaks.length,
      };
    } catch (e) {
      if (!isMedaidError(e)) throw e;
      view.solveError = { code: e.code, zh: e.zh, en: e.en };
    }
  }
  return view;
}
