/**
 * "Source: 信医保办〔2024〕52号 二、一是 资助参保: “…”" — where a figure comes from. The
 * document number, the clause and the quoted words are the document's own (there is no
 * English text of these documents), so they stay Chinese in either UI and carry
 * lang="zh-CN": a screen reader reads them as Chinese, and the language tests know them
 * for a quotation rather than untranslated UI text. The label and punctuation around
 * them follow the UI's language.
 */
import { getLang, t } from '../i18n';
import { h } from './dom';

export function sourceLine(citation: string | undefined, quote?: string): (HTMLElement | string)[] {
  if (!citation) return [];
  const zh = getLang() === 'zh';
  return [`${t('citation')}${zh ? '：' : ': '}`, h('span', { lang: 'zh-CN', class: 'source' }, citation, quote ? `${zh ? '：' : ' '}“${quote}”` : '')];
}
