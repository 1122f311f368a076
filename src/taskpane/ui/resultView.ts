/**
 * The results as a task pane shows them: the headline card first (资金需求 in 元 and 万元,
 * the 市级/区县级 shares, each scenario's difference), then tables narrow enough for a
 * 320–450 px pane. Each table keeps two or three columns; the rest of a row's figures open
 * under it with its ▸ button (a detail row, kept in the page so screen readers and tests
 * find every figure). The full tables, every column side by side, are the result sheets.
 *
 * Every amount cell carries its exact 元 text in data-value (and a data-testid), so what the
 * page shows can be checked against the projection to the fen. A figure the run could not
 * compute reads 未计算 (empty data-value), never 0.00, and totals of a partial run are labelled
 * 合计（部分测算） (src/projection/completeness.ts, issue 17).
 */
import { headline } from '../headline';
import { t, type Lang } from '../i18n';
import { compareRows, groupMoney } from '../paneLogic';
import type { CompletenessSummary } from '../../projection/summary';
import type { BucketView, RunSummary } from '../runSummary';
import { h, type Child } from './dom';

/** An amount cell: grouped 元 on screen, the exact text in data-value; 未计算 when off. */
function money(v: string, testid?: string, off = false): HTMLElement {
  const id = testid ? { 'data-testid': testid } : {};
  return off ? h('td', { class: 'num not-computed', 'data-value': '', ...id }, t('notComputed')) : h('td', { class: 'num', 'data-value': v, ...id }, groupMoney(v));
}

function moneySpan(v: string, testid?: string, off = false): HTMLElement {
  const id = testid ? { 'data-testid': testid } : {};
  return off ? h('span', { class: 'num not-computed', 'data-value': '', ...id }, t('notComputed')) : h('span', { class: 'num', 'data-value': v, ...id }, groupMoney(v));
}

type Missing = CompletenessSummary['missing']['byCategory'][string];

/** Which of a bucket's figures were not computed: the run's measures, or every person of the bucket missing. */
function offParts(c: CompletenessSummary | undefined, missing?: Missing): { inpatient: boolean; outpatient: boolean; tilt: boolean; assistance: boolean; premium: boolean } {
  const all = (n: number | undefined) => !!missing && missing.people > 0 && n === missing.people;
  const m = (id: string) => c?.measures[id] === 'notComputed';
  const noA = missing ? all(missing.assistance) : m('assistance.total');
  const noP = missing ? all(missing.premiumSubsidy) : m('premiumSubsidy.total');
  return { inpatient: noA || m('assistance.inpatient'), outpatient: noA || m('assistance.outpatient'), tilt: noA || m('assistance.tilt'), assistance: noA, premium: noP };
}

interface DetailItem {
  label: string;
  value: string;
  testid?: string;
  /** Not computed: 未计算. */
  off?: boolean;
  /** Text instead of an amount (a count, growth rates). */
  text?: boolean;
}

let tableSeq = 0;

/**
 * A compact table: a caption, a header row and, per row, the shown cells plus the figures
 * that open below it. The last row is the total (bold, as in the sheets).
 */
export function compactTable(
  id: string,
  caption: string,
  head: string[],
  rows: { label: string; cells: HTMLElement[]; detail: DetailItem[]; total?: boolean }[],
): HTMLElement {
  const seq = ++tableSeq;
  const body: HTMLElement[] = [];
  rows.forEach((r, i) => {
    const detailId = `${id}-detail-${seq}-${i}`;
    const toggle = h('button', {
      type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': detailId,
      'aria-label': t('showDetail', { row: r.label }),
      onclick: (ev) => {
        const b = ev.currentTarget as HTMLButtonElement;
        const open = b.getAttribute('aria-expanded') !== 'true';
        b.setAttribute('aria-expanded', String(open));
        document.getElementById(detailId)?.toggleAttribute('hidden', !open);
      },
    });
    body.push(h('tr', r.total ? { class: 'total' } : {}, h('th', { scope: 'row' }, r.detail.length ? toggle : null, r.label), ...r.cells));
    if (r.detail.length) {
      body.push(h('tr', { class: 'detail', id: detailId, hidden: true },
        h('td', { colspan: head.length },
          h('dl', {}, r.detail.map((d) => [
            h('dt', {}, d.label),
            h('dd', {}, d.text ? d.value : moneySpan(d.value, d.testid, d.off)),
          ])))));
    }
  });
  return h('div', { class: 'table-box' },
    h('table', { id, class: 'compact' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((x, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, x)))),
      h('tbody', {}, body)));
}

