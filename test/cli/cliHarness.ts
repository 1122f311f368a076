/**
 * What the `medaid` CLI tests share: a temporary folder to write roster files into, valid
 * 18-digit IDs (GB 11643 check digit computed), and console output captured per test.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { idCheckChar } from '../../src/roster';

export const idNumber = (first17: string) => first17 + idCheckChar(first17);

/** A fresh folder; `file(name, text)` writes into it and returns the path. */
export function tempFolder(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    },
  };
}

/** console.log / console.error lines of the current test (reset before each). */
export function captureConsole(): { out: string[]; err: string[] } {
  const lines = { out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    lines.out.length = 0;
    lines.err.length = 0;
    jest.spyOn(console, 'log').mockImplementation((...a) => void lines.out.push(a.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...a) => void lines.err.push(a.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());
  return lines;
}
