/**
 * Exact money. Every amount is a decimal.js Decimal (never a binary float); computed
 * amounts are rounded to 0.01 yuan, half up, at the points the policy documents fix
 * (seeds README, ruling 1): when a result is returned or stored.
 */
import Decimal from 'decimal.js';
import { MedaidError, inputText } from './errors';

/** A private Decimal constructor so a host's global Decimal settings cannot change ours. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO: Dec = new D(0);

/** Round to the fen (0.01 yuan), half up. */
export function round2(x: Dec): Dec {
  return x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function dec(x: Dec | number | string): Dec {
  return x instanceof D ? x : new D(x);
}

export function min(...xs: Dec[]): Dec {
  return xs.reduce((a, b) => (a.lessThan(b) ? a : b));
}

export function max(...xs: Dec[]): Dec {
  return xs.reduce((a, b) => (a.greaterThan(b) ? a : b));
}

export function sum(xs: Iterable<Dec>): Dec {
  let t = ZERO;
  for (const x of xs) t = t.plus(x);
  return t;
}

/** Two-decimals text, as printed in reports and CLI output. */
export function fmt(x: Dec): string {
  return round2(x).toFixed(2);
}

/**
 * Reads an amount a person typed: a number, or text such as "12,345.6", "１２３４５",
 * "1.2万" / "1.2万元" (ten-thousands) or "300元". Anything else is a typed error that
 * names the field and the value, never a silent zero or NaN.
 */
export function parseAmount(
  input: unknown,
  field: string,
  opts: { allowNegative?: boolean; allowBlank?: boolean } = {},
): Dec {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    if (opts.allowBlank) return ZERO;
    throw new MedaidError('BLANK_AMOUNT', { field });
  }
  let value: Dec;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MedaidError('BAD_AMOUNT', { field, value: String(input) });
    value = new D(input);
  } else if (input instanceof D) {
    value = input;
  } else if (typeof input === 'string') {
    value = parseAmountText(input, field);
  } else if (typeof input === 'boolean') {
    throw new MedaidError('BAD_AMOUNT', { field, value: inputText(input) });
  } else {
    throw new MedaidError('BAD_AMOUNT', { field, value: inputText(input) });
  }
  if (!value.isFinite()) throw new MedaidError('BAD_AMOUNT', { field, value: inputText(input) });
  if (value.isNegative() && !value.isZero() && !opts.allowNegative) {
    throw new MedaidError('NEGATIVE_AMOUNT', { field, value: inputText(input) });
  }
  // -0 (a number cell, or "-0" typed) is zero: otherwise it travels into results as -0.
  return value.isZero() ? ZERO : value;
}

function parseAmountText(raw: string, field: string): Dec {
  // Full-width digits and punctuation (１２３４５，．－) become ASCII.
  let s = raw.normalize('NFKC').trim();
  let scale = 1;
  if (/万元?$/.test(s)) {
    scale = 10000;
    s = s.replace(/万元?$/, '');
  } else if (/亿元?$/.test(s)) {
    scale = 100000000;
    s = s.replace(/亿元?$/, '');
  } else if (/元$/.test(s)) {
    s = s.replace(/元$/, '');
  }
  s = s.replace(/^[¥￥]/, '').trim();
  // Thousands separators only in their proper places: 12,345.67 yes, 1,2,3 no.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    throw new MedaidError('BAD_AMOUNT', { field, value: raw });
  }
  return new D(s).times(scale);
}
