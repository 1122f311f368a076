/** Names of parameters, by the last segment of their path, for explanations and the pane. */
import type { Bilingual } from '../explain';

const LABELS: Record<string, Bilingual> = {
  deductible: { zh: '起付标准', en: 'Deductible' },
  ratio: { zh: '救助比例', en: 'Ratio' },
  brackets: { zh: '分段救助比例', en: 'Brackets' },
  cap: { zh: '年度最高限额', en: 'Annual cap' },
  topUpRatio: { zh: '单次住院综合支付比例目标', en: 'Combined payment target for one admission' },
  threshold: { zh: '起付标准（倾斜/预警）', en: 'Threshold' },
  share: { zh: '资助比例', en: 'Subsidy share' },
  amount: { zh: '资助金额', en: 'Subsidy amount' },
  individualPremium: { zh: '个人缴费标准', en: 'Individual premium' },
  perAdmissionMax: { zh: '每次减免上限', en: 'Maximum per admission' },
  deductibleFactor: { zh: '起付线调整系数', en: 'Deductible factor' },
  ratioDelta: { zh: '支付比例提高', en: 'Ratio increase' },
  split: { zh: '市、区市分担比例', en: 'City:district split' },
  lottery: { zh: '福彩公益金', en: 'Welfare-lottery funds' },
  donations: { zh: '社会捐赠', en: 'Donations' },
  perCapitaDisposable: { zh: '上一年度居民人均可支配收入', en: "Last year's per-capita disposable income" },
};

export function paramLabel(path: string): Bilingual {
  const last = path.split('.').pop() ?? path;
  return LABELS[last] ?? { zh: last, en: last };
}
