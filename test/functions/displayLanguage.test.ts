/**
 * The add-in's one language rule (src/functions/displayLanguage.ts), issue 13: a Chinese
 * Office display language gets Chinese, every other one English — en-GB and fr-FR included,
 * which used to get Chinese metadata with an English pane. The functions read it from
 * Office.context.displayLanguage; the pane calls the same languageFor(officeDisplayLanguage())
 * (src/taskpane/taskpane.ts) once Office.onReady says it is in Excel; the manifest's locale
 * overrides are checked against it in test/addin/manifest.test.ts.
 */
import { EXCEL_FUNCTIONS } from '../../src/functions/functions';
import { languageFor, officeDisplayLanguage } from '../../src/functions/displayLanguage';

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Office;
});

describe('one language rule', () => {
  test('Chinese display languages → zh; every other → en; none (a plain browser) → zh', () => {
    for (const l of ['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-SG', 'zh-MO', 'zh-Hans-CN', 'ZH-cn', 'zh_CN']) expect([l, languageFor(l)]).toEqual([l, 'zh']);
    for (const l of ['en-US', 'en-GB', 'en-AU', 'fr', 'fr-FR', 'de-DE', 'ja-JP', 'ko-KR', 'zu-ZA']) expect([l, languageFor(l)]).toEqual([l, 'en']);
    for (const l of [undefined, null, '', '  ']) expect(languageFor(l)).toBe('zh');
  });

  test('Office.context.displayLanguage is what is read; no Office, no language', () => {
    expect(officeDisplayLanguage()).toBeUndefined();
    globals.Office = { context: { displayLanguage: 'en-GB' } };
    expect(officeDisplayLanguage()).toBe('en-GB');
    globals.Office = { context: {} };
    expect(officeDisplayLanguage()).toBeUndefined();
  });

  test('the functions speak English to an en-GB or fr-FR Excel and Chinese to zh-TW', () => {
    for (const [l, head] of [['en-GB', 'Region'], ['fr-FR', 'Region'], ['zh-TW', '地区'], ['zh-HK', '地区']] as const) {
      globals.Office = { context: { displayLanguage: l } };
      expect([l, EXCEL_FUNCTIONS.POLICY_LIST()[0][0]]).toEqual([l, head]);
    }
  });
});
