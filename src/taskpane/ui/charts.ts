/**
 * Charts in the pane (both modes): assistance and premium subsidy by district, and
 * assistance by category. Chart.js draws on a canvas with no eval and no injected style
 * element, so it runs under the pane's CSP; only the pieces used are registered.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PieController, PointElement, Tooltip } from 'chart.js';
import { t, type Lang } from '../i18n';
import type { RunSummary } from '../runSummary';
import type { BudgetView } from '../worker/budgetJob';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, PieController, ArcElement, LineController, LineElement, PointElement, Filler, Legend, Tooltip);
Chart.defaults.font.family = '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
Chart.defaults.color = '#242424';

/** Fluent palette: communication blue, teal, and neutrals for categories. */
const COLORS = ['#0f6cbd', '#00b7c3', '#8764b8', '#ca5010', '#498205', '#c239b3', '#986f0b', '#4f6bed', '#038387', '#e43ba6', '#8e562e', '#69797e'];

const charts: Chart[] = [];

export function destroyCharts(): void {
  while (charts.length) charts.pop()!.destroy();
}

export function drawCharts(district: HTMLCanvasElement, category: HTMLCanvasElement, summary: RunSummary, lang: Lang): void {
  destroyCharts();
  const b = summary.baseline;
  charts.push(
    new Chart(district, {
      type: 'bar',
      data: {
        labels: b.byDistrict.map((d) => d.district),
        datasets: [
          { label: t('assistance', {}, lang), data: b.byDistrict.map((d) => Number(d.bucket.assistance)), backgroundColor: COLORS[0] },
          { label: t('premiumSubsidy', {}, lang), data: b.byDistrict.map((d) => Number(d.bucket.premiumSubsidy)), backgroundColor: COLORS[1] },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
    }),
  );
  charts.push(
    new Chart(category, {
      type: 'pie',
      data: {
        labels: b.byCategory.map((c) => (lang === 'zh' ? c.zh : c.en)),
        datasets: [{ label: t('assistance', {}, lang), data: b.byCategory.map((c) => Number(c.bucket.assistance)), backgroundColor: COLORS.slice(2) }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
    }),
  );
}

/**
 * The fan chart of the multi-year range: the P10–P90 band (filled between the two lines), the
 * P50 line and the plan's point figure, starting at the roster's own year (its computed need).
 */
export function drawFanChart(canvas: HTMLCanvasElement, v: BudgetView, lang: Lang): void {
  const labels = [`${v.base.year}${t('fanRoster', {}, lang)}`, ...v.fan.map((y) => String(y.year))];
  const base = Number(v.base.point);
  const series = (k: 'p10' | 'p50' | 'p90' | 'point') => [base, ...v.fan.map((y) => Number(y[k]))];
  charts.push(
    new Chart(canvas, {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'P10', data: series('p10'), borderColor: '#9cc3e6', backgroundColor: 'rgba(15,108,189,0.18)', pointRadius: 0, fill: false },
          { label: t('fanBand', {}, lang), data: series('p90'), borderColor: '#9cc3e6', backgroundColor: 'rgba(15,108,189,0.18)', pointRadius: 0, fill: '-1' },
          { label: 'P50', data: series('p50'), borderColor: COLORS[0], backgroundColor: COLORS[0], fill: false },
          { label: t('fanPoint', {}, lang), data: series('point'), borderColor: COLORS[3], backgroundColor: COLORS[3], borderDash: [6, 4], fill: false },
        ],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
    }),
  );
}
