/**
 * A roster as columns (struct of arrays) rather than one object per row: a million visits
 * are a handful of typed arrays, cheap to build and to scan. Visits are grouped by person
 * and in date order (person p's visits are rows visitStart[p]..visitStart[p+1]-1), which
 * is the order the engine takes a year's visits in (ruling 3).
 */
import type { Person, Visit } from '../roster/types';
import { MedaidError } from '../engine/errors';
import type { CompiledPolicy } from './compiledPolicy';
import { CATEGORY_CODE } from './compiledPolicy';
import { decToFen } from './fixedPoint';
import type { Dec } from '../engine/money';
import type { VisitInput } from '../engine/rules/personYear';

export interface ColumnarRoster {
  persons: number;
  visits: number;
  /** persons + 1 offsets into the visit columns. */
  visitStart: Int32Array;
  /** persons + 1 offsets into statusCodes. */
  statusStart: Int32Array;
  /** Global category codes (CATEGORY_CODE), in each person's order. */
  statusCodes: Uint8Array;
  /** Index into districtNames. */
  personDistrict: Int32Array;
  districtNames: string[];
  /** Scheme index into compiled.schemes, -1 when the engine would refuse the visit's scheme. */
  visitScheme: Int8Array;
  /** Policy-range out-of-pocket cost in whole fen; -1 when not a whole fen in range (the decimal engine takes it). */
  visitCostFen: Float64Array;
  visitReferred: Uint8Array;
  /** In-catalogue total and insurance paid (Shanxi top-up), fen; NaN when absent, -1 when not a whole fen. Optional columns. */
  visitTotalFen?: Float64Array;
  visitInsuranceFen?: Float64Array;
}

/** Where each columnar row came from, for messages and for the decimal fallback's exact inputs. */
export interface RosterSource {
  /** Columnar person p is people[p]. */
  people: readonly Person[];
  /** visits[i] is columnar visit row i. */
  visits: readonly Visit[];
  /** The exact engine input of columnar visit row i (for projectColumns' decimal fallback). */
  decimalInput: (row: number) => VisitInput;
}

/** An imported visit as the engine's input (the same mapping the projection uses). */
export function visitInputOf(v: Visit): VisitInput {
  return { kind: v.kind, scheme: v.kind === 'outpatient' ? v.scheme : undefined, cost: v.cost, referred: v.referred, totalCost: v.totalCost, insurancePaid: v.insurancePaid };
}

/** Fen of an optional amount: NaN when absent, -1 when not a whole fen in range (the kernel refuses -1). */
const toFenOrNaN = (x: Dec | undefined): number => (x === undefined ? NaN : decToFen(x) ?? -1);

/**
 * Imported people and visits (src/roster types) as columns for one compiled policy. Visits
 * are grouped by person and sorted by date, then by row number (stable), as the projection
 * takes them. A visit whose person is not in `people` is an error naming its row (the
 * importer already reports these; this is a guard, never a silent drop).
 */
export function columnarFromRoster(compiled: CompiledPolicy, people: readonly Person[], visits: readonly Visit[]): { roster: ColumnarRoster; source: RosterSource } {
  const personIx = new Map<string, number>();
  people.forEach((p, i) => personIx.set(p.id, i));
  const order = visits.map((_, i) => i);
  const pOf = visits.map((v) => {
    const p = personIx.get(v.personId);
    if (p === undefined) throw new MedaidError('ROSTER_UNKNOWN_PERSON', { row: v.rowNumber, value: v.personId, column: 'personId' });
    return p;
  });
  order.sort((a, b) => pOf[a] - pOf[b] || (visits[a].date < visits[b].date ? -1 : visits[a].date > visits[b].date ? 1 : 0) || visits[a].rowNumber - visits[b].rowNumber);
  const districtNames: string[] = [];
  const districtIx = new Map<string, number>();
  const persons = people.length;
  const visitStart = new Int32Array(persons + 1);
  const statusStart = new Int32Array(persons + 1);
  const codes: number[] = [];
  const personDistrict = new Int32Array(persons);
  people.forEach((p, i) => {
    statusStart[i] = codes.length;
    for (const c of p.categories) codes.push(CATEGORY_CODE.get(c)!);
    let d = districtIx.get(p.district);
    if (d === undefined) {
      d = districtNames.push(p.district) - 1;
      districtIx.set(p.district, d);
    }
    personDistrict[i] = d;
  });
  statusStart[persons] = codes.length;
  const n = visits.length;
  const visitScheme = new Int8Array(n);
  const visitCostFen = new Float64Array(n);
  const visitReferred = new Uint8Array(n);
  const visitTotalFen = new Float64Array(n);
  const visitInsuranceFen = new Float64Array(n);
  const sorted: Visit[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const v = visits[order[r]];
    sorted[r] = v;
    visitStart[pOf[order[r]] + 1]++;
    visitScheme[r] = compiled.schemeIndex(v.kind, v.scheme);
    visitCostFen[r] = toFenOrNaN(v.cost);
    visitReferred[r] = v.referred ? 1 : 0;
    visitTotalFen[r] = toFenOrNaN(v.totalCost);
    visitInsuranceFen[r] = toFenOrNaN(v.insurancePaid);
  }
  for (let p = 0; p < persons; p++) visitStart[p + 1] += visitStart[p];
  return {
    roster: {
      persons, visits: n, visitStart, statusStart, statusCodes: Uint8Array.from(codes), personDistrict, districtNames,
      visitScheme, visitCostFen, visitReferred, visitTotalFen, visitInsuranceFen,
    },
    source: { people, visits: sorted, decimalInput: (row: number) => visitInputOf(sorted[row]) },
  };
}
