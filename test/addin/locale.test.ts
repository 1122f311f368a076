/**
 * Localized custom-functions metadata: every function and parameter of the generated
 * functions.json has a translation in each table of src/functions/locale/, and the
 * localized file differs only in what Excel displays.
 */
import { generatedMetadata } from './generatedMetadata';
import type { FunctionsMetadata, TranslationTable } from '../../scripts/localize-functions';
import { availableLocales, localizeMetadata, localizedFileName, readTable, translationProblems } from '../../scripts/localize-functions';


let metadata: FunctionsMetadata;

beforeAll(async () => {
  metadata = await generatedMetadata();
}, 120_000);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('translation tables', () => {
  it('include zh-CN, the manifest default locale', () => {
    expect(availableLocales()).toContain('zh-CN');
    expect(localizedFileName('zh-CN')).toBe('functions.zh-CN.json');
  });

  it.each(availableLocales())('%s translates every function and parameter, and nothing else', (locale) => {
    const table = readTable(locale);
    expect(table.locale).toBe(locale);
    expect(translationProblems(metadata, table)).toEqual([]);
  });

  it.each(availableLocales())('%s changes only descriptions and parameter names', (locale) => {
    const out = localizeMetadata(metadata, readTable(locale));
    expect(out.functions).toHaveLength(metadata.functions.length);
    out.functions.forEach((f, i) => {
      const src = metadata.functions[i];
      expect(f.id).toBe(src.id);
      expect(f.name).toBe(src.name);
      expect(f.result).toEqual(src.result);
      expect(f.options).toEqual(src.options);
      expect(f.description).not.toBe(src.description);
      f.parameters.forEach((p, j) => {
        const sp = src.parameters[j];
        expect({ ...p, name: sp.name, description: sp.description }).toEqual(sp);
        expect(p.description).not.toBe(sp.description);
      });
    });
  });

  it('zh-CN is Chinese', () => {
    const out = localizeMetadata(metadata, readTable('zh-CN'));
    const han = /[\u4e00-\u9fff]/;
    for (const f of out.functions) {
      expect(f.description).toMatch(han);
      for (const p of f.parameters) {
        expect(p.name).toMatch(han);
        expect(p.name).not.toMatch(/\s/);
        expect(p.description).toMatch(han);
      }
    }
  });
});

describe('a missing translation', () => {
  let table: TranslationTable;
  beforeEach(() => {
    table = clone(readTable('zh-CN'));
  });

  it('of a function is reported and fails localization', () => {
    delete table.functions.FUND_SPLIT;
    expect(translationProblems(metadata, table)).toEqual(['FUND_SPLIT: no translation']);
    expect(() => localizeMetadata(metadata, table)).toThrow(/FUND_SPLIT: no translation/);
  });

  it('of a parameter, or of its name or description, is reported', () => {
    delete table.functions.ASSIST_INPATIENT.parameters.insurancePaid;
    table.functions.ASSIST_CAP.parameters.scheme.name = '';
    table.functions.ASSIST_CAP.parameters.year.description = ' ';
    table.functions.MONITOR_ALERT.description = '';
    expect(translationProblems(metadata, table)).toEqual([
      'ASSIST_INPATIENT(insurancePaid): no translation',
      'MONITOR_ALERT: no translated description',
      'ASSIST_CAP(year): no translated description',
      'ASSIST_CAP(scheme): no translated name',
    ]);
  });

  it('for a function or parameter that no longer exists is reported as stale', () => {
    table.functions.OLD_FUNCTION = { description: '旧', parameters: {} };
    table.functions.FUND_SPLIT.parameters.oldParam = { name: '旧', description: '旧参数' };
    expect(translationProblems(metadata, table)).toEqual([
      'FUND_SPLIT(oldParam): translated, but the function has no such parameter',
      'OLD_FUNCTION: translated, but functions.json has no such function',
    ]);
  });

  it('a helpUrl needs a translated helpUrl', () => {
    const m = clone(metadata);
    m.functions[0].helpUrl = 'https://localhost:3000/help.html';
    expect(translationProblems(m, table)).toEqual([`${m.functions[0].id}: no translated helpUrl`]);
  });
});
