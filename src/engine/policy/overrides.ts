/**
 * Scenario overrides: a named, validated set of parameter changes, as PolicyEngine's
 * reforms are. Keys are a policy id ("xinyang-2024") or a region name/alias ("信阳",
 * meaning every edition of that region); values map a parameter path (the JSON path in
 * the policy file, e.g. "inpatient.tiers.dibao_returned.ratio") to a new value:
 *   - a number, "a:b" text or a bracket list → that value for every date;
 *   - an object of years or dates → dated values ({"2023": 25000} = from 2023-01-01);
 *   - for plain settings (e.g. "tilt.delegated") a boolean;
 *   - for a tier's `categories` (e.g. "ciInsurance.tiers.tilted.categories") a list of status
 *     names: the tier then covers exactly those, and each is taken out of the rule's other
 *     tiers (a status belongs to one tier of a rule), so e.g. 西平's critical-illness tilt can be
 *     extended to 低保边缘家庭成员 as a what-if.
 * Every change is checked before anything is used: the path must exist (or be a
 * parameter the schema allows there), and the changed file must pass the schema.
 */
import { parseCategories } from '../categories';
import { clip, MedaidError } from '../errors';
import { D, parseAmount } from '../money';
import { paramLabel } from './labels';
import { isParamPath, resolveParamName } from './paramNames';
import type { Param, PolicyFile } from './types';
import { schemaProblems } from './validate';

export type OverrideValue = number | string | boolean | string[] | { threshold: number; rate: number }[] | Record<string, number | string | null>;
export type Overrides = Record<string, Record<string, OverrideValue>>;

const PARAM_UNIT_BY_KEY: Record<string, Param['unit']> = {
  deductible: 'yuan', cap: 'yuan', amount: 'yuan', threshold: 'yuan', individualPremium: 'yuan', perAdmissionMax: 'yuan',
  lottery: 'yuan', donations: 'yuan', perCapitaDisposable: 'yuan',
  ratio: 'ratio', share: 'ratio', topUpRatio: 'ratio', deductibleFactor: 'ratio', ratioDelta: 'percentage-points',
  brackets: 'brackets', split: 'ratio-text',
};

function isParam(x: unknown): x is Param {
  return !!x && typeof x === 'object' && 'values' in (x as object) && 'ref' in (x as object);
}

/** The plain value's date: "for every year" (never shown to the analyst, who wrote no date). */
const ALL_YEARS = '1900-01-01';

const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** "参数 住院救助比例（inpatient.tiers.dibao_returned.ratio）": the parameter as the analyst knows it, and its path. */
function named(path: string): { zh: string; en: string } {
  const l = paramLabel(path);
  return { zh: l.zh === path ? path : `${l.zh}（${path}）`, en: l.en === path ? path : `${l.en} (${path})` };
}

/**
 * A value as an analyst types it, for a numeric parameter: "0.75", "75%" / "75 %" / "７５％"
 * (a ratio: 0.75), "10000", "1万", "12,000元" (an amount). Other text is left to the checks below
 * ("1:9" is a split, not a number). A ratio above 1 (75 for 75 %) is refused naming the parameter:
 * it would be read as 7,500 % without a word.
 */
