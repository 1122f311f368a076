/**
 * The columnar run: `medaid project` on a plain people file and a plain visits file
 * (roster/columnarImport.ts) computed on columns — IDs as numbers, amounts in fen, every person
 * through the integer kernel — with no Person, Visit or outcome object per row (Node only).
 *
 * It gives the run streamRun gives (totals, funding, forecast, completeness, problems, row
 * counts, import reports, pre-flight, and with `detail: 'people'` each person's outcome), to the
 * fen and to the character (test/projection/columnarRun.test.ts compares the two on generated
 * rosters), for the rosters it takes; for any other it throws NotColumnar before any output and
 * the caller runs streamRun. It takes:
 *  - a summary or people detail (not every visit), without --explain, on CSV files read as they
 *    come (no sheet, header row or column choices);
 *  - a roster the importers would use whole without a word (columnarImport.ts);
 *  - a policy without monitoring alerts, on the engine's own accumulator.
 * A person the kernel cannot take exactly (a rate with more decimals than it holds, a status the
 * policy lacks, a missing term…) is projected by project() itself, on that person alone, so
 * amounts, errors and messages are project()'s. Premium subsidies come from premiumSubsidies(),
 * once per combination of statuses.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { Engine } from '../engine/engine';
import { isMedaidError } from '../engine/errors';
import { D, ZERO, type Dec } from '../engine/money';
import type { ResolvedPolicy } from '../engine/policy/resolved';
import { CATEGORY_CODE, compilePolicy, type CompiledPolicy } from '../fastpath/compiledPolicy';
import { FastPersonYear } from '../fastpath/fastPersonYear';
import { fenOfDecimal } from '../fastpath/fenOfDecimal';
import { NotColumnar, readColumnarVisits, type ColumnarPeople, type ColumnarVisits } from '../roster/columnarImport';
import { readPeopleAside } from '../roster/peopleAside';
import type { ImportReport, Person, Visit } from '../roster/types';
import { compare } from './compare';
import { completenessFrom, emptyTally, EARLY_ROWS_KEPT, type CompletenessTally, type ProblemRun } from './completeness';
import { forecastFromBase, type ForecastBase } from './forecast';
import { planFunding, resolveFunding } from './funding';
import { preflightOf, type PreflightGroups } from './preflight';
import { BASELINE, engineFor, firstKnown, mergeGrowth, problem, project, withCalibration } from './project';
import { premiumSubsidies } from './premiumSubsidies';
import { problemList } from './problemList';
import { madeWhenRead } from './madeWhenRead';
import { forecastProvenance } from './provenance';
import { schemeChecker } from './readRoster';
import { checkScenarioRegions, validateScenarios } from './scenario';
import type { StreamRunInput, StreamRunResult } from './streamRun';
import { byCodePoint, ordered } from './totals';
import type { Bucket, PersonOutcome, Projection, ProjectionProblem, ProjectionRun, RowAccount, Scenario } from './types';

export { NotColumnar };

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const isCsv = (file: string) => !/\.xlsx$/i.test(file);
const fenDec = (fen: number): Dec => (fen === 0 ? ZERO : new D(fen).dividedBy(100));
const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c.id, i]));

/** The roster grouped by person: person p's visits are order[visitStart[p] .. visitStart[p+1]), by date then row. */
interface Grouped {
  visitStart: Int32Array;
  order: Int32Array;
}

