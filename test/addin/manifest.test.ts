/**
 * Offline checks of manifest.xml. `npm run validate` (office-addin-manifest) asks
 * Microsoft's online validator, which this machine and CI cannot reach. No XSD validation
 * here: no npm package ships the add-in manifest schemas (office-addin-manifest 3.0.0 and
 * office-addin-manifest-converter 0.4.1 checked; docs/functions.md says how), and their
 * published homes — Microsoft's Open Specification [MS-OWEMXML] and a documentation
 * repository — are neither fetchable from CI nor clearly licensed for a copy here. Instead this test parses
 * the XML and checks what Office relies on: element order, every resid, the shared runtime,
 * every URL against the files the webpack build really emits, the custom-functions
 * namespace and metadata per locale, icons, identity and permissions.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { ROOT, WebBuild, ensureWebBuild } from './webBuild';
import { availableLocales, localizedFileName } from '../../scripts/localize-functions';
import { CHINESE_LOCALES, languageFor } from '../../src/functions/displayLanguage';
import { EXCEL_API } from '../../src/taskpane/host/detectHost';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require('../../scripts/make-icons.js') as { SIZES: number[]; draw: (size: number) => Buffer };

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const MANIFEST = path.join(ROOT, 'manifest.xml');
const xmlText = fs.readFileSync(MANIFEST, 'utf8');

type El = Element;

function parse(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') problems.push(`${level}: ${msg}`);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
  if (problems.length) throw new Error(`manifest.xml is not well-formed XML:\n${problems.join('\n')}`);
  return doc;
}

const doc = parse(xmlText);
const root = doc.documentElement as El;

function children(el: El, ns?: string, name?: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as El;
    if ((ns === undefined || e.namespaceURI === ns) && (name === undefined || e.localName === name)) out.push(e);
  }
  return out;
}

function all(ns: string, name: string, under: El = root): El[] {
  return Array.from(under.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<El>);
}

function one(ns: string, name: string, under: El = root): El {
  const found = all(ns, name, under);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

const xsiType = (e: El) => e.getAttributeNS(NS.xsi, 'type');
const text = (e: El) => (e.textContent ?? '').trim();

const versionOverrides = children(root, NS.ov, 'VersionOverrides')[0];
const resources = children(versionOverrides, NS.ov, 'Resources')[0];

/** Resources by kind: id → element. */
function resourceTable(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, El> {
  const group = children(resources, NS.bt, kind)[0];
  const m = new Map<string, El>();
  if (!group) return m;
  for (const e of children(group, NS.bt)) {
    const id = e.getAttribute('id')!;
    if (m.has(id)) throw new Error(`duplicate resource id ${id}`);
    m.set(id, e);
  }
  return m;
}

const images = resourceTable('Images');
const urls = resourceTable('Urls');
const shortStrings = resourceTable('ShortStrings');
const longStrings = resourceTable('LongStrings');

/** Every element (in VersionOverrides) with a resid, and which resource kind it must name. */
function residUses(): { el: El; resid: string; kind: Map<string, El>; kindName: string }[] {
  const uses: { el: El; resid: string; kind: Map<string, El>; kindName: string }[] = [];
  const walk = (el: El) => {
    for (const c of children(el)) {
      const resid = c.getAttribute('resid');
      if (resid !== null && resid !== '') {
        const name = c.localName;
        const parent = (c.parentNode as El).localName;
        let kindName: string;
        if (name === 'Image') kindName = 'Images';
        else if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(name)) kindName = 'Urls';
        else if (name === 'Description' && (parent === 'Supertip' || parent === 'GetStarted' || parent === 'VersionOverrides')) kindName = 'LongStrings';
        else kindName = 'ShortStrings'; // Label, Title, Namespace
        const kind = { Images: images, Urls: urls, ShortStrings: shortStrings, LongStrings: longStrings }[kindName]!;
        uses.push({ el: c, resid, kind, kindName });
      }
      walk(c);
    }
  };
  walk(versionOverrides);
  return uses;
}

/** Every URL in the manifest, with where it is. */
function allUrls(): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const e of children(root, NS.app, name)) {
      out.push({ where: name, url: e.getAttribute('DefaultValue')! });
      for (const o of children(e, NS.app, 'Override')) out.push({ where: `${name} (${o.getAttribute('Locale')})`, url: o.getAttribute('Value')! });
    }
  }
  for (const ds of children(root, NS.app, 'DefaultSettings')) {
    for (const sl of children(ds, NS.app, 'SourceLocation')) out.push({ where: 'DefaultSettings', url: sl.getAttribute('DefaultValue')! });
  }
  for (const [id, e] of [...images, ...urls]) {
    out.push({ where: id, url: e.getAttribute('DefaultValue')! });
    for (const o of children(e, NS.bt, 'Override')) out.push({ where: `${id} (${o.getAttribute('Locale')})`, url: o.getAttribute('Value')! });
  }
  return out;
}

