/**
 * Every file `medaid` writes goes through src/cli/outputFiles.ts. Each case below is an item of
 * issue 16 ("outputs overwrite inputs", "file-system errors crash") or issue 12 item 4 (`--out`
 * naming a folder: raw EISDIR and a `.partial` beside the folder). On the code before this module
 * each of these either destroyed the input, wrote over an existing file, or crashed with a raw
 * Node error (exit 2 from bin/medaid.js's stack trace) — checked by running this file on it.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { checkOutputs, OutputFileError, writeOutput, writeOutputData } from '../../src/cli/outputFiles';
import { captureConsole, idNumber, tempFolder } from './cliHarness';

const E1 = idNumber('41150219600101001');
const { dir, file } = tempFolder('medaid-output-');
const PEOPLE_TEXT = `身份证号,姓名,人员类别,区县,个人缴费\n${E1},张三,低保对象,浉河区,380\n`;
const VISITS_TEXT = `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${E1},2024-01-15,住院,,10000,否\n`;
const people = file('people.csv', PEOPLE_TEXT);
const visits = file('visits.csv', VISITS_TEXT);
const base = ['project', '--people', people, '--visits', visits, '--region', '信阳', '--year', '2024'];

const { out, err } = captureConsole();
const stderr = () => err.join('\n');

/** No temporary file left anywhere in the folder. */
const partials = (folder: string) => readdirSync(folder).filter((f) => f.includes('.partial'));

describe('issue 16: an output that is an input is refused, --force or not', () => {
  test.each([
    ['--summary people.csv', ['--summary', people], '--people'],
    ['--out visits.csv', ['--out', visits], '--visits'],
    ['--summary people.csv --force', ['--summary', people, '--force'], '--people'],
  ])('%s → exit 2, the roster is unchanged', async (_, extra, inputFlag) => {
    expect(await main([...base, ...(extra as string[])])).toBe(2);
    expect(stderr()).toContain('就是输入文件');
    expect(stderr()).toContain('is an input file');
    expect(stderr()).toContain(inputFlag);
    expect(readFileSync(people, 'utf8')).toBe(PEOPLE_TEXT);
    expect(readFileSync(visits, 'utf8')).toBe(VISITS_TEXT);
    expect(out.join('\n')).toBe(''); // refused before any work: no summary table printed
  });

  test('the same file through a symbolic link or a hard link, and a scenario file', async () => {
    const link = join(dir, 'link-to-people.csv');
    symlinkSync(people, link);
    const hard = join(dir, 'hard-visits.csv');
    linkSync(visits, hard);
    const sc = file('scen.json', JSON.stringify({ name: 'x', overrides: {} }));
    expect(await main([...base, '--out', link, '--force'])).toBe(2);
    expect(await main([...base, '--summary', hard, '--force'])).toBe(2);
    expect(await main([...base, '--scenario', sc, '--summary', sc, '--force'])).toBe(2);
    expect(stderr()).toContain('--scenario');
    expect(readFileSync(people, 'utf8')).toBe(PEOPLE_TEXT);
    expect(readFileSync(visits, 'utf8')).toBe(VISITS_TEXT);
    expect(readFileSync(sc, 'utf8')).toContain('"name":"x"');
  });

  test('project-stream --summary naming its --visits file', async () => {
    expect(await main(['project-stream', '--visits', visits, '--region', '信阳', '--year', '2024', '--summary', visits, '--force'])).toBe(2);
    expect(stderr()).toContain('就是输入文件');
    expect(readFileSync(visits, 'utf8')).toBe(VISITS_TEXT);
  });
});

describe('issue 16: an existing file is replaced only with --force', () => {
  test('without --force: exit 2, the file keeps its content; with --force: replaced', async () => {
    const summary = file('old-summary.json', 'analyst notes, not a summary\n');
    expect(await main([...base, '--summary', summary])).toBe(2);
    expect(stderr()).toContain('已存在');
    expect(stderr()).toContain('--force');
    expect(readFileSync(summary, 'utf8')).toBe('analyst notes, not a summary\n');
    expect(await main([...base, '--summary', summary, '--force'])).toBe(0);
    // 信医保办〔2024〕52号 二、二是: 低保 10000 × 70% = 7000.00.
    expect(JSON.parse(readFileSync(summary, 'utf8')).assistance.total).toBe('7000.00');
    expect(partials(dir)).toEqual([]);
  });

  test('--force through a symbolic link replaces the file it points to, and the link stays', async () => {
    const real = file('real-summary.json', 'old\n');
    const link = join(dir, 'summary-link.json');
    symlinkSync(real, link);
    expect(await main([...base, '--summary', link, '--force'])).toBe(0);
    expect(JSON.parse(readFileSync(real, 'utf8')).assistance.total).toBe('7000.00');
    expect(readFileSync(link, 'utf8')).toBe(readFileSync(real, 'utf8'));
  });

  test('--out and --summary naming one file', async () => {
    const same = join(dir, 'same.out');
    expect(await main([...base, '--summary', same, '--out', same])).toBe(2);
    expect(stderr()).toContain('同一个文件');
    expect(existsSync(same)).toBe(false);
  });
});

