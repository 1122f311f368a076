/**
 * Each surface is told the fix in its own words (issue 17): the CLI the flag, the pane the
 * field or column by the name the pane shows, with a target the pane focuses. Every name the
 * pane's text quotes (“…”) is a label the pane has — a field or button (src/taskpane/i18n.ts), a
 * tab, a roster column (src/roster/fields.ts), the result workbook's 校验报告 sheet — and no pane text names a flag; every CLI text
 * that changes a setting names its flag. On the code before this change one text carried both
 * ("命令行 --year 2024，任务窗格“年度”" — the pane has no field “年度”, it is “测算年度”) and the
 * pane stripped the flags with a regular expression.
 */
import { fixForCode, tiltFix, type Fix } from '../../src/projection/fixes';
import { word } from '../../src/projection/labels';
import { yearFinding } from '../../src/projection/preflight';
import { PEOPLE_FIELDS, VISIT_FIELDS } from '../../src/roster/fields';
import type { ImportReport } from '../../src/roster/types';
import { allKeys, t } from '../../src/taskpane/i18n';

const CODES = ['CATEGORY_NOT_IN_POLICY', 'UNKNOWN_SCHEME', 'PREMIUM_REQUIRED', 'MISSING_INCOME', 'MISSING_PARAMETER', 'FIRST_TIER_REQUIRED', 'TERM_NOT_DEFINED', 'SOMETHING_ELSE'];
const reports = (value: string): ImportReport[] => [{ kind: 'visits', entries: [{ code: 'ROSTER_DATE_OUT_OF_YEAR', value }] } as unknown as ImportReport];

const fixes: [string, Fix][] = [
  ...CODES.map((c): [string, Fix] => [c, fixForCode(c, '请在参数 income.perCapitaDisposable.2021 中填写')]),
  ['tilt', tiltFix('山西')],
  ['YEAR_WITHOUT_VISITS', yearFinding(0, reports('2024-05-01'), 2025)!.fix],
  ['VISITS_OUT_OF_YEAR', yearFinding(3, reports('2023-12-30'), 2024)!.fix],
];

const paneLabels = (lang: 'zh' | 'en'): Set<string> => {
  const out = new Set<string>();
  for (const k of allKeys()) out.add(t(k, {}, lang));
  for (const f of [...PEOPLE_FIELDS, ...VISIT_FIELDS]) out.add(lang === 'zh' ? f.zh : f.en);
  out.add(word('validation', lang)); // the result workbook's 校验报告 sheet
  return out;
};

test.each(fixes)('%s: the pane’s text quotes only labels the pane shows, and names no flag', (_code, fix) => {
  for (const lang of ['zh', 'en'] as const) {
    const text = fix.pane[lang];
    expect(text).not.toMatch(/--[a-z]/);
    expect(text).not.toMatch(/命令行|command line/i);
    const labels = paneLabels(lang);
    for (const m of text.matchAll(/“([^”]+)”/g)) expect(labels).toContain(m[1]);
  }
});

test('the CLI’s text names the flag of the setting it changes (the target says which)', () => {
  const flag: Record<string, RegExp> = { region: /--region/, year: /--year 2024/, figure: /--set (REGION:income\.perCapitaDisposable\.2021|山西:tilt\.threshold)=/, regionFile: /--policy/ };
  for (const [, fix] of fixes) {
    const re = flag[fix.target.kind];
    if (re) expect(fix.cli.en).toMatch(re);
  }
  expect(fixForCode('MISSING_INCOME', 'set parameter income.perCapitaDisposable.2021').cli.zh).toBe('填写上一年度居民人均可支配收入：--set 地区:income.perCapitaDisposable.2021=金额');
  expect(fixForCode('MISSING_INCOME', 'set parameter income.perCapitaDisposable.2021').target).toEqual({ kind: 'figure', path: 'income.perCapitaDisposable.2021' });
});

test('the pane’s tab names it points to exist: 核对 / Check', () => {
  expect(t('tabCheck', {}, 'zh')).toBe('核对');
  expect(t('tabCheck', {}, 'en')).toBe('Check');
  expect(fixForCode('UNKNOWN_SCHEME', '').pane.zh).toContain('“核对”页');
  expect(fixForCode('UNKNOWN_SCHEME', '').pane.en).toContain('on the Check tab');
});
