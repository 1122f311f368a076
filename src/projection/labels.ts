/**
 * Words the projection's outputs use (workbook, CLI table), in Chinese (default) and
 * English. Measure ids (see compare.ts) get readable names here too.
 */
import { categoryById, type CategoryId } from '../engine/categories';
import { LAYER_LABELS, type LayerKey } from './layers';

export type Lang = 'zh' | 'en';

const WORDS = {
  summary: ['汇总', 'Summary'],
  scenarios: ['情景对比', 'Scenarios'],
  details: ['明细', 'Details'],
  people: ['人员', 'People'],
  layersSheet: ['结算各层', 'Layers'],
  outOfCatalogueCost: ['目录外费用', 'Out-of-catalogue cost'],
  pool: ['门诊统筹类别', 'Outpatient pooling class'],
  layerSource: ['取值来源（基本医保；大病保险；减免）', 'Taken from (basic; critical-illness; reduction)'],
  sourceGiven: ['结算数据', 'settlement'],
  sourceRule: ['按规则', 'rule'],
  sourceGivenScenario: ['结算数据+情景变化', 'settlement + scenario change'],
  sourceNone: ['无', 'none'],
  validation: ['校验报告', 'Validation'],
  forecast: ['预测', 'Forecast'],
  baseline: ['基准', 'Baseline'],
  title: ['医疗救助资金测算', 'medical assistance budget projection'],
  edition: ['政策版本', 'Policy edition'],
  year: ['年度', 'Year'],
  byCategory: ['按人员类别', 'By category'],
  byDistrict: ['按区县', 'By district'],
  funding: ['资金来源与分担', 'Funding sources and split'],
  category: ['人员类别', 'Category'],
  district: ['区县', 'District'],
  peopleCount: ['人数', 'People'],
  visits: ['就诊次数', 'Visits'],
  inpatient: ['住院救助', 'Inpatient assistance'],
  outpatient: ['门诊救助', 'Outpatient assistance'],
  tilt: ['倾斜救助', 'Tilted assistance'],
  topUp: ['其中补足', 'of which top-up'],
  assistance: ['救助合计', 'Assistance total'],
  premiumSubsidy: ['资助参保', 'Premium subsidies'],
  subsidised: ['资助人数', 'People subsidised'],
  fundNeed: ['资金需求', 'Fund need'],
  sources: ['其他来源分配', 'Other sources allocated'],
  fiscal: ['财政负担', 'Fiscal remainder'],
  city: ['市级', 'City'],
  districtPart: ['区县级', 'District'],
  total: ['合计', 'Total'],
  item: ['项目', 'Item'],
  amount: ['金额（元）', 'Amount (yuan)'],
  origin: ['取值来源', 'Taken from'],
  lottery: ['福彩公益金', 'Welfare lottery fund'],
  donations: ['社会捐赠', 'Donations'],
  transfers: ['上级补助', 'Higher-level transfers'],
  sourcesTotal: ['其他来源合计', 'Other sources, total'],
  allocated: ['用于本年需求', 'Used against the need'],
  surplus: ['超出需求部分（结余）', 'Beyond the need (surplus)'],
  ratio: ['市、区县分担比例', 'City:district ratio'],
  measure: ['指标', 'Measure'],
  diff: ['差额', 'Difference'],
  pct: ['差额%', 'Difference %'],
  row: ['行号', 'Row'],
  id: ['身份证号', 'ID number'],
  name: ['姓名', 'Name'],
  date: ['结算日期', 'Date'],
  kind: ['就诊类型', 'Visit type'],
  scheme: ['门诊类型', 'Outpatient scheme'],
  cost: ['政策范围内自付', 'Policy-range out-of-pocket'],
  referred: ['规范转诊省内就医', 'Referred in-province'],
  // The status the person's year is booked under (就高不就低, docs/projection.md "Booking").
  usedCategory: ['记账身份', 'Booked as'],
  ordinary: ['普通救助', 'Ordinary assistance'],
  categories: ['人员类别（原表）', 'Categories (roster)'],
  countedAs: ['计入类别', 'Counted as'],
  monitoringSheet: ['预警监测', 'Monitoring'],
  monitoredStatus: ['监测身份', 'Monitored status'],
  outOfPocketYear: ['年度政策范围内自付', "Year's policy-range out-of-pocket"],
  alertLine: ['预警线', 'Alert line'],
  table: ['表', 'Table'],
  column: ['列', 'Column'],
  cell: ['单元格', 'Cell'],
  value: ['值', 'Value'],
  severity: ['级别', 'Severity'],
  code: ['代码', 'Code'],
  message: ['说明', 'Message'],
  scenario: ['情景', 'Scenario'],
  part: ['未计算部分', 'Not computed'],
  rowsTotal: ['总行数', 'Rows'],
  rowsUsed: ['已使用', 'Used'],
  rowsRejected: ['未使用（见下）', 'Not used (see below)'],
  rowsNotComputed: ['其中未完全计算', 'Of them not fully computed'],
  rowsBlank: ['空行', 'Blank'],
  assistancePeople: ['救助已计算人数', 'People with assistance computed'],
  subsidyPeople: ['资助已计算人数', 'People with subsidy computed'],
  perCapitaAssistance: ['人均救助（按已计算人数）', 'Assistance per computed person'],
  perCapitaSubsidy: ['人均资助（按已计算人数）', 'Subsidy per computed person'],
  growthHeadcount: ['人数增长率', 'Head-count growth'],
  growthCost: ['费用增长率', 'Cost growth'],
  growthPremium: ['缴费增长率', 'Premium growth'],
  nextPeople: ['下年人数', 'People next year'],
  nextPerCapitaAssistance: ['下年人均救助', 'Assistance per person next year'],
  nextPerCapitaSubsidy: ['下年人均资助', 'Subsidy per person next year'],
  nextAssistance: ['下年救助', 'Assistance next year'],
  nextPremiumSubsidy: ['下年资助参保', 'Premium subsidies next year'],
  nextFundNeed: ['下年资金需求', 'Fund need next year'],
  visitInpatient: ['住院', 'inpatient'],
  visitOutpatient: ['门诊', 'outpatient'],
  visitTable: ['就诊', 'Visits'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  error: ['错误', 'error'],
  warning: ['提示', 'warning'],
  preflight: ['测算前检查', 'Pre-flight check'],
  notComputed: ['未计算', 'not computed'],
  peopleNotComputed: ['未计算人数', 'People not computed'],
  partialRun: ['部分测算', 'Partial run'],
  ratioSource: ['分担比例依据', 'Ratio taken from'],
  forecastMethod: ['预测方法依据', 'Forecast method'],
  policy: ['政策文件', 'policy'],
  input: ['输入', 'input'],
  default: ['默认', 'default'],
} as const;

export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return WORDS[w][lang === 'zh' ? 0 : 1];
}

