/**
 * The scenario editor's search over an edition's parameters (issue 14): an edition has
 * dozens of them ("住院救助 · 低保对象 · 救助比例" …), too many to scan in one dropdown at
 * task-pane width. The analyst types any part of a name as the documents word it, in
 * either language, or of the clause ("三、(二)"), or — in the advanced view — of the
 * parameter path; every word typed must appear (in any order), so "低保 比例" finds the
 * assistance ratio of every tier that covers 低保对象.
 *
 * Matching is on a normalised form (Unicode NFKC, lower case, no spaces), so full-width
 * brackets and letters typed by a Chinese input method find the half-width ones of the
 * files, and "三、（二）" finds "三、(二)".
 */
import type { PolicyParam } from './policyParams';

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The words of a query: split on spaces (either width) and on the separators of the names' own "A · B · C". */
function words(query: string): string[] {
  return query.normalize('NFKC').split(/[\s·・,，、;；]+/).map(normalise).filter((w) => w.length > 0);
}

/**
 * The parameters matching the query, in their order. An empty query matches all. The
 * parameter already chosen is kept even when it does not match, so the dropdown never
 * silently loses the analyst's choice.
 */
export function searchParams(params: PolicyParam[], query: string, opts: { advanced: boolean; keep?: string }): PolicyParam[] {
  const ws = words(query);
  if (ws.length === 0) return params;
  return params.filter((p) => {
    if (p.path === opts.keep) return true;
    const hay = normalise([p.zh, p.en, p.citation, p.quote ?? '', opts.advanced ? p.path : ''].join('\u0000'));
    return ws.every((w) => hay.includes(w));
  });
}
