/**
 * Every file a `medaid` command writes goes through here, so that no command can destroy an
 * input, half-write a file or crash with a raw Node error (issues 12 item 4, 16 "outputs
 * overwrite inputs" and "file-system errors crash"):
 *
 * - checkOutputs, BEFORE any work is done (a 1M-row run must not fail at the end):
 *   an output that is an input (the same file after resolving links, hard links included) is
 *   refused, --force or not; an existing file is replaced only with --force; a folder, a path
 *   under a file, a folder without write permission, or two outputs naming one file are refused
 *   with a message that names the flag, the path and what to do.
 * - writeOutput: the content goes to a temporary file next to the target (in the target's own
 *   folder, so the final rename is atomic and never crosses file systems), renamed over the
 *   target only when complete; on any error the temporary file is removed and the target is
 *   left as it was.
 * - Every file-system failure (EACCES, ENOSPC, ENOENT, ENOTDIR, EISDIR, EBUSY, EROFS …) becomes an
 *   OutputFileError: Chinese and English, the path, what to do; the CLI exits 2 with it.
 */
import { accessSync, constants, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'fs';
import { basename, dirname, join, resolve } from 'path';

export type OutputErrorCode =
  | 'OUTPUT_IS_INPUT'
  | 'OUTPUT_EXISTS'
  | 'OUTPUT_IS_DIRECTORY'
  | 'OUTPUT_NOT_A_FILE'
  | 'OUTPUT_DUPLICATE'
  | 'OUTPUT_PARENT_IS_FILE'
  | 'OUTPUT_NO_PERMISSION'
  | 'OUTPUT_WRITE_FAILED';

/** A refused or failed output: bilingual, names the flag and path; the CLI exits with exitCode. */
export class OutputFileError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: OutputErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly path: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'OutputFileError';
  }
}

/** A file a command reads (never to be written) or writes, with the flag that named it. */
export interface NamedFile {
  flag: string;
  path: string;
}

/** An output that passed checkOutputs: `path` is where the file will be (links resolved). */
export interface OutputTarget extends NamedFile {
  /** The path the user gave, for messages. */
  given: string;
}

const statOrUndefined = (p: string): Stats | undefined => {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
};

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** The nearest part of `p` (itself or a parent) that exists. */
function nearestExisting(p: string): { path: string; stat: Stats } {
  let cur = p;
  for (;;) {
    const s = statOrUndefined(cur);
    if (s) return { path: cur, stat: s };
    const up = dirname(cur);
    if (up === cur) return { path: cur, stat: statSync(cur) };
    cur = up;
  }
}

/**
 * Checks every output before the command does any work; returns where each will be written.
 * `inputs` are all the files the command reads (roster, scenario, parameter and policy files).
 */
export function checkOutputs(outputs: readonly NamedFile[], inputs: readonly NamedFile[], opts: { force: boolean }): OutputTarget[] {
  const inputStats = inputs.map((f) => ({ f, s: statOrUndefined(f.path) })).filter((x): x is { f: NamedFile; s: Stats } => !!x.s);
  const targets: OutputTarget[] = [];
  for (const out of outputs) {
    const given = out.path;
    const s = statOrUndefined(given);
    if ((s && s.isDirectory()) || /[\\/]$/.test(given)) {
      throw new OutputFileError(
        'OUTPUT_IS_DIRECTORY',
        `${out.flag} ${given} 是一个文件夹，不是文件：请给出文件名，例如 ${out.flag} ${join(given, defaultName(out.flag))}`,
        `${out.flag} ${given} is a folder, not a file: give a file name, e.g. ${out.flag} ${join(given, defaultName(out.flag))}`,
        given,
      );
    }
    if (s) {
      const input = inputStats.find((x) => sameFile(x.s, s));
      if (input) {
        throw new OutputFileError(
          'OUTPUT_IS_INPUT',
          `${out.flag} ${given} 就是输入文件（${input.f.flag} ${input.f.path}）：写入会覆盖输入数据，已拒绝（--force 也不会覆盖输入文件）。请换一个输出文件名`,
          `${out.flag} ${given} is an input file (${input.f.flag} ${input.f.path}): writing it would destroy the input, so it is refused (--force never overwrites an input). Choose another output file name`,
          given,
        );
      }
      if (!s.isFile()) {
        throw new OutputFileError(
          'OUTPUT_NOT_A_FILE',
          `${out.flag} ${given} 已存在但不是普通文件（设备、管道等）：请给出一个普通文件的路径`,
          `${out.flag} ${given} exists but is not a regular file (a device, a pipe …): give the path of an ordinary file`,
          given,
        );
      }
      if (!opts.force) {
        throw new OutputFileError(
          'OUTPUT_EXISTS',
          `${out.flag} ${given} 已存在：未覆盖。如确要替换，请加 --force；或换一个文件名`,
          `${out.flag} ${given} already exists and was not overwritten: add --force to replace it, or choose another file name`,
          given,
        );
      }
    }
    // Where the file will be: an existing file through its links (the link stays a link).
    const path = s ? realpathSync(given) : resolve(given);
    const twin = targets.find((t) => t.path === path);
    if (twin) {
      throw new OutputFileError(
        'OUTPUT_DUPLICATE',
        `${twin.flag} 和 ${out.flag} 指向同一个文件 ${given}：后写的会覆盖先写的。请给两个不同的文件名`,
        `${twin.flag} and ${out.flag} name the same file ${given}: the second would overwrite the first. Give two different file names`,
        given,
      );
    }
    if (!s) checkFolder(out, given, path);
    else checkWritable(out, given, dirname(path));
    targets.push({ flag: out.flag, path, given });
  }
  return targets;
}

