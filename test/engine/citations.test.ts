/**
 * The policy data against its sources: the generated files are up to date, every
 * parameter cites a listed document, every quotation occurs in that document's text, and
 * occurs inside the section its clause names (this is what catches a mis-citation: a
 * right quote under the wrong clause, or a clause that does not exist).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { PolicyFile, Reference } from '../../src/engine';

const ROOT = path.resolve(__dirname, '../..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const POLICY_DIR = path.join(ROOT, 'policies');

/** Whitespace (the Shanxi page breaks lines mid-word and spaces out characters) and markdown marks go; NFKC makes （三） and (三) one. */
const norm = (s: string) => s.normalize('NFKC').replace(/[\s*#]/g, '');

const files: [string, PolicyFile][] = fs
  .readdirSync(POLICY_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(POLICY_DIR, f), 'utf8')) as PolicyFile]);

const seedText = new Map<string, string>();
function seed(name: string): string {
  if (!seedText.has(name)) seedText.set(name, norm(fs.readFileSync(path.join(SEEDS, name), 'utf8')));
  return seedText.get(name)!;
}

/**
 * Each document's sections in reading order: the clause key (numbering only, see
 * clauseKey) and the heading text that opens the section in the seed. Written by hand
 * from the documents. A section runs to the next heading that is not inside it.
 */
const SECTIONS: Record<string, [string, string][]> = {
  '000_8bc7dda9f178ade2.txt': [
    ['一、', '一、关于医保缴费标准问题'],
    ['二、', '二、关于重特大疾病医疗保险和救助方面问题'],
    ['二、一是', '一是在资助参保方面'],
    ['二、二是', '二是在住院救助方面'],
    ['二、三是', '三是在门诊救助方面'],
    ['二、四是', '四是在救助限额方面'],
    ['二、五是', '五是在倾斜救助方面'],
    ['三、', '三、关于门诊统筹问题'],
    ['四、', '四、关于加强医保重点工作调研问题'],
  ],
  '001_cbca08541c2d159d.txt': [
    ['一、', '一、总体要求'],
    ['二、', '二、确定医疗救助对象范围'],
    ['三、', '三、强化三重制度综合保障'],
    ['三、(一)', '(一)确保困难群众应保尽保'],
    ['三、(二)', '(二)促进三重制度互补衔接'],
    ['四、', '四、夯实医疗救助托底保障功能'],
    ['四、(一)', '(一)合理安排医疗救助资金'],
    ['四、(二)', '(二)明确医疗救助费用保障范围'],
    ['四、(三)', '(三)合理确定基本救助水平'],
    ['四、(三)1.', '1.住院救助。'],
    ['四、(三)2.', '2.门诊救助。'],
    ['四、(三)3.', '3.救助限额。'],
    ['四、(三)4.', '4.倾斜救助。'],
    ['四、(三)5.', '5.动态调整。'],
    ['五、', '五、建立健全防范和化解因病致贫返贫长效机制'],
    ['五、(一)', '(一)强化高额医疗费用支出预警监测'],
    ['五、(二)', '(二)依申请落实综合保障政策'],
    ['六、', '六、引导慈善等社会力量参与医疗救助'],
    ['七、', '七、规范医疗救助经办管理服务'],
    ['七、(一)', '(一)加快推进一体化经办'],
    ['七、(二)', '(二)优化救助申请审核程序'],
    ['七、(三)', '(三)提高综合服务管理水平'],
    ['八、', '八、保障措施'],
  ],
  '002_02e379ce107e3f9d.txt': [
    ['一、', '一、城乡居民医保政策概况'],
    ['二、', '二、建议答复'],
    ['二、(一)', '(一)关于“医保个人缴费和缴费标准分级等”问题'],
    ['二、(二)', '(二)关于“推进医保省级统筹'],
  ],
  // A newspaper page: the briefing's answers are the sections, cut by the page's other articles.
  '003_73dfcf529f65b160.txt': [
    ['答记者问:确保困难群众应保尽保', '确保困难群众应保尽保。全面落实'],
    ['答记者问:合理确定住院救助水平', '合理确定住院救助水平。'],
    ['答记者问:完善门诊医疗救助政策', '完善门诊医疗救助政策。'],
    ['答记者问:统筹完善托底保障措施', '统筹完善托底保障措施。'],
    ['(other article)', '中央财政补助46.5亿元'],
    ['答记者问:财政部门加强资金投入保障', '问:落实好《实施意见》各项政策措施'],
    ['答记者问:民政部门信息共享', '问:民政部门在救助对象信息共享'],
  ],
  '004_c3bc12c3c6da4a4a.txt': [
    ['一、', '一、明确保障范围'],
    ['一、(一)', '(一)困难人员'],
    ['一、(二)', '(二)其他救助人员'],
    ['二、', '二、落实基本医保缴费资助政策'],
    ['二、(一)', '(一)明确总体要求'],
    ['二、(二)', '(二)加强信息共享'],
    ['二、(三)', '(三)理顺工作流程'],
    ['三、', '三、建立健全困难人员综合医疗保障体系'],
    ['三、(一)', '(一)大病保险倾斜支付政策'],
    ['三、(二)', '(二)医疗机构减免政策'],
    ['三、(三)', '(三)医疗救助托底保障政策'],
    ['三、(三)1.', '1.一站式救助'],
    ['三、(三)2.', '2.年底统一救助'],
    ['三、(三)3.', '3.救助对象纳入医保门诊慢性病管理'],
    ['三、(四)', '(四)医疗商业补充保险'],
    ['四、', '四、健全工作机制'],
    ['四、(一)', '(一)完善基金管理'],
    ['四、(一)1.', '1.医疗保障基金要单独设立账户'],
    ['四、(一)2.', '2.医疗保险基金实行市级统筹'],
    ['四、(一)3.', '3.医疗救助基金实行属地管理'],
    ['四、(一)4.', '4.各区市医疗保障部门根据上年度12月底'],
    ['四、(二)', '(二)优化“一站式”结算服务'],
    ['四、(三)', '(三)积极发挥部门合力'],
  ],
};