function bucketDetail(b: BucketView, prefix: string | undefined, off: ReturnType<typeof offParts>): DetailItem[] {
  const id = (k: string) => (prefix ? `${prefix}.${k}` : undefined);
  return [
    { label: t('inpatient'), value: b.inpatient, testid: id('inpatient'), off: off.inpatient },
    { label: t('outpatient'), value: b.outpatient, testid: id('outpatient'), off: off.outpatient },
    { label: t('tilt'), value: b.tilt, testid: id('tilt'), off: off.tilt },
    { label: t('assistance'), value: b.assistance, testid: id('assistance'), off: off.assistance },
    { label: t('premiumSubsidy'), value: b.premiumSubsidy, testid: id('premiumSubsidy'), off: off.premium },
  ];
}

function headlineCard(sum: RunSummary, lang: Lang): HTMLElement {
  const hl = headline(sum);
  const b = sum.baseline;
  const off = offParts(b.completeness);
  const needOff = off.assistance || off.premium;
  const pct = (p: string | undefined) => (p === undefined ? '' : `（${p}%）`);
  const sign = (v: string) => (v.startsWith('-') ? '' : '+');
  return h('section', { id: 'headline', class: 'headline', 'aria-labelledby': 'headline-title' },
    h('h2', { id: 'headline-title' }, `${t('fundNeed')} · ${lang === 'zh' ? b.region.zh : b.region.en} ${b.year}`),
    h('p', { class: 'headline-figure' },
      needOff
        ? h('span', { class: 'big not-computed', 'data-testid': 'headline.fundNeedWan', 'data-value': '' }, t('notComputed'))
        : [h('span', { class: 'big', 'data-testid': 'headline.fundNeedWan', 'data-value': hl.fundNeedWan }, groupMoney(hl.fundNeedWan)), h('span', { class: 'unit' }, t('wanYuan'))]),
    h('p', { class: 'headline-exact' }, moneySpan(hl.fundNeed, 'headline.fundNeed', needOff), needOff ? '' : ` ${t('yuan')}`),
    h('dl', { class: 'headline-split' },
      h('dt', {}, `${t('cityShare')}（${hl.ratio}）`),
      h('dd', {}, groupMoney(hl.cityWan), ` ${t('wanYuan')}`, pct(hl.cityPct), h('br'), moneySpan(hl.city, 'headline.city'), ` ${t('yuan')}`),
      h('dt', {}, t('districtShare')),
      h('dd', {}, groupMoney(hl.districtWan), ` ${t('wanYuan')}`, pct(hl.districtPct), h('br'), moneySpan(hl.district, 'headline.district'), ` ${t('yuan')}`)),
    hl.scenarios.length
      ? h('ul', { class: 'headline-scenarios', 'aria-label': t('scenarioCompare') }, hl.scenarios.map((s, i) => h('li', {},
          h('strong', {}, s.name), '：',
          `${sign(s.diff)}${groupMoney(s.diffWan)} ${t('wanYuan')}`,
          s.pct !== undefined ? `（${sign(s.pct)}${s.pct}%）` : '',
          h('br'),
          t('scenarioNeed'), ' ', moneySpan(s.fundNeed, `headline.scenario.${i}.fundNeed`), ` ${t('yuan')}`)))
      : null,
  );
}

