/**
 * Projecting a columnar roster: every person through the integer kernel, and any person
 * the kernel cannot take exactly through the decimal engine's PersonYear (counted and
 * reported, never dropped). Totals are kept in fen by district and by status, and the 1:9
 * split is done on the district totals with the engine's own splitByDistrict.
 */
import { CATEGORIES, CategoryId } from '../engine/categories';
import { MedaidError } from '../engine/errors';
import { D, Dec } from '../engine/money';
import { PersonYear, VisitInput } from '../engine/rules/personYear';
import { Ratio, splitByDistrict } from '../engine/rules/fund';
import type { ColumnarRoster } from './columnarRoster';
import type { CompiledPolicy } from './compiledPolicy';
import { CATEGORY_CODE } from './compiledPolicy';
import { FastPersonYear } from './fastPersonYear';
import { decToFen } from './fixedPoint';

export interface PersonError {
  /** Columnar person index and the visit row the engine refused. */
  person: number;
  visit: number;
  error: unknown;
}

export interface Totals {
  ordinary: number;
  topUp: number;
  tilt: number;
  assistance: number;
  /** Ordinary assistance on inpatient visits / on outpatient visits (as Engine.annual splits it). */
  inpatient: number;
  outpatient: number;
}

export interface FastProjection {
  /** Per visit, fen (only with perVisit: true). NaN for the visits of a person in error. */
  ordinaryFen?: Float64Array;
  topUpFen?: Float64Array;
  tiltFen?: Float64Array;
  assistanceFen?: Float64Array;
  /** Global code of the status that leads after the visit (-1 for a person in error). */
  visitCategory?: Int8Array;
  /** Assistance per person for the year, fen; NaN for a person in error. */
  personTotalFen: Float64Array;
  /** All amounts of persons not in error, fen. */
  totals: Totals;
  /** Assistance by district (index into roster.districtNames), fen. */
  byDistrictFen: Float64Array;
  /** Assistance by leading status (global category code), fen. */
  byCategoryFen: Float64Array;
  kernelPersons: number;
  /** Persons the kernel handed to the decimal engine, and their visits. */
  decimalPersons: number;
  decimalVisits: number;
  /** Persons the engine refused (the error names why); their visits are counted in errorVisits. */
  errors: PersonError[];
  errorVisits: number;
}

export interface ProjectOptions {
  perVisit?: boolean;
  /** The exact engine input of a visit row, for the decimal fallback (default: from the fen columns). */
  decimalInput?: (row: number) => VisitInput;
  /** Send every person through the decimal engine (for comparison and benchmarks). */
  decimalOnly?: boolean;
}

const fenToDec = (fen: number): Dec => new D(fen).dividedBy(100);

/** A visit row as the engine's VisitInput, from the fen columns. */
export function visitInputFromColumns(c: CompiledPolicy, r: ColumnarRoster, row: number): VisitInput {
  const s = c.schemes[r.visitScheme[row]];
  if (!s) {
    // The raw scheme text is not in the columns: only the caller's decimalInput can give it.
    throw new MedaidError('UNKNOWN_SCHEME', { ...c.rp.regionDetail, value: `#${row + 1}`, known: c.schemes.map((x) => x.scheme.names.zh).join('、') });
  }
  const total = r.visitTotalFen?.[row];
  const ins = r.visitInsuranceFen?.[row];
  return {
    kind: s.key === 'inpatient' ? 'inpatient' : 'outpatient',
    scheme: s.key !== 'inpatient' ? s.key.slice('outpatient.'.length) : undefined,
    cost: fenToDec(r.visitCostFen[row]),
    referred: r.visitReferred[row] === 1,
    totalCost: total === undefined || Number.isNaN(total) ? undefined : fenToDec(total),
    insurancePaid: ins === undefined || Number.isNaN(ins) ? undefined : fenToDec(ins),
  };
}

