/**
 * A person's year of assistance for the projection, two ways that give the same amounts:
 *
 * - `decimalAssistance`: the engine's PersonYear on decimals (about 55 µs a visit). It is the
 *   reference, and the only path that can explain a result (`explain: true`, explainPerson).
 * - `kernelAssistance`: the integer kernel of src/fastpath (amounts in fen, rates × 10^4; about
 *   0.35 µs a visit), equal to PersonYear to the fen (test/fastpath/kernelMatchesEngine). Any
 *   person the kernel cannot hold exactly — a rate with more than 4 decimals, part of a fen, a
 *   missing parameter, an unknown scheme or status, anything unusual in the row — is computed by
 *   `decimalAssistance` instead, from the start of the year. So a person's amounts and, above
 *   all, a person's error (code, message, the row it names) are exactly today's: errors only
 *   ever come from the decimal engine.
 *
 * The kernel's modules are imported one by one, not through src/fastpath/index.ts, which also
 * exports the Node-only streaming reader (fs): this file runs in the task pane's worker too.
 */
import { Engine } from '../engine/engine';
import { D, ZERO, type Dec } from '../engine/money';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import type { VisitInput, VisitResult } from '../engine/rules/personYear';
import { CATEGORY_CODE, compilePolicy, type CompiledPolicy } from '../fastpath/compiledPolicy';
import { FastPersonYear } from '../fastpath/fastPersonYear';
import { fenOfDecimal } from '../fastpath/fenOfDecimal';
import type { Person, Visit } from '../roster/types';

/** One visit and what it was paid, in the order the person's year took them. */
export interface ComputedVisit {
  visit: Visit;
  result: VisitResult;
}

/** A person's year: each visit's result, and the year's assistance (the sum of the visits'). */
export interface PersonYearResult {
  visits: ComputedVisit[];
  assistance: Dec;
}

/** A person's visits (already in date order) → their year; throws the engine's MedaidError if the year cannot be computed. */
export type PersonAssistance = (person: Person, visits: readonly Visit[]) => PersonYearResult;

/** An imported visit as the engine's input. */
export function visitInput(v: Visit): VisitInput {
  return { kind: v.kind, scheme: v.kind === 'outpatient' ? v.scheme : undefined, cost: v.cost, referred: v.referred, totalCost: v.totalCost, insurancePaid: v.insurancePaid };
}

/**
 * One person's year through the decimal accumulator, booked under the status that won the
 * year (PersonYear.booked: every visit under that status, its own parts, none negative);
 * throws the engine's error if any visit cannot be computed.
 */
export function runPersonYear(engine: Engine, region: string, year: number, person: Person, visits: readonly Visit[], explain = false): ComputedVisit[] {
  const py = engine.personYear({ categories: person.categories, region, year, explain });
  for (const visit of visits) py.visit(visitInput(visit));
  const booked = py.booked();
  return visits.map((visit, i) => ({ visit, result: booked[i] }));
}

/** Every person through the decimal engine (the reference; `project(…, { kernel: false })`). */
export function decimalAssistance(engine: Engine, region: string, year: number, counts?: { decimal: number }): PersonAssistance {
  return (person, visits) => {
    if (counts) counts.decimal++;
    const computed = runPersonYear(engine, region, year, person, visits);
    let assistance = ZERO;
    for (const { result } of computed) assistance = assistance.plus(result.assistance);
    return { visits: computed, assistance };
  };
}

/**
 * The compiled tables of an edition-year. Engine.resolve caches one ResolvedPolicy per
 * edition and year (a scenario's engine has its own), so keying on it compiles each
 * (engine or scenario, region, year) once, however often the projection is re-run.
 * null: the edition could not be compiled at all; every person then goes to the decimal engine.
 */
const compiledCache = new WeakMap<ResolvedPolicy, CompiledPolicy | null>();

function compiledFor(rp: ResolvedPolicy): CompiledPolicy | null {
  let c = compiledCache.get(rp);
  if (c === undefined) {
    try {
      c = compilePolicy(rp);
    } catch {
      // compilePolicy marks a term it cannot read as DECIMAL rather than throwing; should a
      // policy still defeat it, the decimal engine (which reports errors per person) takes everyone.
      c = null;
    }
    compiledCache.set(rp, c);
  }
  return c;
}

