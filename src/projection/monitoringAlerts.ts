/**
 * Monitoring alerts over the roster (预警监测; 西平 五、(一) 强化高额医疗费用支出预警监测):
 * "重点监测经基本医疗保险、大病保险等支付后，政策范围内年度自付费用超过上一年度全市城乡居民
 * 人均可支配收入50%的低保边缘家庭成员、农村易返贫致贫人口". For each person holding one of the
 * monitored statuses (`monitoring.categories`), the year's policy-range out-of-pocket amount after
 * basic and critical-illness insurance — the sum of the person's visit costs as the projection
 * takes them (ruling 2; for settlement rows, after the insurance layers) — is compared with the
 * line by the engine's own rule (rules/monitoring.ts, the same as MONITOR_ALERT): above it, an
 * alert. People of other statuses are not monitored. A region without the rule has no report;
 * a line with no value for the year is reported as not computed (ruling 5), never as no alerts.
 */
import type { CategoryId } from '../engine/categories';
import { isMedaidError } from '../engine/errors';
import { ZERO, type Dec } from '../engine/money';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import { monitorAlert } from '../engine/rules/monitoring';
import type { Person, Visit } from '../roster/types';

export interface MonitoringAlert {
  /** Row of the person in the people table. */
  personRow: number;
  personId: string;
  district: string;
  /** The person's monitored status (the first of theirs the rule names). */
  category: CategoryId;
  /** The year's policy-range out-of-pocket amount compared with the line. */
  outOfPocket: Dec;
}

export interface MonitoringReport {
  /** The statuses the rule monitors. */
  categories: CategoryId[];
  /** The line for the year; absent when it has no value (then `notComputed` says why). */
  threshold?: Dec;
  /** Clause of the rule, e.g. "西平县…〔2022〕… 五、(一) 强化高额医疗费用支出预警监测". */
  citation: string;
  /** People of a monitored status whose year was compared (their visits all taken). */
  monitored: number;
  /** People of a monitored status not compared: their year could not be read (reported as problems). */
  unchecked: number;
  alerts: MonitoringAlert[];
  notComputed?: { zh: string; en: string };
}

/** The collector project() feeds person by person; undefined for a region without the rule. */
export class MonitoringCollector {
  private readonly report: MonitoringReport;
  private readonly threshold?: Dec;

  static for(rp: ResolvedPolicy): MonitoringCollector | undefined {
    return rp.policy.monitoring ? new MonitoringCollector(rp) : undefined;
  }

  private constructor(private readonly rp: ResolvedPolicy) {
    const rule = rp.policy.monitoring!;
    this.report = { categories: [...rule.categories], citation: rp.citation(rule.ref), monitored: 0, unchecked: 0, alerts: [] };
    try {
      this.threshold = rp.number('monitoring.threshold', rule.threshold);
      this.report.threshold = this.threshold;
    } catch (e) {
      if (!isMedaidError(e)) throw e;
      this.report.notComputed = { zh: e.zh, en: e.en };
    }
  }

  /** The person's statuses the rule monitors (empty: not monitored). */
  private monitoredStatus(person: Person): CategoryId | undefined {
    const cats = this.report.categories;
    return person.categories.find((c) => cats.includes(c));
  }

  /** One person's year: the visits as the projection took them, or undefined when the year could not be read. */
  add(person: Person, visits: readonly Visit[] | undefined): void {
    const status = this.monitoredStatus(person);
    if (!status) return;
    if (!visits || this.threshold === undefined) {
      this.report.unchecked++;
      return;
    }
    let outOfPocket: Dec = ZERO;
    for (const v of visits) outOfPocket = outOfPocket.plus(v.cost);
    this.report.monitored++;
    const r = monitorAlert(this.rp, outOfPocket, undefined, false, person.categories);
    if (r.value) this.report.alerts.push({ personRow: person.rowNumber, personId: person.id, district: person.district, category: status, outOfPocket });
  }

  finish(): MonitoringReport {
    return this.report;
  }
}

/** The parts' reports of one roster as one (mergeRuns.ts): counts added, alerts in people-row order. */
export function mergeMonitoring(into: MonitoringReport | undefined, part: MonitoringReport | undefined): MonitoringReport | undefined {
  if (!part) return into;
  if (!into) return { ...part, alerts: [...part.alerts] };
  into.monitored += part.monitored;
  into.unchecked += part.unchecked;
  into.alerts.push(...part.alerts);
  into.alerts.sort((a, b) => a.personRow - b.personRow);
  return into;
}

/** The report in one sentence, for the CLI, the summary sheet and the pane. */
export function monitoringLine(m: MonitoringReport, lang: 'zh' | 'en', names: (c: CategoryId) => string): string {
  const who = m.categories.map(names).join(lang === 'zh' ? '、' : ', ');
  if (m.notComputed) {
    return lang === 'zh'
      ? `预警监测（${m.citation}）：未计算——${m.notComputed.zh}`
      : `Monitoring alerts (${m.citation}): not computed — ${m.notComputed.en}`;
  }
  const line = m.threshold!.toFixed(2);
  const unchecked = m.unchecked > 0 ? (lang === 'zh' ? `；另 ${m.unchecked} 人本年未能计算，未比对` : `; ${m.unchecked} more could not be computed and were not compared`) : '';
  return lang === 'zh'
    ? `预警监测（${m.citation}）：${who} ${m.monitored} 人，年度政策范围内自付超过预警线 ${line} 的 ${m.alerts.length} 人${unchecked}`
    : `Monitoring alerts (${m.citation}): ${m.alerts.length} of ${m.monitored} people (${who}) with a year's policy-range out-of-pocket above the line ${line}${unchecked}`;
}
