/**
 * The fields of the two roster tables and every header a bureau's export is known to
 * use for them. Matching is exact after normalisation (not "contains"), so that e.g.
 * 门诊类型 (scheme) is never taken for 类型 (visit type).
 */
import { inputText } from '../engine/errors';
import { SETTLEMENT_FIELDS } from './settlementFields';
import type { FieldOf, PeopleField, RosterKind, VisitField } from './types';

export interface FieldDef<F extends string = string> {
  field: F;
  required: boolean;
  /** Label shown in messages and the mapping UI. */
  zh: string;
  en: string;
  /** Header texts that mean this field (matched after normalizeHeader). */
  aliases: string[];
  /** Required only when this other field has a column (目录外费用 with 医疗总费用). */
  requiredWith?: F;
  /** Not required when this other field has a column (政策范围内自付 is not needed with 医疗总费用). */
  requiredUnless?: F;
}

/** Whether a field must have a column, given the columns the mapping has. */
export function isRequired<F extends string>(d: FieldDef<F>, columns: Partial<Record<F, number>>): boolean {
  if (d.requiredWith !== undefined) return columns[d.requiredWith] !== undefined && columns[d.requiredWith] !== null;
  if (d.requiredUnless !== undefined && columns[d.requiredUnless] !== undefined && columns[d.requiredUnless] !== null) return false;
  return d.required;
}

const ID_ALIASES = [
  '身份证号', '身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '证件号码', '证件号', '身份证', '身份证件号码',
  '居民身份证号', '居民身份证号码', '参保人身份证号', '患者身份证号',
  'id', 'idnumber', 'idno', 'idcard', 'idcardnumber', 'personid',
];

export const PEOPLE_FIELDS: readonly FieldDef<PeopleField>[] = [
  { field: 'id', required: true, zh: '身份证号', en: 'ID number', aliases: ID_ALIASES },
  { field: 'name', required: true, zh: '姓名', en: 'name', aliases: ['姓名', '名字', '人员姓名', '患者姓名', '参保人姓名', '救助对象姓名', 'name', 'fullname'] },
  {
    field: 'categories', required: true, zh: '人员类别', en: 'category',
    aliases: ['人员类别', '困难类别', '救助类别', '身份类别', '人员类型', '困难群众类别', '救助对象类别', '对象类别', '类别', '人员身份', '困难群众身份', 'category', 'categories', 'status'],
  },
  {
    field: 'district', required: true, zh: '区县', en: 'district',
    aliases: ['区县', '县区', '所属区县', '所属县区', '县市区', '县(市、区)', '县(市区)', '区(县)', '县(区)', '所在区县', 'district', 'county'],
  },
  { field: 'tier', required: false, zh: '参保档次', en: 'insurance tier', aliases: ['参保档次', '缴费档次', '档次', '参保缴费档次', 'tier', 'insurancetier'] },
  { field: 'premium', required: false, zh: '个人缴费', en: 'individual premium', aliases: ['个人缴费', '个人缴费额', '个人缴费标准', '个人缴费金额', '缴费金额', '个人应缴', 'premium', 'individualpremium'] },
];

