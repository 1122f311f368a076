#!/usr/bin/env node
/**
 * Writes the bundled settlement-style sample roster for 威海 2019
 * (samples/weihai-2019-settlement-people.csv, samples/weihai-2019-settlement-visits.csv, UTF-8
 * with BOM): made-up people in Weihai's four districts and county-level cities, in Weihai's own
 * categories, each with 1–5 visits whose columns are those of a settlement export (结算清单):
 * 医疗总费用, 政策范围外费用, 基本医保统筹支付, 大病保险支付, 医疗机构减免, 医院等级.
 *
 * Shares, illustrative only (not from the documents): out-of-catalogue 3–12 % of the total,
 * basic insurance 55–75 % of the in-catalogue part for inpatient stays, 40–60 % outpatient.
 * 大病保险支付 follows 威医保发〔2019〕25号 三、(一) for 困难人员 (5000; 65/75/85 %, annual) and,
 * for the others, an ordinary 15000 deductible at 60 % (the generator's assumption: the notice
 * does not state the ordinary terms). 医疗机构减免 follows 三、(二) (10 %, ≤ 200) for 建档立卡
 * inpatient stays, left blank on some rows so the projection computes it from the rule.
 * 个人缴费 250 yuan for everyone: an assumption read as the first-tier premium (二、(一) subsidises
 * at the first tier; the notice does not state the amount). Visits fall between 2019-07-21 (the
 * notice's effective date) and the year's end.
 *
 * Deterministic (mulberry32, fixed seed): `node scripts/make-settlement-sample.js` regenerates
 * the committed files byte for byte. Nothing here is real data.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { prng, checkChar } = require('./make-sample-roster');

const DISTRICTS = [['环翠区', '371002', 9], ['文登区', '371003', 6], ['荣成市', '371082', 7], ['乳山市', '371083', 5]];
const CATEGORY_MIX = [
  ['建档立卡贫困人口', 22], ['重度残疾人', 8], ['低保对象', 30], ['特困人员', 10], ['孤儿', 1],
  ['其他低收入救助对象', 14], ['因病致贫重病患者', 10], ['其他特殊救助人员', 3], ['低保对象;重度残疾人', 2],
];
const HARDSHIP = new Set(['建档立卡贫困人口', '重度残疾人', '低保对象', '特困人员', '孤儿', '重点救助对象']);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华玉萍红建国志文斌辉云峰林波宇浩凯鹏翠凤梅兰春花海燕小龙玲雪琴德福';
const LEVELS = [['一级', 3], ['二级', 5], ['三级', 4]];

const pad = (n, w) => String(n).padStart(w, '0');
const yuan = (fen) => `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;
function pick(rand, items) {
  const total = items.reduce((t, x) => t + x[x.length - 1], 0);
  let r = rand() * total;
  for (const x of items) if ((r -= x[x.length - 1]) < 0) return x;
  return items[items.length - 1];
}
function isoDate(year, day) {
  const d = new Date(Date.UTC(year, 0, 1 + day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
const csvLine = (cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** Marginal scale in fen: brackets [thresholdFen, rate‰] above a deductible (integer arithmetic, half up). */
function scaleFen(cum, deductible, brackets) {
  let t = 0;
  for (let i = 0; i < brackets.length; i++) {
    const lo = Math.max(brackets[i][0], deductible);
    const hi = i + 1 < brackets.length ? brackets[i + 1][0] : Infinity;
    if (cum > lo) t += (Math.min(cum, hi) - lo) * brackets[i][1];
  }
  return Math.floor((t + 500) / 1000);
}
const WEIHAI_CI = (cum) => scaleFen(cum, 500000, [[0, 650], [10000000, 750], [30000000, 850]]);
const ORDINARY_CI = (cum) => scaleFen(cum, 1500000, [[0, 600]]);

function makeSample({ seed = 20190721, people = 600, year = 2019 } = {}) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const P = [['身份证号', '姓名', '人员类别', '区县', '个人缴费']];
  const V = [['身份证号', '结算日期', '就诊类型', '门诊类型', '是否规范转诊', '医院等级', '医疗总费用', '政策范围外费用', '基本医保统筹支付', '大病保险支付', '医疗机构减免']];
  const seen = new Set();
  for (let i = 0; i < people; i++) {
    const [district, code] = pick(rand, DISTRICTS);
    let id;
    do {
      const first17 = `${code}${isoDate(year - int(18, 85), int(0, 364)).replace(/-/g, '')}${pad(int(1, 999), 3)}`;
      id = first17 + checkChar(first17);
    } while (seen.has(id));
    seen.add(id);
    const [cats] = pick(rand, CATEGORY_MIX);
    P.push([id, SURNAMES[int(0, SURNAMES.length - 1)] + GIVEN[int(0, GIVEN.length - 1)] + (rand() < 0.5 ? GIVEN[int(0, GIVEN.length - 1)] : ''), cats, district, '250']);
    const hardship = cats.split(';').some((c) => HARDSHIP.has(c));
    const registered = cats.includes('建档立卡') || cats.includes('重度残疾');
    const n = int(1, 5);
    // From 2019-07-21 (day 201), when the notice takes effect, to the year's end.
    const days = Array.from({ length: n }, () => int(201, 364)).sort((a, b) => a - b);
    let ciBase = 0;
    let ciPaid = 0;
    for (const day of days) {
      const inpatient = rand() < 0.6;
      // Lognormal-ish totals: most stays 5千–5万, a few above 20万 (the 85 % bracket).
      const u = rand();
      const big = inpatient && rand() < 0.06 ? 40 : 1;
      const totalFen = inpatient ? Math.round(Math.exp(8.5 + 1.3 * (u + rand() + rand() - 1.5)) * 100 * big) + 200000 : int(20000, 1500000);
      const outFen = Math.round(totalFen * (0.03 + 0.09 * rand()));
      const inCat = totalFen - outFen;
      const basicFen = Math.round(inCat * (inpatient ? 0.55 + 0.2 * rand() : 0.4 + 0.2 * rand()));
      ciBase += inCat - basicFen;
      const rule = hardship ? WEIHAI_CI(ciBase) : ORDINARY_CI(ciBase);
      const ci = rule - ciPaid;
      ciPaid = rule;
      const reduction = inpatient && registered ? Math.min(Math.round(outFen / 10), 20000) : 0;
      V.push([
        id, isoDate(year, day), inpatient ? '住院' : '门诊', inpatient ? '' : '门诊慢性病', rand() < 0.8 ? '是' : '否',
        inpatient ? pick(rand, LEVELS)[0] : '',
        yuan(totalFen), yuan(outFen), yuan(basicFen), yuan(ci),
        // Some exports leave the reduction blank: the projection then applies 三、(二) itself.
        inpatient && registered && rand() < 0.25 ? '' : yuan(reduction),
      ]);
    }
  }
  return { people: P, visits: V };
}

function writeCsv(file, rows) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '\uFEFF' + rows.map(csvLine).join('\r\n') + '\r\n', 'utf8');
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'samples');
  const { people, visits } = makeSample();
  writeCsv(path.join(dir, 'weihai-2019-settlement-people.csv'), people);
  writeCsv(path.join(dir, 'weihai-2019-settlement-visits.csv'), visits);
  console.log(`${people.length - 1} people, ${visits.length - 1} settlement visits → samples/weihai-2019-settlement-*.csv`);
}
module.exports = { makeSample };
