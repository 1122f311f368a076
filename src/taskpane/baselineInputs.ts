/**
 * The baseline's funding and growth inputs in the pane: what the CLI takes as `--lottery`,
 * `--donations`, `--transfers`, `--ratio` and `--headcount-growth` / `--cost-growth` /
 * `--premium-growth` (src/cli/project.ts). Each field is kept as the analyst typed it, checked
 * the way the CLI checks its flag (amounts with the engine's parseAmount, the ratio with
 * parseRatio, rates with the projection's parseRate) and then turned into the `funding` /
 * `growth` of runProjection with the projection's own validateFunding / validateGrowth.
 *
 * Growth is entered in percent ("3" or "3%" = 3 %), the way a budget note states it; it is
 * passed on as "3%" text so parseRate reads it exactly (no float division).
 *
 * A blank field is "not given": runProjection then takes the policy's value (Weihai's
 * fund.lottery 2,000,000 and fund.split 1:9, 威医保发〔2019〕25号 四、(一) 3.) or its default.
 */
import type { Engine } from '../engine/engine';
import { MedaidError, isMedaidError } from '../engine/errors';
import { parseAmount } from '../engine/money';
import { parseRatio } from '../engine/rules/fund';
import { parseRate } from '../projection/forecast';
import { validateFunding, validateGrowth } from '../projection/scenario';
import type { Funding, Growth } from '../projection/types';
import { policyParams } from './policyParams';

export const AMOUNT_FIELDS = ['lottery', 'donations', 'transfers'] as const;
export const GROWTH_FIELDS = ['headcountGrowth', 'costGrowth', 'premiumGrowth'] as const;
export const BASELINE_FIELDS = [...AMOUNT_FIELDS, 'ratio', ...GROWTH_FIELDS] as const;
export type BaselineField = (typeof BASELINE_FIELDS)[number];

/** What the analyst typed per field (text, trimmed); a missing or blank field is not given. */
export type BaselineInputs = Partial<Record<BaselineField, string>>;

/** The CLI flag of each field: errors name it, so a message reads the same in the pane and the CLI. */
export const FIELD_FLAG: Record<BaselineField, string> = {
  lottery: '--lottery',
  donations: '--donations',
  transfers: '--transfers',
  ratio: '--ratio',
  headcountGrowth: '--headcount-growth',
  costGrowth: '--cost-growth',
  premiumGrowth: '--premium-growth',
};

const FIELD_NAME: Record<BaselineField, { zh: string; en: string }> = {
  lottery: { zh: '福彩公益金', en: 'lottery funds' },
  donations: { zh: '社会捐赠', en: 'donations' },
  transfers: { zh: '上级补助', en: 'transfers from higher levels' },
  ratio: { zh: '分担比例', en: 'city:district ratio' },
  headcountGrowth: { zh: '人数增长率', en: 'head-count growth' },
  costGrowth: { zh: '费用增长率', en: 'cost growth' },
  premiumGrowth: { zh: '资助参保增长率', en: 'premium growth' },
};

const GROWTH_KEY: Record<(typeof GROWTH_FIELDS)[number], 'headcount' | 'cost' | 'premium'> = {
  headcountGrowth: 'headcount',
  costGrowth: 'cost',
  premiumGrowth: 'premium',
};

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** "3", "3%", "３％", "-1.5" → "3%", "-1.5%": the percent the analyst typed, as parseRate's text. */
export function percentText(text: string): string {
  const s = text.normalize('NFKC').trim();
  return s.endsWith('%') ? s : `${s}%`;
}

/** A field's name for messages: 福彩公益金 (--lottery) / lottery funds (--lottery). */
function label(field: BaselineField): { zh: string; en: string } {
  return { zh: `${FIELD_NAME[field].zh}（${FIELD_FLAG[field]}）`, en: `${FIELD_NAME[field].en} (${FIELD_FLAG[field]})` };
}

/**
 * Checks one field as the CLI checks its flag. Returns the text to keep (trimmed; growth as
 * "N%"), or undefined when blank. Refused → a bilingual MedaidError naming the field and the value.
 */
