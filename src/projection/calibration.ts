/**
 * Calibration against the documents' published totals (issue 15): per-person averages of the
 * published year beside the projection's, so an analyst sees when a roster is far from it.
 * Not rules — facts the documents report (`statistics` in the policy file, each with its clause):
 *
 * - 信阳 2024 (信医保办〔2024〕52号 二、五是): 资助参保 47.4万人 / 4990.58万元; 住院救助 21.83万人 /
 *   2.27亿元; 门诊救助 19.26万人 / 1838.94万元.
 * - 益阳 2022 (二、(一)): 22.86万名困难群众参保 / 5760.11万元.
 *
 * Published per person = amount / people and projected per person = the projection's amount /
 * its people, each rounded half up to the fen (ruling 1); the ratio projected ÷ published is a
 * percentage to 2 decimals. Projected people and amounts: the premium subsidy over the people
 * subsidised (> 0); inpatient and outpatient over the people with any assistance on such visits,
 * the amount being all of it (ordinary + tilt), as a 救助金额 counts what was paid.
 * A statistic counts for the projection year when its date falls in that year.
 */
import { D, ZERO, round2, type Dec } from '../engine/money';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import type { Param } from '../engine/policy/types';

/** People with assistance on inpatient / outpatient visits, and that assistance (summed over parts as is). */
export interface Recipients {
  inpatient: { people: number; amount: Dec };
  outpatient: { people: number; amount: Dec };
}

export const emptyRecipients = (): Recipients => ({ inpatient: { people: 0, amount: ZERO }, outpatient: { people: 0, amount: ZERO } });

export function addRecipients(into: Recipients, part: Recipients): Recipients {
  for (const k of ['inpatient', 'outpatient'] as const) {
    into[k].people += part[k].people;
    into[k].amount = into[k].amount.plus(part[k].amount);
  }
  return into;
}

/** One person's year: their inpatient and outpatient assistance (visit sums). */
export function addPersonRecipients(into: Recipients, inpatient: Dec, outpatient: Dec): void {
  if (inpatient.greaterThan(0)) {
    into.inpatient.people++;
    into.inpatient.amount = into.inpatient.amount.plus(inpatient);
  }
  if (outpatient.greaterThan(0)) {
    into.outpatient.people++;
    into.outpatient.amount = into.outpatient.amount.plus(outpatient);
  }
}

export type CalibrationMeasure = 'premiumSubsidy' | 'inpatient' | 'outpatient';

export interface CalibrationRow {
  measure: CalibrationMeasure;
  label: { zh: string; en: string };
  /** Clauses of the published people and amount. */
  citation: string;
  published: { people: number; amount: Dec; perPerson: Dec };
  projected: { people: number; amount: Dec; perPerson?: Dec };
  /** Projected per person ÷ published per person, percent (2 decimals); absent when nobody was projected. */
  pct?: Dec;
}

/** Which statistics of a policy file are the published people and amount of each measure. */
const PAIRS: { measure: CalibrationMeasure; people: string[]; amount: string[]; label: { zh: string; en: string } }[] = [
  { measure: 'premiumSubsidy', people: ['subsidisedPeople', 'subsidisedPeople2022'], amount: ['subsidyAmount', 'subsidyAmount2022'], label: { zh: '资助参保人均', en: 'Premium subsidy per person subsidised' } },
  { measure: 'inpatient', people: ['inpatientPeople'], amount: ['inpatientAmount'], label: { zh: '住院救助人均', en: 'Inpatient assistance per recipient' } },
  { measure: 'outpatient', people: ['outpatientPeople'], amount: ['outpatientAmount'], label: { zh: '门诊救助人均', en: 'Outpatient assistance per recipient' } },
];

/** The statistic's value dated in `year` (the latest such date), as a number. */
function valueIn(p: Param, year: number): number | undefined {
  let best: [string, number] | undefined;
  for (const [date, v] of Object.entries(p.values)) {
    if (typeof v !== 'number' || !date.startsWith(`${year}-`)) continue;
    if (!best || date > best[0]) best = [date, v];
  }
  return best?.[1];
}

/** The rows for the projection year; empty when the documents publish nothing for it. */
export function calibrationRows(rp: ResolvedPolicy, year: number, recipients: Recipients, premium: { people: number; amount: Dec }): CalibrationRow[] {
  const stats = rp.policy.statistics ?? {};
  const rows: CalibrationRow[] = [];
  for (const pair of PAIRS) {
    const pk = pair.people.find((k) => stats[k]);
    const ak = pair.amount.find((k) => stats[k]);
    if (!pk || !ak) continue;
    const people = valueIn(stats[pk].param, year);
    const amount = valueIn(stats[ak].param, year);
    if (people === undefined || amount === undefined || people <= 0) continue;
    const published = { people, amount: new D(amount), perPerson: round2(new D(amount).dividedBy(people)) };
    const own = pair.measure === 'premiumSubsidy' ? premium : recipients[pair.measure];
    const perPerson = own.people > 0 ? round2(own.amount.dividedBy(own.people)) : undefined;
    const citations = [...new Set([rp.citation(stats[pk].param.ref), rp.citation(stats[ak].param.ref)])].join('；');
    rows.push({
      measure: pair.measure,
      label: pair.label,
      citation: citations,
      published,
      projected: { people: own.people, amount: own.amount, ...(perPerson ? { perPerson } : {}) },
      ...(perPerson && published.perPerson.greaterThan(0) ? { pct: perPerson.dividedBy(published.perPerson).times(100).toDecimalPlaces(2, D.ROUND_HALF_UP) } : {}),
    });
  }
  return rows;
}

/** The rows as a table (header first), for the CLI and the summary sheet; amounts as text to the fen. */
export function calibrationTable(rows: readonly CalibrationRow[], lang: 'zh' | 'en'): string[][] {
  const zh = lang === 'zh';
  const out = [zh
    ? ['对照项', '公布人数', '公布金额', '公布人均', '测算人数', '测算金额', '测算人均', '测算/公布', '依据']
    : ['Measure', 'Published people', 'Published amount', 'Published per person', 'Projected people', 'Projected amount', 'Projected per person', 'Projected / published', 'Source']];
  for (const r of rows) {
    out.push([
      zh ? r.label.zh : r.label.en,
      String(r.published.people), r.published.amount.toFixed(2), r.published.perPerson.toFixed(2),
      String(r.projected.people), r.projected.amount.toFixed(2), r.projected.perPerson ? r.projected.perPerson.toFixed(2) : zh ? '无' : 'none',
      r.pct ? `${r.pct.toFixed(2)}%` : '',
      r.citation,
    ]);
  }
  return out;
}
