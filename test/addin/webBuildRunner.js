#!/usr/bin/env node
/**
 * Runs the production web build with webpack.config.js's configuration in a plain Node
 * process (webpack inside Jest's module sandbox is several times slower) and writes what
 * the tests need to know as JSON: node test/addin/webBuildRunner.js OUT_DIR INFO_FILE
 */
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const ROOT = path.resolve(__dirname, '..', '..');
const [outDir, infoFile, fingerprint] = process.argv.slice(2);
const { buildConfig } = require(path.join(ROOT, 'webpack.config.js'));

function listFiles(dir, base = dir) {
  const out = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    const st = fs.statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p, base));
    else out.push({ name: path.relative(base, p).split(path.sep).join('/'), size: st.size });
  }
  return out;
}

// Types are checked by `npm run typecheck`, ts-jest and `npm run build`; here only the bundle matters.
webpack(buildConfig({ mode: 'production', outDir, typeCheck: false }), (err, stats) => {
  if (err || !stats) {
    console.error(err || 'webpack gave no stats');
    process.exit(2);
  }
  const json = stats.toJson({ all: false, modules: true, nestedModules: true, orphanModules: true, errors: true, warnings: true });
  const modules = new Set();
  const collect = (ms) => {
    for (const m of ms || []) {
      if (m.nameForCondition) modules.add(path.relative(ROOT, m.nameForCondition).split(path.sep).join('/'));
      else if (m.name) modules.add(m.name);
      collect(m.modules);
    }
  };
  collect(json.modules);
  const info = {
    outDir,
    fingerprint,
    assets: fs.existsSync(outDir) ? listFiles(outDir) : [],
    modules: [...modules].sort(),
    errors: (json.errors || []).map((e) => e.message),
    warnings: (json.warnings || []).map((w) => w.message),
  };
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
});