let build: WebBuild;

beforeAll(async () => {
  build = await ensureWebBuild();
}, 600_000);

describe('manifest.xml: identity', () => {
  it('is an add-in-only task pane manifest, schema 1.1', () => {
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
  });

  it('has its base elements in the order the schema requires', () => {
    const order = [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'AllowSnapshot', 'ExtendedOverrides', 'VersionOverrides',
    ];
    const names = children(root).map((e) => e.localName);
    const idx = names.map((n) => order.indexOf(n));
    expect(idx).not.toContain(-1);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description']) expect(names).toContain(required);
  });

  it('has a GUID for Id', () => {
    expect(text(one(NS.app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it('has a version of up to four numbers, matching package.json', () => {
    const v = text(one(NS.app, 'Version'));
    expect(v).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(v.split('.').slice(0, 3).join('.')).toBe(pkg.version.split('-')[0]);
  });

  // Issue 13 item 4: one language rule for pane, functions and manifest (displayLanguage.ts).
  it('defaults to English (en-US) with the Chinese strings for every Chinese display language', () => {
    expect(text(one(NS.app, 'DefaultLocale'))).toBe('en-US');
    const han = /[\u4e00-\u9fff]/;
    for (const name of ['DisplayName', 'Description']) {
      const e = children(root, NS.app, name)[0];
      expect(e.getAttribute('DefaultValue')).not.toMatch(/^[\u4e00-\u9fff]/);
      const o = children(e, NS.app, 'Override');
      expect(o.map((x) => x.getAttribute('Locale'))).toEqual([...CHINESE_LOCALES]);
      for (const x of o) expect(x.getAttribute('Value')).toMatch(han);
    }
    const labels = [...shortStrings.values(), ...longStrings.values()].filter((e) => e.getAttribute('id') !== 'Functions.Namespace');
    for (const e of labels) {
      expect(e.getAttribute('DefaultValue')).not.toMatch(han);
      expect(children(e, NS.bt, 'Override').map((o) => o.getAttribute('Locale'))).toEqual([...CHINESE_LOCALES]);
    }
  });

  it('gives every display language the metadata language the functions and the pane use', () => {
    const cf = all(NS.ov, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions')!;
    const url = urls.get(one(NS.ov, 'SourceLocation', one(NS.ov, 'Metadata', cf)).getAttribute('resid')!)!;
    const file = (u: string) => new URL(u).pathname.replace(/^\//, '');
    const overrides = new Map(children(url, NS.bt, 'Override').map((o) => [o.getAttribute('Locale')!, file(o.getAttribute('Value')!)]));
    // What Office would load: the exact override, else the default.
    const metadataFor = (locale: string) => overrides.get(locale) ?? file(url.getAttribute('DefaultValue')!);
    const metadataLang = (f: string) => (f === 'functions.json' ? 'en' : f.startsWith('functions.zh') ? 'zh' : '?');
    for (const locale of ['zh-CN', 'zh-TW', 'zh-HK', 'zh-SG', 'zh-MO', 'en-US', 'en-GB', 'en-AU', 'fr-FR', 'de-DE', 'ja-JP', 'ko-KR']) {
      expect([locale, metadataLang(metadataFor(locale))]).toEqual([locale, languageFor(locale)]);
    }
  });

  it('uses well-formed culture names and string lengths within the schema limits', () => {
    const culture = /^[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?$|^[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?$/;
    for (const o of [...all(NS.app, 'Override'), ...all(NS.bt, 'Override')]) expect(o.getAttribute('Locale')).toMatch(culture);
    const values = (e: El) => [e.getAttribute('DefaultValue')!, ...children(e).map((o) => o.getAttribute('Value')!)];
    for (const e of [children(root, NS.app, 'DisplayName')[0], ...shortStrings.values()]) for (const v of values(e)) expect(v.length).toBeLessThanOrEqual(125);
    for (const e of [children(root, NS.app, 'Description')[0], ...longStrings.values()]) for (const v of values(e)) expect(v.length).toBeLessThanOrEqual(250);
  });

  it('asks for ReadWriteDocument, and says why', () => {
    expect(text(one(NS.app, 'Permissions'))).toBe('ReadWriteDocument');
    expect(xmlText).toMatch(/<!--[^]*ReadWriteDocument is the least that works[^]*-->\s*<Permissions>/);
  });

  it('runs in Excel only', () => {
    const hosts = children(children(root, NS.app, 'Hosts')[0], NS.app, 'Host').map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
  });

  it('requires the shared runtime and CustomFunctions.Error with its ErrorCode values and parameterAddresses (CustomFunctionsRuntime 1.3)', () => {
    const sets = Object.fromEntries(all(NS.app, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]));
    expect(sets.SharedRuntime).toBe('1.1');
    // The ExcelApi version the pane checks at start (detectHost.ts: customProperties, 1.12).
    expect(sets[EXCEL_API.name]).toBe(EXCEL_API.version);
    // Error is 1.2, the ErrorCode values and Invocation.parameterAddresses 1.3 (requirementSets.test.ts).
    expect(sets.CustomFunctionsRuntime).toBe('1.3');
  });
});

describe('manifest.xml: VersionOverrides', () => {
  it('is task-pane VersionOverrides 1.0 (the only version task-pane add-ins accept)', () => {
    expect(versionOverrides.namespaceURI).toBe(NS.ov);
    expect(xsiType(versionOverrides)).toBe('VersionOverridesV1_0');
  });

  it('resolves every resid to a resource of the right kind', () => {
    const uses = residUses();
    expect(uses.length).toBeGreaterThan(10);
    const missing = uses.filter((u) => !u.kind.has(u.resid)).map((u) => `${u.el.localName} resid="${u.resid}" (no ${u.kindName} resource)`);
    expect(missing).toEqual([]);
  });

  it('defines no resource that nothing uses, and keeps resource ids within 32 characters', () => {
    const used = new Set(residUses().map((u) => u.resid));
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('has one shared runtime for custom functions, ribbon command and task pane', () => {
    const runtimes = all(NS.ov, 'Runtime');
    expect(runtimes).toHaveLength(1);
    const rt = runtimes[0];
    expect(rt.getAttribute('lifetime')).toBe('long');
    const resid = rt.getAttribute('resid')!;
    const cf = all(NS.ov, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions')!;
    const page = one(NS.ov, 'SourceLocation', one(NS.ov, 'Page', cf));
    expect(page.getAttribute('resid')).toBe(resid);
    expect(one(NS.ov, 'FunctionFile').getAttribute('resid')).toBe(resid);
    const actions = all(NS.ov, 'Action');
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions.filter((x) => xsiType(x) === 'ShowTaskpane')) {
      expect(one(NS.ov, 'SourceLocation', a).getAttribute('resid')).toBe(resid);
      // A shared runtime has one task pane: every ShowTaskpane names the same TaskpaneId.
      expect(text(one(NS.ov, 'TaskpaneId', a))).toBe('MedAid.Taskpane');
    }
    // The base manifest's task pane is the same page.
    const base = children(children(root, NS.app, 'DefaultSettings')[0], NS.app, 'SourceLocation')[0].getAttribute('DefaultValue');
    expect(base).toBe(urls.get(resid)!.getAttribute('DefaultValue'));
  });

  it('declares the custom functions: namespace MEDAID, script, page and metadata', () => {
    const cf = all(NS.ov, 'ExtensionPoint').filter((e) => xsiType(e) === 'CustomFunctions');
    expect(cf).toHaveLength(1);
    expect(cf[0].parentNode && (cf[0].parentNode as El).localName).toBe('AllFormFactors');
    expect(children(cf[0]).map((e) => e.localName)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    const ns = one(NS.ov, 'Namespace', cf[0]).getAttribute('resid')!;
    expect(shortStrings.get(ns)!.getAttribute('DefaultValue')).toBe('MEDAID');
    expect(children(shortStrings.get(ns)!, NS.bt, 'Override')).toHaveLength(0);
    const script = one(NS.ov, 'SourceLocation', one(NS.ov, 'Script', cf[0])).getAttribute('resid')!;
    expect(new URL(urls.get(script)!.getAttribute('DefaultValue')!).pathname).toBe('/functions.js');
  });

  it('points the metadata at one generated file per language: en-US (from the JSDoc) by default, zh-CN for Chinese', () => {
    const cf = all(NS.ov, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions')!;
    const resid = one(NS.ov, 'SourceLocation', one(NS.ov, 'Metadata', cf)).getAttribute('resid')!;
    const url = urls.get(resid)!;
    const file = (u: string) => new URL(u).pathname.replace(/^\//, '');
    const defaultLocale = text(one(NS.app, 'DefaultLocale'));
    const byLocale: Record<string, string> = { [defaultLocale]: file(url.getAttribute('DefaultValue')!) };
    for (const o of children(url, NS.bt, 'Override')) byLocale[o.getAttribute('Locale')!] = file(o.getAttribute('Value')!);
    // functions.json is the plugin's output from the (English) JSDoc; each translation table
    // gives functions.<locale>.json, and the default locale has one.
    expect(byLocale['en-US']).toBe('functions.json');
    expect(byLocale[defaultLocale]).toBe('functions.json');
    expect(byLocale['zh-CN']).toBe(localizedFileName('zh-CN'));
    const generated = new Set(['functions.json', ...availableLocales().map(localizedFileName)]);
    expect(new Set(Object.values(byLocale))).toEqual(generated);
    for (const f of generated) expect(build.assets.map((a) => a.name)).toContain(f);
  });

  it('puts a "MedAid 预算" button that opens the task pane on the Home tab', () => {
    const tab = one(NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = one(NS.ov, 'Group', tab);
    const label = (e: El) => shortStrings.get(children(e, NS.ov, 'Label')[0].getAttribute('resid')!)!;
    const zh = (e: El) => children(e, NS.bt, 'Override').find((o) => o.getAttribute('Locale') === 'zh-CN')!.getAttribute('Value');
    expect(zh(label(group))).toBe('MedAid 预算');
    const buttons = children(group, NS.ov, 'Control').filter((c) => xsiType(c) === 'Button');
    expect(buttons).toHaveLength(1);
    expect(zh(label(buttons[0]))).toBe('MedAid 预算');
    expect(label(buttons[0]).getAttribute('DefaultValue')).toBe('MedAid Budget');
    expect(xsiType(one(NS.ov, 'Action', buttons[0]))).toBe('ShowTaskpane');
  });
});

describe('manifest.xml: URLs and icons', () => {
  it('uses https everywhere, on one origin', () => {
    const list = allUrls();
    expect(list.length).toBeGreaterThan(5);
    for (const { where, url } of list) expect(`${where}: ${new URL(url).protocol}`).toBe(`${where}: https:`);
    expect(new Set(list.map((u) => new URL(u.url).origin)).size).toBe(1);
  });

  it('points every URL at a file the webpack build produces', () => {
    const emitted = new Set(build.assets.map((a) => a.name));
    const missing = allUrls()
      .map(({ where, url }) => ({ where, file: decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) }))
      .filter(({ file }) => !emitted.has(file))
      .map(({ where, file }) => `${where}: ${file}`);
    expect(missing).toEqual([]);
  });

  it('the build ships manifest.xml with its URLs on the configured dev port (scripts/manifest-urls.js)', () => {
    const built = fs.readFileSync(path.join(build.outDir, 'manifest.xml'), 'utf8');
    const port = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config: { dev_server_port: number } }).config.dev_server_port;
    expect(built).toBe(xmlText.split('https://localhost:3000/').join(`https://localhost:${port}/`));
  });

  it('has icons of the declared sizes in assets/', () => {
    const pngSize = (file: string) => {
      const b = fs.readFileSync(file);
      expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
      return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
    };
    const local = (url: string) => path.join(ROOT, new URL(url).pathname.replace(/^\//, ''));
    const icon = children(root, NS.app, 'IconUrl')[0].getAttribute('DefaultValue')!;
    const hi = children(root, NS.app, 'HighResolutionIconUrl')[0].getAttribute('DefaultValue')!;
    expect(pngSize(local(icon))).toEqual({ w: 32, h: 32 });
    expect(pngSize(local(hi))).toEqual({ w: 64, h: 64 });
    for (const img of all(NS.bt, 'Image').filter((e) => e.getAttribute('size'))) {
      const resource = images.get(img.getAttribute('resid')!)!;
      const size = Number(img.getAttribute('size'));
      expect(pngSize(local(resource.getAttribute('DefaultValue')!))).toEqual({ w: size, h: size });
    }
  });

  it('ships the icons scripts/make-icons.js draws', () => {
    for (const s of icons.SIZES) {
      expect(fs.readFileSync(path.join(ROOT, 'assets', `icon-${s}.png`)).equals(icons.draw(s))).toBe(true);
    }
  });
});

describe('package.json scripts for the add-in', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; config?: Record<string, unknown> };
  it('builds offline, serves, sideloads and validates', () => {
    expect(pkg.scripts.build).toMatch(/^webpack --mode production$/);
    expect(pkg.scripts['dev-server']).toMatch(/webpack serve/);
    expect(pkg.scripts.start).toBe('office-addin-debugging start manifest.xml');
    expect(pkg.scripts.stop).toBe('office-addin-debugging stop manifest.xml');
    expect(pkg.scripts.validate).toBe('office-addin-manifest validate manifest.xml');
    expect(pkg.config?.dev_server_port).toBe(3000);
  });
});
