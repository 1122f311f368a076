/**
 * Typed errors. Each carries a stable code, the values it is about, and a message in
 * Chinese and English that names the bad value and says what to do. Adapters map the
 * code to their own channel: an Excel error (#VALUE! / #N/A carry a message), a CLI exit
 * code, a line in a validation report.
 */
export type ErrorCode =
  | 'BLANK_AMOUNT'
  | 'BAD_AMOUNT'
  | 'NEGATIVE_AMOUNT'
  | 'BAD_YEAR'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_YEAR'
  | 'UNKNOWN_SCHEME'
  | 'UNKNOWN_HOSPITAL_LEVEL'
  | 'UNKNOWN_OUTPATIENT_POOL'
  | 'CATEGORY_NOT_IN_POLICY'
  | 'TERM_NOT_DEFINED'
  | 'MISSING_INCOME'
  | 'MISSING_PARAMETER'
  | 'PREMIUM_REQUIRED'
  | 'BAD_INSURANCE_TIER'
  | 'FIRST_TIER_REQUIRED'
  | 'BAD_RATIO'
  | 'BAD_PART'
  | 'INVALID_POLICY'
  | 'INVALID_OVERRIDE'
  | 'DUPLICATE_REGION'
  | 'POLICY_REPLACES_BUILTIN'
  // Roster import (src/roster): one code per problem an analyst can fix in the sheet.
  | 'ROSTER_MISSING_COLUMN'
  | 'ROSTER_BAD_MAPPING'
  | 'ROSTER_NO_SHEET'
  | 'ROSTER_BAD_FILE'
  | 'ROSTER_MALFORMED_ROW'
  | 'ROSTER_BLANK_CELL'
  | 'ROSTER_ID_FORMAT'
  | 'ROSTER_ID_CHECK_DIGIT'
  | 'ROSTER_ID_BIRTH_DATE'
  | 'ROSTER_ID_LEGACY'
  | 'ROSTER_ID_PRECISION_LOST'
  | 'ROSTER_ID_AS_NUMBER'
  | 'ROSTER_DUPLICATE_ID'
  | 'ROSTER_UNKNOWN_PERSON'
  | 'ROSTER_BAD_DATE'
  | 'ROSTER_DATE_OUT_OF_YEAR'
  | 'ROSTER_BAD_VISIT_KIND'
  | 'ROSTER_BAD_FLAG'
  | 'ROSTER_FLAG_BLANK'
  | 'ROSTER_SCHEME_IGNORED'
  | 'ROSTER_COST_EXCEEDS_TOTAL'
  | 'ROSTER_UNBALANCED_QUOTE'
  | 'ROSTER_MULTILINE_CELL'
  | 'ROSTER_COLUMN_IGNORED'
  | 'ROSTER_OPTIONAL_IGNORED'
  | 'ROSTER_SCHEME_DEFAULT'
  | 'ROSTER_SUB_FEN'
  | 'ROSTER_DUPLICATE_VISIT'
  | 'ROSTER_NO_DATA'
  | 'ROSTER_CATEGORY_MAPPED'
  | 'ROSTER_FORMULA_NO_VALUE'
  | 'ROSTER_ID_INVISIBLE'
  // Settlement rows and the layers before assistance (src/engine/rules/settlementChain.ts).
  | 'ROSTER_SETTLEMENT_PARTS_EXCEED'
  | 'LAYER_INPUT_MISSING'
  | 'BAD_LAYER_MODE'
  // Roster projection (src/projection).
  | 'INVALID_SCENARIO'
  // Budget decisions (src/projection/multiYear, bootstrap, solve, burden).
  | 'INVALID_BUDGET_INPUT'
  | 'BUDGET_NO_FIT';

/** Which Excel error a code becomes. Only #VALUE! and #N/A can carry a message in Excel. */
export type ExcelErrorKind = '#VALUE!' | '#N/A' | '#NUM!';

type Details = Record<string, string | number | undefined>;

