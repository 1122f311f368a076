/**
 * `medaid solve`: the 低保 inpatient ratio fitted to a ceiling on a two-person 信阳 roster
 * (信医保办〔2024〕52号 二、二是 70 %, 二、四是 caps, 二、一是 subsidy 80 — see
 * test/projection/solve.test.ts): 10000 r + 80 + 10000 ≤ 17580 → r = 0.75; the fitted scenario
 * file runs in `medaid project`; no value fitting is exit 2 naming the parameter.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const A = idNumber('41150219800101001');
const B = idNumber('41150219600101002');
const { dir, file } = tempFolder('medaid-solve-');
const people = file('people.csv', `身份证号,姓名,人员类别,区县,个人缴费\n${A},张三,低保对象,浉河区,380\n${B},李四,低保边缘家庭成员,平桥区,380\n`);
const visits = file('visits.csv', `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-03-01,住院,,10000,否\n${B},2024-05-01,住院,,20000,否\n`);
const base = ['--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];
const { out, err } = captureConsole();

test('fits 0.75 at 17580.00, one step on 17581.00; the scenario runs in medaid project', async () => {
  const scen = join(dir, 'fitted.json');
  const summary = join(dir, 'solve.json');
  expect(await main(['solve', ...base, '--param', 'inpatient.tiers.dibao_returned.ratio', '--ceiling', '17580', '--scenario-out', scen, '--summary', summary])).toBe(0);
  expect(err).toEqual([]);
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  expect(s.fitted).toMatchObject({ value: '0.75', total: '17580.00' });
  expect(s.beyond).toMatchObject({ value: '0.7501', total: '17581.00' });
  expect(s.parameters[0].citation).toContain('二、二是');
  expect(out.join('\n')).toContain('二、二是 住院救助');
  const projected = join(dir, 'project.json');
  expect(await main(['project', ...base, '--scenario', scen, '--summary', projected])).toBe(0);
  const p = JSON.parse(readFileSync(projected, 'utf8'));
  expect(Object.values(p.scenarios as Record<string, { fundNeed: string }>)[0].fundNeed).toBe('17580.00');
});

test.each([
  [['--param', 'inpatient.tiers.dibao_returned.ratio', '--ceiling', '10000'], 'inpatient.tiers.dibao_returned.ratio'],
  [['--ceiling', '10000'], '--param'],
  [['--param', 'inpatient.tiers.dibao_returned.ratio', '--district-ceiling', '浉河区'], '--district-ceiling'],
])('%j is exit 2 naming the problem', async (extra, says) => {
  expect(await main(['solve', ...base, ...extra])).toBe(2);
  expect(err.join('\n')).toContain(says);
});
