/**
 * Masking for reports that leave the bureau (personal information protection): ID
 * numbers keep their first 4 digits (province + city, useful for checking the region)
 * and last 4; names keep the surname's first character.
 */
import { clip, inputText } from '../engine/errors';
import { id15to18, normalizeIdText } from './idNumber';
import type { ReportEntry } from './types';

/** '41010219900101123X' → '4101**********123X'; 15-digit likewise; short values mostly starred. */
export function maskId(id: string): string {
  const s = inputText(id ?? '').trim();
  if (s.length >= 12) return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
  // Not a real ID length: keep at most a quarter at each end so it cannot be read back.
  const keep = Math.floor(s.length / 4);
  return s.slice(0, keep) + '*'.repeat(s.length - 2 * keep) + (keep ? s.slice(-keep) : '');
}

const NAME_SEPARATORS = new Set(['·', '•', '.', ' ', '・']);

/** '张三' → '张*', '欧阳娜娜' → '欧***'; the dot in names like 买买提·艾力 is kept. */
export function maskName(name: string): string {
  const chars = Array.from(inputText(name ?? '').trim()); // code points: rare characters are surrogate pairs
  if (chars.length <= 1) return chars.length ? '*' : '';
  return chars[0] + chars.slice(1).map((c) => (NAME_SEPARATORS.has(c) ? c : '*')).join('');
}

/**
 * A run of digits that can be an ID number anywhere in a text: 14 or more digits (ASCII or
 * full-width, a space or hyphen allowed between them), optionally ending in X — a full 18- or
 * 15-digit ID, and also one with a typo or a digit too many. Amounts never have that many
 * digits before the point; the rare pasted 15-digit amount is starred in a masked copy too.
 */
const ID_RUN = /[0-9０-９](?:[ -]?[0-9０-９]){13,}(?:[ -]?[XxＸｘ])?/g;
/** An 18-digit ID that Excel turned into a number, as Excel shows it (4.10102199001011E+17). */
const ID_AS_NUMBER = /\d\.\d{9,}E\+?1[4-7]/gi;

/** Keeps the first 4 and last 4 characters of a matched run, stars the rest (separators kept). */
function starMiddle(run: string): string {
  const chars = [...run];
  return chars.map((c, i) => (i < 4 || i >= chars.length - 4 || c === ' ' || c === '-' ? c : '*')).join('');
}

/** Line end, tab or comma: a cell value past one of these holds other cells or rows (a broken quote). */
const CELL_BREAK = /[\r\n\t,\u2028\u2029\u0085]/;

/**
 * The one masking point for everything that leaves the machine in a masked run: the result
 * workbook (every sheet), summary.json, the console, the pane's download and report.
 * - `text(s)`: any ID-like digit run (and an ID Excel turned into 4.1E+17) is starred, and every
 *   name the masker knows is replaced by its masked form, wherever it occurs in the text.
 * - `cellValue(s)`: a raw cell quoted from the roster is cut at the first line end, tab or comma
 *   (what follows is another cell or another row's data, e.g. rows swallowed by an unbalanced
 *   quote — issue 12 item 2), then text().
 * - `entry(e)`: a report entry with its value and the value as quoted in zh/en masked.
 * Names are known from the people the run used and the name cells the report quotes;
 * one-character names are masked in name fields only (as text they would hit ordinary words).
 */
export class Masker {
  private readonly names: string[];
  /** The known names as a set, and their lengths (UTF-16 units) longest first, for text(). */
  private readonly nameSet: Set<string>;
  private readonly nameLengths: number[];

  constructor(names: Iterable<string> = []) {
    const set = new Set<string>();
    for (const n of names) {
      const t = inputText(n ?? '').trim();
      if (Array.from(t).length >= 2) set.add(t);
    }
    // Longest first, so 欧阳娜娜 is replaced before a shorter name inside it.
    this.names = [...set].sort((a, b) => b.length - a.length);
    this.nameSet = set;
    this.nameLengths = [...new Set(this.names.map((n) => n.length))];
  }

  /** A masker that also knows the names these report entries quote. */
  withEntries(entries: readonly ReportEntry[]): Masker {
    const quoted = entries.filter((e) => e.field === 'name' && e.value !== '').map((e) => e.value);
    return quoted.length ? new Masker([...this.names, ...quoted]) : this;
  }

  id(id: string): string {
    return id === '' ? '' : maskId(normalizeIdText(inputText(id)));
  }

  name(name: string): string {
    return maskName(name);
  }

  text(s: string): string {
    if (s === '') return s;
    // The Excel number form first: its digits after the point would otherwise be read as a run.
    const t = s.replace(ID_AS_NUMBER, (m) => m.slice(0, 3) + '*'.repeat(Math.max(0, m.length - 7)) + m.slice(-4)).replace(ID_RUN, starMiddle);
    return this.names.length ? this.maskNames(t) : t;
  }

  /**
   * Every known name in `t` masked, longest name first (so 欧阳娜娜 goes before a shorter name
   * inside it). The names that occur are found by one look-up per position and name length, not
   * by a search per known name: a 400,000-person roster would otherwise make every message cost
   * 400,000 substring searches. Only those names are then replaced, in the same order as before.
   */
  private maskNames(t: string): string {
    const found = new Set<string>();
    for (let i = 0; i < t.length; i++) {
      for (const len of this.nameLengths) {
        if (i + len > t.length) continue;
        const w = t.slice(i, i + len);
        if (this.nameSet.has(w)) found.add(w);
      }
    }
    if (found.size === 0) return t;
    let out = t;
    for (const n of [...found].sort((a, b) => b.length - a.length)) if (out.includes(n)) out = out.split(n).join(maskName(n));
    return out;
  }

  cellValue(value: string): string {
    const m = CELL_BREAK.exec(value);
    const cut = m ? `${value.slice(0, m.index)}…（其余已隐去 / rest hidden）` : value;
    return this.text(cut);
  }

  entry(e: ReportEntry): ReportEntry {
    if (e.value === '') return { ...e, zh: this.text(e.zh), en: this.text(e.en) };
    const value = e.field === 'id' ? this.id(e.value) : e.field === 'name' ? maskName(e.value) : this.cellValue(e.value);
    // The value as the message quotes it (whole, normalised, or clipped to 200 characters).
    const norm = normalizeIdText(e.value);
    // A 15-digit number is quoted with its 18-digit form too (ROSTER_ID_LEGACY): mask both.
    const legacy = e.field === 'id' && /^\d{15}$/.test(norm) ? [id15to18(norm)] : [];
    const quoted = new Set([e.value, e.value.trim(), norm, clip(e.value), ...legacy].filter((x) => x.length > 0));
    let { zh, en } = e;
    for (const q of [...quoted].sort((a, b) => b.length - a.length)) {
      // A short value ("0", "王") only where it is quoted, so row numbers and words stay intact.
      const [from, to] = Array.from(q).length >= 4 ? [q, value] : [`"${q}"`, `"${value}"`];
      zh = zh.split(from).join(to);
      en = en.split(from).join(to);
    }
    return { ...e, value, zh: this.text(zh), en: this.text(en) };
  }
}

/**
 * A report safe to send out: ID and name values masked, the same values masked wherever the
 * messages quote them, and any ID or known name inside other cells' text (Masker).
 */
export function maskReport(entries: readonly ReportEntry[], masker: Masker = new Masker()): ReportEntry[] {
  const m = masker.withEntries(entries);
  return entries.map((e) => m.entry(e));
}
