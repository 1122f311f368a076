/**
 * Where the built add-in points (scripts/manifest-urls.js, webpack.config.js): the dev port
 * from package.json's config, and dist/web/manifest.xml with its URLs rewritten by the build
 * to the deployment URL (--env urlProd / PUBLIC_URL), never by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { deploymentBase, devServerPort, MANIFEST_DEV_ORIGIN, manifestBase, rewriteManifestUrls } from '../../scripts/manifest-urls';
import { ROOT } from './webBuild';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { config: { dev_server_port: number } };
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

type Pattern = { from: string; to: string; transform?: (content: Buffer, file: string) => string };
type WebpackConfig = { plugins: { constructor: { name: string }; patterns?: Pattern[] }[]; devServer?: { port: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as ((env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<WebpackConfig>) & {
  DEV_PORT: number;
};

/** What the build writes as dist/web/manifest.xml for a configuration. */
function builtManifest(config: WebpackConfig): string {
  const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin');
  const pattern = copy?.patterns?.find((p) => p.to === 'manifest.xml');
  expect(pattern?.from).toBe(path.join(ROOT, 'manifest.xml'));
  return pattern!.transform!(Buffer.from(manifest, 'utf8'), pattern!.from);
}

describe('dev server port', () => {
  test('comes from package.json config.dev_server_port, npm’s variable first', () => {
    expect(webpackConfig.DEV_PORT).toBe(pkg.config.dev_server_port);
    expect(devServerPort({}, { config: { dev_server_port: 3100 } })).toBe(3100);
    expect(devServerPort({ npm_package_config_dev_server_port: '3200' }, { config: { dev_server_port: 3100 } })).toBe(3200);
  });
  test('a port that is not a port fails with the reason', () => {
    expect(() => devServerPort({}, { config: {} })).toThrow(/dev_server_port .* must be a port number/);
    expect(() => devServerPort({ npm_package_config_dev_server_port: '70000' }, {})).toThrow(/got "70000"/);
  });
});

describe('manifest URLs rewritten by the build', () => {
  const devUrls = manifest.split(MANIFEST_DEV_ORIGIN).length - 1;

  test('manifest.xml is written against the dev origin (the URLs the build rewrites)', () => {
    // IconUrl, HighResolutionIconUrl, SourceLocation, three ribbon icons, runtime page, functions.js …
    expect(devUrls).toBeGreaterThanOrEqual(8);
    expect(manifest.match(/https?:\/\/[^"\s<]+/g)!.filter((u) => u.startsWith('https://localhost') && !u.startsWith(MANIFEST_DEV_ORIGIN))).toEqual([]);
  });

  test('--env urlProd moves every URL to the deployment, keeping each path', async () => {
    const config = await webpackConfig({ urlProd: 'https://medaid.example.gov.cn/addin' }, { mode: 'production' });
    const out = builtManifest(config);
    expect(out).not.toContain('localhost');
    expect(out.split('https://medaid.example.gov.cn/addin/').length - 1).toBe(devUrls);
    expect(out).toContain('<SourceLocation DefaultValue="https://medaid.example.gov.cn/addin/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://medaid.example.gov.cn/addin/functions.js"');
    // Nothing else changes.
    expect(out.replace(/https:\/\/medaid\.example\.gov\.cn\/addin\//g, MANIFEST_DEV_ORIGIN)).toBe(manifest);
  });

  test('PUBLIC_URL does the same when --env urlProd is not given', () => {
    expect(manifestBase({}, { PUBLIC_URL: 'https://cdn.example.org/m/' })).toBe('https://cdn.example.org/m/');
    expect(manifestBase({ urlProd: 'https://a.example/' }, { PUBLIC_URL: 'https://b.example/' })).toBe('https://a.example/');
  });

  test('without a deployment URL the built manifest points at the dev server on the configured port', async () => {
    expect(manifestBase({}, { npm_package_config_dev_server_port: '3300' })).toBe('https://localhost:3300/');
    const config = await webpackConfig({}, { mode: 'production' });
    expect(builtManifest(config)).toBe(rewriteManifestUrls(manifest, `https://localhost:${pkg.config.dev_server_port}/`));
  });

  test('a deployment URL Office cannot load is refused with the reason', () => {
    expect(() => deploymentBase('http://medaid.example/')).toThrow(/must use https:\/\//);
    expect(() => deploymentBase('medaid.example')).toThrow(/absolute https:\/\/ URL/);
    expect(() => deploymentBase('https://medaid.example/?v=1')).toThrow(/query or fragment/);
  });
});
