import { allKeys, bilingual, setLang, t } from '../../src/taskpane/i18n';

describe('i18n', () => {
  test('every string has Chinese and English, with the same placeholders', () => {
    for (const k of allKeys()) {
      const zh = t(k, {}, 'zh');
      const en = t(k, {}, 'en');
      expect([k, zh.length > 0, en.length > 0]).toEqual([k, true, true]);
      expect([k, /[\u4e00-\u9fff]/.test(zh)]).toEqual([k, !['langSwitch'].includes(k)]);
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([k, vars(zh)]).toEqual([k, vars(en)]);
    }
  });
  test('placeholders are filled; Chinese is the default; errors carry both languages', () => {
    setLang('zh');
    expect(t('running', { done: 3, total: 10 })).toBe('测算中… 3/10');
    setLang('en');
    expect(t('running', { done: 3, total: 10 })).toBe('Running… 3/10');
    setLang('zh');
    expect(bilingual('第 3 行', 'row 3')).toBe('第 3 行 / row 3');
  });
});