function coerce(path: string, unit: Param['unit'] | undefined, x: unknown, date: string): unknown {
  const when = date === ALL_YEARS ? { zh: '', en: '' } : { zh: `（${date} 起）`, en: ` (from ${date})` };
  const ratio = unit === 'ratio' || unit === 'percentage-points';
  if (typeof x === 'string' && (unit === 'yuan' || ratio)) {
    const t = x.normalize('NFKC').trim();
    const pct = PERCENT.exec(t);
    if (pct && ratio) return Number(new D(pct[1]).div(100).toString());
    if (NUMBER_TEXT.test(t)) return Number(t);
    if (unit === 'yuan') {
      try {
        return parseAmount(t, path).toNumber();
      } catch {
        /* not an amount: said below */
      }
    }
    const n = named(path);
    throw new MedaidError('INVALID_OVERRIDE', {
      path,
      problem: `参数 ${n.zh}${when.zh} 应为${ratio ? '比例，写成 0.75 或 75%' : '金额（元），写成 10000 或 1万'}，而不是 "${clip(x, 40)}"`,
      problemEn: `${n.en}${when.en} must be ${ratio ? 'a ratio, written 0.75 or 75%' : 'an amount in yuan, written 10000 or 1万'}, not "${clip(x, 40)}"`,
    });
  }
  if (typeof x === 'number' && unit === 'ratio' && x > 1) {
    const n = named(path);
    throw new MedaidError('INVALID_OVERRIDE', {
      path,
      problem: `参数 ${n.zh}${when.zh} 是比例，不能大于 1：${x}% 请写成 ${x / 100} 或 ${x}%`,
      problemEn: `${n.en}${when.en} is a ratio and cannot exceed 1: for ${x} % write ${x / 100} or ${x}%`,
    });
  }
  return x;
}

/** Each dated value through coerce() (a parameter's unit known). */
function coerceValues(path: string, unit: Param['unit'] | undefined, values: Param['values']): Param['values'] {
  return Object.fromEntries(Object.entries(values).map(([d, x]) => [d, coerce(path, unit, x, d)])) as Param['values'];
}

function toValues(path: string, v: OverrideValue): Param['values'] {
  if (typeof v === 'number' || typeof v === 'string' || Array.isArray(v)) return { [ALL_YEARS]: v as Param['values'][string] };
  if (v && typeof v === 'object') {
    const out: Param['values'] = {};
    for (const [k, x] of Object.entries(v)) {
      const date = /^\d{4}$/.test(k) ? `${k}-01-01` : k;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        throw new MedaidError('INVALID_OVERRIDE', { path, problem: `日期 "${k}" 无效，应为年份或 YYYY-MM-DD`, problemEn: `date "${k}" must be a year or YYYY-MM-DD` });
      }
      out[date] = x;
    }
    if (Object.keys(out).length === 0) {
      throw new MedaidError('INVALID_OVERRIDE', { path, problem: '未给出取值', problemEn: 'no value is given' });
    }
    return out;
  }
  throw new MedaidError('INVALID_OVERRIDE', { path, problem: '取值类型无效', problemEn: 'the value has an unsupported type' });
}

/** The validator's usual words, in Chinese (the English is kept as given). */
function schemaWordsZh(message: string): string {
  const m = /^must be (number|string|integer|boolean|array|object|null)$/.exec(message);
  if (m) return `应为${{ number: '数字', string: '文字', integer: '整数', boolean: '是/否', array: '列表', object: '对象', null: '空' }[m[1]]}`;
  const lim = /^must be (<=|>=|<|>) (-?[\d.]+)$/.exec(message);
  if (lim) return `应${{ '<=': '不大于', '>=': '不小于', '<': '小于', '>': '大于' }[lim[1]]} ${lim[2]}`;
  return message;
}

