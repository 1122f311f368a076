/**
 * Explanations: every result can say how it was reached — the steps, each parameter's
 * value and where it comes from (document + clause, and the ruling applied). Like an
 * OpenFisca trace, a list of every parameter used, so an auditor can check each number.
 */
import type { CategoryId } from './categories';
import type { Dec } from './money';
import { fmt } from './money';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ParamUse {
  path: string;
  label: Bilingual;
  value: string;
  /** "信医保办〔2024〕52号 二、二是 住院救助" — document number or title, then clause. */
  citation: string;
  quote?: string;
  ruling?: number;
  note?: string;
  /** True when an analyst's override, not the document, supplied the value. */
  overridden?: boolean;
}

export interface Step {
  zh: string;
  en: string;
  amount?: string;
  params: string[];
}

export interface Explanation {
  region: { id: string; zh: string; en: string };
  policyId: string;
  year: number;
  category?: CategoryId;
  steps: Step[];
  params: ParamUse[];
}

export type ResultValue = Dec | boolean;

export interface Result<V extends ResultValue = Dec> {
  value: V;
  explanation: Explanation;
}

/** Collects steps and parameter uses while a rule runs; a no-op recorder when not explaining. */
export class Trace {
  readonly steps: Step[] = [];
  readonly params = new Map<string, ParamUse>();
  constructor(readonly enabled: boolean) {}

  use(p: ParamUse): void {
    if (this.enabled && !this.params.has(p.path)) this.params.set(p.path, p);
  }

  step(zh: string, en: string, amount?: Dec, params: string[] = []): void {
    if (this.enabled) this.steps.push({ zh, en, amount: amount === undefined ? undefined : fmt(amount), params });
  }
}

const HEAD = {
  zh: ['步骤', '金额', '参数', '取值', '依据'],
  en: ['Step', 'Amount', 'Parameter', 'Value', 'Source'],
};

/** A flat table (header row first) for a spilled Excel range or a report sheet. */
export function explanationTable(e: Explanation, lang: 'zh' | 'en' = 'zh'): string[][] {
  const rows: string[][] = [HEAD[lang]];
  const byPath = new Map(e.params.map((p) => [p.path, p]));
  for (const s of e.steps) {
    const text = lang === 'zh' ? s.zh : s.en;
    if (s.params.length === 0) {
      rows.push([text, s.amount ?? '', '', '', '']);
      continue;
    }
    s.params.forEach((path, i) => {
      const p = byPath.get(path);
      const label = p ? `${lang === 'zh' ? p.label.zh : p.label.en} (${path})` : path;
      const source = p ? [p.citation, p.ruling ? (lang === 'zh' ? `裁定 ${p.ruling}` : `ruling ${p.ruling}`) : '', p.overridden ? (lang === 'zh' ? '分析人员调整' : 'analyst override') : ''].filter(Boolean).join('；') : '';
      rows.push([i === 0 ? text : '', i === 0 ? s.amount ?? '' : '', label, p?.value ?? '', source]);
    });
  }
  return rows;
}
