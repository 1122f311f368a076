/**
 * The adjustable parameters of a region's policy edition, for the scenario editor: each
 * with its path (the override key), a readable name, the value in force in the chosen
 * year and the clause it comes from, so the analyst sees what they are changing and why
 * it has its current value. Also parses what the analyst types into an override value.
 */
import type { Engine } from '../engine/engine';
import { MedaidError } from '../engine/errors';
import { parseAmount } from '../engine/money';
import { paramLabel } from '../engine/policy/labels';
import { nodeName } from '../engine/policy/paramNames';
import type { OverrideValue } from '../engine/policy/overrides';
import { ResolvedPolicy } from '../engine/policy/resolved';
import type { Bracket, Param, ParamValue, PolicyFile } from '../engine/policy/types';

export interface PolicyParam {
  /** Override path, e.g. "inpatient.tiers.dibao_returned.ratio". */
  path: string;
  /** Where it sits and what it is: "住院救助 · 低保对象、返贫致贫人口 · 救助比例". */
  zh: string;
  en: string;
  unit: Param['unit'] | 'flag';
  /** Value in force on 31 December of the year, as text ("0.7", "30000", "1:9"); '' when none. */
  current: string;
  citation: string;
  quote?: string;
  /** True when the edition gives no value in force for the year (a figure the documents leave open). */
  missing?: boolean;
  /** Share of last year's per-capita disposable income, for a parameter the documents define that way (ruling 5). */
  shareOfIncome?: number;
  /** The policy file's note on the parameter (what to supply, and why it is not in the text). */
  note?: string;
}

function isParam(x: unknown): x is Param {
  return !!x && typeof x === 'object' && !Array.isArray(x) && 'values' in x && 'ref' in x && 'unit' in x;
}

export function valueText(v: ParamValue | undefined | boolean): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return (v as Bracket[]).map((b) => `${b.threshold}:${b.rate}`).join('; ');
  return String(v);
}


/** Every parameter of the edition, in file order, with its value for `year`. */
export function policyParams(engine: Engine, region: string, year: number): PolicyParam[] {
  const rp = engine.resolve(region, year);
  return paramsOf(rp.policy, rp);
}

export function paramsOf(policy: PolicyFile, rp: ResolvedPolicy): PolicyParam[] {
  const out: PolicyParam[] = [];
  const walk = (node: unknown, path: string[], trail: { zh: string; en: string }[]): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      // statistics are the documents' reported totals (for comparison), not rules to change.
      if (['documents', 'region', 'edition', 'ref', 'names', '$schema', 'statistics'].includes(key) && path.length === 0) continue;
      const p = [...path, key];
      if (isParam(child)) {
        // A parameter stored as "<name>.param" is named by its parent key.
        const label = key === 'param' ? { zh: path[path.length - 1] ?? key, en: path[path.length - 1] ?? key } : paramLabel(p.join('.'));
        const value = ResolvedPolicy.valueAt(child, rp.date);
        out.push({
          path: p.join('.'),
          zh: [...trail.map((t) => t.zh), label.zh].join(' · '),
          en: [...trail.map((t) => t.en), label.en].join(' · '),
          unit: child.unit,
          current: valueText(value),
          citation: rp.citation(child.ref),
          quote: child.ref.find((r) => r.quote)?.quote,
          ...(value === undefined ? { missing: true } : {}),
          ...(child.shareOfIncome !== undefined ? { shareOfIncome: child.shareOfIncome } : {}),
          ...(child.note ? { note: child.note } : {}),
        });
      } else if (typeof child === 'boolean' && path.length > 0) {
        out.push({
          path: p.join('.'),
          zh: [...trail.map((t) => t.zh), key].join(' · '),
          en: [...trail.map((t) => t.en), key].join(' · '),
          unit: 'flag',
          current: String(child),
          citation: '',
        });
      } else if (child && typeof child === 'object' && !Array.isArray(child)) {
        const name = nodeName(child as Record<string, unknown>, key);
        walk(child, p, name ? [...trail, name] : trail);
      }
    }
  };
  walk(policy, [], []);
  return out;
}

function bad(param: PolicyParam, text: string, zh: string, en: string): MedaidError {
  return new MedaidError('INVALID_OVERRIDE', { path: param.path, problem: `“${text}”${zh}`, problemEn: `"${text}" ${en}` });
}

/**
 * What the analyst typed → an override value. Ratios accept 0.75 or 75%; amounts accept
 * the forms the engine accepts (12000, "1.2万"); brackets "threshold:rate; …"; a split
 * "1:9"; a flag 是/否/true/false.
 */
export function parseParamInput(param: PolicyParam, input: string): OverrideValue {
  const text = input.normalize('NFKC').trim();
  if (text === '') throw bad(param, text, '为空', 'is empty');
  switch (param.unit) {
    case 'flag': {
      if (/^(true|是|yes|y|1)$/i.test(text)) return true;
      if (/^(false|否|no|n|0)$/i.test(text)) return false;
      throw bad(param, text, '应为“是”或“否”', 'must be yes or no');
    }
    case 'ratio':
    case 'percentage-points': {
      const pct = text.endsWith('%');
      const n = Number(pct ? text.slice(0, -1) : text);
      if (!Number.isFinite(n)) throw bad(param, text, '不是数字', 'is not a number');
      const v = pct ? n / 100 : n;
      if (param.unit === 'ratio' && (v < 0 || v > 1)) throw bad(param, text, '应在 0 到 1（0% 到 100%）之间', 'must be between 0 and 1 (0% to 100%)');
      return Number(v.toFixed(10));
    }
    case 'ratio-text': {
      if (!/^\d+(\.\d+)?:\d+(\.\d+)?$/.test(text)) throw bad(param, text, '应写成“1:9”的形式', 'must look like "1:9"');
      return text;
    }
    case 'brackets': {
      const parts = text.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean);
      const list = parts.map((s) => {
        const m = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)(%?)$/.exec(s);
        if (!m) throw bad(param, s, '应写成“起点:比例”，如 20000:0.8', 'must look like "threshold:rate", e.g. 20000:0.8');
        return { threshold: Number(m[1]), rate: m[3] ? Number(m[2]) / 100 : Number(m[2]) };
      });
      return list;
    }
    default: {
      // yuan, people, yuan-per-person-year: exact amounts; the engine keeps numbers.
      const d = parseAmount(text, param.zh);
      if (d.isNegative()) throw bad(param, text, '不能为负数', 'cannot be negative');
      return d.toNumber();
    }
  }
}
