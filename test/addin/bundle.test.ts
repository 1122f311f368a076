/**
 * The Excel web bundle (webpack production build): what is in it and what is not.
 * HyperFormula is GPL-3.0 and serves the CLI and tests only: it must never be bundled.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, WebBuild, ensureWebBuild } from './webBuild';

let build: WebBuild;

beforeAll(async () => {
  build = await ensureWebBuild();
}, 600_000);

const asset = (name: string) => build.assets.find((a) => a.name === name);
const read = (name: string) => fs.readFileSync(path.join(build.outDir, name), 'utf8');

describe('web build', () => {
  it('compiles without errors', () => {
    expect(build.errors).toEqual([]);
  });

  it('bundles the engine and the adapters', () => {
    expect(build.modules).toContain('src/functions/functions.ts');
    expect(build.modules).toContain('src/functions/adapters.ts');
    expect(build.modules.some((m) => m.startsWith('src/engine/'))).toBe(true);
    expect(build.modules.some((m) => m.includes('node_modules/decimal.js'))).toBe(true);
  });

  it('never includes HyperFormula or the Node-only harness', () => {
    const bad = build.modules.filter((m) => /(^|\/)node_modules\/hyperformula\//.test(m) || m.startsWith('src/functions/hyperformula/'));
    expect(bad).toEqual([]);
    // The module list is not the only proof: the code itself has no trace of it either.
    for (const a of build.assets.filter((x) => x.name.endsWith('.js'))) {
      expect(read(a.name)).not.toMatch(/hyperformula|handsontable|gpl-v3/i);
    }
  });

  it('keeps the functions bundle small', () => {
    // Measured at about 230 kB minified: decimal.js, the compiled policy validator and the
    // five policies. The functions load with every workbook that uses them.
    expect(asset('functions.js')!.size).toBeLessThan(600 * 1024);
    // Nor does HyperFormula's parser (chevrotain) come in through another door.
    expect(build.modules.filter((m) => /node_modules\/chevrotain\//.test(m))).toEqual([]);
  });

  it('emits the pages, the metadata in both languages and the icons', () => {
    for (const f of ['taskpane.html', 'functions.html', 'functions.js', 'taskpane.js', 'commands.js', 'functions.json', 'functions.zh-CN.json']) {
      expect(asset(f)).toBeDefined();
    }
    for (const s of [16, 32, 64, 80]) expect(asset(`assets/icon-${s}.png`)).toBeDefined();
  });

  it('loads functions, commands and task pane in the shared runtime page, after office.js', () => {
    const html = read('taskpane.html');
    const office = html.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
    expect(office).toBeGreaterThan(-1);
    expect(scripts[0]).toContain('office.js');
    const order = ['functions.js', 'commands.js', 'taskpane.js'].map((s) => scripts.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toMatch(/id="?app"?[\s>]/);
  });

  it('lets error cells in ranges reach the functions: allowErrorForDataTypeAny in every metadata file', () => {
    for (const f of ['functions.json', 'functions.zh-CN.json']) {
      expect((JSON.parse(read(f)) as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny).toBe(true);
    }
  });

  it('associates every function of functions.json with its code', () => {
    const meta = JSON.parse(read('functions.json')) as { functions: { id: string }[] };
    const code = read('functions.js');
    for (const f of meta.functions) expect(code).toMatch(new RegExp(`associate\\(\\s*"${f.id}"`));
  });
});

describe('webpack.config.js', () => {
  it('needs no certificates for a build: only the dev server loads office-addin-dev-certs', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('office-addin-dev-certs', () => {
        throw new Error('office-addin-dev-certs must not be loaded by a build');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const make = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ devServer?: unknown; output: { path: string } }>;
      const config = await make({}, { mode: 'production' });
      expect(config.devServer).toBeUndefined();
      expect(config.output.path).toBe(path.join(ROOT, 'dist', 'web'));
    });
  });

  it('serves https on port 3000 in dev-server mode', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('office-addin-dev-certs', () => ({ getHttpsServerOptions: async () => ({ key: 'k', cert: 'c', ca: 'a' }) }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const make = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ mode: string; devServer: { port: number; server: { type: string; options: unknown } } }>;
      const config = await make({ WEBPACK_SERVE: true }, {});
      expect(config.mode).toBe('development');
      expect(config.devServer.port).toBe(3000);
      expect(config.devServer.server).toEqual({ type: 'https', options: { key: 'k', cert: 'c', ca: 'a' } });
    });
  });

  it('fails the build when HyperFormula is imported', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FORBIDDEN_MODULES } = require(path.join(ROOT, 'webpack.config.js')) as { FORBIDDEN_MODULES: { test: RegExp }[] };
    const hits = (p: string) => FORBIDDEN_MODULES.some((f) => f.test.test(p));
    expect(hits(path.join(ROOT, 'node_modules', 'hyperformula', 'commonjs', 'index.js'))).toBe(true);
    expect(hits(path.join(ROOT, 'src', 'functions', 'hyperformula', 'plugin.ts'))).toBe(true);
    expect(hits(path.join(ROOT, 'src', 'functions', 'adapters.ts'))).toBe(false);
  });
});
