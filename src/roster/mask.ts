/**
 * Masking for reports that leave the bureau (personal information protection): ID
 * numbers keep their first 4 digits (province + city, useful for checking the region)
 * and last 4; names keep the surname's first character.
 */
import { inputText } from '../engine/errors';
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
 * A report safe to send out: ID and name values masked, and the same ID masked wherever
 * the message quotes it.
 */
export function maskReport(entries: readonly ReportEntry[]): ReportEntry[] {
  return entries.map((e) => {
    if (e.field === 'name' && e.value !== '') return { ...e, value: maskName(e.value) };
    if (e.field !== 'id' || e.value === '') return e;
    const norm = normalizeIdText(e.value);
    // A 15-digit number is quoted with its 18-digit form too (ROSTER_ID_LEGACY): mask both.
    const ids = new Set([e.value.trim(), norm, ...(/^\d{15}$/.test(norm) ? [id15to18(norm)] : [])].filter((s) => s.length >= 8));
    let { zh, en } = e;
    for (const id of ids) {
      const m = maskId(id);
      zh = zh.split(id).join(m);
      en = en.split(id).join(m);
    }
    return { ...e, value: maskId(normalizeIdText(e.value)), zh, en };
  });
}
