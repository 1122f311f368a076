/**
 * The explanation of one person's year, on demand: the projection does not keep a trace for
 * every visit (100k visits × steps is memory nobody reads), so the person is re-run with
 * `explain: true` through the same accumulator and in the same order — the amounts are
 * the ones in the projection.
 */
import type { Explanation } from '../engine/explain';
import { explanationTable } from '../engine/explain';
import type { Dec } from '../engine/money';
import type { Person, Visit } from '../roster/types';
import { byDateThenRow, engineFor, runPersonYear } from './project';
import type { ProjectionInput, Scenario } from './types';

export interface PersonExplanation {
  person: Person;
  visits: { visit: Visit; assistance: Dec; explanation: Explanation }[];
  premium?: { value: Dec; explanation: Explanation };
}

/** undefined when no person has this ID; the engine's error when the year cannot be computed. */
export function explainPerson(input: ProjectionInput, personId: string, scenario?: Scenario): PersonExplanation | undefined {
  const person = [...input.people].sort((a, b) => a.rowNumber - b.rowNumber).find((p) => p.id === personId);
  if (!person) return undefined;
  const engine = engineFor(input, scenario);
  const own = input.visits.filter((v) => v.personId === personId && v.date.startsWith(String(input.year))).sort(byDateThenRow);
  const visits = runPersonYear(engine, input.region, input.year, person, own, true).map(({ visit, result }) => ({
    visit,
    assistance: result.assistance,
    explanation: result.explanation!,
  }));
  let premium: PersonExplanation['premium'];
  try {
    const r = engine.premiumSubsidy({ categories: person.categories, region: input.region, year: input.year, premium: person.premium });
    premium = { value: r.value as Dec, explanation: r.explanation };
  } catch {
    premium = undefined; // the projection's report already says why
  }
  return { person, visits, premium };
}

/** The same as rows for a sheet or the task pane: one block per visit, header first. */
export function personExplanationTable(x: PersonExplanation, lang: 'zh' | 'en' = 'zh'): string[][] {
  const rows: string[][] = [];
  for (const { visit, assistance, explanation } of x.visits) {
    rows.push([lang === 'zh' ? `第 ${visit.rowNumber} 行 ${visit.date} ${visit.kind === 'inpatient' ? '住院' : '门诊'} 救助 ${assistance.toFixed(2)}` : `row ${visit.rowNumber} ${visit.date} ${visit.kind} assistance ${assistance.toFixed(2)}`]);
    rows.push(...explanationTable(explanation, lang));
  }
  if (x.premium) {
    rows.push([lang === 'zh' ? `资助参保 ${x.premium.value.toFixed(2)}` : `premium subsidy ${x.premium.value.toFixed(2)}`]);
    rows.push(...explanationTable(x.premium.explanation, lang));
  }
  return rows;
}