interface Template {
  excel: ExcelErrorKind;
  zh: (d: Details) => string;
  en: (d: Details) => string;
}

/**
 * A value quoted in a message, cut to a readable length: a pasted megabyte of text must not
 * come back whole in a cell or a report line (found by test/hardening/policy-files).
 */
export function clip(v: unknown, max = 200): string {
  const s = inputText(v ?? '');
  return s.length > max ? `${s.slice(0, max)}…(${s.length})` : s;
}

const q = (v: unknown) => `"${clip(v)}"`;

const TEMPLATES: Record<ErrorCode, Template> = {
  BLANK_AMOUNT: {
    excel: '#VALUE!',
    zh: (d) => `${d.field} 为空：请填写金额（元）`,
    en: (d) => `${d.field} is blank: enter an amount in yuan`,
  },
  BAD_AMOUNT: {
    excel: '#VALUE!',
    zh: (d) => `${d.field} 的值 ${q(d.value)} 不是有效金额：请填写数字（元），如 12345.67`,
    en: (d) => `${d.field} value ${q(d.value)} is not an amount: enter a number in yuan, e.g. 12345.67`,
  },
  NEGATIVE_AMOUNT: {
    excel: '#VALUE!',
    zh: (d) => `${d.field} 的值 ${q(d.value)} 为负数：费用与金额不能为负，请填写 0 或正数（退费请冲减原费用）`,
    en: (d) => `${d.field} value ${q(d.value)} is negative: costs and amounts cannot be negative; enter 0 or a positive amount (net a refund against the original cost)`,
  },
  BAD_YEAR: {
    excel: '#VALUE!',
    zh: (d) => `年度 ${q(d.value)} 无效：请填写四位年份，如 2024`,
    en: (d) => `year ${q(d.value)} is not valid: enter a four-digit year such as 2024`,
  },
  UNKNOWN_CATEGORY: {
    excel: '#N/A',
    zh: (d) => `未知人员类别 ${q(d.value)}：请使用如 特困人员、低保对象、低保边缘家庭成员 等名称`,
    en: (d) => `unknown category ${q(d.value)}: use a name such as 特困人员 (tekun), 低保对象 (dibao)`,
  },
  UNKNOWN_REGION: {
    excel: '#N/A',
    zh: (d) => `未知地区 ${q(d.value)}：可用地区为 ${d.known}`,
    en: (d) => `unknown region ${q(d.value)}: known regions are ${d.known}`,
  },
  UNKNOWN_YEAR: {
    excel: '#N/A',
    zh: (d) => `${d.region} 没有适用于 ${d.value} 年的政策版本：最早版本为 ${d.earliest} 年，请填写 ${d.earliest} 年或以后的年度，或为该年度添加自定义政策版本`,
    en: (d) => `${d.regionEn ?? d.region} has no policy edition for ${d.value}: the earliest edition is ${d.earliest}; use ${d.earliest} or later, or add a policy edition of your own for that year`,
  },
  UNKNOWN_SCHEME: {
    excel: '#N/A',
    zh: (d) => `${d.region} 没有门诊救助类型 ${q(d.value)}：可用类型为 ${d.known}`,
    en: (d) => `${d.regionEn ?? d.region} has no outpatient scheme ${q(d.value)}: known schemes are ${d.known}`,
  },
  UNKNOWN_OUTPATIENT_POOL: {
    excel: '#N/A',
    zh: (d) => `${d.region} 没有门诊统筹类别 ${q(d.value)}：可用类别为 ${d.known}`,
    en: (d) => `${d.regionEn ?? d.region} has no outpatient pooling class ${q(d.value)}: known classes are ${d.knownEn}`,
  },
  UNKNOWN_HOSPITAL_LEVEL: {
    excel: '#N/A',
    zh: (d) => `${d.region} 没有医疗机构级别 ${q(d.value)}：可用级别为 ${d.known}`,
    en: (d) => `${d.regionEn ?? d.region} has no hospital level ${q(d.value)}: known levels are ${d.known}`,
  },
  CATEGORY_NOT_IN_POLICY: {
    excel: '#N/A',
    zh: (d) => `${d.region} 的政策未规定人员类别 ${q(d.value)}：请选择该地区政策列明的类别，或在自定义地区中补充`,
    en: (d) => `${d.regionEn ?? d.region}'s policy does not define category ${q(d.value)}: use a category it lists, or add it in a region file of your own`,
  },
  TERM_NOT_DEFINED: {
    excel: '#N/A',
    zh: (d) => `${d.region}（${d.edition}）的政策未规定 ${d.term}：${d.hint ?? '请在自定义参数中补充'}`,
    en: (d) => `${d.regionEn ?? d.region} (${d.edition}) policy does not define ${d.termEn ?? d.term}: ${d.hintEn ?? 'supply it as a parameter override'}`,
  },
  MISSING_INCOME: {
    excel: '#N/A',
    zh: (d) => `${d.term} 按 ${d.region} 上一年度（${d.incomeYear} 年）居民人均可支配收入的 ${d.share} 确定，但未提供该收入数：请在参数 ${d.path} 中填写`,
    en: (d) => `${d.termEn ?? d.term} is ${d.share} of ${d.regionEn ?? d.region}'s per-capita disposable income of ${d.incomeYear}, which was not supplied: set parameter ${d.path}`,
  },
  MISSING_PARAMETER: {
    excel: '#N/A',
    zh: (d) => `${d.region} 的参数 ${d.path}（${d.term}）没有 ${d.year} 年的取值：${d.hint ?? '请在自定义参数中填写'}`,
    en: (d) => `${d.regionEn ?? d.region} parameter ${d.path} (${d.termEn ?? d.term}) has no value for ${d.year}: ${d.hintEn ?? 'supply it as a parameter override'}`,
  },
  // 参保档次 (issue 15 item 2): Weihai subsidises the first tier only (威医保发〔2019〕25号 二、(一)).
  BAD_INSURANCE_TIER: {
    excel: '#VALUE!',
    zh: (d) => `参保档次 ${q(d.value)} 无效：请填写 一档 或 二档（留空按一档）`,
    en: (d) => `insurance tier ${q(d.value)} is not valid: enter 一档 (first tier) or 二档 (second tier); blank is read as the first tier`,
  },
  FIRST_TIER_REQUIRED: {
    excel: '#N/A',
    zh: (d) => `${d.region} ${d.year} 年选择二档缴费的人员按一档缴费标准资助、差额自行补足，但未提供一档缴费标准：请在自定义参数中填写 ${d.path}（不会按个人缴费全额资助）`,
    en: (d) => `in ${d.regionEn ?? d.region} ${d.year} a second-tier (二档) enrolee is subsidised at the first-tier premium and pays the difference, but the first-tier (一档) premium was not supplied: set ${d.path} as a parameter (the whole premium is never paid)`,
  },
  PREMIUM_REQUIRED: {
    excel: '#N/A',
    // Where the figure goes in each place it can come from (issue 17: a hint must name something that exists):
    // the roster's 个人缴费 column (src/roster/fields.ts), the premium argument of PREMIUM_SUBSIDY.
    zh: (d) => `政策文件未给出 ${d.region} ${d.year} 年的个人缴费标准：请在名册人员表的“个人缴费”列填写个人缴费额（函数 PREMIUM_SUBSIDY 则填写其 premium 参数）`,
    en: (d) => `the documents give no individual premium for ${d.regionEn ?? d.region} in ${d.year}: fill in the people table's 个人缴费 (individual premium) column (for PREMIUM_SUBSIDY, pass its premium argument)`,
  },
  BAD_RATIO: {
    excel: '#VALUE!',
    zh: (d) => `分担比例 ${q(d.value)} 无效：请写成 "1:9" 的形式`,
    en: (d) => `split ratio ${q(d.value)} is not valid: write it like "1:9"`,
  },
  BAD_PART: {
    excel: '#VALUE!',
    zh: (d) => `分担方 ${q(d.value)} 无效：请填写 市级 或 区县（city / district）`,
    en: (d) => `part ${q(d.value)} is not valid: use city (市级) or district (区县)`,
  },
  INVALID_POLICY: {
    excel: '#VALUE!',
    zh: (d) => `政策文件 ${d.file ?? ''} 不符合格式：${d.problems}。请按上述位置改正该文件后重新添加`,
    en: (d) => `policy file ${d.file ?? ''} does not follow the schema: ${d.problems}. Fix the file at these places and add it again`,
  },
  INVALID_OVERRIDE: {
    excel: '#VALUE!',
    zh: (d) => `参数调整 ${q(d.path)} 无效：${d.problem}。请核对参数路径与取值`,
    en: (d) => `parameter override ${q(d.path)} is not valid: ${d.problemEn ?? d.problem}. Check the parameter path and value`,
  },
  DUPLICATE_REGION: {
    excel: '#VALUE!',
    zh: (d) => `政策版本 ${q(d.value)} 已存在：请为自定义地区使用新的 id`,
    en: (d) => `policy edition ${q(d.value)} already exists: give your region a new id`,
  },
  POLICY_REPLACES_BUILTIN: {
    excel: '#VALUE!',
    zh: (d) => `政策文件 ${d.file ?? ''} 的版本 ${q(d.value)} 会取代内置的 ${d.region} ${d.year} 年政策（${d.replaced}）：${d.year} 年的测算将改用该文件。若确要取代，请改用 --policy-replace ${d.path ?? 'FILE'}；若是新增地区，请使用新的地区 id`,
    en: (d) => `policy file ${d.file ?? ''} (edition ${q(d.value)}) would replace the built-in ${d.regionEn ?? d.region} ${d.year} edition (${d.replaced}): ${d.year} would be computed with this file instead. To replace it on purpose, use --policy-replace ${d.path ?? 'FILE'}; for a new region, give it a new region id`,
  },

  // ---- Roster import (src/roster). Messages say which column/value and what to change in the sheet.
  ROSTER_MISSING_COLUMN: {
    excel: '#N/A',
    zh: (d) => `${d.table}缺少必填列 ${d.columns}：请添加该列，或在“列对应”中指定由哪一列提供。找到的表头为：${d.found}`,
    en: (d) => `the ${d.tableEn} table has no ${d.columnsEn} column: add it, or choose which column holds it in the column mapping. Headers found: ${d.found}`,
  },
  ROSTER_BAD_MAPPING: {
    excel: '#VALUE!',
    zh: (d) => `列对应无效：${d.problem}。请在“列对应”中重新选择`,
    en: (d) => `the column mapping is not valid: ${d.problemEn ?? d.problem}. Choose the columns again in the column mapping`,
  },
  ROSTER_NO_SHEET: {
    excel: '#N/A',
    zh: (d) => `工作簿中没有名为 ${q(d.value)} 的工作表：现有工作表为 ${d.known}，请从中选择`,
    en: (d) => `the workbook has no sheet named ${q(d.value)}: its sheets are ${d.known}; choose one of them`,
  },
  ROSTER_BAD_FILE: {
    excel: '#VALUE!',
    zh: (d) => `无法读取文件 ${d.file ?? ''}：${d.problem}。请另存为 .xlsx 或 CSV（UTF-8 或 GBK）后重试`,
    en: (d) => `cannot read file ${d.file ?? ''}: ${d.problemEn ?? d.problem}. Save it as .xlsx or CSV (UTF-8 or GBK) and try again`,
  },
  ROSTER_MALFORMED_ROW: {
    excel: '#VALUE!',
    zh: (d) => `CSV 该行格式有误（${d.problem}${d.line !== undefined ? `，文件第 ${d.line} 行` : ''}）：请检查引号是否成对（单元格内的引号须写成两个 ""）`,
    en: (d) => `this CSV row is malformed (${d.problemEn ?? d.problem}${d.line !== undefined ? `, line ${d.line} of the file` : ''}): check that quotes are paired (a quote inside a cell is written "")`,
  },
  ROSTER_BLANK_CELL: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 为空：请填写${d.what ?? '该项'}`,
    en: (d) => `${d.column} is blank: fill in ${d.whatEn ?? 'this cell'}`,
  },
  ROSTER_ID_FORMAT: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 格式不对：应为 18 位（最后一位可为 X），请核对后重新录入`,
    en: (d) => `ID number ${q(d.value)} is not well formed: it must have 18 characters (digits, the last may be X); check and re-enter it`,
  },
  ROSTER_ID_CHECK_DIGIT: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 校验码错误（按前 17 位应为 ${d.expected}）：通常是录入错误，请与原始证件核对`,
    en: (d) => `ID number ${q(d.value)} has a wrong check digit (the first 17 digits give ${d.expected}): usually a typing error; check it against the source record`,
  },
  ROSTER_ID_BIRTH_DATE: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 中的出生日期 ${d.birth} 不存在：请与原始证件核对`,
    en: (d) => `ID number ${q(d.value)} contains birth date ${d.birth}, which does not exist: check it against the source record`,
  },
  ROSTER_ID_LEGACY: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 为 15 位旧号码，已按 GB 11643 转换为 18 位 ${d.converted ?? ''} 用于匹配（与该 18 位号码视为同一人）：如能取得新号码，请在名单中更新`,
    en: (d) => `ID number ${q(d.value)} is a legacy 15-digit number, converted by GB 11643 to ${d.converted ?? 'its 18-digit form'} for matching (the same person as that 18-digit number): update it in the roster if the new number is known`,
  },
  ROSTER_ID_PRECISION_LOST: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 被存成了数字，末几位已丢失：请将该列设置为“文本”格式后重新录入身份证号`,
    en: (d) => `ID number ${q(d.value)} is stored as a number; the last digits were lost: format the column as text and re-enter the ID numbers`,
  },
  ROSTER_ID_AS_NUMBER: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 被存成了数字（位数完整，已按文本使用）：建议将该列设置为“文本”格式，以免长号码丢失末位`,
    en: (d) => `ID number ${q(d.value)} is stored as a number (all digits present, used as text): format the column as text so longer numbers do not lose digits`,
  },
  ROSTER_DUPLICATE_ID: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 与第 ${d.firstRow} 行重复，本行未使用：请删除重复行，或核对两行中哪一个号码录错`,
    en: (d) => `ID number ${q(d.value)} repeats row ${d.firstRow}; this row is not used: delete the duplicate, or check which of the two numbers is mistyped`,
  },
  ROSTER_UNKNOWN_PERSON: {
    excel: '#N/A',
    zh: (d) => `身份证号 ${q(d.value)} 不在人员名单中（或其人员行有错误未被使用）：请在人员表中补充此人，或核对号码`,
    en: (d) => `ID number ${q(d.value)} is not in the people list (or its people row was rejected): add the person to the people table, or check the number`,
  },
  ROSTER_BAD_DATE: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 的值 ${q(d.value)} 不是有效日期：请写成 2024-03-05、2024/3/5、2024年3月5日 或 20240305`,
    en: (d) => `${d.column} value ${q(d.value)} is not a valid date: write it like 2024-03-05, 2024/3/5, 2024年3月5日 or 20240305`,
  },
  ROSTER_DATE_OUT_OF_YEAR: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} ${d.value} 不在测算年度 ${d.year} 年内，本行未使用：请核对日期，或把该记录放到对应年度的名单中`,
    en: (d) => `${d.column} ${d.value} is outside the projection year ${d.year}; this row is not used: check the date, or move the record to that year's roster`,
  },
  ROSTER_BAD_VISIT_KIND: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 的值 ${q(d.value)} 无法识别：请填写 住院 或 门诊（可写作 门诊-慢特病 等）`,
    en: (d) => `${d.column} value ${q(d.value)} is not recognised: enter 住院 (inpatient) or 门诊 (outpatient; forms like 门诊-慢特病 are accepted)`,
  },
  ROSTER_BAD_FLAG: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 的值 ${q(d.value)} 无法识别：请填写 是 或 否`,
    en: (d) => `${d.column} value ${q(d.value)} is not recognised: enter 是 (yes) or 否 (no)`,
  },
  ROSTER_FLAG_BLANK: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 为空，已按“否”处理：如属规范转诊省内就医，请填写“是”`,
    en: (d) => `${d.column} is blank and was taken as "no": enter 是 (yes) if the visit was referred and in-province`,
  },
  ROSTER_SCHEME_IGNORED: {
    excel: '#VALUE!',
    zh: (d) => `住院记录填写了门诊类型 ${q(d.value)}，已忽略：门诊类型只适用于门诊记录，请核对就诊类型`,
    en: (d) => `an inpatient visit has outpatient scheme ${q(d.value)}, which was ignored: schemes apply to outpatient visits only; check the visit type`,
  },
  ROSTER_UNBALANCED_QUOTE: {
    excel: '#VALUE!',
    zh: (d) => `该单元格以引号 " 开头但引号没有配对（文件第 ${d.line} 行）；后面的行已照常读取，未被并入：请补上右引号，或删去多余的引号`,
    en: (d) => `this cell opens a quote " that is never closed (line ${d.line} of the file); the rows after it were read as usual, not merged into it: add the closing quote or delete the stray one`,
  },
  ROSTER_MULTILINE_CELL: {
    excel: '#VALUE!',
    zh: (d) => `该单元格的内容跨越文件第 ${d.from}–${d.to} 行（引号内含换行）：如果这不是有意的多行文字，说明前面有一个引号没有配对、把后面的行并了进来，请检查引号`,
    en: (d) => `this cell spans lines ${d.from}–${d.to} of the file (a line break inside quotes): if it is not meant to be multi-line text, a quote earlier is unpaired and merged the following lines into it; check the quotes`,
  },
  ROSTER_COLUMN_IGNORED: {
    excel: '#VALUE!',
    zh: (d) => `第 ${d.ignored} 列${d.duplicate ? '与已用列表头相同' : '也可作为'}“${d.field}”，未使用：已使用第 ${d.used} 列${d.duplicate ? '（表头重复，取左边一列）' : '（名称更准确）'}。如应使用第 ${d.ignored} 列，请在“列对应”中选择它（命令行：--${d.kind}-column ${d.field}=列字母）`,
    en: (d) => `column ${d.ignored} ${d.duplicate ? 'repeats the header of a used column' : 'could also be'} "${d.fieldEn}" (${d.field}) and was not used: column ${d.used} was used${d.duplicate ? ' (repeated header: the leftmost one)' : ' (the more exact name)'}. If column ${d.ignored} is the right one, choose it in the column mapping (command line: --${d.kind}-column ${d.field}=LETTER)`,
  },
  ROSTER_OPTIONAL_IGNORED: {
    excel: '#VALUE!',
    zh: (d) => `选填列 ${d.column} 的值 ${q(d.value)} 无法使用（${d.reason}），已按未填写处理（用默认值），本行其余内容照常使用：如该值有意义，请改为数字（元）`,
    en: (d) => `optional column ${d.column} value ${q(d.value)} cannot be used (${d.reasonEn ?? d.reason}) and was taken as blank (the default applies); the rest of the row is used: enter a number in yuan if the value matters`,
  },
  ROSTER_SCHEME_DEFAULT: {
    excel: '#VALUE!',
    zh: (d) => `门诊记录未填写门诊类型，已按本地区的主要门诊救助类型${d.scheme ? ` ${d.scheme}` : ''}计算：如属其他类型（如 罕见病），请在“门诊类型”列填写`,
    en: (d) => `an outpatient visit has no scheme and was computed under the region's main outpatient scheme${d.scheme ? ` ${d.scheme}` : ''}: if it is another one (e.g. 罕见病 rare disease), enter it in the scheme column`,
  },
  ROSTER_SUB_FEN: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 的值 ${q(d.value)} 有 ${d.places} 位小数（不足一分）：已按原值计算（不先取整，结果在规定环节四舍五入到分），请核对是否录入或导出有误`,
    en: (d) => `${d.column} value ${q(d.value)} has ${d.places} decimal places (part of a fen): it was used exactly as written (not rounded first; results are rounded to the fen where the rules say), check it for a typing or export error`,
  },
  ROSTER_DUPLICATE_VISIT: {
    excel: '#VALUE!',
    zh: (d) => `本行与第 ${d.firstRow} 行完全相同（同一人、日期、类型、金额），两行都已计入：如是重复导出，请删除其中一行`,
    en: (d) => `this row is identical to row ${d.firstRow} (same person, date, type and amounts); both were counted: delete one if it is a duplicate export`,
  },
  ROSTER_NO_DATA: {
    excel: '#VALUE!',
    zh: (d) => `表中只有表头，没有数据行${d.blank ? `（另有 ${d.blank} 个空行）` : ''}，测算结果为 0：请检查是否选错了文件或工作表`,
    en: (d) => `the table has a header and no data rows${d.blank ? ` (and ${d.blank} blank rows)` : ''}, so the results are 0: check that the right file or sheet was chosen`,
  },
  ROSTER_CATEGORY_MAPPED: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 中的名称已按现行类别理解：${d.mapping}（旧称或繁体写法）。如理解有误，请改为现行名称`,
    en: (d) => `${d.column} names were read as current categories: ${d.mapping} (an old name or traditional characters). If that is wrong, write the current name`,
  },
  ROSTER_FORMULA_NO_VALUE: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} 是公式 =${d.formula}，但文件中没有保存计算结果（不是空白，也不会在这里计算）：请在 Excel 中打开该文件、重新计算并保存后再导入，或把该列“粘贴为数值”`,
    en: (d) => `${d.column} holds the formula =${d.formula} with no saved result in the file (it is not blank, and formulas are not evaluated here): open the file in Excel, recalculate and save it, or paste the column as values`,
  },
  ROSTER_ID_INVISIBLE: {
    excel: '#VALUE!',
    zh: (d) => `身份证号 ${q(d.value)} 中含有看不见的字符（${d.chars}），已删除后使用：多来自网页复制，请在原表中清除这些字符`,
    en: (d) => `ID number ${q(d.value)} contained invisible characters (${d.chars}), removed before use: usually pasted from a web page; clean them from the source sheet`,
  },
  ROSTER_COST_EXCEEDS_TOTAL: {
    excel: '#VALUE!',
    zh: (d) => `${d.column} ${d.value} 大于 ${d.totalColumn} ${d.total}：自付不应超过目录内总费用，请核对两列是否填反`,
    en: (d) => `${d.column} ${d.value} is more than ${d.totalColumn} ${d.total}: out-of-pocket cannot exceed the in-catalogue total; check whether the columns are swapped`,
  },

  // ---- Roster projection (src/projection).
  ROSTER_SETTLEMENT_PARTS_EXCEED: {
    excel: '#VALUE!',
    zh: (d) => `${d.parts} 合计 ${d.sum} 大于 ${d.totalColumn} ${d.total}：结算各部分不能超过总费用，请核对这些列（是否填错列或重复计入）`,
    en: (d) => `${d.partsEn ?? d.parts} add up to ${d.sum}, more than ${d.totalColumn} ${d.total}: the parts of a settlement cannot exceed its total; check these columns (a wrong column or an amount counted twice)`,
  },
  LAYER_INPUT_MISSING: {
    excel: '#N/A',
    zh: (d) => `计算${d.layer}需要“${d.column}”：${d.why}。请在就诊表中填写该列（或在参数中补充规则）`,
    en: (d) => `${d.layerEn} needs "${d.columnEn}": ${d.whyEn}. Fill in that column in the visits table (or supply the rule's terms as parameters)`,
  },
  BAD_LAYER_MODE: {
    excel: '#VALUE!',
    zh: (d) => `结算数据处理方式 ${q(d.value)} 无效：请用 asGiven（按结算实际支付，默认）或 recomputeAll（全部按规则重算）`,
    en: (d) => `settlement mode ${q(d.value)} is not valid: use asGiven (take what insurance paid as given, the default) or recomputeAll (recompute every layer by the rules)`,
  },
  INVALID_SCENARIO: {
    excel: '#VALUE!',
    zh: (d) => `情景${d.file ? ` ${d.file}` : ''} 的字段 ${d.field} 无效${d.value !== undefined ? `（${q(d.value)}）` : ''}：${d.problem}`,
    en: (d) => `scenario${d.file ? ` ${d.file}` : ''} field ${d.field} is not valid${d.value !== undefined ? ` (${q(d.value)})` : ''}: ${d.problemEn ?? d.problem}`,
  },

  // ---- Budget decisions (multi-year plan, range, solver, burden).
  INVALID_BUDGET_INPUT: {
    excel: '#VALUE!',
    zh: (d) => `${d.field} 无效${d.value !== undefined ? `（${q(d.value)}）` : ''}：${d.problem}`,
    en: (d) => `${d.fieldEn ?? d.field} is not valid${d.value !== undefined ? ` (${q(d.value)})` : ''}: ${d.problemEn ?? d.problem}`,
  },
  BUDGET_NO_FIT: {
    excel: '#N/A',
    zh: (d) => `参数 ${d.path} 在有效范围 ${d.min}–${d.max} 内取任何值，资金需求都${d.side === 'above' ? `高于上限 ${d.ceiling}（最少也要 ${d.best}）` : `低于下限`}：请提高上限、放宽参数范围（--min/--max）或换一个参数`,
    en: (d) => `no value of ${d.path} in its valid range ${d.min}–${d.max} brings the fund need within ${d.ceiling}${d.side === 'above' ? ` (the least it can be is ${d.best})` : ''}: raise the ceiling, widen the range (--min/--max) or choose another parameter`,
  },
};

