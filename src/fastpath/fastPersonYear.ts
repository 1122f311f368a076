/**
 * The kernel: PersonYear (src/engine/rules/personYear.ts) on integers. One instance is
 * reused for every person (begin → visit × n), its state in one Float64Array, so the hot
 * loop allocates nothing. It rounds half up to the fen at exactly the engine's points:
 * the ordinary amount of a visit after the cap, the baseline part that splits it into
 * ordinary and top-up, and each tilt increment. Several statuses are followed side by side
 * and the person is paid the best cumulative total (就高不就低, ruling 9), as PersonYear does.
 *
 * `visit` gives what each visit pays at the time (the running best); `bookedOrdinary(i)` …
 * give the year as the projection books it — every visit under the status that won the
 * year, with that status's own parts (PersonYear.booked, docs/projection.md).
 *
 * `visit` returns false when the person needs something the kernel does not do exactly
 * (a DECIMAL table entry, an unknown scheme, an amount out of range): the caller then
 * recomputes the whole person with the decimal engine.
 */
import { CompiledPolicy, DECIMAL, NONE, OK, TierTable, TiltTable } from './compiledPolicy';
import { MAX_FEN, RATE_SCALE, isKernelFen, unitsToFenHalfUp } from './fixedPoint';

const U = RATE_SCALE;

/** The scale of scale.ts (scaleAmount) in units of 10^-4 fen: Σ rate × (part of the cumulative cost inside each bracket). */
function scaleUnits(t: TierTable, cumulative: number): number {
  let total = 0;
  const n = t.rate.length;
  for (let i = 0; i < n; i++) {
    const lo = t.lo[i];
    if (cumulative <= lo) continue;
    const hi = t.hi[i];
    const top = cumulative > hi ? hi : cumulative;
    if (top > lo) total += (top - lo) * t.rate[i];
  }
  return total;
}

export class FastPersonYear {
  private readonly nCat: number;
  private readonly nSchemes: number;
  private readonly nPools: number;
  /** Per status: cost by scheme, pool used by pool, then ordinary, topUp, tilt totals and the referred remainder. */
  private readonly stride: number;
  private readonly oOrd: number;
  private readonly oTop: number;
  private readonly oTilt: number;
  private readonly oRem: number;
  private readonly state: Float64Array;
  private readonly cats: Int32Array;
  private readonly tiers: TierTable[];
  private readonly tilts: TiltTable[];
  private nStatus = 0;
  private paidOrd = 0;
  private paidTop = 0;
  private paidTilt = 0;
  /** Per visit of the person, per status: ordinary, top-up, tilt increment (fen), for the booking. */
  private hist = new Float64Array(3 * 64);
  /** Index (into the person's statuses) of the status that leads now. */
  private leadK = 0;
  /** Visits of the current person so far. */
  visits = 0;

  /** Results of the last visit, fen. */
  ordinary = 0;
  topUp = 0;
  tilt = 0;
  assistance = 0;
  /** Kernel category index of the status that leads after the last visit. */
  leader = 0;

  constructor(readonly compiled: CompiledPolicy) {
    this.nCat = compiled.categories.length;
    this.nSchemes = compiled.schemes.length;
    this.nPools = compiled.pools.length;
    this.oOrd = this.nSchemes + this.nPools;
    this.oTop = this.oOrd + 1;
    this.oTilt = this.oOrd + 2;
    this.oRem = this.oOrd + 3;
    this.stride = this.oOrd + 4;
    this.state = new Float64Array(this.stride * Math.max(1, this.nCat));
    this.cats = new Int32Array(Math.max(1, this.nCat));
    this.tiers = compiled.tiers;
    this.tilts = compiled.tilts;
  }

