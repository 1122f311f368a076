/**
 * One policy edition looked at for one year: parameter values in force then, with the
 * citation of each. Values are taken as in force on 31 December of the year (a budget
 * year's rules; the documents change terms at most once a year). Resolution is cached,
 * because a roster projection asks the same few parameters millions of times.
 */
import { MedaidError } from '../errors';
import { D, Dec } from '../money';
import type { ParamUse } from '../explain';
import { paramLabel } from './labels';
import type { Bracket, Param, ParamValue, PolicyFile, Reference } from './types';

export interface ResolvedBracket {
  threshold: Dec;
  rate: Dec;
}

/**
 * A policy file's note inside a Chinese message: only when it is written in Chinese (most
 * notes are English, for the maintainers; the English message carries them), so a Chinese
 * message never switches language halfway.
 */
function zhNote(note: string): string {
  return /[A-Za-z]{3,}/.test(note) ? '' : `（${note}）`;
}

export class ResolvedPolicy {
  readonly date: string;
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly policy: PolicyFile,
    readonly year: number,
    /** Paths whose values an analyst supplied (for "analyst override" in explanations). */
    readonly overridden: ReadonlySet<string> = new Set(),
  ) {
    this.date = `${year}-12-31`;
  }

  get regionName(): string {
    return this.policy.region.names.zh;
  }

  /** The region for an error's details: its Chinese name for the zh text, its English one for the en text. */
  get regionDetail(): { region: string; regionEn: string } {
    const names = this.policy.region.names;
    return { region: names.zh, regionEn: names.en ?? names.zh };
  }

  get editionLabel(): string {
    return `${this.policy.id}`;
  }

  /** Raw value in force at a date: the latest entry not after it; `null` ends validity. */
  static valueAt(param: Param, date: string): ParamValue | undefined {
    let found: ParamValue | undefined;
    let foundKey = '';
    for (const [k, v] of Object.entries(param.values)) {
      if (k <= date && k >= foundKey) {
        foundKey = k;
        found = v;
      }
    }
    return found === null ? undefined : found;
  }

  citation(refs: Reference[]): string {
    return refs
      .map((r) => {
        const d = this.policy.documents[r.doc];
        return `${d ? d.number ?? d.title : r.doc} ${r.clause}`;
      })
      .join('；');
  }

  use(path: string, param: Param, value: string, extraNote?: string): ParamUse {
    return {
      path,
      label: paramLabel(path),
      value,
      citation: this.citation(param.ref),
      quote: param.ref.find((r) => r.quote)?.quote,
      ruling: param.ruling,
      note: [param.note, extraNote].filter(Boolean).join(' ') || undefined,
      overridden: this.overridden.has(path) || undefined,
    };
  }

  /** Whether the parameter has a value (published or computable) for this year. */
  has(param: Param | undefined): boolean {
    if (!param) return false;
    if (ResolvedPolicy.valueAt(param, this.date) !== undefined) return true;
    return param.shareOfIncome !== undefined && this.income(this.year - 1) !== undefined;
  }

  /** Last year's per-capita disposable income if supplied (by year). */
  income(year: number): Dec | undefined {
    const p = this.policy.income?.perCapitaDisposable;
    if (!p) return undefined;
    // An income figure belongs to its own year (keyed YYYY-..): a 2021 figure is not 2023's.
    for (const [k, v] of Object.entries(p.values)) {
      if (k.startsWith(`${year}-`) && typeof v === 'number') return new D(v);
    }
    return undefined;
  }

  /**
   * A number parameter for this year, recorded in `uses`. Missing → a typed error naming
   * the parameter and what to supply (never a silent zero).
   */
  number(path: string, param: Param | undefined, uses?: Map<string, ParamUse>, term?: { zh: string; en: string }): Dec {
    const key = `n:${path}`;
    let hit = this.cache.get(key) as { value: Dec; use: ParamUse } | undefined;
    if (!hit) {
      hit = this.resolveNumber(path, param, term);
      this.cache.set(key, hit);
    }
    if (uses && !uses.has(path)) uses.set(path, hit.use);
    return hit.value;
  }

  private resolveNumber(path: string, param: Param | undefined, term?: { zh: string; en: string }): { value: Dec; use: ParamUse } {
    const label = term ?? paramLabel(path);
    if (!param) {
      throw new MedaidError('TERM_NOT_DEFINED', { ...this.regionDetail, edition: this.editionLabel, term: `${label.zh}（${path}）`, termEn: `${label.en} (${path})` });
    }
    const raw = ResolvedPolicy.valueAt(param, this.date);
    if (typeof raw === 'number') return { value: new D(raw), use: this.use(path, param, String(raw)) };
    if (raw !== undefined) {
      throw new MedaidError('INVALID_POLICY', { file: this.policy.id, problems: `${path}: expected a number for ${this.year}` });
    }
    if (param.shareOfIncome !== undefined) {
      const incomeYear = this.year - 1;
      const income = this.income(incomeYear);
      const share = `${new D(param.shareOfIncome).times(100).toString()}%`;
      if (!income) {
        throw new MedaidError('MISSING_INCOME', {
          term: label.zh,
          termEn: label.en,
          ...this.regionDetail,
          incomeYear,
          share,
          path: 'income.perCapitaDisposable',
        });
      }
      const value = income.times(param.shareOfIncome).toDecimalPlaces(2, D.ROUND_HALF_UP);
      const incomeParam = this.policy.income!.perCapitaDisposable;
      const use = this.use(path, param, value.toFixed(2), `= ${share} × ${income.toString()} (${incomeYear}); income: ${this.citation(incomeParam.ref)}${this.overridden.has('income.perCapitaDisposable') ? ' (analyst)' : ''}`);
      return { value, use };
    }
    throw new MedaidError('MISSING_PARAMETER', {
      ...this.regionDetail,
      path,
      term: label.zh,
      termEn: label.en,
      year: this.year,
      hint: param.note ? `请在参数 ${path} 中填写${zhNote(param.note)}` : undefined,
      hintEn: param.note ? `set parameter ${path} (${param.note})` : undefined,
    });
  }

  brackets(path: string, param: Param | undefined, uses?: Map<string, ParamUse>): ResolvedBracket[] {
    const key = `b:${path}`;
    let hit = this.cache.get(key) as { value: ResolvedBracket[]; use: ParamUse } | undefined;
    if (!hit) {
      if (!param) throw new MedaidError('TERM_NOT_DEFINED', { ...this.regionDetail, edition: this.editionLabel, term: path });
      const raw = ResolvedPolicy.valueAt(param, this.date);
      if (!Array.isArray(raw)) {
        throw new MedaidError('MISSING_PARAMETER', {
          ...this.regionDetail, path, term: paramLabel(path).zh, termEn: paramLabel(path).en, year: this.year,
          hint: param.note ? `请在参数 ${path} 中填写 [{threshold, rate}]${zhNote(param.note)}` : undefined,
          hintEn: param.note ? `set parameter ${path} as [{threshold, rate}] (${param.note})` : undefined,
        });
      }
      const value = [...(raw as Bracket[])]
        .sort((a, b) => a.threshold - b.threshold)
        .map((b) => ({ threshold: new D(b.threshold), rate: new D(b.rate) }));
      const text = (raw as Bracket[]).map((b) => `${b.threshold}+: ${b.rate * 100}%`).join(', ');
      hit = { value, use: this.use(path, param, text) };
      this.cache.set(key, hit);
    }
    if (uses && !uses.has(path)) uses.set(path, hit.use);
    return hit.value;
  }

  text(path: string, param: Param | undefined, uses?: Map<string, ParamUse>): string | undefined {
    if (!param) return undefined;
    const raw = ResolvedPolicy.valueAt(param, this.date);
    if (typeof raw !== 'string') return undefined;
    if (uses && !uses.has(path)) uses.set(path, this.use(path, param, raw));
    return raw;
  }
}
