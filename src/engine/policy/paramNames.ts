/**
 * Parameters by the names the documents and the scenario editor give them: "住院救助 · 低保对象、
 * 返贫致贫人口 · 救助比例" for inpatient.tiers.dibao_returned.ratio. An analyst may write such a
 * name, or its parts in any order separated by spaces or "·" ("住院救助 低保 救助比例"), in place
 * of the path in --set, --params, a scenario's overrides or the pane's figures (issue 16); a name
 * that fits several parameters, or none, is an error listing what it could mean.
 */
import { categoryById, parseCategory, type CategoryId } from '../categories';
import { clip, MedaidError } from '../errors';
import { paramLabel } from './labels';
import type { PolicyFile } from './types';

export interface NamedParam {
  path: string;
  zh: string;
  en: string;
  /** The statuses of the tier it sits in (a status named in a name picks among tiers). */
  categories?: CategoryId[];
}

const SECTION: Record<string, { zh: string; en: string }> = {
  tilt: { zh: '倾斜救助', en: 'Tilted assistance' },
  premium: { zh: '资助参保', en: 'Premium subsidy' },
  fund: { zh: '救助基金', en: 'Assistance fund' },
  income: { zh: '收入', en: 'Income' },
  ciInsurance: { zh: '大病保险', en: 'Critical-illness insurance' },
  monitoring: { zh: '监测预警', en: 'Monitoring' },
  hospital: { zh: '医院减免', en: 'Hospital reductions' },
};

/** Readable name of a node on the path: a scheme's names, a tier's categories, or the section's name. */
export function nodeName(node: Record<string, unknown>, key: string): { zh: string; en: string } | undefined {
  const names = node.names as { zh?: string; en?: string } | undefined;
  if (names?.zh) return { zh: names.zh, en: names.en ?? names.zh };
  const cats = node.categories as CategoryId[] | undefined;
  if (Array.isArray(cats) && cats.length && key !== 'tilt') {
    const list = cats.map((c) => {
      try {
        return categoryById(c);
      } catch {
        return { zh: c, en: c };
      }
    });
    return { zh: list.map((c) => c.zh).join('、'), en: list.map((c) => c.en).join(', ') };
  }
  return SECTION[key];
}

const isParam = (x: unknown): boolean => !!x && typeof x === 'object' && !Array.isArray(x) && 'values' in x && 'ref' in x && 'unit' in x;

/** Every parameter of the edition with its name ("A · B · C"), in file order. */
export function namedParams(policy: PolicyFile): NamedParam[] {
  const out: NamedParam[] = [];
  const walk = (node: unknown, path: string[], trail: { zh: string; en: string }[], cats: CategoryId[] | undefined): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (['documents', 'region', 'edition', 'ref', 'names', '$schema', 'statistics'].includes(key) && path.length === 0) continue;
      const p = [...path, key];
      if (isParam(child)) {
        const label = key === 'param' ? { zh: path[path.length - 1] ?? key, en: path[path.length - 1] ?? key } : paramLabel(p.join('.'));
        out.push({ path: p.join('.'), zh: [...trail.map((t) => t.zh), label.zh].join(' · '), en: [...trail.map((t) => t.en), label.en].join(' · '), ...(cats ? { categories: cats } : {}) });
      } else if (child && typeof child === 'object' && !Array.isArray(child)) {
        const c = child as Record<string, unknown>;
        const name = nodeName(c, key);
        walk(child, p, name ? [...trail, name] : trail, Array.isArray(c.categories) && key !== 'tilt' ? (c.categories as CategoryId[]) : cats);
      }
    }
  };
  walk(policy, [], [], undefined);
  return out;
}

/** A key that is a path (ASCII letters, digits, _ and dots) is used as it is. */
export const isParamPath = (key: string): boolean => /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$-]+)*$/.test(key);

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s·・()（）]+/g, '');
const words = (s: string) => s.normalize('NFKC').split(/[\s·・,，;；]+/).map(norm).filter((w) => w.length > 0);

/**
 * The path a name stands for in `policy`: the parameter whose name (in either language) holds
 * every word of `name`; the name written whole wins over a partial fit. Throws INVALID_OVERRIDE
 * listing the parameters it fits (or a few names to write) when it is not exactly one.
 */
export function resolveParamName(policy: PolicyFile, name: string): string {
  const all = namedParams(policy);
  const ws = words(name);
  const whole = norm(name);
  const exact = all.filter((p) => norm(p.zh) === whole || norm(p.en) === whole);
  if (exact.length === 1) return exact[0].path;
  const fits = all.filter((p) => {
    const zh = norm(p.zh);
    const en = norm(p.en);
    return ws.length > 0 && (ws.every((w) => zh.includes(w)) || ws.every((w) => en.includes(w)));
  });
  if (fits.length === 1) return fits[0].path;
  // "低保" fits both 低保对象 and 低保边缘家庭成员 as text; as a status (parseCategory) it is 低保对象.
  const statuses = ws.flatMap((w) => {
    try {
      return [parseCategory(w)];
    } catch {
      return [];
    }
  });
  const byStatus = statuses.length ? fits.filter((p) => statuses.every((c) => p.categories?.includes(c))) : [];
  if (byStatus.length === 1) return byStatus[0].path;
  const list = (ps: NamedParam[], lang: 'zh' | 'en') => ps.slice(0, 8).map((p) => `${lang === 'zh' ? p.zh : p.en}（${p.path}）`).join(lang === 'zh' ? '；' : '; ') + (ps.length > 8 ? ' …' : '');
  if (fits.length > 1) {
    throw new MedaidError('INVALID_OVERRIDE', {
      path: clip(name, 60),
      problem: `${policy.id} 中有 ${fits.length} 个参数符合这一名称：${list(fits, 'zh')}。请写出完整名称或参数路径`,
      problemEn: `${fits.length} parameters of ${policy.id} fit this name: ${list(fits, 'en')}. Write the whole name or the parameter path`,
    });
  }
  throw new MedaidError('INVALID_OVERRIDE', {
    path: clip(name, 60),
    problem: `${policy.id} 中没有这一名称的参数。可写参数名称（各部分以空格或 · 分隔，如“${all[0]?.zh ?? ''}”）或参数路径（如 ${all[0]?.path ?? ''}）`,
    problemEn: `${policy.id} has no parameter of this name. Write a parameter's name (its parts separated by spaces or ·, e.g. "${all[0]?.en ?? ''}") or its path (e.g. ${all[0]?.path ?? ''})`,
  });
}