/** A clause's numbering ("四、(一) 完善基金管理 3." → "四、(一)3."); a clause without numbering is its own key. */
function clauseKey(clause: string): string {
  const c = norm(clause);
  const tokens = c.match(/[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.|[一二三四五]是/g);
  return tokens ? tokens.join('') : c;
}

/** The text of each section of a seed, by clause key. */
function sections(seedName: string): Map<string, string> {
  const text = seed(seedName);
  const table = SECTIONS[seedName];
  const starts: number[] = [];
  let from = 0;
  for (const [key, heading] of table) {
    const at = text.indexOf(norm(heading), from);
    if (at < 0) throw new Error(`${seedName}: heading of ${key} "${heading}" not found after position ${from}`);
    starts.push(at);
    from = at + 1;
  }
  const out = new Map<string, string>();
  table.forEach(([key], i) => {
    let end = text.length;
    for (let j = i + 1; j < table.length; j++) {
      if (!table[j][0].startsWith(key) || table[j][0] === '(other article)') {
        end = starts[j];
        break;
      }
    }
    out.set(key, text.slice(starts[i], end));
  });
  return out;
}

/** Quotations may elide with …… (NFKC turns it into dots): the pieces must occur in order. */
function occursInOrder(haystack: string, quote: string): boolean {
  let pos = 0;
  for (const piece of norm(quote).split(/(?:\.\.\.|…)+/).filter(Boolean)) {
    const at = haystack.indexOf(piece, pos);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return true;
}

interface Found {
  path: string;
  refs: Reference[];
  isParam: boolean;
}

/** Every parameter (an object with values/unit/ref) and every rule-level ref list. */
function collect(p: PolicyFile): Found[] {
  const out: Found[] = [];
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const o = node as Record<string, unknown>;
    const isParam = 'values' in o && 'unit' in o;
    if (isParam || Array.isArray(o.ref)) out.push({ path: at, refs: (o.ref as Reference[]) ?? [], isParam });
    if (isParam) return;
    for (const [k, v] of Object.entries(o)) if (k !== 'ref') walk(v, at ? `${at}.${k}` : k);
  };
  walk(p, '');
  return out;
}

describe('generated policy files', () => {
  test('node scripts/build-policies.js --check passes (validator and builtin index up to date)', () => {
    // Throws (non-zero exit) when a policy file is invalid or a generated file is stale.
    expect(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-policies.js'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});

describe.each(files)('%s: citations', (_file, policy) => {
  const found = collect(policy);

  test('the file lists at least one document, each with a seed that exists', () => {
    const docs = Object.values(policy.documents);
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(d.seed).toBeDefined();
      expect(fs.existsSync(path.join(SEEDS, d.seed!))).toBe(true);
      expect(SECTIONS[d.seed!]).toBeDefined();
    }
  });

  test('every parameter carries at least one reference to a listed document', () => {
    const params = found.filter((f) => f.isParam);
    expect(params.length).toBeGreaterThan(0);
    const bad = params.filter((f) => f.refs.length === 0 || f.refs.some((r) => !policy.documents[r.doc])).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  test('every quotation occurs in the cited document', () => {
    const bad: string[] = [];
    for (const f of found) {
      for (const r of f.refs) {
        if (r.quote === undefined) continue;
        if (!occursInOrder(seed(policy.documents[r.doc].seed!), r.quote)) bad.push(`${f.path}: "${r.quote}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('every clause names a section of the document, and the quotation is inside that section', () => {
    const bad: string[] = [];
    for (const f of found) {
      for (const r of f.refs) {
        if (r.clause.includes('analyst override')) continue;
        const seedName = policy.documents[r.doc].seed!;
        const key = clauseKey(r.clause);
        const text = sections(seedName).get(key);
        if (text === undefined) {
          bad.push(`${f.path}: clause "${r.clause}" (${key}) is not a section of ${seedName}`);
          continue;
        }
        if (r.quote !== undefined && !occursInOrder(text, r.quote)) bad.push(`${f.path}: "${r.quote}" is not in section ${r.clause}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('the section tables themselves', () => {
  test.each(Object.keys(SECTIONS))('%s: every heading is found, in order', (name) => {
    expect(sections(name).size).toBe(SECTIONS[name].length);
  });

  test('a quotation placed under the wrong clause is caught', () => {
    // 信医保办〔2024〕52号: "年度最高救助限额 1 万元" of the tilt (五是) is not in 二是 住院救助.
    const s = sections('000_8bc7dda9f178ade2.txt');
    expect(occursInOrder(s.get('二、五是')!, '倾斜救助，年度最高救助限额 1 万元')).toBe(true);
    expect(occursInOrder(s.get('二、二是')!, '倾斜救助，年度最高救助限额 1 万元')).toBe(false);
    expect(clauseKey('四、(一) 完善基金管理 3.')).toBe('四、(一)3.');
  });
});