export function categoryName(id: CategoryId, lang: Lang): string {
  const c = categoryById(id);
  return lang === 'zh' ? c.zh : c.en;
}

/** "assistance.byCategory.dibao" → "救助合计 · 低保对象". */
export function measureName(id: string, lang: Lang): string {
  const parts = id.split('.');
  const head: Record<string, Word> = {
    'assistance.total': 'assistance',
    'assistance.inpatient': 'inpatient',
    'assistance.outpatient': 'outpatient',
    'assistance.tilt': 'tilt',
    'premiumSubsidy.total': 'premiumSubsidy',
    fundNeed: 'fundNeed',
    'sources.allocated': 'allocated',
    fiscal: 'fiscal',
    'split.city': 'city',
    'split.district': 'districtPart',
    'forecast.nextFundNeed': 'nextFundNeed',
  };
  if (head[id]) return word(head[id], lang);
  // Settlement layers (compare.ts): layers.<layer>, layers.byCategory.<id>.<layer>, layers.byDistrict.<name>.<layer>.
  if (parts[0] === 'layers') {
    const layer = LAYER_LABELS[parts[parts.length - 1] as LayerKey]?.[lang] ?? parts[parts.length - 1];
    const sheet = word('layersSheet', lang);
    if (parts.length === 2) return `${sheet} · ${layer}`;
    if (parts[1] === 'byCategory') return `${sheet} · ${categoryName(parts.slice(2, -1).join('.') as CategoryId, lang)} · ${layer}`;
    if (parts[1] === 'byDistrict') return `${sheet} · ${parts.slice(2, -1).join('.')} · ${layer}`;
  }
  const first: Record<string, Word> = { assistance: 'assistance', premiumSubsidy: 'premiumSubsidy', fundNeed: 'fundNeed' };
  if (parts[1] === 'byCategory') return `${word(first[parts[0]], lang)} · ${categoryName(parts.slice(2).join('.') as CategoryId, lang)}`;
  if (parts[1] === 'byDistrict') return `${word(first[parts[0]], lang)} · ${parts.slice(2).join('.')}`;
  if (parts[0] === 'split' && parts[1] === 'districts') {
    const part = parts[parts.length - 1] === 'city' ? 'city' : 'districtPart';
    return `${word('fiscal', lang)} · ${parts.slice(2, -1).join('.')} · ${word(part, lang)}`;
  }
  return id;
}
