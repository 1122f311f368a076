/**
 * Every error code's message, in Chinese and in English, names the value it is about and
 * says what to do (an instruction, or the list of accepted values). The table below has an
 * entry for every ErrorCode — TypeScript refuses the file if a new code is added without one.
 */
import { MedaidError } from '../../src/engine';
import type { ErrorCode } from '../../src/engine';
import { expectSaysWhatToDo } from './expectations';

type Details = Record<string, string | number | undefined>;

/** Details as the throwing code passes them; `shows` = what both messages must contain. */
const SAMPLES: Record<ErrorCode, { d: Details; shows: string[] }> = {
  BLANK_AMOUNT: { d: { field: 'cost 费用' }, shows: ['cost'] },
  BAD_AMOUNT: { d: { field: 'cost 费用', value: 'abc' }, shows: ['cost', 'abc'] },
  NEGATIVE_AMOUNT: { d: { field: 'cost 费用', value: '-5' }, shows: ['cost', '-5'] },
  BAD_YEAR: { d: { value: '二〇二四' }, shows: ['二〇二四'] },
  UNKNOWN_CATEGORY: { d: { value: '外星人' }, shows: ['外星人'] },
  UNKNOWN_REGION: { d: { value: '火星', known: '信阳市、西平县' }, shows: ['火星', '信阳市'] },
  UNKNOWN_YEAR: { d: { region: '信阳市', value: 2023, earliest: '2024' }, shows: ['2023', '2024'] },
  UNKNOWN_SCHEME: { d: { region: '信阳市', value: '牙科', known: '罕见病门诊救助' }, shows: ['牙科', '罕见病门诊救助'] },
  UNKNOWN_HOSPITAL_LEVEL: { d: { region: '西平县', value: '四级', known: '二级定点医疗机构' }, shows: ['四级', '二级定点医疗机构'] },
  UNKNOWN_OUTPATIENT_POOL: { d: { region: '信阳市', regionEn: 'Xinyang', value: '牙科', known: '普通门诊统筹、“两病”门诊用药（高血压）', knownEn: 'General outpatient pooling (普通门诊), Two-diseases outpatient drugs, hypertension (高血压)' }, shows: ['牙科', '高血压'] },
  CATEGORY_NOT_IN_POLICY: { d: { region: '信阳市', value: '重点救助对象' }, shows: ['重点救助对象', '信阳市'] },
  TERM_NOT_DEFINED: { d: { region: '信阳市', edition: 'xinyang-2024', term: '监测标准', termEn: 'a monitoring threshold' }, shows: ['xinyang-2024'] },
  MISSING_INCOME: { d: { term: '起付标准', termEn: 'Deductible', region: '山西省', incomeYear: 2021, share: '10%', path: 'income.perCapitaDisposable' }, shows: ['2021', 'income.perCapitaDisposable'] },
  MISSING_PARAMETER: { d: { region: '西平县', path: 'ciInsurance.base.deductible', term: '起付标准', termEn: 'Deductible', year: 2022 }, shows: ['ciInsurance.base.deductible', '2022'] },
  PREMIUM_REQUIRED: { d: { region: '威海市', year: 2019 }, shows: ['威海市', '2019', 'premium'] },
  BAD_INSURANCE_TIER: { d: { value: '三档' }, shows: ['三档', '一档', '二档'] },
  FIRST_TIER_REQUIRED: { d: { region: '威海市', year: 2019, path: 'premium.tiers.first_tier.amount' }, shows: ['威海市', '2019', 'premium.tiers.first_tier.amount', '二档'] },
  BAD_RATIO: { d: { value: '1比9' }, shows: ['1比9'] },
  BAD_PART: { d: { value: '省级' }, shows: ['省级'] },
  INVALID_POLICY: { d: { file: 'my.json', problems: 'inpatient.tiers.x.ratio: must be <= 1' }, shows: ['my.json', 'inpatient.tiers.x.ratio'] },
  INVALID_OVERRIDE: { d: { path: 'a.b', problem: '参数路径无效', problemEn: 'not a parameter path' }, shows: ['a.b'] },
  DUPLICATE_REGION: { d: { value: 'xinyang-2024' }, shows: ['xinyang-2024'] },
  POLICY_REPLACES_BUILTIN: { d: { file: '--policy my.json', path: 'my.json', value: 'xinyang-2024b', region: '信阳市', regionEn: 'Xinyang', year: 2024, replaced: 'xinyang-2024' }, shows: ['my.json', 'xinyang-2024b', 'xinyang-2024', '--policy-replace'] },
  ROSTER_MISSING_COLUMN: { d: { table: '人员表', tableEn: 'people', columns: '身份证号', columnsEn: 'ID number', found: 'A 姓名' }, shows: ['A 姓名'] },
  ROSTER_BAD_MAPPING: { d: { problem: '第 9 列不存在', problemEn: 'column 9 does not exist' }, shows: ['9'] },
  ROSTER_NO_SHEET: { d: { value: '人员', known: 'Sheet1' }, shows: ['人员', 'Sheet1'] },
  ROSTER_BAD_FILE: { d: { file: 'a.xlsx', problem: '不是有效的 .xlsx 文件', problemEn: 'not a valid .xlsx file' }, shows: ['a.xlsx'] },
  ROSTER_MALFORMED_ROW: { d: { problem: 'Quoted field unterminated' }, shows: ['Quoted field unterminated'] },
  ROSTER_BLANK_CELL: { d: { column: '姓名', what: '姓名', whatEn: 'the name' }, shows: ['姓名'] },
  ROSTER_ID_FORMAT: { d: { value: '12345' }, shows: ['12345'] },
  ROSTER_ID_CHECK_DIGIT: { d: { value: '410102199001011235', expected: '4' }, shows: ['410102199001011235'] },
  ROSTER_ID_BIRTH_DATE: { d: { value: '410102199013011234', birth: '19901301' }, shows: ['410102199013011234', '19901301'] },
  ROSTER_ID_LEGACY: { d: { value: '410102900101123', converted: '410102199001011234' }, shows: ['410102900101123', '410102199001011234'] },
  ROSTER_ID_PRECISION_LOST: { d: { value: '4.10102199001011E+17' }, shows: ['4.10102199001011E+17'] },
  ROSTER_ID_AS_NUMBER: { d: { value: '410102900101123' }, shows: ['410102900101123'] },
  ROSTER_DUPLICATE_ID: { d: { value: '410102199001011234', firstRow: 3 }, shows: ['410102199001011234', '3'] },
  ROSTER_UNKNOWN_PERSON: { d: { value: '410102199001011234' }, shows: ['410102199001011234'] },
  ROSTER_BAD_DATE: { d: { column: '结算日期', value: '2024-02-30' }, shows: ['结算日期', '2024-02-30'] },
  ROSTER_DATE_OUT_OF_YEAR: { d: { column: '结算日期', value: '2023-12-31', year: 2024 }, shows: ['2023-12-31', '2024'] },
  ROSTER_BAD_VISIT_KIND: { d: { column: '就诊类型', value: '体检' }, shows: ['体检'] },
  ROSTER_BAD_FLAG: { d: { column: '是否规范转诊', value: '也许' }, shows: ['也许'] },
  ROSTER_FLAG_BLANK: { d: { column: '是否规范转诊' }, shows: ['是否规范转诊'] },
  ROSTER_SCHEME_IGNORED: { d: { value: '罕见病' }, shows: ['罕见病'] },
  ROSTER_COST_EXCEEDS_TOTAL: { d: { column: '自付', value: '900', totalColumn: '总费用', total: '800' }, shows: ['900', '800'] },
  ROSTER_UNBALANCED_QUOTE: { d: { line: 7 }, shows: ['7'] },
  ROSTER_COLUMN_IGNORED: { d: { field: '政策范围内自付', fieldEn: 'policy-range out-of-pocket', used: 'E 政策范围内自付', ignored: 'F 自付费用', duplicate: 0, kind: 'visits' }, shows: ['E 政策范围内自付', 'F 自付费用'] },
  ROSTER_OPTIONAL_IGNORED: { d: { column: '个人缴费', value: '待定', reason: '不是有效金额', reasonEn: 'not an amount' }, shows: ['个人缴费', '待定'] },
  ROSTER_SCHEME_DEFAULT: { d: { scheme: '9类病种门诊救助' }, shows: ['9类病种门诊救助'] },
  ROSTER_SUB_FEN: { d: { column: '政策范围内自付', value: '6995.635', places: 3 }, shows: ['政策范围内自付', '6995.635'] },
  ROSTER_DUPLICATE_VISIT: { d: { firstRow: 4 }, shows: ['4'] },
  ROSTER_NO_DATA: { d: { blank: 2 }, shows: ['2'] },
  ROSTER_CATEGORY_MAPPED: { d: { column: '人员类别', mapping: '五保户 → 特困人员' }, shows: ['五保户 → 特困人员'] },
  ROSTER_FORMULA_NO_VALUE: { d: { column: '政策范围内自付', formula: 'B2*0.7' }, shows: ['政策范围内自付', 'B2*0.7'] },
  ROSTER_ID_INVISIBLE: { d: { value: '410102199001011234', chars: 'U+200B' }, shows: ['410102199001011234', 'U+200B'] },
  ROSTER_MULTILINE_CELL: { d: { from: 7, to: 9 }, shows: ['7', '9'] },
  ROSTER_SETTLEMENT_PARTS_EXCEED: { d: { parts: '目录外费用 + 基本医保统筹支付', partsEn: 'out-of-catalogue + basic insurance paid', sum: '1200.00', totalColumn: '医疗总费用', total: '1000.00' }, shows: ['1200.00', '1000.00', '医疗总费用'] },
  LAYER_INPUT_MISSING: { d: { layer: '目录外费用控制比例', layerEn: 'the out-of-catalogue limit', column: '医院等级 / 收费类别', columnEn: 'hospital level (医院等级 / 收费类别)', why: '按医院等级规定上限', whyEn: 'limits by hospital level' }, shows: ['医院等级'] },
  BAD_LAYER_MODE: { d: { value: 'sometimes' }, shows: ['sometimes', 'asGiven', 'recomputeAll'] },
  INVALID_SCENARIO: { d: { file: 's.json', field: 'growth.cost', value: 'abc', problem: '应为数字或百分比文本', problemEn: 'must be a number or percentage text' }, shows: ['s.json', 'growth.cost', 'abc'] },
  INVALID_BUDGET_INPUT: { d: { field: '--years', value: '40', problem: '应为 1 到 10 之间的整数', problemEn: 'must be a whole number from 1 to 10' }, shows: ['--years', '40'] },
  BUDGET_NO_FIT: { d: { path: 'inpatient.tiers.dibao_returned.ratio', min: '0', max: '1', ceiling: '1000.00', best: '1080.00', side: 'above' }, shows: ['inpatient.tiers.dibao_returned.ratio', '1000.00', '1080.00'] },
};

describe('every error code: bilingual, names the value, says what to do', () => {
  test.each(Object.entries(SAMPLES))('%s', (code, { d, shows }) => {
    const e = new MedaidError(code as ErrorCode, d);
    for (const s of shows) {
      expect(e.zh).toContain(s);
      expect(e.en).toContain(s);
    }
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    expectSaysWhatToDo(e.zh, e.en);
    expect(['#VALUE!', '#N/A', '#NUM!']).toContain(e.excel);
  });

  test('a located error (a cell, a roster row) keeps code and kind and puts the place first', () => {
    const e = new MedaidError('BAD_AMOUNT', { field: 'cost 费用', value: 'abc' }).at('Sheet1!C7');
    expect(e.code).toBe('BAD_AMOUNT');
    expect(e.excel).toBe('#VALUE!');
    expect(e.zh.startsWith('Sheet1!C7：')).toBe(true);
    expect(e.en.startsWith('Sheet1!C7: ')).toBe(true);
  });
});
