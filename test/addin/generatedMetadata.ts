/** functions.json exactly as custom-functions-metadata-plugin generates it from src/functions/functions.ts. */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import type { FunctionsMetadata } from '../../scripts/localize-functions';

export const FUNCTIONS_SOURCE = path.resolve(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

export async function generatedMetadata(): Promise<FunctionsMetadata> {
  const r = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], true);
  expect(r.errors).toEqual([]);
  return JSON.parse(r.metadataJson) as FunctionsMetadata;
}
