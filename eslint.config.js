/**
 * ESLint flat config: `npm run lint` (eslint .), and test/lint.test.ts runs the same check.
 *
 *   - @eslint/js recommended and typescript-eslint recommended for every .ts and .js file;
 *   - eslint-plugin-office-addins' Office.js rules (load before read, sync after load,
 *     isNullObject tests, no context.sync() in loops …), exactly the rule set of its
 *     `recommended` config, taken from the plugin so it stays in step with it.
 *
 * Reasoned exceptions (each also noted at its place below):
 *   - prettier/prettier (part of the plugin's recommended) is not used: the code base is not
 *     prettier-formatted, and reformatting every file would change every line other work is
 *     based on for no behaviour. The plugin's rules are used without it.
 *   - The plugin's own config also brings its own copy of the TypeScript parser and
 *     @typescript-eslint plugin (typescript-eslint ~8.8, older than this project's
 *     TypeScript); this config registers only the plugin's rules, on typescript-eslint's
 *     current parser, so one parser reads everything.
 *   - The Office.js rules apply to src/taskpane, src/commands and src/functions, the code
 *     that calls Office.js; they know Office objects only by a variable named `context` and
 *     by .load() calls, so OfficeHost names its request context `context` as Microsoft's
 *     samples do (with `ctx` the rules saw nothing).
 *   - The two loops that sync once per block (OfficeHost: reading and writing big ranges in
 *     blocks under the 5 MB payload limit) say so at the line instead of obeying
 *     no-context-sync-in-loop.
 */
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const officeAddins = require('eslint-plugin-office-addins');

/** The office-addins/* rules of the plugin's recommended config, with their levels. */
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules || {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'test-output/**',
      'node_modules/**',
      'coverage/**',
      // Generated: the compiled policy schema validator (scripts/build-policies.js).
      'src/engine/policy/policyValidator.generated.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    // The Office.js rules where Office.js is called. They recognise Office objects by the
    // shape of the code (a .load(), a `context` variable), so elsewhere they mistake exceljs
    // rows and plain objects for Office proxies.
    files: ['src/taskpane/**/*.ts', 'src/commands/**/*.ts', 'src/functions/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    rules: {
      // A leading underscore marks a value dropped on purpose (destructuring a key away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Chinese text legitimately holds the full-width space U+3000 in strings and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // The custom functions' `any[][]` is what custom-functions-metadata turns into Excel's
    // "any" type, which is what lets error cells in ranges reach the adapters
    // (allowErrorForDataTypeAny): the type is the contract, not a shortcut.
    files: ['src/functions/functions.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts and configs are CommonJS: require() is how they load modules.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