export function parseBaselineField(field: BaselineField, text: string): string | undefined {
  if (blank(text)) return undefined;
  const value = text.trim();
  const name = label(field);
  try {
    if ((AMOUNT_FIELDS as readonly string[]).includes(field)) {
      parseAmount(value, `${name.zh} / ${name.en}`);
      return value;
    }
    if (field === 'ratio') {
      return parseRatio(value).text;
    }
    const rate = percentText(value);
    parseRate(rate, `${name.zh} / ${name.en}`);
    return rate;
  } catch (e) {
    if (!isMedaidError(e)) throw e;
    // The engine's message names the value; the field (and its flag) is added when it does not say which.
    throw e.en.includes(FIELD_FLAG[field]) ? e : e.at(`${name.zh} / ${name.en}`);
  }
}

/** The funding of runProjection (undefined when nothing is given), checked by the projection's validateFunding. */
export function baselineFunding(inputs: BaselineInputs | undefined): Funding | undefined {
  if (!inputs) return undefined;
  const raw: Record<string, string> = {};
  for (const f of AMOUNT_FIELDS) if (!blank(inputs[f])) raw[f] = inputs[f]!.trim();
  if (!blank(inputs.ratio)) raw.ratio = inputs.ratio!.trim();
  return Object.keys(raw).length ? validateFunding(raw, '--lottery/--donations/--transfers/--ratio') : undefined;
}

/** The growth of runProjection for next year's forecast (undefined when nothing is given), via validateGrowth. */
export function baselineGrowth(inputs: BaselineInputs | undefined): Growth | undefined {
  if (!inputs) return undefined;
  const raw: Record<string, string> = {};
  for (const f of GROWTH_FIELDS) if (!blank(inputs[f])) raw[GROWTH_KEY[f]] = percentText(inputs[f]!);
  return Object.keys(raw).length ? validateGrowth(raw, '--*-growth') : undefined;
}

export function hasBaselineInputs(inputs: BaselineInputs | undefined): boolean {
  return !!inputs && BASELINE_FIELDS.some((f) => !blank(inputs[f]));
}

/** Only the known, non-blank fields (what is saved). */
export function cleanInputs(raw: unknown): BaselineInputs {
  const out: BaselineInputs = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  const o = raw as Record<string, unknown>;
  for (const f of BASELINE_FIELDS) {
    const v = o[f];
    if (typeof v === 'number') out[f] = String(v);
    else if (typeof v === 'string' && !blank(v)) out[f] = v.trim();
  }
  return out;
}

/**
 * Saved inputs back (the figures' JSON): every field checked again, so a hand-edited file
 * cannot carry a value the pane would refuse. `source` names where they were read from.
 */
export function parseBaselineInputs(raw: unknown, source: string): BaselineInputs {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    throw new MedaidError('INVALID_OVERRIDE', { path: `${source} baseline`, problem: '应为对象', problemEn: 'must be an object' });
  }
  const inputs = cleanInputs(raw);
  const out: BaselineInputs = {};
  for (const f of BASELINE_FIELDS) {
    if (inputs[f] === undefined) continue;
    try {
      out[f] = parseBaselineField(f, inputs[f]!);
    } catch (e) {
      if (isMedaidError(e)) throw e.at(source);
      throw e;
    }
  }
  return out;
}

/** The policy's own value for a funding field, with its clause (shown beside the input, used when it is blank). */
export interface FundDefault {
  value: string;
  citation?: string;
  quote?: string;
  origin: 'policy' | 'default';
}

/**
 * What runProjection takes when a funding field is blank: the edition's fund.lottery,
 * fund.donations and fund.split (with their clause) where it has one; else 0 / "1:9".
 */
export function fundDefaults(engine: Engine, region: string, year: number): Record<'lottery' | 'donations' | 'transfers' | 'ratio', FundDefault> {
  const params = policyParams(engine, region, year);
  const from = (path: string, fallback: string): FundDefault => {
    const p = params.find((x) => x.path === path);
    if (p && p.current !== '') return { value: p.current, citation: p.citation, quote: p.quote, origin: 'policy' };
    return { value: fallback, origin: 'default' };
  };
  return {
    lottery: from('fund.lottery', '0'),
    donations: from('fund.donations', '0'),
    transfers: { value: '0', origin: 'default' },
    ratio: from('fund.split', '1:9'),
  };
}
