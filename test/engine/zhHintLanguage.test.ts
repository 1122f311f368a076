/**
 * A Chinese message stays Chinese (issue 14: "Chinese UI fully Chinese"): 信阳 2024 leaves the
 * 农村易返贫致贫人口 premium amount to the province (信医保办〔2024〕52号 二、一是, ruling 8). The
 * policy file's English note used to be pasted into the Chinese hint; the English message keeps it.
 */
import { defaultEngine } from '../../src/engine';

test('信阳 2024 monitored premium amount missing: Chinese hint without the English note, English with it', () => {
  let caught: { zh: string; en: string } | undefined;
  try {
    defaultEngine().premiumSubsidy({ categories: '农村易返贫致贫人口', region: '信阳市', year: 2024 } as Parameters<ReturnType<typeof defaultEngine>['premiumSubsidy']>[0]);
  } catch (e) {
    caught = e as { zh: string; en: string };
  }
  expect(caught?.zh).toContain('请在参数 premium.tiers.monitored.amount 中填写');
  expect(caught?.zh).not.toMatch(/Delegated|analyst|supplies/);
  expect(caught?.en).toMatch(/Delegated to the provincial bureaus/);
});