export function projectColumns(c: CompiledPolicy, r: ColumnarRoster, opts: ProjectOptions = {}): FastProjection {
  const n = r.visits;
  const perVisit = opts.perVisit ?? false;
  const ordinaryFen = perVisit ? new Float64Array(n) : undefined;
  const topUpFen = perVisit ? new Float64Array(n) : undefined;
  const tiltFen = perVisit ? new Float64Array(n) : undefined;
  const assistanceFen = perVisit ? new Float64Array(n) : undefined;
  const visitCategory = perVisit ? new Int8Array(n) : undefined;
  const personTotalFen = new Float64Array(r.persons);
  const byDistrictFen = new Float64Array(r.districtNames.length);
  const byCategoryFen = new Float64Array(CATEGORIES.length);
  const totals: Totals = { ordinary: 0, topUp: 0, tilt: 0, assistance: 0, inpatient: 0, outpatient: 0 };
  const out: FastProjection = {
    ordinaryFen, topUpFen, tiltFen, assistanceFen, visitCategory, personTotalFen, totals, byDistrictFen, byCategoryFen,
    kernelPersons: 0, decimalPersons: 0, decimalVisits: 0, errors: [], errorVisits: 0,
  };
  const k = new FastPersonYear(c);
  const codeOfCat = Int8Array.from(c.categories.map((id) => CATEGORY_CODE.get(id)!));
  const inpatientScheme = c.schemes.findIndex((s) => s.key === 'inpatient');
  const decimalInput = opts.decimalInput ?? ((row: number) => visitInputFromColumns(c, r, row));
  const { visitStart, statusStart, statusCodes, visitScheme, visitCostFen, visitReferred } = r;
  const totalCol = r.visitTotalFen;
  const insCol = r.visitInsuranceFen;
  // Per-person sums, added to the totals only once the person is complete (a fallback redoes them).
  let pOrd = 0, pTop = 0, pTilt = 0, pIn = 0, pOut = 0;
  const pCat = new Float64Array(CATEGORIES.length);

  for (let p = 0; p < r.persons; p++) {
    const v0 = visitStart[p];
    const v1 = visitStart[p + 1];
    const district = r.personDistrict[p];
    let ok = !opts.decimalOnly && k.begin(statusCodes, statusStart[p], statusStart[p + 1]);
    pOrd = pTop = pTilt = pIn = pOut = 0;
    pCat.fill(0);
    for (let v = v0; ok && v < v1; v++) {
      ok = k.visit(visitScheme[v], visitCostFen[v], visitReferred[v] === 1, totalCol ? totalCol[v] : NaN, insCol ? insCol[v] : NaN);
    }
    if (ok) {
      // The year booked under the status that won it (PersonYear.booked): every visit, that status's own parts.
      const cat = codeOfCat[k.leader];
      for (let v = v0; v < v1; v++) {
        const i = v - v0;
        const o = k.bookedOrdinary(i);
        const t = k.bookedTilt(i);
        pOrd += o;
        pTop += k.bookedTopUp(i);
        pTilt += t;
        if (visitScheme[v] === inpatientScheme) pIn += o;
        else pOut += o;
        pCat[cat] += o + t;
        if (perVisit) {
          ordinaryFen![v] = o;
          topUpFen![v] = k.bookedTopUp(i);
          tiltFen![v] = t;
          assistanceFen![v] = o + t;
          visitCategory![v] = cat;
        }
      }
    }
    if (ok) {
      out.kernelPersons++;
      for (let i = 0; i < pCat.length; i++) byCategoryFen[i] += pCat[i];
    } else {
      // The kernel's partial sums for this person are dropped; the decimal engine redoes the person.
      const redo = decimalPerson(c, r, p, decimalInput, out, byCategoryFen, perVisit);
      if (!redo) {
        personTotalFen[p] = NaN;
        continue;
      }
      ({ pOrd, pTop, pTilt, pIn, pOut } = redo);
    }
    totals.ordinary += pOrd;
    totals.topUp += pTop;
    totals.tilt += pTilt;
    totals.inpatient += pIn;
    totals.outpatient += pOut;
    personTotalFen[p] = pOrd + pTilt;
    byDistrictFen[district] += pOrd + pTilt;
  }
  totals.assistance = totals.ordinary + totals.tilt;
  return out;
}

function decimalPerson(
  c: CompiledPolicy,
  r: ColumnarRoster,
  p: number,
  input: (row: number) => VisitInput,
  out: FastProjection,
  byCategoryFen: Float64Array,
  perVisit: boolean,
): { pOrd: number; pTop: number; pTilt: number; pIn: number; pOut: number } | undefined {
  const v0 = r.visitStart[p];
  const v1 = r.visitStart[p + 1];
  out.decimalPersons++;
  out.decimalVisits += v1 - v0;
  const cats: CategoryId[] = [];
  for (let i = r.statusStart[p]; i < r.statusStart[p + 1]; i++) cats.push(CATEGORIES[r.statusCodes[i]].id);
  const sums = { pOrd: 0, pTop: 0, pTilt: 0, pIn: 0, pOut: 0 };
  const byCat: [number, number][] = [];
  const rows: { v: number; ord: number; top: number; tilt: number; cat: number }[] = [];
  let v = v0;
  try {
    const py = new PersonYear(c.rp, [...new Set(cats)]);
    for (; v < v1; v++) py.visit(input(v));
    const booked = py.booked(); // under the status that won the year, as the kernel books it
    for (v = v0; v < v1; v++) {
      const res = booked[v - v0];
      const ord = decToFenSigned(res.ordinary);
      const top = decToFenSigned(res.topUp);
      const tilt = decToFenSigned(res.tilt);
      const cat = CATEGORY_CODE.get(res.category)!;
      sums.pOrd += ord;
      sums.pTop += top;
      sums.pTilt += tilt;
      if (res.schemeKey === 'inpatient') sums.pIn += ord;
      else sums.pOut += ord;
      byCat.push([cat, ord + tilt]);
      rows.push({ v, ord, top, tilt, cat });
    }
  } catch (error) {
    out.errors.push({ person: p, visit: v, error });
    out.errorVisits += v1 - v0;
    if (perVisit) {
      for (let i = v0; i < v1; i++) {
        out.ordinaryFen![i] = out.topUpFen![i] = out.tiltFen![i] = out.assistanceFen![i] = NaN;
        out.visitCategory![i] = -1;
      }
    }
    return undefined;
  }
  for (const [cat, a] of byCat) byCategoryFen[cat] += a;
  if (perVisit) {
    for (const x of rows) {
      out.ordinaryFen![x.v] = x.ord;
      out.topUpFen![x.v] = x.top;
      out.tiltFen![x.v] = x.tilt;
      out.assistanceFen![x.v] = x.ord + x.tilt;
      out.visitCategory![x.v] = x.cat;
    }
  }
  return sums;
}

/** A rounded engine amount (possibly negative after a re-base) as fen. */
function decToFenSigned(x: Dec): number {
  const f = decToFen(x.abs());
  if (f === undefined) throw new Error(`amount ${x.toString()} is not a whole fen`);
  return x.isNegative() ? -f : f;
}

/** The 1:9 split (ruling 11) on the district totals, with the engine's splitByDistrict. */
export function splitDistricts(r: ColumnarRoster, proj: FastProjection, ratio: Ratio): ReturnType<typeof splitByDistrict> {
  const needs = new Map<string, Dec>();
  r.districtNames.forEach((name, i) => needs.set(name, fenToDec(proj.byDistrictFen[i])));
  return splitByDistrict(needs, ratio);
}
