/**
 * Every string the pane shows, in Chinese (default: the analysts work in Chinese) and
 * English, in one table. Errors are always shown in both languages (bilingual()), since a
 * message may be forwarded to someone who reads the other.
 */
export type Lang = 'zh' | 'en';

const STRINGS = {
  appTitle: { zh: '医疗救助预算测算', en: 'MedAid budget projection' },
  langSwitch: { zh: 'English', en: '中文' },
  langSwitchLabel: { zh: '切换到英文界面', en: 'Switch to Chinese' },
  modeOffice: { zh: 'Excel 加载项模式：从工作表读取名册，结果写入新工作表。', en: 'Excel add-in mode: the roster is read from sheets, results go to new sheets.' },
  modeFile: { zh: '浏览器文件模式：选择本机的 CSV / xlsx 文件，结果下载为 xlsx。数据只在本页内处理，不上传。', en: 'Browser file mode: pick CSV / xlsx files on this computer; the result downloads as xlsx. Data stays in this page and is never uploaded.' },
  step1: { zh: '1. 选择名册', en: '1. Choose the roster' },
  step2: { zh: '2. 确认列对应与校验结果', en: '2. Confirm the columns and check the report' },
  step3: { zh: '3. 地区、年度与测算方案', en: '3. Region, year and scenarios' },
  step4: { zh: '4. 运行测算', en: '4. Run the projection' },
  step5: { zh: '5. 结果', en: '5. Results' },
  peopleTable: { zh: '人员表', en: 'People table' },
  visitsTable: { zh: '就诊表', en: 'Visits table' },
  chooseFile: { zh: '选择文件（CSV 或 xlsx）', en: 'Choose a file (CSV or xlsx)' },
  chooseSheet: { zh: '工作表', en: 'Sheet' },
  useSelection: { zh: '使用当前选中区域', en: 'Use the selected range' },
  useSheet: { zh: '读取整张工作表', en: 'Read the whole sheet' },
  refreshSheets: { zh: '刷新工作表列表', en: 'Refresh the sheet list' },
  sheetInFile: { zh: '文件中的工作表', en: 'Sheet in the file' },
  loaded: { zh: '已读取 {sheet}：{rows} 行数据（表头在第 {header} 行）', en: 'Read {sheet}: {rows} data rows (header on row {header})' },
  notLoaded: { zh: '尚未选择', en: 'Not chosen yet' },
  reading: { zh: '正在读取…', en: 'Reading…' },
  mappingFor: { zh: '{table}的列对应', en: 'Columns of the {table}' },
  field: { zh: '项目', en: 'Field' },
  column: { zh: '对应列', en: 'Column' },
  required: { zh: '必填', en: 'required' },
  optional: { zh: '可选', en: 'optional' },
  noColumn: { zh: '（无）', en: '(none)' },
  preview: { zh: '前 {n} 行预览', en: 'First {n} rows' },
  row: { zh: '行号', en: 'Row' },
  cell: { zh: '单元格', en: 'Cell' },
  value: { zh: '内容', en: 'Value' },
  problem: { zh: '问题', en: 'Problem' },
  severity: { zh: '级别', en: 'Severity' },
  sevError: { zh: '错误（未使用）', en: 'Error (row not used)' },
  sevWarning: { zh: '提示（已使用）', en: 'Warning (row used)' },
  reportCounts: { zh: '{table}：共 {total} 行，使用 {used}，拒绝 {rejected}，空行 {blank}，提示 {warnings} 条', en: '{table}: {total} rows, {used} used, {rejected} rejected, {blank} blank, {warnings} warnings' },
  reportNone: { zh: '未发现问题。', en: 'No problems found.' },
  reportMore: { zh: '另有 {n} 条未列出（结果工作簿中列出全部）。', en: '{n} more not listed here (the result workbook lists them all).' },
  region: { zh: '地区（政策）', en: 'Region (policy)' },
  year: { zh: '测算年度', en: 'Year' },
  scenarios: { zh: '测算方案', en: 'Scenarios' },
  baseline: { zh: '现行政策（基线）', en: 'Current policy (baseline)' },
  addScenario: { zh: '新增方案', en: 'Add a scenario' },
  editScenario: { zh: '编辑', en: 'Edit' },
  removeScenario: { zh: '删除', en: 'Remove' },
  scenarioName: { zh: '方案名称', en: 'Scenario name' },
  parameter: { zh: '参数', en: 'Parameter' },
  paramSearch: { zh: '查找参数（名称或条款中的词，如“低保 比例”）', en: 'Find a parameter (words of its name or clause, e.g. "inpatient ratio")' },
  paramMatches: { zh: '共 {total} 项，符合 {n} 项', en: '{n} of {total} match' },
  currentValue: { zh: '现行值', en: 'Current value' },
  newValue: { zh: '方案值', en: 'Scenario value' },
  citation: { zh: '依据', en: 'Source' },
  addParam: { zh: '加入此参数', en: 'Add this parameter' },
  saveScenario: { zh: '保存方案', en: 'Save scenario' },
  cancel: { zh: '取消', en: 'Cancel' },
  loadScenarios: { zh: '导入方案 JSON', en: 'Import scenario JSON' },
  exportScenarios: { zh: '导出方案 JSON', en: 'Export scenario JSON' },
  scenariosLoaded: { zh: '已读取 {n} 个方案。', en: '{n} scenarios loaded.' },
  noScenarios: { zh: '未添加方案：只测算现行政策。', en: 'No scenario: only the current policy is projected.' },
  run: { zh: '开始测算', en: 'Run' },
  running: { zh: '测算中… {done}/{total}', en: 'Running… {done}/{total}' },
  phaseImport: { zh: '读取名册', en: 'Importing the roster' },
  phaseProject: { zh: '测算：{name}', en: 'Projecting: {name}' },
  phaseBook: { zh: '生成结果表', en: 'Building the result tables' },
  cancelled: { zh: '已取消测算。', en: 'The projection was cancelled.' },
  done: { zh: '测算完成，用时 {s} 秒。', en: 'Done in {s} s.' },
  notComputed: { zh: '未计算', en: 'not computed' },
  preflightTitle: { zh: '测算前检查：未能计算的部分与补正方法', en: 'Pre-flight: what could not be computed and how to fix it' },
  fixLabel: { zh: '补正', en: 'Fix' },
  preflightBefore: { zh: '测算前检查：以下部分将无法计算', en: 'Before the run: what will not be computed' },
  preflightRunning: { zh: '正在检查名册与所选地区、年度……', en: 'Checking the roster against the chosen region and year…' },
  withheld: { zh: '完成度 {share}% 低于 {threshold}%：资金需求等结果暂不显示。请先按上面的原因补正；如确需查看，可显示部分测算结果（各表均标注为部分测算）。', en: 'Completeness {share}% is below {threshold}%: the fund need and the results are withheld. Fix the causes above first; if you need them anyway, show the partial results (every table is labelled partial).' },
  showPartial: { zh: '仍显示部分测算结果', en: 'Show the partial results' },
  partialTotal: { zh: '合计（部分测算）', en: 'Total (partial)' },
  ratioSource: { zh: '分担比例依据：{source}', en: 'Split ratio taken from: {source}' },
  forecastMethod: { zh: '预测方法依据：{source}', en: 'Forecast method: {source}' },
  summary: { zh: '总体', en: 'Overall' },
  byCategory: { zh: '按人员类别', en: 'By category' },
  byDistrict: { zh: '按区县', en: 'By district' },
  fundSplit: { zh: '资金来源与市、区县分担（{ratio}）', en: 'Funding and the city:district split ({ratio})' },
  scenarioCompare: { zh: '方案对比', en: 'Scenarios side by side' },
  measure: { zh: '指标', en: 'Measure' },
  difference: { zh: '差额', en: 'Difference' },
  pct: { zh: '变化率', en: 'Change' },
  category: { zh: '人员类别', en: 'Category' },
  district: { zh: '区县', en: 'District' },
  people: { zh: '人数', en: 'People' },
  visits: { zh: '就诊人次', en: 'Visits' },
  inpatient: { zh: '住院救助', en: 'Inpatient' },
  outpatient: { zh: '门诊救助', en: 'Outpatient' },
  tilt: { zh: '倾斜救助', en: 'Tilted' },
  assistance: { zh: '医疗救助合计', en: 'Assistance' },
  premiumSubsidy: { zh: '资助参保', en: 'Premium subsidy' },
  fundNeed: { zh: '资金需求', en: 'Fund need' },
  need: { zh: '资金需求', en: 'Need' },
  lottery: { zh: '福彩公益金', en: 'Lottery funds' },
  donations: { zh: '社会捐赠', en: 'Donations' },
  transfers: { zh: '上级补助', en: 'Transfers' },
  sourcesAllocated: { zh: '其他来源抵扣', en: 'Other sources used' },
  fiscal: { zh: '财政负担', en: 'Fiscal' },
  cityShare: { zh: '市级', en: 'City' },
  districtShare: { zh: '区县', en: 'District' },
  total: { zh: '合计', en: 'Total' },
  chartDistrict: { zh: '各区县医疗救助与资助参保', en: 'Assistance and premium subsidy by district' },
  chartCategory: { zh: '各类别医疗救助', en: 'Assistance by category' },
  budgetTitle: { zh: '多年规划与区间、按预算拟合参数', en: 'Multi-year plan with a range, and a parameter fitted to the budget' },
  budgetYears: { zh: '规划年数', en: 'Years ahead' },
  budgetDraws: { zh: '抽样次数', en: 'Draws' },
  budgetRun: { zh: '计算规划与区间', en: 'Compute the plan and range' },
  budgetRunning: { zh: '正在计算规划与区间…', en: 'Computing the plan and range…' },
  budgetDone: { zh: '规划与区间已算出（{draws} 次抽样，种子 {seed}，用时 {s} 秒）。', en: 'Plan and range computed ({draws} draws, seed {seed}, {s} s).' },
  chartFan: { zh: '资金需求区间（扇形图：P10–P90，P50，测算值）', en: 'Fund need range (fan chart: P10–P90, P50, point figure)' },
  fanTable: { zh: '各年资金需求区间（元）', en: 'Fund need range by year (yuan)' },
  fanYear: { zh: '年度', en: 'Year' },
  fanPoint: { zh: '测算值', en: 'Point figure' },
  fanBand: { zh: 'P10–P90 区间', en: 'P10–P90 band' },
  fanRoster: { zh: '（实际名单）', en: ' (roster)' },
  solveParam: { zh: '要拟合的参数', en: 'Parameter to fit' },
  solveCeiling: { zh: '资金上限（元，可写 1200万）', en: 'Ceiling (yuan)' },
  solveRun: { zh: '按上限拟合', en: 'Fit to the ceiling' },
  solveFitted: { zh: '拟合值 {value}：资金需求 {need} 元 ≤ 上限 {ceiling} 元（现行 {current}：{currentNeed} 元）。', en: 'Fitted value {value}: fund need {need} yuan ≤ ceiling {ceiling} yuan (current {current}: {currentNeed} yuan).' },
  solveBeyond: { zh: '再进一步 {value}：{need} 元，超出上限。', en: 'One step further, {value}: {need} yuan, above the ceiling.' },
  solveNotBinding: { zh: '整个取值范围都不超过上限：上限不构成约束。', en: 'The whole range stays within the ceiling: the ceiling does not bind.' },
  solveBreaks: { zh: '注意：拟合中遇到 {n} 处不单调的取值，更远的取值也可能满足上限。', en: 'Warning: {n} evaluations were out of monotone order; a farther value may fit too.' },
  mask: { zh: '结果中隐去身份证号和姓名（脱敏）', en: 'Mask ID numbers and names in the result' },
  detail: { zh: '结果中的明细表', en: 'Detail sheets in the result' },
  detailPeople: { zh: '人员明细（每人一行，默认）', en: 'People (one row per person, default)' },
  detailVisits: { zh: '人员明细和逐次就诊明细', en: 'People and every visit' },
  detailNone: { zh: '不含明细（仅汇总）', en: 'None (summary only)' },
  detailChoice: { zh: '任务窗格“结果中的明细表”', en: 'task pane: Detail sheets in the result' },
  writeWorkbook: { zh: '写入工作簿（新建工作表）', en: 'Write to the workbook (new sheets)' },
  download: { zh: '下载结果 .xlsx', en: 'Download the result .xlsx' },
  writing: { zh: '正在写入… {done}/{total}', en: 'Writing… {done}/{total}' },
  written: { zh: '已写入：{names}', en: 'Written: {names}' },
  replaced: { zh: '（替换了上次的结果表：{names}）', en: '(replaced the earlier result sheets: {names})' },
  downloaded: { zh: '已下载 {name}', en: 'Downloaded {name}' },
  errorTitle: { zh: '出错了', en: 'Something went wrong' },
  phaseRead: { zh: '读取文件', en: 'Reading the file' },
  phaseCheck: { zh: '校验名册', en: 'Checking the roster' },
  loadProgress: { zh: '读取与校验进度', en: 'Reading and checking' },
  cancelLoad: { zh: '取消读取', en: 'Cancel reading' },
  loadCancelled: { zh: '已取消读取；保留之前读取的名册。', en: 'Reading was cancelled; the roster read before is kept.' },
  figuresTitle: { zh: '本地区补充参数', en: 'Figures you supply' },
  figuresHint: {
    zh: '政策文件未给出、或授权其他部门确定的数值，由您填写。填写后用于现行政策（基线）及每个测算方案，随方案保存在工作簿中，并列入结果工作簿的汇总表。未填写时，需要该数值的人员会列入校验报告，不按 0 计算。',
    en: 'Figures the documents do not give, or leave to another authority: you supply them. They apply to the baseline and every scenario, are saved with the scenarios in the workbook and listed on the result’s summary sheet. Until supplied, the people who need one are reported, never counted as 0.',
  },
  figuresNone: { zh: '所选地区和年度的政策没有需要您补充的数值。', en: 'The chosen region and year leave no figure to you.' },
  figureNeededBy: { zh: '用于：{terms}', en: 'Used for: {terms}' },
  figureSupplied: { zh: '已填写', en: 'supplied' },
  figureMissing: { zh: '未填写', en: 'not supplied' },
  figuresUsed: { zh: '基准参数（分析人员补充）', en: 'Analyst-supplied baseline figures' },
  regionFile: { zh: '载入本地区政策文件（JSON）', en: 'Load my own region file (JSON)' },
  regionFileHint: { zh: '按本工具政策文件格式编写的本地区政策；载入前逐项校验。', en: 'A region’s policy in this tool’s policy file format; every field is checked before it is used.' },
  regionFileLoaded: { zh: '已载入地区政策文件 {file}（{region}）。', en: 'Region file {file} loaded ({region}).' },
  regionFiles: { zh: '已载入的地区政策文件', en: 'Region files loaded' },
  baselineInputsTitle: { zh: '资金来源与增长假设（基线）', en: 'Funding and growth (baseline)' },
  baselineInputsHint: {
    zh: '用于现行政策（基线）；方案未另行设定时也沿用。留空则按政策文件或默认值。随方案保存在工作簿中。',
    en: 'They apply to the baseline, and to every scenario that sets none of its own. Blank: the policy’s value or the default. Saved with the scenarios in the workbook.',
  },
  amountYuan: { zh: '{name}（元）', en: '{name} (yuan)' },
  ratioInput: { zh: '分担比例（市:区县）', en: 'City:district split' },
  growthTitle: { zh: '下一年度预测的增长率（%）', en: 'Growth for next year’s forecast (%)' },
  headcountGrowth: { zh: '人数增长率（%）', en: 'Head-count growth (%)' },
  costGrowth: { zh: '救助费用增长率（%）', en: 'Cost growth (%)' },
  premiumGrowth: { zh: '资助参保增长率（%）', en: 'Premium growth (%)' },
  blankPolicy: { zh: '留空则按政策：{value}', en: 'Blank: the policy’s {value}' },
  blankDefault: { zh: '留空则为 {value}', en: 'Blank: {value}' },
  forecastTitle: { zh: '{next} 年预测（以 {year} 年为基数）', en: 'Forecast for {next} (from {year})' },
  thisYearPeople: { zh: '本年人数', en: 'People this year' },
  thisYearNeed: { zh: '本年救助', en: 'Assistance this year' },
  thisYearSubsidy: { zh: '本年资助参保', en: 'Subsidy this year' },
  growthPct: { zh: '增长率 人数/费用/资助（%）', en: 'Growth people/cost/premium (%)' },
  nextPeople: { zh: '预测人数', en: 'People next year' },
  nextAssistance: { zh: '预测救助', en: 'Assistance next year' },
  nextSubsidy: { zh: '预测资助参保', en: 'Subsidy next year' },
  nextFundNeed: { zh: '预测资金需求', en: 'Fund need next year' },
  unit_yuan: { zh: '元', en: 'yuan' },
  unit_ratio: { zh: '比例，如 0.75 或 75%', en: 'ratio, e.g. 0.75 or 75%' },
  unit_people: { zh: '人', en: 'people' },
  'unit_ratio-text': { zh: '比例，如 1:9', en: 'ratio, e.g. 1:9' },
  unit_brackets: { zh: '分段', en: 'brackets' },
  'unit_yuan-per-person-year': { zh: '元/人·年', en: 'yuan per person-year' },
  'unit_percentage-points': { zh: '百分点', en: 'percentage points' },
  unit_flag: { zh: '是/否', en: 'yes/no' },
  layersTitle: { zh: '结算数据各层（基本医保 → 大病保险 → 医疗机构 → 医疗救助）', en: 'Settlement layers (basic → critical-illness → hospital → assistance)' },
  tabRoster: { zh: '名册', en: 'Roster' },
  tabCheck: { zh: '核对', en: 'Check' },
  tabPolicy: { zh: '政策与方案', en: 'Policy' },
  tabResults: { zh: '结果', en: 'Results' },
  stepsLabel: { zh: '测算步骤', en: 'Steps' },
  showDetail: { zh: '展开 {row} 的明细', en: 'Show the figures of {row}' },
  wanYuan: { zh: '万元', en: '10k yuan' },
  yuan: { zh: '元', en: 'yuan' },
  amountYuanHead: { zh: '金额（元）', en: 'Amount (yuan)' },
  scenarioNeed: { zh: '方案资金需求', en: 'Scenario fund need' },
  scenarioValue: { zh: '方案值', en: 'Scenario' },
  advanced: { zh: '显示参数路径与说明（高级）', en: 'Show parameter paths and notes (advanced)' },
  cliFlags: { zh: '命令行对应参数：{flags}', en: 'Command-line flags: {flags}' },
  runHint: { zh: '读取人员表和就诊表并通过校验后即可测算。', en: 'Read the people and visits tables; once they pass the check you can run.' },
  countsLine: {
    zh: '人员表 {pt} 行：纳入测算 {pin} 人，未使用 {prej} 行。就诊表 {vt} 行：纳入测算 {vin} 行，未使用 {vrej} 行。另有 {problems} 项未能计算（逐项列在结果工作簿“校验报告”表）。',
    en: 'People table {pt} rows: {pin} people projected, {prej} rows not used. Visits table {vt} rows: {vin} projected, {vrej} not used. {problems} items could not be computed (each listed on the Validation sheet of the result workbook).',
  },
} as const;

export type StringKey = keyof typeof STRINGS;

let current: Lang = 'zh';
const listeners: ((lang: Lang) => void)[] = [];

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  for (const l of listeners) l(lang);
}

export function onLangChange(f: (lang: Lang) => void): void {
  listeners.push(f);
}

/** The string in the current (or given) language, with {name} placeholders filled. */
export function t(key: StringKey, vars: Record<string, string | number> = {}, lang: Lang = current): string {
  const s: string = STRINGS[key][lang];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Both languages: "中文 / English" (errors). */
export function bilingual(zh: string, en: string): string {
  return zh === en ? zh : `${zh} / ${en}`;
}

/** The keys, for the test that every string has both languages. */
export function allKeys(): StringKey[] {
  return Object.keys(STRINGS) as StringKey[];
}

export function pick(b: { zh: string; en: string }, lang: Lang = current): string {
  return b[lang];
}
