/**
 * Categories of people in difficulty (困难群众身份). Each has a canonical id and every
 * Chinese name the five documents use for it, so a roster written in any region's words
 * resolves to the same thing. Which of them a region's policy covers is the region's data.
 */
import { MedaidError, inputText } from './errors';

export type CategoryId =
  | 'tekun'
  | 'orphan'
  | 'dibao'
  | 'dibao_edge'
  | 'returned_poverty'
  | 'monitored'
  | 'illness_poverty'
  | 'severe_disability'
  | 'registered_poor'
  | 'key_assistance'
  | 'other_low_income'
  | 'other_special';

export interface Category {
  id: CategoryId;
  zh: string;
  en: string;
  /** Every other name the documents (or rosters) use. Matching ignores spaces and case. */
  aliases: string[];
  /**
   * Names from before the current scheme, mapped with a note in the roster report (issue 12
   * item 6): 农村五保供养 was merged into 特困人员救助供养 by the 社会救助暂行办法 (2014).
   */
  historical?: string[];
}

export const CATEGORIES: readonly Category[] = [
  { id: 'tekun', zh: '特困人员', en: 'Persons in extreme poverty (tekun)', aliases: ['特困', '特困供养人员', '特困供养对象', '特困人员救助供养', '特困供养', 'tekun', 'extreme poverty'], historical: ['五保户', '五保', '五保对象', '五保供养对象', '农村五保供养对象', '五保老人'] },
  { id: 'orphan', zh: '孤儿', en: 'Orphans and de-facto unsupported children', aliases: ['孤儿（含事实无人抚养儿童）', '事实无人抚养儿童', '孤残儿童', '政府供养的孤残儿童', 'orphan'] },
  { id: 'dibao', zh: '低保对象', en: 'Minimum-subsistence (dibao) recipients', aliases: ['低保', '城乡低保对象', '低保户', '城乡低保', 'dibao'] },
  { id: 'dibao_edge', zh: '低保边缘家庭成员', en: 'Members of near-dibao households', aliases: ['低保边缘', '低保边缘家庭', '低保边缘户', 'dibao edge', 'dibao_edge', 'near-dibao'] },
  { id: 'returned_poverty', zh: '返贫致贫人口', en: 'People fallen (back) into poverty', aliases: ['返贫致贫', '返贫人口', '致贫人口', 'returned_poverty', 'returned poverty'] },
  { id: 'monitored', zh: '农村易返贫致贫人口', en: 'Rural people at risk of (re)falling into poverty (monitored)', aliases: ['纳入监测范围的农村易返贫致贫人口', '易返贫致贫人口', '监测对象', '乡村振兴部门监测对象', '防返贫监测对象', 'monitored'] },
  { id: 'illness_poverty', zh: '因病致贫重病患者', en: 'Seriously ill people impoverished by medical costs', aliases: ['因病致贫家庭重病患者', '因病致贫', '大病患者', 'illness_poverty', 'illness poverty'] },
  { id: 'severe_disability', zh: '重度残疾人', en: 'Persons with severe disabilities', aliases: ['重残', '重度残疾', '一二级残疾人', 'severe_disability', 'severe disability'] },
  { id: 'registered_poor', zh: '建档立卡贫困人口', en: 'Registered poor (jiandang lika)', aliases: ['建档立卡', '建档立卡贫困户', '脱贫人口', 'registered_poor', 'registered poor'] },
  { id: 'key_assistance', zh: '重点救助对象', en: 'Key assistance recipients (Weihai)', aliases: ['重点救助', 'key_assistance', 'key assistance'] },
  { id: 'other_low_income', zh: '其他低收入救助对象', en: 'Other low-income assistance recipients', aliases: ['其他低收入', '低收入救助对象', '低收入人口', 'other_low_income', 'other low income'] },
  { id: 'other_special', zh: '其他特殊救助人员', en: 'Other special assistance recipients', aliases: ['其他特殊困难人员', '其他特殊', '其他特殊救助对象', 'other_special', 'other special'] },
];

/*
 * Traditional characters of the category names (Hong Kong / Taiwan input methods, some older
 * county systems), to simplified, so 低保對象, 特困人員, 孤兒, 重度殘疾人… match. Only the
 * characters these names use: this is matching names, not converting text.
 */
const TRADITIONAL: Record<string, string> = {
  對: '对', 員: '员', 邊: '边', 緣: '缘', 兒: '儿', 殘: '残', 檔: '档', 貧: '贫', 農: '农', 點: '点', 養: '养',
  戶: '户', 難: '难', 無: '无', 撫: '抚', 監: '监', 測: '测', 圍: '围', 鄉: '乡', 興: '兴', 門: '门', 納: '纳',
  範: '范', 別: '别', 類: '类', 級: '级', 脫: '脱', 醫: '医', 療: '疗', 證: '证', 號: '号', 體: '体', 庫: '库',
};
const TRAD_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');
const toSimplified = (s: string) => s.replace(TRAD_RE, (ch) => TRADITIONAL[ch]);

const norm = (s: string) => toSimplified(s.normalize('NFKC').replace(/\s+/g, '').toLowerCase());

const BY_NAME = new Map<string, Category>();
const HISTORICAL = new Set<string>();
for (const c of CATEGORIES) {
  for (const name of [c.id, c.zh, c.en, ...c.aliases, ...(c.historical ?? [])]) BY_NAME.set(norm(name), c);
  for (const name of c.historical ?? []) HISTORICAL.add(norm(name));
}

/**
 * How a name was understood, when it is worth telling the user: a historical name (五保户 →
 * 特困人员) or a traditional-character form (低保對象 → 低保对象). undefined for current names.
 */
export function categoryMapping(name: string): { from: string; to: string; why: 'historical' | 'traditional' } | undefined {
  const text = inputText(name).trim();
  const c = BY_NAME.get(norm(text));
  if (!c) return undefined;
  if (HISTORICAL.has(norm(text))) return { from: text, to: c.zh, why: 'historical' };
  if (toSimplified(text) !== text) return { from: text, to: c.zh, why: 'traditional' };
  return undefined;
}

/** The separate status names in a cell ("低保对象;孤儿", "低保、孤儿"). */
export function categoryParts(input: string | readonly string[]): string[] {
  return (Array.isArray(input) ? input : [input])
    .flatMap((s) => inputText(s ?? '').split(/[;；,，、/|\n]+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function categoryById(id: CategoryId): Category {
  return CATEGORIES.find((c) => c.id === id)!;
}

/** One name to its category, or a typed error naming the value. */
export function parseCategory(name: string): CategoryId {
  const c = BY_NAME.get(norm(inputText(name)));
  if (!c) throw new MedaidError('UNKNOWN_CATEGORY', { value: inputText(name).trim() });
  return c.id;
}

/**
 * A cell may hold several statuses ("低保对象;孤儿", "低保、孤儿", an array of cells).
 * Each must be known: one unknown name is an error naming it, not a silent drop.
 * Duplicates collapse; order is kept.
 */
export function parseCategories(input: string | readonly string[]): CategoryId[] {
  const parts = categoryParts(input);
  if (parts.length === 0) throw new MedaidError('UNKNOWN_CATEGORY', { value: '' });
  const ids: CategoryId[] = [];
  for (const p of parts) {
    const id = parseCategory(p);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