/** A deep copy of the file with the changes applied, validated; throws naming the path. */
export function applyOverrides(policy: PolicyFile, changes: Record<string, OverrideValue>): { policy: PolicyFile; paths: Set<string> } {
  const copy = JSON.parse(JSON.stringify(policy)) as PolicyFile;
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(changes)) {
    // A parameter's name (住院救助 低保 救助比例) stands for its path (paramNames.ts).
    const path = isParamPath(key) || key.split('.').some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype') ? key : resolveParamName(policy, key);
    const parts = path.split('.');
    if (parts.length < 2 || parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) {
      throw new MedaidError('INVALID_OVERRIDE', { path, problem: '参数路径无效', problemEn: 'not a parameter path' });
    }
    let node: Record<string, unknown> = copy as unknown as Record<string, unknown>;
    const chain: Record<string, unknown>[] = [];
    for (const p of parts.slice(0, -1)) {
      chain.push(node);
      const next = Object.prototype.hasOwnProperty.call(node, p) ? node[p] : undefined;
      if (!next || typeof next !== 'object') {
        throw new MedaidError('INVALID_OVERRIDE', { path, problem: `${policy.id} 中没有 "${p}"`, problemEn: `"${p}" does not exist in ${policy.id}` });
      }
      node = next as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1];
    const current = Object.prototype.hasOwnProperty.call(node, leaf) ? node[leaf] : undefined;
    if (leaf === 'categories' && Array.isArray(current) && Array.isArray(value) && value.every((x) => typeof x === 'string')) {
      let ids;
      try {
        ids = parseCategories(value as string[]);
      } catch (e) {
        throw new MedaidError('INVALID_OVERRIDE', { path, problem: (e as MedaidError).zh, problemEn: (e as MedaidError).en });
      }
      node[leaf] = ids;
      // Siblings: the other tiers of the same rule (…tiers.<id>.categories).
      const tiers = parts.length >= 3 && parts[parts.length - 3] === 'tiers' ? (chain[chain.length - 1] as Record<string, { categories?: string[] }>) : undefined;
      if (tiers) {
        for (const [id, t] of Object.entries(tiers)) {
          if (t === node || !t || !Array.isArray(t.categories)) continue;
          t.categories = t.categories.filter((c) => !ids.includes(c as never));
          if (t.categories.length === 0) delete tiers[id];
        }
      }
    } else if (typeof value === 'boolean') {
      if (current !== undefined && typeof current !== 'boolean') {
        throw new MedaidError('INVALID_OVERRIDE', { path, problem: '该参数不是开关（是/否）', problemEn: 'this parameter is not a yes/no setting' });
      }
      node[leaf] = value;
    } else if (isParam(current)) {
      // The override holds from its first date on; the document's values before that date stay
      // ({"2025": 0.75} changes 2025 and later, not 2024). A plain value starts in 1900: every year.
      const given = coerceValues(path, current.unit, toValues(path, value));
      const from = Object.keys(given).sort()[0];
      const kept = Object.fromEntries(Object.entries(current.values).filter(([date]) => date < from));
      node[leaf] = { ...current, values: { ...kept, ...given } };
    } else if (current === undefined && PARAM_UNIT_BY_KEY[leaf]) {
      node[leaf] = {
        values: coerceValues(path, PARAM_UNIT_BY_KEY[leaf], toValues(path, value)),
        unit: PARAM_UNIT_BY_KEY[leaf],
        ref: [{ doc: Object.keys(copy.documents)[0], clause: 'analyst override / 分析人员补充' }],
        note: 'Supplied by the analyst; not in the document.',
      };
    } else {
      throw new MedaidError('INVALID_OVERRIDE', { path, problem: `${policy.id} 中没有可调整的参数 "${leaf}"`, problemEn: `${policy.id} has no adjustable parameter "${leaf}" there` });
    }
    paths.add(path);
  }
  const problems = schemaProblems(copy);
  if (problems.length > 0) {
    const first = problems[0];
    const culprit = [...paths].find((p) => first.path.startsWith(p)) ?? [...paths].join(', ');
    // The validator's words name the file's inner path (…values.1900-01-01: must be number):
    // said instead as the parameter the analyst named, with a date only if they gave one.
    const m = /^(.*)\.values\.(\d{4}-\d{2}-\d{2})$/.exec(first.path);
    if (m && paths.has(m[1])) {
      const n = named(m[1]);
      const when = m[2] === ALL_YEARS ? { zh: '', en: '' } : { zh: `（${m[2]} 起）`, en: ` (from ${m[2]})` };
      throw new MedaidError('INVALID_OVERRIDE', {
        path: m[1],
        problem: `参数 ${n.zh}${when.zh}的取值不符合要求（${schemaWordsZh(first.message)}）`,
        problemEn: `the value of ${n.en}${when.en} is not allowed (${first.message})`,
      });
    }
    throw new MedaidError('INVALID_OVERRIDE', {
      path: culprit,
      problem: `${first.path}: ${first.message}`,
      problemEn: `${first.path}: ${first.message}`,
    });
  }
  return { policy: copy, paths };
}