  /**
   * Start a person-year. `codes[from..to)` are global category codes (CATEGORY_CODE) in the
   * person's order; unknown ones are skipped like knownCategories does, duplicates collapse
   * like parseCategories. False when the policy knows none (the engine's CATEGORY_NOT_IN_POLICY).
   */
  begin(codes: ArrayLike<number>, from: number, to: number): boolean {
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = this.compiled.categoryOfCode[codes[i]];
      if (c === undefined || c < 0) continue;
      let dup = false;
      for (let j = 0; j < n; j++) if (this.cats[j] === c) dup = true;
      if (!dup) this.cats[n++] = c;
    }
    this.nStatus = n;
    this.state.fill(0, 0, n * this.stride);
    this.paidOrd = this.paidTop = this.paidTilt = 0;
    this.leader = n > 0 ? this.cats[0] : -1;
    this.leadK = 0;
    this.visits = 0;
    return n > 0;
  }

  /**
   * One visit in date order. totalFen / insuranceFen are NaN when absent (no top-up).
   * False = the kernel cannot do this person exactly; the results are then meaningless.
   */
  visit(scheme: number, costFen: number, referred: boolean, totalFen: number, insuranceFen: number): boolean {
    if (scheme < 0 || scheme >= this.nSchemes || !isKernelFen(costFen)) return false;
    const hasTopUpInputs = totalFen === totalFen && insuranceFen === insuranceFen; // both not NaN
    if (hasTopUpInputs && (!isKernelFen(totalFen) || !isKernelFen(insuranceFen))) return false;
    const st = this.state;
    const stride = this.stride;
    const h0 = this.visits * this.nStatus * 3;
    if (h0 + this.nStatus * 3 > this.hist.length) {
      const grown = new Float64Array(Math.max(this.hist.length * 2, h0 + this.nStatus * 3));
      grown.set(this.hist);
      this.hist = grown;
    }
    const hist = this.hist;
    let best = -1;
    let bestTotal = -1;
    for (let k = 0; k < this.nStatus; k++) {
      const c = this.cats[k];
      const base0 = k * stride;
      const t = this.tiers[scheme * this.nCat + c];
      let ord = 0;
      let top = 0;
      if (t.kind === DECIMAL) return false;
      if (t.kind === OK) {
        const before = st[base0 + scheme];
        const after = before + costFen;
        if (after > MAX_FEN) return false;
        const base = scaleUnits(t, after) - scaleUnits(t, before);
        let amount = base;
        if (t.topUp >= 0 && hasTopUpInputs) {
          const needed = totalFen * t.topUp - insuranceFen * U;
          if (needed > amount) amount = needed;
        }
        const costU = costFen * U;
        if (amount > costU) amount = costU;
        const poolIx = base0 + this.nSchemes + t.pool;
        if (t.capFen >= 0) {
          const left = t.capFen - st[poolIx];
          const room = left > 0 ? left * U : 0;
          if (amount > room) amount = room;
        }
        ord = unitsToFenHalfUp(amount);
        const ordU = ord * U;
        top = ord - unitsToFenHalfUp(base > ordU ? ordU : base);
        st[base0 + scheme] = after;
        st[poolIx] += ord;
      }
      // 倾斜救助 (StatusYear.tilt)
      let inc = 0;
      const tt = this.tilts[c];
      if (tt.kind !== NONE) {
        if (referred) st[base0 + this.oRem] += costFen - ord;
        if (tt.poolCapKind === DECIMAL) return false;
        if (tt.poolCapKind === OK && st[base0 + this.nSchemes + tt.pool] >= tt.poolCapFen) {
          if (tt.termsKind === DECIMAL) return false;
          const over = st[base0 + this.oRem] - tt.thresholdFen;
          let target = over > 0 ? over * tt.ratio : 0;
          const capU = tt.capFen * U;
          if (target > capU) target = capU;
          const incU = target - st[base0 + this.oTilt] * U;
          if (incU > 0) inc = unitsToFenHalfUp(incU);
        }
      }
      st[base0 + this.oOrd] += ord;
      st[base0 + this.oTop] += top;
      st[base0 + this.oTilt] += inc;
      hist[h0 + k * 3] = ord;
      hist[h0 + k * 3 + 1] = top;
      hist[h0 + k * 3 + 2] = inc;
      const total = st[base0 + this.oOrd] + st[base0 + this.oTilt];
      if (total > bestTotal) {
        bestTotal = total;
        best = k;
      }
    }
    const lb = best * stride;
    const ordT = st[lb + this.oOrd];
    const topT = st[lb + this.oTop];
    const tiltT = st[lb + this.oTilt];
    this.ordinary = ordT - this.paidOrd;
    this.topUp = topT - this.paidTop;
    this.tilt = tiltT - this.paidTilt;
    this.assistance = this.ordinary + this.tilt;
    this.paidOrd = ordT;
    this.paidTop = topT;
    this.paidTilt = tiltT;
    this.leader = this.cats[best];
    this.leadK = best;
    this.visits++;
    return true;
  }

  /** Visit i (0-based, of this person) booked under the status that leads now — after the last visit, the one that won the year. */
  bookedOrdinary(i: number): number {
    return this.hist[(i * this.nStatus + this.leadK) * 3];
  }

  bookedTopUp(i: number): number {
    return this.hist[(i * this.nStatus + this.leadK) * 3 + 1];
  }

  bookedTilt(i: number): number {
    return this.hist[(i * this.nStatus + this.leadK) * 3 + 2];
  }

  /** The year so far under the leading status, fen (= the sums of the booked parts). */
  get yearOrdinary(): number {
    return this.paidOrd;
  }

  get yearTopUp(): number {
    return this.paidTop;
  }

  get yearTilt(): number {
    return this.paidTilt;
  }

  /** Totals paid so far this year, fen. */
  get totalFen(): number {
    return this.paidOrd + this.paidTilt;
  }
}

export { OK, NONE, DECIMAL };