/** Fen of a visit amount: NaN when absent, -1 when the kernel cannot hold it (it then refuses the person). */
function fenOf(x: Dec | undefined): number {
  if (x === undefined) return NaN;
  if (!D.isDecimal(x)) return -1; // not what the importer gives: the decimal engine decides what happens
  return fenOfDecimal(x) ?? -1;
}

/** A fen amount from the kernel as an exact decimal (0 is the shared ZERO, never a -0). */
function decOfFen(fen: number): Dec {
  return fen === 0 ? ZERO : new D(fen).dividedBy(100);
}

/**
 * The kernel for the roster's region and year on `engine`, with the decimal engine as the
 * per-person fallback. `counts` (optional) says how many people each path took.
 */
export function kernelAssistance(engine: Engine, region: string, year: number, counts?: { kernel: number; decimal: number }): PersonAssistance {
  const decimal = decimalAssistance(engine, region, year, counts);
  // An engine that overrides personYear gets it called for every person, as before.
  if (engine.personYear !== Engine.prototype.personYear) return decimal;
  const compiled = compiledFor(engine.resolve(region, year));
  if (!compiled) return decimal;
  const c = compiled;
  const k = new FastPersonYear(c);
  const schemeKeys = c.schemes.map((s) => s.key);
  const codes: number[] = [];
  // Per-visit results of the current person, fen; grown as needed and reused for every person.
  let ord = new Float64Array(64);
  let top = new Float64Array(64);
  let tilt = new Float64Array(64);
  let cat = new Int32Array(64);
  let scheme = new Int32Array(64);

  /** The person through the kernel; false when it cannot take them exactly (nothing is kept then). */
  const kernelYear = (person: Person, visits: readonly Visit[]): boolean => {
    codes.length = 0;
    for (const id of person.categories) {
      const code = CATEGORY_CODE.get(id);
      if (code === undefined) return false; // not a status id: parseCategories decides (and reports)
      codes.push(code);
    }
    if (!k.begin(codes, 0, codes.length)) return false; // no status the policy knows: CATEGORY_NOT_IN_POLICY
    if (visits.length > ord.length) {
      const n = visits.length * 2;
      ord = new Float64Array(n);
      top = new Float64Array(n);
      tilt = new Float64Array(n);
      cat = new Int32Array(n);
      scheme = new Int32Array(n);
    }
    for (let i = 0; i < visits.length; i++) {
      const v = visits[i];
      // The scheme exactly as PersonYear.schemeOf reads visitInput(v): an inpatient visit's scheme text is not used.
      const s = v.kind === 'inpatient' ? c.schemeIndex('inpatient') : v.kind === 'outpatient' ? c.schemeIndex('outpatient', v.scheme) : -1;
      if (s < 0) return false;
      if (!k.visit(s, fenOf(v.cost), !!v.referred, fenOf(v.totalCost), fenOf(v.insurancePaid))) return false;
      scheme[i] = s;
    }
    // Booked under the status that won the year, as runPersonYear books it.
    for (let i = 0; i < visits.length; i++) {
      ord[i] = k.bookedOrdinary(i);
      top[i] = k.bookedTopUp(i);
      tilt[i] = k.bookedTilt(i);
      cat[i] = k.leader;
    }
    return true;
  };

  return (person, visits) => {
    if (!kernelYear(person, visits)) return decimal(person, visits);
    if (counts) counts.kernel++;
    const out: ComputedVisit[] = new Array(visits.length);
    let totalFen = 0;
    for (let i = 0; i < visits.length; i++) {
      totalFen += ord[i] + tilt[i];
      const ordinary = decOfFen(ord[i]);
      const tilted = decOfFen(tilt[i]);
      const result: VisitResult = {
        assistance: tilt[i] === 0 ? ordinary : decOfFen(ord[i] + tilt[i]),
        ordinary,
        topUp: decOfFen(top[i]),
        tilt: tilted,
        category: c.categories[cat[i]],
        schemeKey: schemeKeys[scheme[i]],
      };
      out[i] = { visit: visits[i], result };
    }
    return { visits: out, assistance: decOfFen(totalFen) };
  };
}