function groupVisits(people: ColumnarPeople, visits: ColumnarVisits): Grouped {
  const persons = people.count;
  const visitStart = new Int32Array(persons + 1);
  for (let i = 0; i < visits.count; i++) visitStart[visits.person[i] + 1]++;
  for (let p = 0; p < persons; p++) visitStart[p + 1] += visitStart[p];
  const fill = visitStart.slice(0, persons);
  const order = new Int32Array(visits.count);
  for (let i = 0; i < visits.count; i++) order[fill[visits.person[i]]++] = i; // file order = row order within a person
  // Dates ranked as strings compare (YYYY-MM-DD); within a person an insertion sort (a few visits) keeps row order on ties.
  const ranked = visits.dates.map((d, i) => [d, i] as const).sort((a, b) => byCodePoint(a[0], b[0]));
  const rank = new Int32Array(visits.dates.length);
  ranked.forEach(([, i], r) => (rank[i] = r));
  const date = visits.date;
  for (let p = 0; p < persons; p++) {
    const a = visitStart[p];
    const b = visitStart[p + 1];
    for (let i = a + 1; i < b; i++) {
      const v = order[i];
      const r = rank[date[v]];
      let j = i - 1;
      while (j >= a && rank[date[order[j]]] > r) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
    // Identical visits (the importer's ROSTER_DUPLICATE_VISIT warning): same date, kind, scheme, amount and flag.
    for (let i = a + 1; i < b; i++) {
      for (let j = i - 1; j >= a && rank[date[order[j]]] === rank[date[order[i]]]; j--) {
        const x = order[i];
        const y = order[j];
        const kx = visits.kinds[visits.kind[x]];
        const ky = visits.kinds[visits.kind[y]];
        if (visits.costFen[x] === visits.costFen[y] && kx.kind === ky.kind && (kx.scheme ?? '') === (ky.scheme ?? '') && kx.referred === ky.referred) {
          throw new NotColumnar(`visits row ${visits.firstRow + x}: identical to row ${visits.firstRow + y}`);
        }
      }
    }
  }
  return { visitStart, order };
}

/** Amounts of one bucket, fen, with the counts completeness and the forecast need of it. */
class FenBucket {
  people = 0;
  visits = 0;
  subsidised = 0;
  inpatient = 0;
  outpatient = 0;
  tilt = 0;
  topUp = 0;
  total = 0;
  premium = 0;
  /** People whose assistance / premium subsidy was computed (the forecast's per-capita divisors). */
  assistancePeople = 0;
  subsidyPeople = 0;
  /** People with a part not computed (completeness.ts BucketMissing). */
  assistanceMissing = 0;
  premiumMissing = 0;

  bucket(): Bucket {
    return {
      people: this.people,
      visits: this.visits,
      assistance: { inpatient: fenDec(this.inpatient), outpatient: fenDec(this.outpatient), tilt: fenDec(this.tilt), topUp: fenDec(this.topUp), total: fenDec(this.total) },
      premiumSubsidy: fenDec(this.premium),
      subsidised: this.subsidised,
      fundNeed: fenDec(this.total + this.premium),
    };
  }

  add(s: PersonYearSums, assistance: number): void {
    this.people++;
    this.visits += s.visits;
    this.inpatient += s.inpatientOrdinary;
    this.outpatient += s.outpatientOrdinary;
    this.tilt += s.tilt;
    this.topUp += s.topUp;
    this.total += assistance;
    if (s.assistanceComputed) this.assistancePeople++;
    else this.assistanceMissing++;
    if (s.premiumComputed) {
      this.subsidyPeople++;
      this.premium += s.premium;
      if (s.premium > 0) this.subsidised++;
    } else this.premiumMissing++;
  }
}

/** One person's year as the projection books it, fen (what every sum below needs). */
interface PersonYearSums {
  category: CategoryId;
  assistanceComputed: boolean;
  premiumComputed: boolean;
  premium: number;
  /** Visits counted (0 when the year was not computed). */
  visits: number;
  inpatientOrdinary: number;
  outpatientOrdinary: number;
  tilt: number;
  topUp: number;
  /** Assistance of the inpatient / outpatient visits (recipients, calibration.ts). */
  inpatientPaid: number;
  outpatientPaid: number;
}

/** Sums of one projection over the roster: buckets by status code and by district index. */
class ProjectionSums {
  readonly overall = new FenBucket();
  readonly byCategory: (FenBucket | undefined)[] = [];
  readonly byDistrict: (FenBucket | undefined)[] = [];
  readonly recipients = { inpatient: { people: 0, fen: 0 }, outpatient: { people: 0, fen: 0 } };
  readonly tally: CompletenessTally = emptyTally();
  readonly problems: ProjectionProblem[] = [];
  /** The premium gaps (kept as rows, problemList; not among `problems`) as completeness counts them: one run per person kind, its lowest row's problem made. */
  gapRuns: ProblemRun[] = [];
  /** People rows of premium gaps. */
  get gapRows(): number {
    return this.gapRuns.reduce((n, r) => n + r.count, 0);
  }
  costTotal = 0;
  costComputed = 0;
  early: number[] = [];

  add(s: PersonYearSums, district: number): void {
    const assistance = s.inpatientOrdinary + s.outpatientOrdinary + s.tilt;
    const code = CATEGORY_CODE.get(s.category)!;
    if (s.assistanceComputed && s.premiumComputed) this.tally.peopleComputed++;
    this.overall.add(s, assistance);
    (this.byCategory[code] ??= new FenBucket()).add(s, assistance);
    (this.byDistrict[district] ??= new FenBucket()).add(s, assistance);
    if (s.inpatientPaid > 0) {
      this.recipients.inpatient.people++;
      this.recipients.inpatient.fen += s.inpatientPaid;
    }
    if (s.outpatientPaid > 0) {
      this.recipients.outpatient.people++;
      this.recipients.outpatient.fen += s.outpatientPaid;
    }
  }

  /** The completeness tally's per-person counts, from the buckets. */
  finishTally(districtNames: readonly string[]): void {
    const t = this.tally;
    const o = this.overall;
    t.people = o.people;
    t.premiumComputed = o.subsidyPeople;
    t.premiumNotComputed = o.premiumMissing;
    const missing = (b: FenBucket) => ({ people: b.people, assistance: b.assistanceMissing, premiumSubsidy: b.premiumMissing });
    this.byCategory.forEach((b, code) => b && (t.missing.byCategory[CATEGORIES[code].id] = missing(b)));
    this.byDistrict.forEach((b, d) => b && (t.missing.byDistrict[districtNames[d]] = missing(b)));
  }
}

/** What one projection (the baseline or a scenario) runs on. */
interface Rules {
  scenario?: Scenario;
  engine: Engine;
  rp: ResolvedPolicy;
  compiled: CompiledPolicy;
  /** Scheme index of each visit kind (columnarImport's VisitKind), -1 when the kernel has none. */
  schemeOfKind: Int32Array;
}

function rulesFor(input: StreamRunInput, visits: ColumnarVisits, scenario?: Scenario): Rules {
  const engine = engineFor({ engine: input.engine }, scenario);
  if (engine.personYear !== Engine.prototype.personYear) throw new NotColumnar('an engine with its own accumulator');
  const rp = engine.resolve(input.region, input.year);
  if (rp.policy.monitoring) throw new NotColumnar('monitoring alerts');
  let compiled: CompiledPolicy;
  try {
    compiled = compilePolicy(rp);
  } catch {
    throw new NotColumnar('the kernel cannot compile the policy');
  }
  const schemeOfKind = Int32Array.from(visits.kinds, (k) => (k.kind === 'inpatient' ? compiled.schemeIndex('inpatient') : compiled.schemeIndex('outpatient', k.scheme)));
  return { scenario, engine, rp, compiled, schemeOfKind };
}

/** Person p as the importer would have made it (for project() and the pre-flight). */
function personOf(people: ColumnarPeople, p: number): Person {
  const k = people.kinds[people.kind[p]];
  // Without detail rows the names are not kept (only checked not blank): nothing computed from a person reads it.
  return { rowNumber: people.firstRow + p, id: people.ids.text(p), name: people.names[p] ?? '', categories: [...k.categories], district: k.district };
}

function visitsOf(people: ColumnarPeople, visits: ColumnarVisits, g: Grouped, p: number, inFileOrder = false): Visit[] {
  const id = people.ids.text(p);
  const rows: number[] = [];
  for (let i = g.visitStart[p]; i < g.visitStart[p + 1]; i++) rows.push(g.order[i]);
  if (inFileOrder) rows.sort((a, b) => a - b);
  return rows.map((v) => {
    const k = visits.kinds[visits.kind[v]];
    const out: Visit = { rowNumber: visits.firstRow + v, personId: id, date: visits.dates[visits.date[v]], kind: k.kind, cost: fenDec(visits.costFen[v]), referred: k.referred };
    if (k.scheme !== undefined) out.scheme = k.scheme;
    return out;
  });
}

function importReport(head: { sheet: string }, kind: 'people' | 'visits', rows: number): ImportReport {
  return { sheet: head.sheet, kind, entries: [], summary: { total: rows, used: rows, rejected: 0, warnings: 0, blank: 0 } };
}

/**
 * One projection over the whole roster. `detailRows`: the projection lists each person's outcome as project() gives
 * it (the people sheet reads them) — made when read (madeWhenRead.ts) from what is kept per person here (the booked
 * status's code and the assistance in fen), the person as the importer would give it; a person the kernel could not
 * take keeps project()'s outcome.
 */
function projectColumnar(input: StreamRunInput, rules: Rules, people: ColumnarPeople, visits: ColumnarVisits, g: Grouped, reports: ImportReport[], detailRows: boolean): { sums: ProjectionSums; projection: Omit<Projection, 'completeness'> } {
  const { rp, compiled: c, engine, scenario } = rules;
  const { region, year } = input;
  const sheets = { people: reports[0].sheet, visits: reports[1].sheet };
  const k = new FastPersonYear(c);
  const sums = new ProjectionSums();
  const effective = rp.policy.edition.effective;
  const subsidyOf = premiumSubsidies(engine, region, year);
  // Per person kind: the status codes, the premium subsidy (or its error), the first status the policy knows.
  const kindCodes = people.kinds.map((pk) => pk.categories.map((id) => CATEGORY_CODE.get(id) ?? -1));
  const premiumOfKind = people.kinds.map((pk) => {
    try {
      const r = subsidyOf(pk.categories, undefined, undefined);
      const fen = fenOfDecimal(r.value as Dec);
      if (fen === undefined) throw new NotColumnar('a premium subsidy that is not a whole fen');
      return { ok: true as const, fen, value: r.value as Dec, category: r.explanation.category as CategoryId | undefined };
    } catch (e) {
      if (e instanceof NotColumnar || !isMedaidError(e)) throw e;
      // project()'s message (problem() with "第 N 行：资助参保未计算"), its parts around the row number made once:
      // a million such rows share them instead of each holding the whole text.
      const sample = problem('people', sheets.people, { rowNumber: 0, id: '' }, 'premiumSubsidy', e, '第 0 行：资助参保未计算', 'row 0: the premium subsidy was not computed');
      const zh = [`${sheets.people} 第 `, ` 行：资助参保未计算：${e.zh}`] as const;
      const en = [`${sheets.people} row `, `: the premium subsidy was not computed: ${e.en}`] as const;
      if (sample.zh !== `${zh[0]}0${zh[1]}` || sample.en !== `${en[0]}0${en[1]}`) throw new Error('the premium problem text is not problem()\'s');
      return { ok: false as const, sample, zh, en };
    }
  });
  const fallbackCategory = people.kinds.map((pk) => firstKnown(rp.policy.categories, pk.categories));
  const inpatientScheme = c.schemes.findIndex((s) => s.key === 'inpatient');
  // Per district (index), per person kind, per visit kind and per date: what the loop below reads.
  const districtNames = [...new Set(people.kinds.map((pk) => pk.district))];
  const districtOfKind = Int32Array.from(people.kinds, (pk) => districtNames.indexOf(pk.district));
  const schemeOfKind = rules.schemeOfKind;
  const referredOfKind = Uint8Array.from(visits.kinds, (vk) => (vk.referred ? 1 : 0));
  const inpatientOfKind = Uint8Array.from(visits.kinds, (vk) => (vk.kind === 'inpatient' ? 1 : 0));
  const paidInpatientOfKind = Uint8Array.from(schemeOfKind, (x) => (x === inpatientScheme ? 1 : 0));
  const earlyDate = Uint8Array.from(visits.dates, (d) => (d < effective ? 1 : 0));
  const { order, visitStart } = g;
  const { kind: visitKind, costFen, date: visitDate, firstRow: visitRow } = visits;
  const s: PersonYearSums = { category: 'dibao' as CategoryId, assistanceComputed: true, premiumComputed: true, premium: 0, visits: 0, inpatientOrdinary: 0, outpatientOrdinary: 0, tilt: 0, topUp: 0, inpatientPaid: 0, outpatientPaid: 0 };
  let visitsComputed = 0, referredComputed = 0, inpatientDone = 0, outpatientDone = 0, costComputed = 0;
  // Detail rows: per person, the booked status's code and the assistance (fen); project()'s outcome of a reference person.
  const bookedCode = new Uint8Array(detailRows ? people.count : 0);
  const assistanceFen = new Float64Array(detailRows ? people.count : 0);
  const referenceOutcomes = new Map<number, PersonOutcome>();
  /** People (kernel path) whose premium subsidy the policy leaves open, in row order. */
  const gaps: number[] = [];
  const premiumGap = (p: number): ProjectionProblem => {
    const prem = premiumOfKind[people.kind[p]];
    if (prem.ok) throw new Error('no premium gap');
    const row = people.firstRow + p;
    const r = String(row);
    return { ...prem.sample, rowNumber: row, personId: people.ids.text(p), zh: prem.zh[0] + r + prem.zh[1], en: prem.en[0] + r + prem.en[1] };
  };

  for (let p = 0; p < people.count; p++) {
    const kind = people.kind[p];
    const v0 = visitStart[p];
    const v1 = visitStart[p + 1];
    const codes = kindCodes[kind];
    let ok = !codes.includes(-1) && k.begin(codes, 0, codes.length);
    for (let i = v0; ok && i < v1; i++) {
      const v = order[i];
      const vk = visitKind[v];
      const scheme = schemeOfKind[vk];
      ok = scheme >= 0 && k.visit(scheme, costFen[v], referredOfKind[vk] === 1, NaN, NaN);
    }
    if (!ok) {
      const x = referencePerson(input, rules, personOf(people, p), people, visits, g, p, sheets, sums, effective, districtOfKind[kind]);
      if (detailRows) referenceOutcomes.set(p, x);
      continue;
    }
    let inOrd = 0, outOrd = 0, tilt = 0, topUp = 0, inPaid = 0, outPaid = 0;
    for (let i = v0; i < v1; i++) {
      const v = order[i];
      const vk = visitKind[v];
      const o = k.bookedOrdinary(i - v0);
      const t = k.bookedTilt(i - v0);
      topUp += k.bookedTopUp(i - v0);
      tilt += t;
      if (paidInpatientOfKind[vk] === 1) {
        inOrd += o;
        inPaid += o + t;
      } else {
        outOrd += o;
        outPaid += o + t;
      }
      referredComputed += referredOfKind[vk];
      if (earlyDate[visitDate[v]] === 1) sums.early.push(visitRow + v);
      costComputed += costFen[v];
      if (inpatientOfKind[vk] === 1) inpatientDone++;
      else outpatientDone++;
    }
    visitsComputed += v1 - v0;
    s.inpatientOrdinary = inOrd;
    s.outpatientOrdinary = outOrd;
    s.tilt = tilt;
    s.topUp = topUp;
    s.inpatientPaid = inPaid;
    s.outpatientPaid = outPaid;
    const assistance = inOrd + outOrd + tilt;
    const lastCategory = v1 > v0 ? c.categories[k.leader] : undefined;
    const prem = premiumOfKind[kind];
    s.assistanceComputed = true;
    s.visits = v1 - v0;
    s.premiumComputed = prem.ok;
    s.premium = prem.ok ? prem.fen : 0;
    const premiumCategory = prem.ok ? prem.category : undefined;
    // The booking of project(): the status that won the year's assistance, else the one whose premium subsidy was paid.
    const won = assistance > 0 ? lastCategory : s.premium > 0 ? premiumCategory : undefined;
    s.category = won ?? lastCategory ?? premiumCategory ?? fallbackCategory[kind];
    if (!prem.ok) gaps.push(p); // the problem is made when it is read (problemList.ts)
    sums.add(s, districtOfKind[kind]);
    if (detailRows) {
      bookedCode[p] = CATEGORY_CODE.get(s.category)!;
      assistanceFen[p] = assistance;
    }
  }
  // Person p's outcome as the loop above booked it (the object project() gives).
  const outcomeOf = (p: number): PersonOutcome => {
    const kept = referenceOutcomes.get(p);
    if (kept) return kept;
    const prem = premiumOfKind[people.kind[p]];
    return {
      person: personOf(people, p), category: CATEGORIES[bookedCode[p]].id, visits: visitStart[p + 1] - visitStart[p], assistance: fenDec(assistanceFen[p]),
      premiumSubsidy: prem.ok ? prem.value : ZERO, premiumCategory: prem.ok ? prem.category : undefined, assistanceComputed: true, premiumComputed: prem.ok,
    };
  };
  const t = sums.tally;
  t.visitsComputed += visitsComputed;
  t.referredComputed += referredComputed;
  t.kinds.inpatient.done += inpatientDone;
  t.kinds.outpatient.done += outpatientDone;
  sums.costComputed += costComputed;
  for (let v = 0; v < visits.count; v++) sums.costTotal += costFen[v];
  sums.finishTally(districtNames);

  sums.problems.sort((a, b) => (a.table === b.table ? a.rowNumber - b.rowNumber : a.table === 'people' ? -1 : 1));
  // One run per person kind (gaps are in row order: a kind's first is its lowest row).
  const runOfKind = new Map<number, { count: number; first: number }>();
  for (const p of gaps) {
    const r = runOfKind.get(people.kind[p]);
    if (r) r.count++;
    else runOfKind.set(people.kind[p], { count: 1, first: p });
  }
  sums.gapRuns = [...runOfKind.values()].map((r) => ({ count: r.count, first: premiumGap(r.first) }));
  const problems = gaps.length ? withGaps(sums.problems, gaps, people.firstRow, premiumGap) : sums.problems;
  const categoryBuckets = new Map<CategoryId, FenBucket>();
  sums.byCategory.forEach((b, code) => b && categoryBuckets.set(CATEGORIES[code].id, b));
  const districtBuckets = new Map<string, FenBucket>();
  sums.byDistrict.forEach((b, d) => b && districtBuckets.set(districtNames[d], b));
  const totals = {
    overall: sums.overall.bucket(),
    byCategory: ordered(new Map([...categoryBuckets].map(([key, b]) => [key, b.bucket()] as const)), (a, b) => CATEGORY_ORDER.get(a)! - CATEGORY_ORDER.get(b)!),
    byDistrict: ordered(new Map([...districtBuckets].map(([key, b]) => [key, b.bucket()] as const)), byCodePoint),
  };
  const base: ForecastBase = new Map([...categoryBuckets].map(([key, b]) => [key, { people: b.people, assistancePeople: b.assistancePeople, subsidyPeople: b.subsidyPeople, assistance: fenDec(b.total), premiumSubsidy: fenDec(b.premium) }]));
  const recipients = { inpatient: { people: sums.recipients.inpatient.people, amount: fenDec(sums.recipients.inpatient.fen) }, outpatient: { people: sums.recipients.outpatient.people, amount: fenDec(sums.recipients.outpatient.fen) } };
  const p = rp.policy;
  const projection: Omit<Projection, 'completeness'> = {
    scenario: scenario?.name ?? BASELINE,
    region: { id: p.region.id, zh: p.region.names.zh, en: p.region.names.en },
    policyId: p.id,
    year,
    people: detailRows ? madeWhenRead(people.count, outcomeOf, "a projection's people list") : [],
    visits: [],
    problems,
    totals,
    funding: planFunding(totals.byDistrict, resolveFunding(engine, region, year, { ...input.funding, ...scenario?.funding })),
    forecast: { ...forecastFromBase(year, base, mergeGrowth(input.growth, scenario?.growth)), method: forecastProvenance(p) },
    recipients,
    ...withCalibration(rp, year, recipients, totals),
  };
  return { sums, projection };
}

/**
 * The problems in project()'s order (people rows, then visit rows, by row) with the premium gaps
 * of `gaps` (people rows, ascending, none of them among `made`'s rows) merged in as entries made
 * when read.
 */
function withGaps(made: ProjectionProblem[], gaps: readonly number[], firstRow: number, make: (p: number) => ProjectionProblem): ProjectionProblem[] {
  const order = new Int32Array(made.length + gaps.length);
  let i = 0;
  let k = 0;
  for (let o = 0; o < order.length; o++) {
    const nextMade = made[i];
    const takeMade = nextMade !== undefined && (k >= gaps.length || (nextMade.table === 'people' && nextMade.rowNumber < firstRow + gaps[k]));
    order[o] = takeMade ? i++ : -(k++) - 1;
  }
  return problemList(order, made, (x) => make(gaps[x]));
}

/** A person the kernel cannot take: project() on that person alone, its outcome added to the sums. */
function referencePerson(input: StreamRunInput, rules: Rules, person: Person, people: ColumnarPeople, visits: ColumnarVisits, g: Grouped, p: number, sheets: { people: string; visits: string }, sums: ProjectionSums, effective: string, district: number): PersonOutcome {
  const own = visitsOf(people, visits, g, p);
  const importReports = [importReport({ sheet: sheets.people }, 'people', 1), importReport({ sheet: sheets.visits }, 'visits', own.length)];
  const one = project({ people: [person], visits: own, region: input.region, year: input.year, engine: input.engine, funding: input.funding, growth: input.growth, importReports, layerMode: input.layerMode }, rules.scenario);
  if (one.layers) throw new NotColumnar('settlement layers');
  const x = one.people[0];
  const s: PersonYearSums = {
    category: x.category, assistanceComputed: x.assistanceComputed, premiumComputed: x.premiumComputed, premium: fenOrThrow(x.premiumSubsidy), visits: one.visits.length,
    inpatientOrdinary: 0, outpatientOrdinary: 0, tilt: 0, topUp: 0, inpatientPaid: 0, outpatientPaid: 0,
  };
  const computed = new Set<number>();
  for (const o of one.visits) {
    const ord = fenOrThrow(o.ordinary);
    const tilt = fenOrThrow(o.tilt);
    s.topUp += fenOrThrow(o.topUp);
    s.tilt += tilt;
    if (o.visit.kind === 'inpatient') {
      s.inpatientOrdinary += ord;
      s.inpatientPaid += fenOrThrow(o.assistance);
    } else {
      s.outpatientOrdinary += ord;
      s.outpatientPaid += fenOrThrow(o.assistance);
    }
    computed.add(o.visit.rowNumber);
    sums.tally.visitsComputed++;
    if (o.visit.referred) sums.tally.referredComputed++;
    if (o.visit.date < effective) sums.early.push(o.visit.rowNumber);
  }
  for (const v of own) {
    const fen = fenOrThrow(v.cost);
    if (computed.has(v.rowNumber)) sums.costComputed += fen;
    sums.tally.kinds[v.kind][computed.has(v.rowNumber) ? 'done' : 'left']++;
  }
  sums.problems.push(...one.problems);
  sums.add(s, district);
  return x;
}

function fenOrThrow(x: Dec): number {
  const f = fenOfDecimal(x);
  if (f === undefined) throw new NotColumnar('an amount that is not a whole fen');
  return f;
}

/** Row counts as runProjection's `account` makes them: nothing rejected or blank; rows with a part not computed. */
function accountOf(total: number, sums: ProjectionSums, table: 'people' | 'visits'): RowAccount {
  // From the problems made and the premium gaps' rows (none of them among the rows made: disjoint).
  const rows = new Set<number>();
  for (const x of sums.problems) if (x.table === table) rows.add(x.rowNumber);
  return { total, used: total, rejected: 0, blank: 0, notComputed: rows.size + (table === 'people' ? sums.gapRows : 0) };
}

/** The pre-flight's groups (preflight.ts preflightGroups) from the columns: one representative person per group. */
function preflightGroupsOf(people: ColumnarPeople, visits: ColumnarVisits, g: Grouped): PreflightGroups {
  const out: PreflightGroups = { byKey: new Map(), visitsRead: visits.count, referredVisits: 0 };
  for (let v = 0; v < visits.count; v++) if (visits.kinds[visits.kind[v]].referred) out.referredVisits++;
  // preflightGroups' key: the sorted statuses, then the sorted distinct visit kinds (kind:scheme:) of the person.
  const kindKeys = [...new Set(visits.kinds.map((k) => `${k.kind}:${k.scheme ?? ''}:`))].sort();
  if (kindKeys.length > 30) throw new NotColumnar('more than 30 visit kinds');
  const bitOfKind = Int32Array.from(visits.kinds, (k) => 1 << kindKeys.indexOf(`${k.kind}:${k.scheme ?? ''}:`));
  const catKeys = people.kinds.map((k) => [...k.categories].sort().join(','));
  const catIndex = Int32Array.from(catKeys, (key) => catKeys.indexOf(key));
  const byNumber = new Map<number, { rep: number; people: number; visits: number }>();
  for (let p = 0; p < people.count; p++) {
    let mask = 0;
    for (let i = g.visitStart[p]; i < g.visitStart[p + 1]; i++) mask |= bitOfKind[visits.kind[g.order[i]]];
    const key = catIndex[people.kind[p]] * 2 ** 31 + (mask >>> 0);
    const n = g.visitStart[p + 1] - g.visitStart[p];
    const x = byNumber.get(key);
    if (x) {
      x.people++;
      x.visits += n;
    } else byNumber.set(key, { rep: p, people: 1, visits: n });
  }
  const seen = new Map<string, { rep: number; people: number; visits: number }>();
  for (const [num, x] of byNumber) {
    const mask = num % 2 ** 31;
    const key = `${catKeys[Math.floor(num / 2 ** 31)]}|-||${kindKeys.filter((_, b) => mask & (1 << b)).join(';')}`;
    seen.set(key, x);
  }
  for (const [key, x] of seen) out.byKey.set(key, { rep: personOf(people, x.rep), repVisits: visitsOf(people, visits, g, x.rep, true), people: x.people, visits: x.visits });
  return out;
}

/** Whether the run asks for what only streamRun gives (detail rows, an explanation, sheets or column choices). */
export function columnarRefusal(input: StreamRunInput): string | undefined {
  if (!input.people) return 'a combined visits file';
  if ((input.detail ?? 'people') === 'visits') return 'visit detail rows';
  if (input.explain !== undefined) return '--explain';
  for (const f of [input.people, input.visits]) {
    if (!isCsv(f.file)) return '.xlsx';
    if (f.sheet !== undefined || f.headerRow !== undefined || f.columns?.length) return 'sheet, header row or column choices';
  }
  return undefined;
}

export async function columnarRun(input: StreamRunInput): Promise<StreamRunResult> {
  const refused = columnarRefusal(input);
  if (refused) throw new NotColumnar(refused);
  const { region, year, engine } = input;
  engine.resolve(region, year); // an unknown region or year: the caller's usage error, as in streamRun
  const raws = input.scenarios.map((s) => ('data' in s ? (s as { data: unknown; file?: string }) : { data: s }));
  const scenarios = validateScenarios(raws, engine);
  checkScenarioRegions(scenarios, engine, region, year);
  for (const s of scenarios) engineFor({ engine }, s);
  const detail = input.detail ?? 'people';
  // The people file on a second thread while this one reads the visits file (peopleAside.ts).
  const aside = await readPeopleAside(input.people!.file, baseName(input.people!.file), { names: detail !== 'none' });
  let visits: ColumnarVisits;
  try {
    visits = await readColumnarVisits(input.visits.file, baseName(input.visits.file), { year, people: aside.people, checkScheme: schemeChecker(engine, region, year) });
  } catch (e) {
    await aside.people; // the people file's error, when it has one, is the one reported (it was read first before)
    throw e;
  } finally {
    aside.stop();
  }
  const people = await aside.people;
  input.onProgress?.('read', people.count + visits.count);
  const g = groupVisits(people, visits);
  visits.person = new Int32Array(0); // read only to group the visits (g.order has it now): 4 bytes a visit given back
  const reports = [importReport(people.head, 'people', people.count), importReport(visits.head, 'visits', visits.count)];
  const allRules = [rulesFor(input, visits), ...scenarios.map((s) => rulesFor(input, visits, s))];
  const runs = allRules.map((r) => projectColumnar(input, r, people, visits, g, reports, detail !== 'none'));
  // The workbook names the date of each visit before the edition's effective date from the visit rows, which a
  // columnar run does not keep: such a roster with detail rows goes to streamRun.
  if (detail !== 'none' && runs.some((r) => r.sums.early.length)) throw new NotColumnar('visits before the effective date, with detail rows');
  const rows = { people: accountOf(people.count, runs[0].sums, 'people'), visits: accountOf(visits.count, runs[0].sums, 'visits') };
  const importRejected = { people: 0, visits: 0 };
  const projections = runs.map(({ sums, projection }, i) => {
    const t = sums.tally;
    t.costTotal = { fen: sums.costTotal, rest: ZERO };
    t.costComputed = { fen: sums.costComputed, rest: ZERO };
    t.earlyVisits = sums.early.length;
    t.early = sums.early.sort((a, b) => a - b).slice(0, EARLY_ROWS_KEPT);
    const p = projection as Projection;
    // The listed problems and the premium gaps counted a kind at a time (the same exclusions as p.problems gives, without making a million entries).
    p.completeness = completenessFrom(t, sums.problems, { rows, importRejected, policy: allRules[i].rp.policy, threshold: input.minComplete }, sums.gapRuns);
    return p;
  });
  input.onProgress?.('project', 1, 1);
  const [baseline, ...rest] = projections;
  const run: ProjectionRun = {
    baseline,
    scenarios: rest.map((projection, i) => ({ scenario: scenarios[i], projection })),
    comparisons: rest.map((p) => compare(baseline, p)),
    importReports: reports,
    rows,
  };
  const preflight = preflightOf({ importReports: reports, region, year, engine }, preflightGroupsOf(people, visits, g));
  return { run, parts: 1, spilled: false, preflight };
}