describe('issue 12 item 4 / issue 16: folders and impossible paths get a bilingual message, no stack, no stray file', () => {
  test.each([['--out'], ['--summary']])('%s DIR (an existing folder)', async (flag) => {
    const folder = join(dir, `folder${flag}`);
    mkdirSync(folder);
    const before = readdirSync(dir).sort();
    expect(await main([...base, flag, folder])).toBe(2);
    expect(stderr()).toContain(`${flag} ${folder} 是一个文件夹`);
    expect(stderr()).toContain('is a folder, not a file');
    expect(stderr()).not.toContain('EISDIR');
    expect(stderr()).not.toMatch(/\n\s+at /); // no stack trace
    // No `.partial` beside the folder (the old code made `${folder}.partial` in its parent).
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('--out /tmp/ (a trailing slash) is a folder too', async () => {
    expect(await main([...base, '--out', `${dir}/`])).toBe(2);
    expect(stderr()).toContain('是一个文件夹');
  });

  test('a path under a file: --summary people.csv/summary.json', async () => {
    const under = join(people, 'summary.json');
    expect(await main([...base, '--summary', under])).toBe(2);
    expect(stderr()).toContain(`${people} 是一个文件，不是文件夹`);
    expect(stderr()).toContain('is a file, not a folder');
    expect(stderr()).not.toContain('ENOTDIR');
    expect(readFileSync(people, 'utf8')).toBe(PEOPLE_TEXT);
  });

  test('a folder that does not exist yet is created (as before)', async () => {
    const nested = join(dir, 'new', 'deeper', 'summary.json');
    expect(await main([...base, '--summary', nested])).toBe(0);
    expect(JSON.parse(readFileSync(nested, 'utf8')).fundNeed).toBe('7080.00'); // 7000 + 低保 premium 80 (二、一是, ruling 8)
  });
});

describe('writeOutput: temporary file next to the target, renamed when complete', () => {
  const target = () => checkOutputs([{ flag: '--out', path: join(dir, 'atomic', 'result.bin') }], [], { force: true })[0];

  test('a writer that fails half way (disk full) leaves no file and no temporary file', async () => {
    const t = target();
    let tmpSeen = '';
    const failing = writeOutput(t, (tmp) => {
      tmpSeen = tmp;
      writeFileSync(tmp, 'half of a workbook');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    await expect(failing).rejects.toThrow(OutputFileError);
    await failing.catch((e: OutputFileError) => {
      expect(e.zh).toContain('磁盘空间不足');
      expect(e.en).toContain('no space left on the disk');
      expect(e.zh).toContain(t.given);
      expect(e.exitCode).toBe(2);
    });
    expect(tmpSeen.startsWith(join(dir, 'atomic') + '/')).toBe(true); // next to the target, in its folder
    expect(existsSync(t.path)).toBe(false);
    expect(partials(join(dir, 'atomic'))).toEqual([]);
  });

  test('a failure while replacing an existing file leaves that file as it was', async () => {
    const t = target();
    await writeOutputData(t, 'version 1');
    const failing = writeOutput(t, (tmp) => {
      writeFileSync(tmp, 'version 2, cut');
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    await failing.catch((e: OutputFileError) => {
      expect(e.zh).toContain('没有写入权限');
      expect(e.zh).toContain('原有文件未改动');
      expect(e.en).toContain('the existing file is unchanged');
    });
    expect(readFileSync(t.path, 'utf8')).toBe('version 1');
    expect(partials(join(dir, 'atomic'))).toEqual([]);
  });

  test('every file-system code the analyst can meet has a bilingual line with what to do', async () => {
    for (const code of ['EACCES', 'EPERM', 'EBUSY', 'ENOSPC', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']) {
      const e = await writeOutput(target(), () => {
        throw Object.assign(new Error(code), { code });
      }).catch((x: OutputFileError) => x);
      expect(e).toBeInstanceOf(OutputFileError);
      expect((e as OutputFileError).zh).toMatch(/[\u4e00-\u9fff]{4}.*请/); // a Chinese explanation with what to do
      expect((e as OutputFileError).en).toContain(code);
    }
  });
});
