/**
 * Localized custom-functions metadata. custom-functions-metadata-plugin writes one
 * functions.json from the JSDoc of src/functions/functions.ts (English) and knows nothing of
 * languages; Office takes one metadata file per display language, chosen in the manifest by
 * an <bt:Override Locale=...> on the metadata URL. This step makes functions.<locale>.json
 * from functions.json and a translation table (src/functions/locale/<locale>.json).
 *
 * What is translated is what Excel shows: each function's description, helpUrl (when it
 * has one) and each parameter's name and description. Function ids and names stay the same
 * in every language (the contract names: a workbook written in one language computes the
 * same in another, and in `medaid eval`). Types, dimensionality, optional/repeating flags and
 * options are copied untouched, so the localized file can never disagree with the code.
 *
 * Used by webpack.config.js (a plugin that emits the localized files next to functions.json,
 * in `npm run build` and in the dev server alike) and by the tests.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const LOCALE_DIR = path.join(__dirname, '..', 'src', 'functions', 'locale');

/** Locales that have a translation table: ['zh-CN', ...]. */
function availableLocales(dir = LOCALE_DIR) {
  return fs
    .readdirSync(dir)
    .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

function readTable(locale, dir = LOCALE_DIR) {
  const file = path.join(dir, `${locale}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function localizedFileName(locale) {
  return `functions.${locale}.json`;
}

/**
 * Every gap between metadata and table, as messages: a function or parameter without a
 * translation, or a translation for something the metadata does not have (stale).
 */
function translationProblems(metadata, table) {
  const problems = [];
  const fns = (table && table.functions) || {};
  const ids = new Set();
  for (const f of metadata.functions || []) {
    ids.add(f.id);
    const t = fns[f.id];
    if (!t) {
      problems.push(`${f.id}: no translation`);
      continue;
    }
    if (!nonEmpty(t.description)) problems.push(`${f.id}: no translated description`);
    if (f.helpUrl && !nonEmpty(t.helpUrl)) problems.push(`${f.id}: no translated helpUrl`);
    const params = t.parameters || {};
    const names = new Set();
    for (const p of f.parameters || []) {
      names.add(p.name);
      const tp = params[p.name];
      if (!tp) {
        problems.push(`${f.id}(${p.name}): no translation`);
        continue;
      }
      if (!nonEmpty(tp.name)) problems.push(`${f.id}(${p.name}): no translated name`);
      if (!nonEmpty(tp.description)) problems.push(`${f.id}(${p.name}): no translated description`);
    }
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`${f.id}(${name}): translated, but the function has no such parameter`);
    }
  }
  for (const id of Object.keys(fns)) {
    if (!ids.has(id)) problems.push(`${id}: translated, but functions.json has no such function`);
  }
  return problems;
}

function nonEmpty(s) {
  return typeof s === 'string' && s.trim() !== '';
}

/** The localized metadata object. Throws, listing every gap, when the table is incomplete. */
function localizeMetadata(metadata, table) {
  const problems = translationProblems(metadata, table);
  if (problems.length > 0) {
    const err = new Error(
      `functions metadata translation for ${table && table.locale} is incomplete:\n  ${problems.join('\n  ')}`,
    );
    err.problems = problems;
    throw err;
  }
  const out = JSON.parse(JSON.stringify(metadata));
  for (const f of out.functions) {
    const t = table.functions[f.id];
    f.description = t.description;
    if (f.helpUrl) f.helpUrl = t.helpUrl;
    for (const p of f.parameters || []) {
      const tp = t.parameters[p.name];
      p.name = tp.name;
      p.description = tp.description;
    }
  }
  return out;
}

/** webpack plugin: emits functions.<locale>.json for every table, after functions.json exists. */
class LocalizedFunctionsMetadataPlugin {
  constructor(options = {}) {
    this.source = options.source || 'functions.json';
    this.dir = options.dir || LOCALE_DIR;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          compilation.contextDependencies.add(this.dir);
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            // The metadata plugin reported why (a JSDoc error); nothing to translate.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${this.source} was not generated: cannot localize it`));
            }
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          let locales;
          try {
            locales = availableLocales(this.dir);
          } catch (e) {
            compilation.errors.push(new WebpackError(`no translation tables in ${this.dir}: ${e.message}`));
            return;
          }
          for (const locale of locales) {
            const file = path.join(this.dir, `${locale}.json`);
            compilation.fileDependencies.add(file);
            try {
              const localized = localizeMetadata(metadata, readTable(locale, this.dir));
              compilation.emitAsset(localizedFileName(locale), new sources.RawSource(JSON.stringify(localized, null, 2)));
            } catch (e) {
              compilation.errors.push(new WebpackError(e.message));
            }
          }
        },
      );
    });
  }
}

module.exports = {
  LOCALE_DIR,
  availableLocales,
  readTable,
  localizedFileName,
  translationProblems,
  localizeMetadata,
  LocalizedFunctionsMetadataPlugin,
};
