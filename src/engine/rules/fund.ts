/**
 * The fiscal cost split (Weihai 四、(一) 3: 市、区市两级财政按1:9的比例负担). The city's part
 * is its share rounded to the fen, the district's is the rest, so the parts always add up
 * to the total (ruling 11).
 */
import { MedaidError, inputText } from '../errors';
import { D, Dec, round2 } from '../money';

export interface Ratio {
  city: Dec;
  district: Dec;
  text: string;
}

export function parseRatio(text: unknown = '1:9'): Ratio {
  const s = inputText(text ?? '').normalize('NFKC').replace(/\s+/g, '').replace('：', ':');
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(s);
  if (!m) throw new MedaidError('BAD_RATIO', { value: inputText(text) });
  const city = new D(m[1]);
  const district = new D(m[2]);
  if (city.plus(district).isZero()) throw new MedaidError('BAD_RATIO', { value: inputText(text) });
  return { city, district, text: `${m[1]}:${m[2]}` };
}

export function splitAmount(amount: Dec, ratio: Ratio): { city: Dec; district: Dec } {
  const total = round2(amount);
  const city = round2(total.times(ratio.city).dividedBy(ratio.city.plus(ratio.district)));
  return { city, district: total.minus(city) };
}

/**
 * Splitting several districts' needs: each district's fiscal need is split on its own, and
 * the city's total is the sum of the city parts, so every figure reconciles to the fen.
 */
export function splitByDistrict(needs: Map<string, Dec>, ratio: Ratio): { city: Dec; districts: Map<string, { city: Dec; district: Dec }> } {
  let city = new D(0);
  const districts = new Map<string, { city: Dec; district: Dec }>();
  for (const [name, need] of needs) {
    const parts = splitAmount(need, ratio);
    districts.set(name, parts);
    city = city.plus(parts.city);
  }
  return { city, districts };
}

export type SplitPart = 'city' | 'district';

export function parsePart(part: unknown): SplitPart {
  const s = inputText(part ?? '').normalize('NFKC').trim().toLowerCase();
  if (['city', '市级', '市', '市本级', '市级财政'].includes(s)) return 'city';
  if (['district', '区县', '区市', '县区', '区县级', '区市级', '区县财政'].includes(s)) return 'district';
  throw new MedaidError('BAD_PART', { value: inputText(part ?? '') });
}
