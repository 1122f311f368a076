/**
 * Schema validation of policy files (built-in, analysts' own regions, files after
 * overrides). The validator is generated ahead of time from policy.schema.json by
 * `scripts/build-policies.js` (ajv standalone code), so validating needs no `eval` or
 * `new Function` at run time and the task pane can keep a strict CSP.
 */
import { MedaidError, clip } from '../errors';
import type { PolicyFile } from './types';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated validator is CommonJS
const validator = require('./policyValidator.generated') as ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
};

export interface SchemaProblem {
  path: string;
  message: string;
}

export function schemaProblems(data: unknown): SchemaProblem[] {
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => ({
    path: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)',
    message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` "${clip(e.params.additionalProperty)}"` : ''}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`,
  }));
}

/** Schema checks plus the cross-references a schema cannot express. */
export function validatePolicy(data: unknown, file = ''): PolicyFile {
  const problems = schemaProblems(data);
  if (problems.length === 0) problems.push(...crossReferenceProblems(data as PolicyFile));
  if (problems.length > 0) {
    throw new MedaidError('INVALID_POLICY', {
      file,
      problems: problems.slice(0, 8).map((p) => `${clip(p.path)}: ${clip(p.message, 400)}`).join('; ') + (problems.length > 8 ? ` (+${problems.length - 8})` : ''),
    });
  }
  return data as PolicyFile;
}

function crossReferenceProblems(p: PolicyFile): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const docs = new Set(Object.keys(p.documents));
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}.${i}`));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.doc === 'string' && typeof obj.clause === 'string' && !docs.has(obj.doc)) {
      out.push({ path, message: `cites document "${clip(obj.doc)}", which is not in documents` });
    }
    for (const [k, v] of Object.entries(obj)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(p, '');
  const covered = new Set(p.categories);
  const tierFamilies: [string, Record<string, { categories: string[] }> | undefined][] = [
    ['inpatient.tiers', p.inpatient?.tiers],
    ...Object.entries(p.outpatient?.schemes ?? {}).map(([k, s]) => [`outpatient.schemes.${k}.tiers`, s.tiers] as [string, Record<string, { categories: string[] }>]),
    ['premium.tiers', p.premium?.tiers],
    ['ciInsurance.tiers', p.ciInsurance?.tiers],
    ['hospitalReduction.tiers', p.hospitalReduction?.tiers],
  ];
  for (const [path, tiers] of tierFamilies) {
    const seen = new Map<string, string>();
    for (const [id, t] of Object.entries(tiers ?? {})) {
      for (const c of t.categories) {
        if (!covered.has(c as never)) out.push({ path: `${path}.${id}`, message: `category "${c}" is not in the file's categories` });
        if (seen.has(c)) out.push({ path: `${path}.${id}`, message: `category "${c}" is already in tier "${seen.get(c)}"` });
        seen.set(c, id);
      }
    }
  }
  if (p.outpatient && !p.outpatient.schemes[p.outpatient.main]) {
    out.push({ path: 'outpatient.main', message: `names scheme "${p.outpatient.main}", which is not in outpatient.schemes` });
  }
  return out;
}
