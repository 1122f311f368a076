/**
 * Where a method of the projection comes from, in the region's own words or labelled as the
 * analyst's. Two methods are Weihai's text (威医保发〔2019〕25号): the 1:9 city/district split
 * of the fiscal budget (四、(一) 3.) and the budget built from last year's head counts and
 * costs (四、(一) 4.). Another region's result must not cite Weihai's document for them: it
 * cites its own policy file's clause (fund.split, fund.budget) where it has one, and otherwise
 * says the method is the analyst's assumption (issue 15 item 5, issue 17).
 */
import type { PolicyFile, Reference } from '../engine/policy/types';
import type { Origin } from './types';

export interface Provenance {
  zh: string;
  en: string;
  /** True when the region's own document is cited. */
  own: boolean;
}

/** "威医保发〔2019〕25号 四、(一) 3." — the document number (or title) and the clause. */
export function citeRefs(policy: Pick<PolicyFile, 'documents'>, refs: readonly Reference[]): string {
  return refs
    .map((r) => {
      const d = policy.documents[r.doc];
      return `${d ? d.number ?? d.title : r.doc} ${r.clause}`;
    })
    .join('；');
}

/** The city:district ratio's source: the region's clause, the analyst's input, or the default assumption. */
export function splitProvenance(policy: Pick<PolicyFile, 'documents' | 'fund' | 'region'>, origin: Origin, ratio: string): Provenance {
  if (origin === 'policy' && policy.fund?.split) {
    const c = citeRefs(policy, policy.fund.split.ref);
    return { zh: `${policy.region.names.zh}政策：${c}`, en: `${policy.region.names.en} policy: ${c}`, own: true };
  }
  if (origin === 'input') return { zh: `分析人员输入的比例 ${ratio}`, en: `ratio ${ratio} entered by the analyst`, own: false };
  return {
    zh: `分析人员假设（默认 ${ratio}，仿威海做法；${policy.region.names.zh}政策文件未规定市、区县分担比例，可用 --ratio 或“分担比例”另定）`,
    en: `analyst's assumption (default ${ratio}, after Weihai's practice; the ${policy.region.names.en} policy sets no city:district ratio — change it with --ratio or the ratio field)`,
    own: false,
  };
}

/** The forecast method's source: the region's budget clause, or the analyst's method. */
export function forecastProvenance(policy: Pick<PolicyFile, 'documents' | 'fund' | 'region'>): Provenance {
  const refs = policy.fund?.budget?.ref;
  if (refs?.length) {
    const c = citeRefs(policy, refs);
    return { zh: c, en: `${policy.region.names.en} policy: ${c}`, own: true };
  }
  return {
    zh: `分析人员测算方法：本年人数与人均 × 增长率（${policy.region.names.zh}政策文件未规定预算编制方法）`,
    en: `analyst's method: this year's head counts and per-person amounts × growth (the ${policy.region.names.en} policy sets no budgeting method)`,
    own: false,
  };
}
