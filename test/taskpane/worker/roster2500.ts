/**
 * A 2,500-person 信阳 roster for the worker's progress and cancel tests: 2,500 低保对象 in 商城县
 * with distinct valid IDs (born 1942-03-10 … 1942-03-27, sequence 000–138) and one inpatient
 * visit of 10,000 for the first of them. Hand-worked (信医保办〔2024〕52号): premium subsidy
 * 2,500 × 80 = 200,000.00 (二、一是, ruling 8: "不低于 80 元" read as 80); assistance
 * 10,000 × 70% = 7,000.00 (二、二是).
 */
import { idCheckChar } from '../../../src/roster';
import { readCsv } from '../../../src/roster/csv';

export const PEOPLE_2500 = 2500;

export function ids2500(): string[] {
  return Array.from({ length: PEOPLE_2500 }, (_, i) => {
    const body = `411524194203${10 + (i % 18)}${String(Math.floor(i / 18)).padStart(3, '0')}`;
    return body + idCheckChar(body);
  });
}

export function roster2500() {
  const ids = ids2500();
  const people = readCsv(`身份证号,姓名,人员类别,区县\n${ids.map((id, i) => `${id},人${i},低保对象,商城县`).join('\n')}\n`, { sheet: 'p.csv' });
  const visits = readCsv(`身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${ids[0]},2024-05-01,住院,10000,否\n`, { sheet: 'v.csv' });
  return { people, visits };
}
