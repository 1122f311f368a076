/**
 * The headline card's figures: what the analyst opened the pane for, before any table.
 * 资金需求 in 元 (exact, as the engine computed it) and in 万元 (the unit of budget
 * documents: 元 ÷ 10 000, rounded half-up to 0.01 万元 for display only), the city and
 * district shares of the fiscal part with their percentages, and each scenario's
 * difference from the current policy. Plain data, no DOM: the card (ui/headlineCard.ts)
 * only lays it out.
 */
import { D } from '../engine/money';
import type { RunSummary } from './runSummary';

export interface HeadlineScenario {
  name: string;
  fundNeed: string;
  diff: string;
  diffWan: string;
  /** Change against the baseline in %, 2 decimals; undefined when the baseline is 0. */
  pct?: string;
}

export interface Headline {
  fundNeed: string;
  fundNeedWan: string;
  fiscal: string;
  city: string;
  cityWan: string;
  /** Share of the fiscal part, in %, 1 decimal; undefined when the fiscal part is 0. */
  cityPct?: string;
  district: string;
  districtWan: string;
  districtPct?: string;
  ratio: string;
  scenarios: HeadlineScenario[];
}

/** 元 text → 万元 text, half-up to 0.01 万元 (display; the 元 figure stays the exact one). */
export function toWan(yuan: string): string {
  return new D(yuan).div(10000).toFixed(2);
}

function share(part: string, whole: string): string | undefined {
  const w = new D(whole);
  return w.isZero() ? undefined : new D(part).div(w).times(100).toFixed(1);
}

export function headline(summary: RunSummary): Headline {
  const b = summary.baseline;
  const f = b.funding;
  return {
    fundNeed: b.overall.fundNeed,
    fundNeedWan: toWan(b.overall.fundNeed),
    fiscal: f.fiscal,
    city: f.city,
    cityWan: toWan(f.city),
    cityPct: share(f.city, f.fiscal),
    district: f.districtTotal,
    districtWan: toWan(f.districtTotal),
    districtPct: share(f.districtTotal, f.fiscal),
    ratio: f.ratio,
    scenarios: summary.comparisons.map((c) => {
      const m = c.measures.find((x) => x.id === 'fundNeed');
      const diff = m?.diff ?? '0.00';
      return { name: c.scenario, fundNeed: m?.scenario ?? b.overall.fundNeed, diff, diffWan: toWan(diff), pct: m?.pct };
    }),
  };
}
