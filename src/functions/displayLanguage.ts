/**
 * One rule for which language the add-in speaks, used by the custom functions (POLICY_LIST,
 * ASSIST_EXPLAIN), the task pane and — through manifest.xml — the function metadata Excel
 * shows: a Chinese Office display language (zh, zh-CN, zh-TW, zh-HK, zh-SG, zh-MO …) gets
 * Chinese; every other language gets English. Only zh and en exist, so English is the fallback
 * for en-GB, fr-FR, ja-JP …: manifest.xml's DefaultLocale is en-US (English strings and
 * functions.json) and it overrides every locale of CHINESE_LOCALES with the Chinese strings and
 * functions.zh-CN.json (Office picks an override by the exact display-language tag, so each
 * Chinese tag is listed; test/addin/manifest.test.ts checks the manifest against this rule).
 * Without Office (the pane in a plain browser) there is no display language: Chinese, the
 * analysts' language.
 */
export type DisplayLang = 'zh' | 'en';

/** The Chinese display languages Office may report, each given the Chinese metadata in the manifest. */
export const CHINESE_LOCALES: readonly string[] = ['zh-CN', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-MO'];

export function languageFor(displayLanguage: string | undefined | null): DisplayLang {
  if (!displayLanguage || displayLanguage.trim() === '') return 'zh';
  return /^zh(\b|[-_])/i.test(displayLanguage.trim()) ? 'zh' : 'en';
}

/** Office's display language right now, if Office is there. */
export function officeDisplayLanguage(): string | undefined {
  try {
    const o = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return o?.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}