const defaultName = (flag: string) => (flag === '--out' ? 'result.xlsx' : flag === '--summary' ? 'summary.json' : 'output');

/** A file that does not exist yet: its folder must be (or become) a folder we can write in. */
function checkFolder(out: NamedFile, given: string, path: string): void {
  const near = nearestExisting(dirname(path));
  if (!near.stat.isDirectory()) {
    throw new OutputFileError(
      'OUTPUT_PARENT_IS_FILE',
      `${out.flag} ${given}：路径中的 ${near.path} 是一个文件，不是文件夹，无法在其下创建文件。请检查路径`,
      `${out.flag} ${given}: ${near.path} in that path is a file, not a folder, so nothing can be created under it. Check the path`,
      given,
    );
  }
  checkWritable(out, given, near.path);
}

function checkWritable(out: NamedFile, given: string, folder: string): void {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputFileError(
      'OUTPUT_NO_PERMISSION',
      `${out.flag} ${given}：没有在文件夹 ${folder} 中写入的权限。请换一个有写权限的文件夹，或请管理员开放权限`,
      `${out.flag} ${given}: no permission to write in the folder ${folder}. Choose a folder you can write in, or ask for write permission`,
      given,
    );
  }
}

/** What a file-system error code means for the analyst, and what to do. */
const FS_ERRORS: Record<string, { zh: string; en: string }> = {
  EACCES: { zh: '没有写入权限：请换一个有写权限的文件夹，或请管理员开放权限', en: 'permission denied: choose a folder you can write in, or ask for write permission' },
  EPERM: { zh: '操作不被允许（文件可能只读或正被其他程序打开）：请关闭占用它的程序（如 Excel）或换一个文件名', en: 'operation not permitted (the file may be read-only or open in another program): close the program using it (e.g. Excel) or choose another name' },
  EBUSY: { zh: '文件正被其他程序占用：请关闭打开它的程序（如 Excel）后重试', en: 'the file is in use by another program: close it (e.g. Excel) and try again' },
  ENOSPC: { zh: '磁盘空间不足：请清理磁盘或换一个磁盘上的文件夹', en: 'no space left on the disk: free some space or write to another disk' },
  EDQUOT: { zh: '超出磁盘配额：请清理文件或换一个文件夹', en: 'disk quota exceeded: free some space or write to another folder' },
  EROFS: { zh: '该位置是只读的文件系统：请换一个可写的文件夹', en: 'the location is on a read-only file system: choose a folder you can write in' },
  ENOENT: { zh: '文件夹不存在或已被删除：请检查路径', en: 'the folder does not exist or was removed: check the path' },
  ENOTDIR: { zh: '路径中有一部分是文件而不是文件夹：请检查路径', en: 'a part of the path is a file, not a folder: check the path' },
  EISDIR: { zh: '这是一个文件夹，不是文件：请给出文件名', en: 'it is a folder, not a file: give a file name' },
  ENAMETOOLONG: { zh: '路径太长：请用更短的文件夹或文件名', en: 'the path is too long: use a shorter folder or file name' },
  EMFILE: { zh: '打开的文件太多：请关闭一些程序后重试', en: 'too many open files: close some programs and try again' },
  EIO: { zh: '磁盘读写错误：请检查磁盘或换一个位置', en: 'input/output error on the disk: check the disk or write elsewhere' },
};

/** A file-system error while writing `target` as a bilingual OutputFileError. */
export function writeFailure(target: OutputTarget, e: unknown): OutputFileError {
  if (e instanceof OutputFileError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? FS_ERRORS[code] : undefined;
  const detail = e instanceof Error ? e.message : String(e);
  const zh = known ? `${known.zh}（${code}）` : `${detail}`;
  const en = known ? `${known.en} (${code})` : `${detail}`;
  return new OutputFileError(
    'OUTPUT_WRITE_FAILED',
    `无法写入 ${target.flag} ${target.given}：${zh}。未留下不完整的文件${existsSync(target.path) ? '，原有文件未改动' : ''}`,
    `cannot write ${target.flag} ${target.given}: ${en}. No partial file was left${existsSync(target.path) ? '; the existing file is unchanged' : ''}`,
    target.given,
  );
}

let tempCounter = 0;

/** A temporary name in the target's own folder (hidden, unique per process and call). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${++tempCounter}.partial`);
}

/**
 * Writes one output: `write(tmp)` fills a temporary file next to the target; it is renamed over
 * the target when complete. On any error the temporary file is removed, the target is untouched,
 * and a bilingual OutputFileError is thrown.
 */
export async function writeOutput(target: OutputTarget, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  const tmp = tempPathFor(target.path);
  try {
    mkdirSync(dirname(target.path), { recursive: true });
    await write(tmp);
    renameSync(tmp, target.path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the original error is the one to report
    }
    throw writeFailure(target, e);
  }
}

/** writeOutput for content already in memory (summary.json, CSV text). */
export function writeOutputData(target: OutputTarget, data: Uint8Array | string): Promise<void> {
  return writeOutput(target, (tmp) => writeFileSync(tmp, data, { flag: 'wx' }));
}