export const VISIT_FIELDS: readonly FieldDef<VisitField>[] = [
  { field: 'id', required: true, zh: '身份证号', en: 'ID number', aliases: ID_ALIASES },
  {
    field: 'date', required: true, zh: '结算日期', en: 'settlement date',
    aliases: ['结算日期', '就诊日期', '出院日期', '结算时间', '费用结算日期', '就医日期', '日期', 'date', 'settlementdate', 'visitdate'],
  },
  {
    field: 'kind', required: true, zh: '就诊类型', en: 'visit type',
    aliases: ['就诊类型', '类型', '就医类型', '就诊方式', '医疗类别', '就医方式', 'visittype', 'type', 'kind'],
  },
  {
    field: 'scheme', required: false, zh: '门诊类型', en: 'outpatient scheme',
    aliases: ['门诊类型', '门诊救助类型', '门诊病种', '病种', '病种名称', '慢特病病种', '门诊慢特病病种', 'scheme', 'outpatientscheme', 'outpatienttype'],
  },
  {
    field: 'cost', required: true, requiredUnless: 'grossCost', zh: '政策范围内自付', en: 'policy-range out-of-pocket',
    aliases: ['政策范围内自付', '政策范围内个人自付', '政策范围内自付费用', '政策范围内个人自付费用', '政策范围内自付金额', '自付费用', '政策内自付', 'outofpocket', 'oop', 'cost'],
  },
  {
    field: 'referred', required: true, zh: '是否规范转诊省内就医', en: 'referred & in-province',
    aliases: ['是否规范转诊省内就医', '规范转诊', '是否规范转诊', '规范转诊省内就医', '是否转诊', 'referred', 'referredinprovince'],
  },
  { field: 'totalCost', required: false, zh: '目录内总费用', en: 'in-catalogue total cost', aliases: ['目录内总费用', '目录内费用', '目录内医疗费用', 'totalcost', 'cataloguecost'] },
  {
    field: 'insurancePaid', required: false, zh: '医保支付', en: 'insurance paid',
    aliases: ['医保支付', '基金支付', '医保基金支付', '统筹基金支付', '医保报销金额', '医保支付金额', 'insurancepaid'],
  },
  ...SETTLEMENT_FIELDS,
];

export function fieldDefs<K extends RosterKind>(kind: K): readonly FieldDef<FieldOf<K>>[] {
  return (kind === 'people' ? PEOPLE_FIELDS : VISIT_FIELDS) as unknown as readonly FieldDef<FieldOf<K>>[];
}

const WS = /\s+/g;
const MARKS = /[*＊:：_\-.]/g;
// A trailing unit or note in brackets: 政策范围内自付(元), 是否规范转诊(是/否), 身份证号（必填）.
const TRAILING_NOTE = /\([^()]*\)$/;

/**
 * Header text to its comparison key: full-width to ASCII (NFKC), no spaces, no
 * required-marks or separators, lower case, a trailing bracketed note dropped.
 * The bracket inside 县(市、区) is kept because it is the whole name, not a note.
 */
export function normalizeHeader(h: unknown): string {
  let s = inputText(h ?? '').normalize('NFKC').replace(WS, '').toLowerCase();
  s = s.replace(MARKS, '');
  if (TRAILING_NOTE.test(s) && !ALIAS_KEYS.has(s)) s = s.replace(TRAILING_NOTE, '');
  return s;
}

function key(alias: string): string {
  return alias.normalize('NFKC').replace(WS, '').toLowerCase().replace(MARKS, '');
}

const ALIAS_KEYS = new Set<string>();
/** Header key → field and rank: 0 for the field's own name (FieldDef.zh), then the alias's place in its list. */
const BY_KIND: Record<RosterKind, Map<string, { field: string; rank: number }>> = { people: new Map(), visits: new Map() };
for (const [kind, defs] of [['people', PEOPLE_FIELDS], ['visits', VISIT_FIELDS]] as const) {
  for (const d of defs) {
    const exact = key(d.zh);
    d.aliases.forEach((a, i) => {
      const k = key(a);
      ALIAS_KEYS.add(k);
      if (!BY_KIND[kind].has(k)) BY_KIND[kind].set(k, { field: d.field, rank: k === exact ? 0 : i + 1 });
    });
  }
}

/** The field a header names in a table of this kind, if any. */
export function fieldForHeader<K extends RosterKind>(kind: K, header: unknown): FieldOf<K> | undefined {
  return BY_KIND[kind].get(normalizeHeader(header))?.field as FieldOf<K> | undefined;
}

/**
 * How well a header names its field: 0 = the field's own name (政策范围内自付), then the
 * alias's place in the list above, most specific first (so 政策范围内个人自付 beats 自付费用,
 * which in some exports is the total self-paid amount, out-of-policy costs included).
 */
export function headerRank<K extends RosterKind>(kind: K, header: unknown): { field: FieldOf<K>; rank: number } | undefined {
  return BY_KIND[kind].get(normalizeHeader(header)) as { field: FieldOf<K>; rank: number } | undefined;
}

/** True when a header is a known name for any field of either table (header-row detection). */
export function isKnownHeader(header: unknown): boolean {
  return ALIAS_KEYS.has(normalizeHeader(header));
}
