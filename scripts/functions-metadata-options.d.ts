/** Types for scripts/functions-metadata-options.js (plain Node, used by webpack.config.js and tests). */
import type { FunctionsMetadata } from './localize-functions';

export declare const METADATA_OPTIONS: Readonly<{ allowErrorForDataTypeAny: true }>;
export declare function withMetadataOptions(metadata: FunctionsMetadata): FunctionsMetadata;
export declare class FunctionsMetadataOptionsPlugin {
  constructor(options?: { file?: string });
  apply(compiler: unknown): void;
}
