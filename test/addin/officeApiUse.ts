/**
 * Which Office APIs the add-in's code calls, and which requirement set each one needs.
 *
 * Two statements of the requirement set of an API are used, each from where it really is:
 *   - @types/office-js (Microsoft's declarations): a member's doc comment says
 *     "[Api set: ExcelApi 1.12]" or "**Requirement set**: {@link … | SharedRuntime 1.1}".
 *     The code is type-checked against it, so the TypeScript checker resolves every property
 *     access in src/ to the declaration it uses (Excel.Worksheet.customProperties …).
 *   - @microsoft/office-js's Excel runtime (dist/excel-web-16.00.debug.js, the readable form of
 *     the excel-web-16.00.js that Excel on the web loads): every member newer than ExcelApi 1.1
 *     starts with `_throwIfApiNotSupported("Worksheet.customProperties", "ExcelApi", "1.12", …)`,
 *     the check that throws in an Excel without that set. (The package's own dist/office.d.ts is
 *     an older copy of the declarations, up to ExcelApi 1.15 where @types/office-js 1.0.612 has
 *     1.21, and not what the code is compiled against, so it is not used.)
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
export const EXCEL_RUNTIME = path.join(OFFICE_JS_DIST, 'excel-web-16.00.debug.js');
export const EXCEL_RUNTIME_MIN = path.join(OFFICE_JS_DIST, 'excel-web-16.00.js');
/** Microsoft's declarations the code is checked against: Office and Excel, and custom functions. */
const TYPES = ['@types/office-js', '@types/custom-functions-runtime'].map((p) => path.join(path.dirname(require.resolve(`${p}/package.json`)), 'index.d.ts'));

export interface ApiUse {
  /** Namespace.Class.member as declared (Excel.Worksheet.customProperties, Excel.run, Office.addin.showAsTaskpane). */
  api: string;
  /** Requirement set and version the declaration states (the highest version it names), if any. */
  set?: string;
  version?: string;
  /** Where the code uses it (repo-relative file:line, first use). */
  at: string;
}

/** "1.12" > "1.4": requirement-set versions compare as numbers per part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function maxVersion(vs: string[]): string {
  return vs.reduce((m, v) => (compareVersions(v, m) > 0 ? v : m));
}

/** The requirement set a declaration's doc comment states (highest version named for that set). */
export function statedSet(comment: string): { set: string; version: string } | undefined {
  const api = /\[Api set: ([A-Za-z]+) ([^\]]*)\]/.exec(comment);
  if (api) {
    const versions = api[2].match(/\d+\.\d+/g);
    if (versions) return { set: api[1], version: maxVersion(versions) };
  }
  const req = /\*\*Requirement set\*\*: \{@link [^|}]*\|\s*([A-Za-z]+) (\d+\.\d+)\s*\}/.exec(comment);
  if (req) return { set: req[1], version: req[2] };
  return undefined;
}

function declName(decl: ts.Declaration): string | undefined {
  const parts: string[] = [];
  let n: ts.Node | undefined = decl;
  while (n && !ts.isSourceFile(n)) {
    if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isModuleDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isMethodSignature(n) || ts.isMethodDeclaration(n) || ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n) || ts.isVariableDeclaration(n) || ts.isEnumDeclaration(n) || ts.isEnumMember(n)) && n.name) {
      parts.unshift(n.name.getText());
    }
    n = n.parent;
  }
  return parts.length ? parts.join('.') : undefined;
}

/**
 * Every Office API used by the given source files (and the files they import under src/ or
 * `extraDirs`), one entry per API, read with the project's own compiler options. `probe` adds
 * a virtual source file (path → text), for the analyser's own test.
 */
