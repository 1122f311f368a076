/**
 * functions.json, as custom-functions-metadata-plugin generates it from the JSDoc of
 * src/functions/functions.ts, against the MEDAID contract: names, parameter order, which
 * are optional, and the shapes (any value or range in; a table out, so columns spill).
 */
import { generatedMetadata } from './generatedMetadata';
import type { FunctionsMetadata } from '../../scripts/localize-functions';
import { FUNCTION_SIGNATURES } from '../../src/functions/adapters';


/** The contract (docs/functions.md): [name] is optional, "..." repeats. */
const CONTRACT: Record<string, string> = {
  ASSIST_INPATIENT: 'cost, category, region, [year], [ytdCost], [ytdAssist], [totalCost], [insurancePaid]',
  ASSIST_OUTPATIENT: 'cost, category, region, [kind], [year], [ytdAssist], [ytdCost]',
  ASSIST_ANNUAL: 'inpatientCost, outpatientCost, category, region, [year], [referred]',
  PREMIUM_SUBSIDY: 'category, region, [year], [premium], [tier]',
  CI_INSURANCE: 'cost, category, region, [year]',
  HOSPITAL_REDUCTION: 'cost, category, region, [year]',
  OUT_OF_CATALOGUE_LIMIT: 'totalCost, hospitalLevel, region, [year]',
  OUTPATIENT_POOLING: 'cost, region, [pool], [year], [paidSoFar]',
  MONITOR_ALERT: 'outOfPocket, region, [year], [income], [category]',
  FUND_SPLIT: 'amount, part, [ratio]',
  ASSIST_RATE: 'category, region, [year], [scheme]',
  ASSIST_DEDUCTIBLE: 'category, region, [year], [scheme]',
  ASSIST_CAP: 'category, region, [year], [scheme]',
  POLICY_LIST: '',
  ASSIST_EXPLAIN: 'functionName, args...',
  VISIT_ASSIST: 'totalCost, outOfCatalogue, basicPaid, category, region, [kind], [ciPaid], [reduction], [hospitalLevel], [year], [referred], [pool]',
  VISIT_LAYERS: 'totalCost, outOfCatalogue, basicPaid, category, region, [kind], [ciPaid], [reduction], [hospitalLevel], [year], [referred], [pool]',
  FUND_NEED: 'people, visits, region, year, parameterValue...',
  PROJECT: 'people, visits, region, year, [by], parameterValue...',
};

let metadata: FunctionsMetadata;

beforeAll(async () => {
  metadata = await generatedMetadata();
}, 120_000);

const signature = (params: FunctionsMetadata['functions'][number]['parameters']) =>
  params.map((p) => (p.repeating ? `${p.name}...` : p.optional ? `[${p.name}]` : p.name)).join(', ');

describe('generated functions.json', () => {
  it('has exactly the contract functions, with ids equal to names', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(CONTRACT))('%s(%s)', (id, expected) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    expect(signature(f.parameters)).toBe(expected);
    expect(f.description && f.description.length).toBeGreaterThan(20);
    for (const p of f.parameters) expect(p.description && p.description.length).toBeGreaterThan(3);
  });

  it('takes a value or a range for every per-row argument and returns a table', () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe('matrix');
      if (f.id === 'ASSIST_EXPLAIN' || f.id === 'POLICY_LIST') continue;
      for (const p of f.parameters) {
        // FUND_NEED / PROJECT: the parameter-value pairs repeat as single values (a path, a value, …).
        if (p.repeating && (f.id === 'FUND_NEED' || f.id === 'PROJECT')) {
          expect(p.dimensionality ?? 'scalar').toBe('scalar');
          continue;
        }
        expect(p.dimensionality).toBe('matrix');
        expect(p.type ?? 'any').toBe('any');
      }
    }
  });

  it('marks no function volatile, streaming or cancelable (plain recalculation); the range functions ask for their arguments’ addresses', () => {
    // requiresParameterAddresses (JSDoc @requiresParameterAddresses): Excel passes
    // invocation.parameterAddresses, so an error cell in a range is named by its A1 address.
    // FUND_NEED / PROJECT name an error cell by its row and column inside the people or visits range.
    const tables = new Set(['POLICY_LIST', 'ASSIST_EXPLAIN', 'FUND_NEED', 'PROJECT']);
    for (const f of metadata.functions) expect(f.options ?? {}).toEqual(tables.has(f.id) ? {} : { requiresParameterAddresses: true });
  });

  it('agrees with the adapters the CLI and the tests run', () => {
    for (const [id, expected] of Object.entries(CONTRACT)) {
      const params = FUNCTION_SIGNATURES[id];
      expect(params).toBeDefined();
      const sig = params.map((p) => (p.repeating ? `${p.name}...` : p.optional ? `[${p.name}]` : p.name)).join(', ');
      expect(sig).toBe(expected);
    }
  });
});
