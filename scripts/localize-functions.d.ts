/** Types for scripts/localize-functions.js (plain Node, used by webpack.config.js and tests). */

export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: FunctionParameterMetadata[];
  result: { type?: string; dimensionality?: 'scalar' | 'matrix' };
  options?: Record<string, unknown>;
}

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

export interface TranslationTable {
  locale: string;
  functions: Record<
    string,
    {
      description: string;
      helpUrl?: string;
      parameters: Record<string, { name: string; description: string }>;
    }
  >;
}

export const LOCALE_DIR: string;
export function availableLocales(dir?: string): string[];
export function readTable(locale: string, dir?: string): TranslationTable;
export function localizedFileName(locale: string): string;
export function translationProblems(metadata: FunctionsMetadata, table: TranslationTable): string[];
export function localizeMetadata(metadata: FunctionsMetadata, table: TranslationTable): FunctionsMetadata;
export class LocalizedFunctionsMetadataPlugin {
  constructor(options?: { source?: string; dir?: string });
  apply(compiler: unknown): void;
}