export function officeApiUses(roots: string[], probe?: { file: string; text: string }): ApiUse[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  if (probe) {
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === probe.file ? ts.createSourceFile(f, probe.text, lang, true) : getSourceFile.call(host, f, lang, ...rest));
    host.fileExists = (f) => path.resolve(f) === probe.file || fileExists.call(host, f);
    host.readFile = (f) => (path.resolve(f) === probe.file ? probe.text : readFile.call(host, f));
  }
  const program = ts.createProgram(probe ? [...roots, probe.file] : roots, options, host);
  const checker = program.getTypeChecker();
  const uses = new Map<string, ApiUse>();
  const srcDir = path.join(ROOT, 'src') + path.sep;
  for (const sf of program.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (!(file.startsWith(srcDir) || (probe && file === probe.file))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        for (const decl of sym?.declarations ?? []) {
          if (!TYPES.includes(path.resolve(decl.getSourceFile().fileName))) continue;
          const api = declName(decl);
          if (!api) continue;
          const text = decl.getSourceFile().text;
          const comment = (ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
          const stated = statedSet(comment);
          const prev = uses.get(api);
          if (!prev || (stated && prev.version && compareVersions(stated.version, prev.version) > 0)) {
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
            uses.set(api, { api, ...(stated ?? {}), at: prev?.at ?? `${path.relative(ROOT, file)}:${line + 1}` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...uses.values()].sort((a, b) => a.api.localeCompare(b.api));
}

export interface RuntimeCheck {
  set: string;
  version: string;
}

/**
 * The runtime's own requirement checks: `_throwIfApiNotSupported("Class.member", set, "x.y",
 * host)` in the Excel part of excel-web-16.00.debug.js, keyed "Class.member" (the highest
 * version when a getter and a setter differ).
 */
export function excelRuntimeChecks(file = EXCEL_RUNTIME): Map<string, RuntimeCheck> {
  const text = fs.readFileSync(file, 'utf8');
  const out = new Map<string, RuntimeCheck>();
  // The file is a series of modules, each with its own default set and host name.
  const starts = [...text.matchAll(/var _hostName = "([^"]+)";\s*var _defaultApiSetName = "([^"]+)";/g)];
  starts.forEach((m, i) => {
    if (m[1] !== 'Excel') return;
    const body = text.slice(m.index!, i + 1 < starts.length ? starts[i + 1].index : text.length);
    for (const c of body.matchAll(/_throwIfApiNotSupported\("([A-Za-z_]+\.[A-Za-z_]+)", (_defaultApiSetName|"[A-Za-z]+"), "(\d+\.\d+)"/g)) {
      const set = c[2] === '_defaultApiSetName' ? m[2] : c[2].slice(1, -1);
      const prev = out.get(c[1]);
      if (!prev || (prev.set === set && compareVersions(c[3], prev.version) > 0)) out.set(c[1], { set, version: c[3] });
    }
  });
  return out;
}

/** Requirement sets of other Office applications (a member @types marks with one is Outlook's, Word's …). */
const OTHER_HOSTS = /^(Mailbox|WordApi|WordApiDesktop|WordApiOnline|WordApiHiddenDocument|PowerPointApi|OneNoteApi|ExcelApiDesktop|ExcelApiOnline)$/;

/**
 * What is wrong between the APIs used and the manifest's requirement sets (`declared`: set →
 * MinVersion), one line per problem; `reviewed` names the members whose set @types does not
 * state, or states for another application, each with why it needs nothing more (empty: none).
 */
export function requirementProblems(uses: ApiUse[], runtime: Map<string, RuntimeCheck>, declared: Record<string, string>, reviewed: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const u of uses) {
    const ns = u.api.split('.')[0];
    const rt = ns === 'Excel' ? runtime.get(u.api.slice('Excel.'.length)) : undefined;
    if (rt && rt.set !== 'ExcelApi') problems.push(`${u.api} (${u.at}): the Excel runtime checks it against ${rt.set} ${rt.version}, not a released ExcelApi set`);
    if (rt && rt.set === 'ExcelApi' && u.set === 'ExcelApi' && u.version !== rt.version) problems.push(`${u.api} (${u.at}): @types says ExcelApi ${u.version}, the Excel runtime checks ${rt.version}`);
    const set = u.set ?? (rt?.set === 'ExcelApi' ? rt.set : undefined);
    const version = u.set ? u.version! : rt?.version;
    if (set && !OTHER_HOSTS.test(set)) {
      const have = declared[set];
      if (have === undefined) problems.push(`${u.api} (${u.at}) needs ${set} ${version}, which manifest.xml does not declare`);
      else if (compareVersions(version!, have) > 0) problems.push(`${u.api} (${u.at}) needs ${set} ${version}, manifest.xml declares ${set} ${have}`);
      continue;
    }
    if (reviewed[u.api]) continue;
    // The batch API itself (Excel.run, load, sync, isNullObject …): ExcelApi 1.1, never checked by the runtime.
    if (!set && (ns === 'OfficeExtension' || (ns === 'Excel' && !rt))) continue;
    problems.push(set ? `${u.api} (${u.at}): @types states ${set} ${version}, another application's set — review it` : `${u.api} (${u.at}): no requirement set stated anywhere — review it`);
  }
  return problems;
}
