/**
 * Top-level options of functions.json that custom-functions-metadata-plugin cannot set from
 * JSDoc (it always writes allowCustomDataForDataTypeAny and nothing else):
 *
 *   allowErrorForDataTypeAny: true — without it Excel does not call a custom function at all
 *   when a range argument holds an error cell, so one #DIV/0! in a column of 100 000 costs
 *   would fail the whole spill. With it, `any` parameters receive the error as a value and the
 *   adapters give that one row its own error cell (src/functions/inputErrors.ts).
 *   (Microsoft: "Manually create JSON metadata for custom functions", metadata reference;
 *   "Handle and return errors from your custom function", errors as inputs.)
 *
 * A webpack plugin rewrites the generated functions.json before the localized copies are made
 * from it (scripts/localize-functions.js), so every language's file carries the same options.
 */
'use strict';

const METADATA_OPTIONS = Object.freeze({ allowErrorForDataTypeAny: true });

/** The metadata with the options set (a copy; key order: options first, as Microsoft's samples). */
function withMetadataOptions(metadata) {
  const { functions, enums, ...rest } = metadata;
  const out = { ...rest, ...METADATA_OPTIONS, functions };
  if (enums !== undefined) out.enums = enums;
  return out;
}

class FunctionsMetadataOptionsPlugin {
  constructor(options = {}) {
    this.file = options.file || 'functions.json';
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FunctionsMetadataOptionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // Before PROCESS_ASSETS_STAGE_DERIVED, where the localized files are derived.
        { name: 'FunctionsMetadataOptionsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.file);
          if (!asset) return; // the metadata plugin reported why
          const metadata = JSON.parse(asset.source.source().toString());
          compilation.updateAsset(this.file, new sources.RawSource(JSON.stringify(withMetadataOptions(metadata), null, 4)));
        },
      );
    });
  }
}

module.exports = { METADATA_OPTIONS, withMetadataOptions, FunctionsMetadataOptionsPlugin };