export class MedaidError extends Error {
  readonly code: ErrorCode;
  readonly details: Details;
  readonly zh: string;
  readonly en: string;
  readonly excel: ExcelErrorKind;

  constructor(code: ErrorCode, details: Details = {}) {
    const t = TEMPLATES[code];
    const zh = t.zh(details);
    const en = t.en(details);
    super(`${zh} / ${en}`);
    this.name = 'MedaidError';
    this.code = code;
    this.details = details;
    this.zh = zh;
    this.en = en;
    this.excel = t.excel;
  }

  /** The same error with a location (a cell, a roster row) put in front of both messages. */
  at(location: string): MedaidError {
    const e = new MedaidError(this.code, this.details);
    const located = Object.create(e) as MedaidError;
    Object.defineProperties(located, {
      zh: { value: `${location}：${this.zh}` },
      en: { value: `${location}: ${this.en}` },
      message: { value: `${location}：${this.zh} / ${location}: ${this.en}` },
      location: { value: location },
    });
    return located;
  }
}

export function isMedaidError(e: unknown): e is MedaidError {
  return e instanceof MedaidError;
}

/**
 * Any input as text, for matching it and for quoting it in a message. Never throws: a
 * null-prototype object, or one whose toString throws, is shown by its type instead of
 * turning a bad-input error into an untyped TypeError (found by test/hardening/fuzz-engine).
 */
export function inputText(x: unknown): string {
  if (typeof x === 'string') return x;
  try {
    return String(x);
  } catch {
    try {
      return Object.prototype.toString.call(x);
    } catch {
      return `[${typeof x}]`;
    }
  }
}
