/** Importer rows (Person / Visit) as columns: grouped by person, in date order, exact inputs kept. */
import { defaultEngine } from '../../src/engine/engine';
import { D } from '../../src/engine/money';
import { columnarFromRoster } from '../../src/fastpath/columnarRoster';
import { compilePolicy } from '../../src/fastpath/compiledPolicy';
import { projectColumns } from '../../src/fastpath/projectColumns';
import type { Person, Visit } from '../../src/roster/types';

const c = compilePolicy(defaultEngine().resolve('信阳', 2024));
const people: Person[] = [
  { rowNumber: 2, id: 'A', name: '甲', categories: ['dibao'], district: '浉河区' },
  { rowNumber: 3, id: 'B', name: '乙', categories: ['tekun'], district: '平桥区' },
];
const visit = (rowNumber: number, personId: string, date: string, cost: string, kind: Visit['kind'] = 'inpatient', scheme?: string): Visit =>
  ({ rowNumber, personId, date, kind, scheme, cost: new D(cost), referred: false });

test('grouped by person and date; a cost with part of a fen goes to the decimal engine with its exact value', () => {
  const visits = [
    visit(2, 'B', '2024-02-01', '100.005'), // 特困 90% of 100.005 = 90.0045 → 90.00 (信医保办〔2024〕52号 二、二是)
    visit(3, 'A', '2024-05-01', '1000'), // 低保, second in date order: 1000 × 70% = 700.00
    visit(4, 'A', '2024-01-01', '200', 'outpatient', '罕见病'), // first: 200 × 30% = 60.00 (二、三是 罕见病)
  ];
  const { roster, source } = columnarFromRoster(c, people, visits);
  expect(source.visits.map((v) => v.rowNumber)).toEqual([4, 3, 2]);
  expect(Array.from(roster.visitStart)).toEqual([0, 2, 3]);
  expect(roster.visitCostFen[2]).toBe(-1); // not a whole fen: the kernel refuses it
  const p = projectColumns(c, roster, { perVisit: true, decimalInput: source.decimalInput });
  expect(Array.from(p.assistanceFen!)).toEqual([6_000, 70_000, 9_000]);
  expect(p.decimalPersons).toBe(1);
  expect(p.kernelPersons).toBe(1);
});

test('a visit of a person not in the people list is an error naming it, never a silent drop', () => {
  expect(() => columnarFromRoster(c, people, [visit(9, 'Z', '2024-01-01', '1')])).toThrow(/Z/);
});
