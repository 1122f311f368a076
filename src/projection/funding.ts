/**
 * From fund need to who pays (Weihai 威医保发〔2019〕25号 四、(一) 3: lottery money,
 * donations, and a fiscal budget shared city:district 1:9).
 *
 *  - sources = lottery + donations + transfers; the part used is at most the need, any
 *    surplus is reported, never spent twice;
 *  - the used sources are allocated to districts pro rata by need, in whole fen, with the
 *    largest-remainder method (ties: district name by code point), so they add up exactly;
 *  - each district's fiscal remainder = its need − its sources (≥ 0), split city:district
 *    with the engine's splitByDistrict (city part rounded to the fen, district the rest —
 *    ruling 11), and the city's total is the sum of its parts.
 */
import type { Engine } from '../engine/engine';
import { MedaidError } from '../engine/errors';
import { D, ZERO, parseAmount, round2, type Dec } from '../engine/money';
import { parseRatio, splitByDistrict } from '../engine/rules/fund';
import { splitProvenance } from './provenance';
import { byCodePoint } from './totals';
import type { Bucket, DistrictFunding, Funding, FundingPlan, Origin } from './types';

const toFen = (x: Dec): bigint => BigInt(round2(x).times(100).toFixed(0));
const fromFen = (f: bigint): Dec => new D(f.toString()).dividedBy(100);

/**
 * `total` fen shared among `weights` (fen) pro rata, largest remainder first. Exact: the
 * parts add up to `total`, and no part exceeds its weight when total ≤ Σ weights.
 */
export function largestRemainder(total: bigint, weights: [string, bigint][]): Map<string, bigint> {
  const sumW = weights.reduce((s, [, w]) => s + w, 0n);
  const out = new Map<string, bigint>();
  if (sumW === 0n || total === 0n) {
    for (const [k] of weights) out.set(k, 0n);
    return out;
  }
  let given = 0n;
  const rems: { k: string; rem: bigint }[] = [];
  for (const [k, w] of weights) {
    const q = (total * w) / sumW;
    out.set(k, q);
    given += q;
    rems.push({ k, rem: (total * w) % sumW });
  }
  rems.sort((a, b) => (a.rem === b.rem ? byCodePoint(a.k, b.k) : a.rem > b.rem ? -1 : 1));
  for (let i = 0; given < total; i++, given++) out.set(rems[i].k, out.get(rems[i].k)! + 1n);
  return out;
}

function amountFrom(input: Funding[keyof Funding] | undefined, field: string): Dec | undefined {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
  return round2(parseAmount(input, field));
}

/** Funding inputs resolved against the policy: input first, then the policy's fund section, then 0 / "1:9". */
export function resolveFunding(engine: Engine, region: string, year: number, f: Funding = {}) {
  const rp = engine.resolve(region, year);
  const fund = rp.policy.fund;
  const pick = (input: Dec | undefined, path: 'lottery' | 'donations'): [Dec, Origin] => {
    if (input !== undefined) return [input, 'input'];
    const param = fund?.[path];
    if (param && rp.has(param)) return [round2(rp.number(`fund.${path}`, param)), 'policy'];
    return [ZERO, 'default'];
  };
  const [lottery, lotteryOrigin] = pick(amountFrom(f.lottery, 'lottery 福彩公益金'), 'lottery');
  const [donations, donationsOrigin] = pick(amountFrom(f.donations, 'donations 社会捐赠'), 'donations');
  const transfersIn = amountFrom(f.transfers, 'transfers 上级补助');
  let ratioText: string;
  let ratioOrigin: Origin;
  if (f.ratio !== undefined && String(f.ratio).trim() !== '') {
    ratioText = String(f.ratio);
    ratioOrigin = 'input';
  } else if (fund?.split && rp.has(fund.split)) {
    ratioText = rp.text('fund.split', fund.split) ?? '1:9';
    ratioOrigin = 'policy';
  } else {
    ratioText = '1:9';
    ratioOrigin = 'default';
  }
  const ratio = parseRatio(ratioText);
  return {
    ratioSource: splitProvenance(rp.policy, ratioOrigin, ratio.text),
    lottery,
    donations,
    transfers: transfersIn ?? ZERO,
    ratio,
    origin: { lottery: lotteryOrigin, donations: donationsOrigin, transfers: (transfersIn !== undefined ? 'input' : 'default') as Origin, ratio: ratioOrigin },
  };
}

export function planFunding(byDistrict: Record<string, Pick<Bucket, 'fundNeed'>>, resolved: ReturnType<typeof resolveFunding>): FundingPlan {
  const { lottery, donations, transfers, ratio, origin, ratioSource } = resolved;
  const names = Object.keys(byDistrict).sort(byCodePoint);
  const needFen = names.map((n) => [n, toFen(byDistrict[n].fundNeed)] as [string, bigint]);
  const need = fromFen(needFen.reduce((s, [, f]) => s + f, 0n));
  const sourcesTotal = lottery.plus(donations).plus(transfers);
  const allocated = sourcesTotal.greaterThan(need) ? need : sourcesTotal;
  const surplus = sourcesTotal.minus(allocated);
  const shares = largestRemainder(toFen(allocated), needFen);
  const fiscalByDistrict = new Map<string, Dec>();
  for (const [n, f] of needFen) {
    const fiscal = fromFen(f - shares.get(n)!);
    if (fiscal.isNegative()) throw new MedaidError('BAD_AMOUNT', { field: `fiscal ${n}`, value: fiscal.toFixed(2) }); // cannot happen: shares ≤ need
    fiscalByDistrict.set(n, fiscal);
  }
  const split = splitByDistrict(fiscalByDistrict, ratio);
  const districts: Record<string, DistrictFunding> = {};
  let districtTotal = ZERO;
  for (const [n, f] of needFen) {
    const parts = split.districts.get(n)!;
    // defineProperty: a district named "__proto__" stays an own key (test/hardening/fuzz-projection).
    Object.defineProperty(districts, n, { value: { need: fromFen(f), sources: fromFen(shares.get(n)!), fiscal: fiscalByDistrict.get(n)!, city: parts.city, district: parts.district }, enumerable: true, writable: true, configurable: true });
    districtTotal = districtTotal.plus(parts.district);
  }
  return {
    ratio: ratio.text,
    ratioSource,
    lottery,
    donations,
    transfers,
    sourcesTotal,
    origin,
    need,
    allocated,
    surplus,
    fiscal: need.minus(allocated),
    city: split.city,
    districtTotal,
    districts,
  };
}
