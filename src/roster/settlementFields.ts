/**
 * The settlement-export (结算清单) columns of the visits table: a visit may give either the
 * policy-range out-of-pocket amount (政策范围内自付, ruling 2) or these, from which the
 * projection derives it layer by layer (src/engine/rules/settlementChain.ts).
 * 医疗总费用 makes a row a settlement row; 目录外费用 and 基本医保统筹支付 are then required;
 * 大病保险支付 and 医疗机构减免, when absent, are computed from the region's rules; 医院等级 /
 * 收费类别 is needed where an out-of-catalogue limit applies. An outpatient row whose 门诊统筹类别
 * names a pool of the region's outpatient pooling (信阳: 普通门诊 / 高血压 / 糖尿病 / 合并两病) may
 * leave 基本医保统筹支付 blank: it is then computed from the pool (rules/outpatientPooling.ts).
 */
import type { FieldDef } from './fields';
import type { VisitField } from './types';

export const SETTLEMENT_FIELDS: readonly FieldDef<VisitField>[] = [
  {
    field: 'grossCost', required: false, zh: '医疗总费用', en: 'total medical cost',
    aliases: ['医疗总费用', '总费用', '医疗费用总额', '费用总额', '医疗费总额', '总医疗费用', '住院总费用', '门诊总费用', '医疗总金额', 'grosscost', 'totalmedicalcost', 'medicaltotal'],
  },
  {
    field: 'outOfCatalogue', required: false, requiredWith: 'grossCost', zh: '目录外费用', en: 'out-of-catalogue cost',
    aliases: ['目录外费用', '政策范围外费用', '目录外自费', '目录外金额', '政策外费用', '范围外费用', '全自费', '全自费金额', '自费费用', '自费金额', 'outofcatalogue', 'outofcataloguecost', 'noncompliantcost'],
  },
  {
    field: 'basicPaid', required: false, requiredWith: 'grossCost', zh: '基本医保统筹支付', en: 'basic insurance paid',
    aliases: ['基本医保统筹支付', '基本医保支付', '基本医疗保险支付', '基本医疗保险统筹支付', '基本医疗保险统筹基金支付', '基本医保统筹基金支付', '统筹支付', '统筹支付金额', '基本医保报销', 'basicpaid', 'basicinsurancepaid'],
  },
  {
    field: 'ciPaid', required: false, zh: '大病保险支付', en: 'critical-illness insurance paid',
    aliases: ['大病保险支付', '大病保险', '大病支付', '大病保险报销', '大病保险基金支付', '居民大病保险支付', '大病保险支付金额', 'cipaid', 'criticalillnesspaid'],
  },
  {
    field: 'reduction', required: false, zh: '医疗机构减免', en: 'hospital reduction',
    aliases: ['医疗机构减免', '医院减免', '机构减免', '减免金额', '减免费用', '医疗机构减免金额', 'reduction', 'hospitalreduction'],
  },
  {
    field: 'hospitalLevel', required: false, zh: '医院等级 / 收费类别', en: 'hospital level / fee class',
    aliases: ['医院等级', '医院级别', '医疗机构等级', '医疗机构级别', '定点医疗机构等级', '收费类别', '收费标准类别', '医院收费类别', '收费标准', 'hospitallevel', 'level', 'feeclass'],
  },
  {
    field: 'pool', required: false, zh: '门诊统筹类别', en: 'outpatient pooling class',
    aliases: ['门诊统筹类别', '门诊统筹类型', '统筹类别', '门诊统筹', '两病类别', '两病类型', '门诊两病', '两病用药', 'outpatientpool', 'poolingclass', 'pool'],
  },
];