/** The results step's body: headline card, then the compact tables; say() puts engine texts in the analyst's words. */
export function resultView(sum: RunSummary, lang: Lang, say: (text: string) => string = (x) => x): Child[] {
  const b = sum.baseline;
  const f = b.funding;
  const c = b.completeness;
  const totalLabel = c && !c.label.zh.startsWith('完整') ? t('partialTotal') : t('total');
  const parts: Child[] = [headlineCard(sum, lang)];

  const overall = b.overall;
  const o = offParts(c);
  parts.push(compactTable('table-overall', `${t('summary')} · ${totalLabel}`, [t('measure'), t('amountYuanHead')], [
    ...([
      ['inpatient', overall.inpatient, o.inpatient], ['outpatient', overall.outpatient, o.outpatient], ['tilt', overall.tilt, o.tilt],
      ['assistance', overall.assistance, o.assistance], ['premiumSubsidy', overall.premiumSubsidy, o.premium], ['fundNeed', overall.fundNeed, o.assistance || o.premium],
    ] as const).map(([k, v, off]) => ({ label: t(k), cells: [money(v, `overall.${k}`, off)], detail: [] })),
  ]));

  const bucketRows = (rows: { label: string; b: BucketView; prefix?: string; missing?: Missing; total?: boolean }[]) =>
    rows.map((r) => {
      const off = offParts(c, r.missing);
      return { label: r.label, total: r.total, cells: [h('td', { class: 'num' }, String(r.b.people)), money(r.b.fundNeed, r.prefix && `${r.prefix}.fundNeed`, off.assistance || off.premium)], detail: bucketDetail(r.b, r.prefix, off) };
    });
  parts.push(compactTable('table-category', t('byCategory'), [t('category'), t('people'), t('fundNeed')], bucketRows([
    ...b.byCategory.map((x) => ({ label: lang === 'zh' ? x.zh : x.en, b: x.bucket, prefix: `category.${x.id}`, missing: c?.missing.byCategory[x.id] })),
    { label: totalLabel, b: overall, total: true },
  ])));
  parts.push(compactTable('table-district', t('byDistrict'), [t('district'), t('people'), t('fundNeed')], bucketRows([
    ...b.byDistrict.map((d) => ({ label: d.district, b: d.bucket, prefix: `district.${d.district}`, missing: c?.missing.byDistrict[d.district] })),
    { label: totalLabel, b: overall, total: true },
  ])));

  const splitDetail = (need: string, sources: string, fiscal: string, ids?: [string, string, string]): DetailItem[] => [
    { label: t('need'), value: need, testid: ids?.[0] },
    { label: t('sourcesAllocated'), value: sources, testid: ids?.[1] },
    { label: t('fiscal'), value: fiscal, testid: ids?.[2] },
  ];
  parts.push(compactTable('table-split', t('fundSplit', { ratio: f.ratio }), [t('district'), t('cityShare'), t('districtShare')], [
    ...f.districts.map((d) => ({ label: d.district, cells: [money(d.city, `split.${d.district}.city`), money(d.districtPart, `split.${d.district}.district`)], detail: splitDetail(d.need, d.sources, d.fiscal) })),
    { label: totalLabel, total: true, cells: [money(f.city, 'funding.city'), money(f.districtTotal, 'funding.district')], detail: splitDetail(f.need, f.allocated, f.fiscal, ['funding.need', 'funding.allocated', 'funding.fiscal']) },
  ]));
  parts.push(h('p', { class: 'hint', id: 'funding-sources' }, `${t('lottery')} ${groupMoney(f.lottery)}；${t('donations')} ${groupMoney(f.donations)}；${t('transfers')} ${groupMoney(f.transfers)}`));
  if (b.ratioSource) parts.push(h('p', { class: 'hint', id: 'split-source' }, t('ratioSource', { source: say(lang === 'zh' ? b.ratioSource.zh : b.ratioSource.en) })));

  const fc = b.forecast;
  const growth = (g: { headcount: string; cost: string; premium: string }) => `${g.headcount}% / ${g.cost}% / ${g.premium}%`;
  parts.push(compactTable('table-forecast', t('forecastTitle', { next: fc.nextYear, year: fc.year }), [t('category'), t('nextPeople'), t('nextFundNeed')], [
    ...fc.rows.map((r) => ({
      label: lang === 'zh' ? r.zh : r.en,
      cells: [h('td', { class: 'num' }, String(r.nextPeople)), money(r.nextFundNeed, `forecast.${r.id}.nextFundNeed`)],
      detail: [
        { label: t('thisYearPeople'), value: String(r.people), text: true },
        { label: t('thisYearNeed'), value: r.assistance },
        { label: t('thisYearSubsidy'), value: r.premiumSubsidy },
        { label: t('growthPct'), value: growth(r.growth), text: true },
        { label: t('nextAssistance'), value: r.nextAssistance },
        { label: t('nextSubsidy'), value: r.nextPremiumSubsidy },
      ],
    })),
    {
      label: totalLabel,
      total: true,
      cells: [h('td', { class: 'num' }, String(fc.total.nextPeople)), money(fc.total.nextFundNeed, 'forecast.nextFundNeed')],
      detail: [
        { label: t('thisYearPeople'), value: String(fc.total.people), text: true },
        { label: t('thisYearNeed'), value: fc.total.assistance },
        { label: t('thisYearSubsidy'), value: fc.total.premiumSubsidy },
        { label: t('nextAssistance'), value: fc.total.nextAssistance, testid: 'forecast.nextAssistance' },
        { label: t('nextSubsidy'), value: fc.total.nextPremiumSubsidy, testid: 'forecast.nextPremiumSubsidy' },
      ],
    },
  ]));

  if (b.forecastMethod) parts.push(h('p', { class: 'hint', id: 'forecast-method' }, t('forecastMethod', { source: say(lang === 'zh' ? b.forecastMethod.zh : b.forecastMethod.en) })));

  // Settlement rows: each fund's layer and the residual (docs/settlement-layers.md); scenarios open under each row.
  if (sum.layers) {
    parts.push(compactTable('table-layers', t('layersTitle'), [t('measure'), t('baseline')], sum.layers.map((r) => ({
      label: lang === 'zh' ? r.zh : r.en,
      cells: [money(r.baseline, `layers.${r.id}`)],
      detail: r.scenarios.flatMap((v, i) => [
        { label: sum.comparisons[i]?.scenario ?? String(i + 1), value: v.value, testid: `layers.${i}.${r.id}` },
        { label: `${sum.comparisons[i]?.scenario ?? String(i + 1)} ${t('difference')}`, value: v.diff, testid: `layers.${i}.${r.id}.diff` },
      ]),
    }))));
  }

  if (sum.comparisons.length) {
    const rows = compareRows(sum, lang);
    const tables = sum.comparisons.map((cmp, i) => compactTable(i === 0 ? 'table-compare' : `table-compare-${i}`, `${t('scenarioCompare')}：${cmp.scenario}`, [t('measure'), t('scenarioValue'), t('difference')],
      rows.map((r) => {
        const v = r.values[i];
        const baseOff = c?.measures[r.id] === 'notComputed';
        const off = sum.scenarios[i]?.completeness?.measures[r.id] === 'notComputed';
        return {
          label: r.label,
          cells: [money(v.value, `compare.${i}.${r.id}`, off), off || baseOff ? h('td', { class: 'num' }, '—') : money(v.diff, `compare.${i}.${r.id}.diff`)],
          detail: [
            { label: t('baseline'), value: r.baseline, testid: i === 0 ? `compare.baseline.${r.id}` : undefined, off: baseOff },
            { label: t('pct'), value: off || baseOff || v.pct === undefined ? '—' : `${v.pct}%`, text: true },
          ],
        };
      })));
    parts.push(...tables);
  }
  return parts;
}
