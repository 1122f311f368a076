/**
 * The Excel add-in's web build: dist/web/ holds everything the manifest points at.
 *
 *   npm run build        production build, offline, no certificates needed
 *   npm run dev-server   https://localhost:<port> with office-addin-dev-certs (development;
 *                        the port is package.json's config.dev_server_port)
 *   npx webpack --mode production --env urlProd=https://host/path/   (or PUBLIC_URL=…)
 *                        dist/web/manifest.xml points at that URL (scripts/manifest-urls.js)
 *
 * Entries: functions (the MEDAID custom functions), taskpane (the task pane UI), commands
 * (the ribbon command). All three run in ONE shared runtime page, taskpane.html (see
 * manifest.xml); functions.html loads the functions alone (to debug them in a browser).
 * functions.json is generated from the JSDoc of src/functions/functions.ts by
 * custom-functions-metadata-plugin; functions.<locale>.json from it and the translation
 * tables in src/functions/locale/ (scripts/localize-functions.js).
 *
 * HyperFormula (GPL-3.0, used by the CLI and the tests to evaluate formulas) must never be
 * in this bundle: a module under node_modules/hyperformula or src/functions/hyperformula
 * fails the build, and test/addin/bundle.test.ts checks the stats as well.
 */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizedFunctionsMetadataPlugin } = require('./scripts/localize-functions');
const { FunctionsMetadataOptionsPlugin } = require('./scripts/functions-metadata-options');
const { devServerPort, manifestBase, rewriteManifestUrls } = require('./scripts/manifest-urls');

const ROOT = __dirname;
/** From package.json "config": {"dev_server_port"} (or npm's npm_package_config_dev_server_port). */
const DEV_PORT = devServerPort();
const OUT_DIR = path.join(ROOT, 'dist', 'web');
const FUNCTIONS_SOURCE = path.join(ROOT, 'src', 'functions', 'functions.ts');

/** Modules that must not reach the web bundle, with the reason shown when one does. */
const FORBIDDEN_MODULES = [
  {
    test: /[\\/]node_modules[\\/]hyperformula[\\/]/,
    why: 'HyperFormula (GPL-3.0) is for the CLI and tests only, never the Excel bundle',
  },
  {
    test: /[\\/]src[\\/]functions[\\/]hyperformula[\\/]/,
    why: 'src/functions/hyperformula/ is the Node-only HyperFormula harness',
  },
];

class ForbiddenModulesPlugin {
  apply(compiler) {
    const { WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ForbiddenModulesPlugin', (compilation) => {
      compilation.hooks.finishModules.tap('ForbiddenModulesPlugin', (modules) => {
        for (const m of modules) {
          const resource = m.resource || m.userRequest || '';
          for (const f of FORBIDDEN_MODULES) {
            if (f.test.test(resource)) {
              const issuer = compilation.moduleGraph.getIssuer(m);
              compilation.errors.push(
                new WebpackError(
                  `${path.relative(ROOT, resource)} must not be bundled: ${f.why}` +
                    (issuer && issuer.resource ? ` (imported by ${path.relative(ROOT, issuer.resource)})` : ''),
                ),
              );
            }
          }
        }
      });
    });
  }
}

/**
 * The webpack configuration, without the dev server.
 * typeCheck: false skips TypeScript's type check (the tests' build: `npm run typecheck` and
 * ts-jest check types; `npm run build` always does).
 * manifestBase: the URL dist/web/manifest.xml points at (default: the dev server on DEV_PORT).
 * @param {{ mode?: 'production' | 'development', outDir?: string, typeCheck?: boolean, manifestBase?: string }} [opts]
 */
function buildConfig(opts = {}) {
  const mode = opts.mode || 'production';
  const base = opts.manifestBase || `https://localhost:${DEV_PORT}/`;
  const typeCheck = opts.typeCheck !== false;
  const outDir = opts.outDir || OUT_DIR;
  return {
    mode,
    context: ROOT,
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      // functions.js is self-contained (the manifest's custom-functions Script). The pane and
      // the ribbon command depend on it: in the shared runtime page they reuse its modules,
      // so they share one engine (setEngine from src/functions/adapters) and one copy of the
      // engine code.
      functions: FUNCTIONS_SOURCE,
      taskpane: { import: path.join(ROOT, 'src', 'taskpane', 'taskpane.ts'), dependOn: 'functions' },
      commands: { import: path.join(ROOT, 'src', 'commands', 'commands.ts'), dependOn: 'functions' },
    },
    output: {
      path: outDir,
      // Fixed names: the manifest points at functions.js.
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.join(ROOT, 'tsconfig.json'),
              onlyCompileBundledFiles: true,
              transpileOnly: !typeCheck,
              // ES modules so webpack can drop what the pages do not use.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new ForbiddenModulesPlugin(),
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: 'functions.json' }),
      // allowErrorForDataTypeAny (the plugin cannot set it): error cells in ranges reach the adapters.
      new FunctionsMetadataOptionsPlugin({ file: 'functions.json' }),
      new LocalizedFunctionsMetadataPlugin({ source: 'functions.json' }),
      // The shared runtime: functions, ribbon command and task pane in one page.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(ROOT, 'src', 'taskpane', 'taskpane.html'),
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({
        filename: 'functions.html',
        template: path.join(ROOT, 'src', 'functions', 'functions.html'),
        chunks: ['functions'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(ROOT, 'assets', '*.png'), to: 'assets/[name][ext]' },
          // The pane's stylesheet, linked from taskpane.html (the CSP allows no inline style).
          { from: path.join(ROOT, 'src', 'taskpane', 'taskpane.css'), to: 'taskpane.css' },
          // The manifest to sideload or deploy, its URLs moved to where this build is served.
          { from: path.join(ROOT, 'manifest.xml'), to: 'manifest.xml', transform: (content) => rewriteManifestUrls(content.toString('utf8'), base) },
        ],
      }),
    ],
    performance: {
      hints: mode === 'production' ? 'warning' : false,
      // decimal.js, the compiled policy validator and the policies: a few hundred kB.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.WEBPACK_SERVE ? 'development' : 'production');
  const config = buildConfig({ mode, manifestBase: manifestBase(env) });
  if (env.WEBPACK_SERVE) {
    // Only the dev server needs certificates: `npm run build` stays offline and cert-free.
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
      liveReload: true,
    };
  }
  return config;
};

module.exports.buildConfig = buildConfig;
module.exports.FORBIDDEN_MODULES = FORBIDDEN_MODULES;
module.exports.DEV_PORT = DEV_PORT;
module.exports.OUT_DIR = OUT_DIR;
