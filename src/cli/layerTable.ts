/**
 * The CLI's layer table for settlement rosters: each fund's layer (basic insurance,
 * critical-illness insurance, hospital reduction, out-of-catalogue excess borne by the
 * hospital, assistance) and the residual the person pays, baseline and each scenario side by
 * side with the difference. Empty when the roster has no settlement rows.
 */
import { fmt, type Dec } from '../engine/money';
import { LAYER_KEYS, LAYER_LABELS } from '../projection/layers';
import type { ProjectionRun } from '../projection/types';

const money = (x: Dec | undefined) => (x === undefined ? '' : Number(fmt(x)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function layerRows(run: ProjectionRun, lang: 'zh' | 'en'): string[][] | undefined {
  const b = run.baseline.layers;
  if (!b) return undefined;
  const head = [lang === 'zh' ? `结算数据各层（${b.overall.visits} 次就诊）` : `Settlement layers (${b.overall.visits} visits)`, lang === 'zh' ? '基准' : 'Baseline'];
  for (const { projection } of run.scenarios) head.push(projection.scenario, lang === 'zh' ? '差额' : 'Difference');
  const rows = [head];
  for (const k of LAYER_KEYS) {
    const row = [LAYER_LABELS[k][lang], money(b.overall[k])];
    run.comparisons.forEach((c) => {
      const d = c.measures[`layers.${k}`];
      row.push(money(d?.scenario), money(d?.diff));
    });
    rows.push(row);
  }
  return rows;
}
