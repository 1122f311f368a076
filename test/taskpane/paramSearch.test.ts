/**
 * The scenario editor's parameter search (issue 14: an edition's parameters in one
 * dropdown are too many to scan at task-pane width). Expected matches are read off the
 * 信阳 edition's parameter names (信医保办〔2024〕52号), as policyParams names them.
 */
import { defaultEngine } from '../../src/engine';
import { searchParams } from '../../src/taskpane/paramSearch';
import { policyParams } from '../../src/taskpane/policyParams';

describe('searching an edition\'s parameters', () => {
  const params = policyParams(defaultEngine(), '信阳', 2024);
  const paths = (q: string, advanced = false, keep?: string) => searchParams(params, q, { advanced, keep }).map((p) => p.path);

  test('an empty query (or only spaces) lists every parameter', () => {
    expect(paths('')).toEqual(params.map((p) => p.path));
    expect(paths(' \u3000 ')).toEqual(params.map((p) => p.path));
  });

  test('every word must appear, in any order: "低保 比例" is the ratio of each tier that names 低保', () => {
    const found = searchParams(params, '低保 比例', { advanced: false });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(p.zh).toMatch(/低保.*比例|比例.*低保/);
    // 二、二是 住院救助: 低保对象、返贫致贫人口救助比例为 70% — the parameter the analyst looks for is among them
    expect(found.map((p) => p.path)).toContain('inpatient.tiers.dibao_returned.ratio');
    expect(paths('比例 低保')).toEqual(found.map((p) => p.path));
    // nothing that lacks either word
    expect(found.some((p) => p.path === 'tilt.threshold')).toBe(false);
  });

  test('the English names match in English mode words, case-insensitively', () => {
    const zh = paths('倾斜救助');
    expect(zh).toContain('tilt.threshold'); // 二、五是 倾斜救助
    const en = searchParams(params, params.find((p) => p.path === 'tilt.threshold')!.en.split(' · ')[0].toUpperCase(), { advanced: false });
    expect(en.map((p) => p.path)).toContain('tilt.threshold');
  });

  test('full-width input from a Chinese input method finds the half-width clause text', () => {
    // the citation of the inpatient ratio is "信医保办〔2024〕52号 二、二是 住院救助"; typed with full-width digits
    expect(paths('５２号 住院救助')).toContain('inpatient.tiers.dibao_returned.ratio');
  });

  test('parameter paths are searched only in the advanced view (the plain view never shows them)', () => {
    expect(paths('dibao_returned')).toEqual([]);
    expect(paths('dibao_returned', true)).toContain('inpatient.tiers.dibao_returned.ratio');
  });

  test('the parameter already chosen stays listed whatever is typed', () => {
    expect(paths('没有这个参数')).toEqual([]);
    expect(paths('没有这个参数', false, 'tilt.threshold')).toEqual(['tilt.threshold']);
  });
});
