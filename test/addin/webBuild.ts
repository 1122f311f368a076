/**
 * The add-in's production web build, made once for the tests that need it (manifest and
 * bundle checks) into test-output/web/, with webpack.config.js's own configuration. Test
 * files run in parallel workers: a lock directory makes one build and the others wait;
 * a fingerprint of the inputs lets later runs reuse it until a source changes.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT_DIR = path.join(ROOT, 'test-output', 'web');
const INFO_FILE = path.join(OUT_DIR, '..', 'web-build-info.json');
const LOCK_DIR = path.join(ROOT, 'test-output', 'web-build.lock');

export interface WebBuild {
  outDir: string;
  fingerprint: string;
  /** Emitted files (paths relative to outDir, "/" separated) with their sizes in bytes. */
  assets: { name: string; size: number }[];
  /** Every module webpack bundled, as paths relative to the repo. */
  modules: string[];
  errors: string[];
  warnings: string[];
}

const INPUTS = [
  'src',
  'policies',
  'assets',
  'webpack.config.js',
  'scripts/localize-functions.js',
  'scripts/functions-metadata-options.js',
  'scripts/manifest-urls.js',
  'manifest.xml',
  'tsconfig.json',
  'package-lock.json',
];

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f), out);
  } else {
    out.push(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}`);
  }
}

export function fingerprint(): string {
  const entries: string[] = [];
  for (const i of INPUTS) walk(path.join(ROOT, i), entries);
  return crypto.createHash('sha1').update(entries.join('\n')).digest('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock older than 10 minutes is left over from a killed run.
      try {
        if (Date.now() - fs.statSync(LOCK_DIR).mtimeMs > 10 * 60 * 1000) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() - start > 10 * 60 * 1000) throw new Error('timed out waiting for the web build lock');
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function runBuild(fp: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'webBuildRunner.js'), OUT_DIR, INFO_FILE, fp],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, _stdout, stderr) => (err ? reject(new Error(`web build failed: ${err.message}\n${stderr}`)) : resolve()),
    );
  });
}

/** The production build of the add-in (made now, or reused when no input changed). */
export async function ensureWebBuild(): Promise<WebBuild> {
  return withLock(async () => {
    const fp = fingerprint();
    if (fs.existsSync(INFO_FILE) && fs.existsSync(OUT_DIR)) {
      const info = JSON.parse(fs.readFileSync(INFO_FILE, 'utf8')) as WebBuild;
      if (info.fingerprint === fp && info.errors.length === 0) return info;
    }
    await runBuild(fp);
    const info = JSON.parse(fs.readFileSync(INFO_FILE, 'utf8')) as WebBuild;
    return info;
  });
}
