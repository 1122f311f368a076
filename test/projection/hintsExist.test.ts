/**
 * Every hint points to something that exists (issue 17): a sheet a message names is a sheet
 * the result workbook has; the premium the engine asks for can be given in a column the
 * roster importer knows. On the old code the pane said "见结果工作簿“问题”表" (the sheet is
 * 校验报告) and PREMIUM_REQUIRED asked for "参数 premium", which no field or --set path takes.
 */
import { MedaidError } from '../../src/engine/errors';
import { runProjection } from '../../src/projection';
import { buildWorkbook } from '../../src/projection/writeWorkbook';
import { fieldForHeader } from '../../src/roster/fields';
import { allKeys, t } from '../../src/taskpane/i18n';
import { person, visit } from './helpers';

async function sheetNames(lang: 'zh' | 'en'): Promise<string[]> {
  const run = runProjection({ region: '信阳', year: 2024, people: [person('H1', '低保对象', '浉河区', 380, 2)], visits: [visit(5, 'H1', '2024-01-01', 'inpatient', 100)] });
  return (await buildWorkbook(run, { lang })).worksheets.map((s) => s.name);
}

test('every “X”表 / “X”sheet the pane mentions is a sheet of the result workbook', async () => {
  const zh = await sheetNames('zh');
  const en = await sheetNames('en');
  const named: string[] = [];
  for (const key of allKeys()) {
    for (const m of t(key, {}, 'zh').matchAll(/结果工作簿“([^”]+)”表/g)) {
      named.push(m[1]);
      expect(zh).toContain(m[1]);
    }
    for (const m of t(key, {}, 'en').matchAll(/the ([A-Z][a-z]+) sheet/g)) {
      named.push(m[1]);
      expect(en).toContain(m[1]);
    }
  }
  expect(named).toEqual(expect.arrayContaining(['校验报告', 'Validation']));
});

test('PREMIUM_REQUIRED names the roster column that takes the premium, and that column is a known field', () => {
  const e = new MedaidError('PREMIUM_REQUIRED', { region: '威海市', year: 2019 });
  const col = /“([^”]+)”列/.exec(e.zh)?.[1];
  expect(col).toBe('个人缴费');
  expect(fieldForHeader('people', col)).toBe('premium');
  expect(e.zh).not.toContain('请填写参数 premium');
  expect(e.en).toContain('个人缴费');
});
