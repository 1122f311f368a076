/** The generated columns as the importer's Person / Visit objects (for the projection module and CSV files). */
import { CATEGORIES, CategoryId } from '../src/engine/categories';
import { D } from '../src/engine/money';
import type { Person, Visit } from '../src/roster/types';
import { GeneratedRoster, KIND_NAMES, SCHEME_NAMES, personIdText, ymdText } from './generateRoster';

export function rosterObjects(r: GeneratedRoster): { people: Person[]; visits: Visit[] } {
  const people: Person[] = [];
  const visits: Visit[] = [];
  for (let p = 0; p < r.persons; p++) {
    const id = personIdText(p);
    const categories: CategoryId[] = [];
    for (let i = r.statusStart[p]; i < r.statusStart[p + 1]; i++) categories.push(CATEGORIES[r.statusCodes[i]].id);
    people.push({ rowNumber: p + 2, id, name: `测试${p}`, categories, district: r.districtNames[r.personDistrict[p]] });
    for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) {
      const kind = r.visitKind[v];
      visits.push({
        rowNumber: v + 2,
        personId: id,
        date: ymdText(r.visitDate[v]),
        kind: kind === 0 ? 'inpatient' : 'outpatient',
        scheme: kind === 0 ? undefined : SCHEME_NAMES[kind],
        cost: new D(r.visitCostFen[v]).dividedBy(100),
        referred: r.visitReferred[v] === 1,
      });
    }
  }
  return { people, visits };
}

export { KIND_NAMES };
