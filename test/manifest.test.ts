import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TAB_VIEWS } from '../src/taskpane/route';

interface Issue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}
type Check = (xmlText: string, options?: { assetsDir?: string; functionNames?: string[]; baseUrl?: string }) => Issue[];
interface ManifestChecks {
  parseXml(text: string): { local: string; ns: string };
  readPngSize(bytes: Buffer): { width: number; height: number } | null;
  checkWellFormed: Check;
  checkId: Check;
  checkHttps: Check;
  checkBase: Check;
  checkResourceIds: Check;
  checkIcons: Check;
  checkLocales: Check;
  checkFunctions: Check;
  checkViews: (xmlText: string, options?: { views?: string[] }) => Issue[];
  PANE_VIEWS: string[];
  checkRequirements: Check;
  runAllChecks(xmlText: string, options?: { assetsDir?: string }): { key: string; title: string; issues: Issue[] }[];
  hasXmllint(): boolean;
  validateWithXsd(manifestPath: string, schemaPath: string, cwd?: string): { ok: boolean; output: string };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const checks = require(path.join(root, 'scripts', 'manifest-checks.cjs')) as ManifestChecks;

const manifestPath = path.join(root, 'manifest.xml');
const manifest = fs.readFileSync(manifestPath, 'utf8');
const assetsDir = path.join(root, 'assets');

const sharedDir = path.resolve(root, '../shared');
const schemaPath = path.join(sharedDir, 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
const haveSchemas = fs.existsSync(schemaPath);
if (!haveSchemas) {
  console.warn(`manifest.test: ${sharedDir} is absent; XSD validation of manifest.xml is skipped.`);
}

const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const codes = (issues: Issue[]) => errors(issues).map((i) => i.code);

/** The manifest with `from` replaced by `to`; fails if `from` is not in it, so a test cannot silently test nothing. */
function broken(from: string | RegExp, to: string): string {
  const result = manifest.replace(from, to);
  expect(result, `manifest.xml should contain ${String(from)}`).not.toBe(manifest);
  return result;
}

describe('manifest.xml: XSD schema', () => {
  it.skipIf(!haveSchemas)('validates against OfficeAppManifestV1_1.xsd with xmllint', () => {
    if (!checks.hasXmllint()) {
      expect.fail('xmllint is not installed: install libxml2-utils (apt-get install -y libxml2-utils) to validate manifest.xml');
    }
    const result = checks.validateWithXsd(manifestPath, schemaPath);
    expect(result.ok, result.output).toBe(true);
  });
});

describe('manifest.xml: own checks', () => {
  it('passes every check with no errors and no warnings', () => {
    const results = checks.runAllChecks(manifest, { assetsDir });
    expect(results.map((r) => r.key)).toEqual(['xml', 'id', 'https', 'base', 'resid', 'icons', 'locales', 'functions', 'views', 'requirements']);
    for (const result of results) expect(result.issues, result.title).toEqual([]);
  });

  it("carries package.json's version in <Version> (a build writes it into dist/manifest.xml too)", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(/<Version>([^<]*)<\/Version>/.exec(manifest)?.[1]).toBe(`${version}.0`);
  });

  it('parses to an OfficeApp root in the appforoffice namespace', () => {
    const parsed = checks.parseXml(manifest);
    expect(parsed.local).toBe('OfficeApp');
    expect(parsed.ns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  });

  it('parses the XML features a manifest may use', () => {
    const parsed = checks.parseXml(
      "\uFEFF<?xml version='1.0'?>\n<!-- note -->\n<a xmlns='urn:a' xmlns:b='urn:b'><b:c v='x &amp; &#x1EA1; &#65;'/><![CDATA[<raw>]]></a>",
    ) as unknown as { local: string; ns: string; children: ({ local: string; ns: string; attrs: { value: string }[] } | string)[] };
    expect(parsed.ns).toBe('urn:a');
    const [c, text] = parsed.children;
    expect(typeof c === 'object' && [c.local, c.ns, c.attrs[0]?.value]).toEqual(['c', 'urn:b', 'x & ạ A']);
    expect(text).toBe('<raw>');
    expect(() => checks.parseXml('<a>\n<b></a>')).toThrow(/dòng 2/);
    expect(() => checks.parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toThrow();
    expect(() => checks.parseXml('<a/><b/>')).toThrow();
    // namespaces, attributes and references are checked as XML requires, each error with its line
    expect(() => checks.parseXml('<a>\n<b:c/></a>')).toThrow(/prefix[\s\S]*dòng 2/);
    expect(() => checks.parseXml('<a x="1" x="2"/>')).toThrow(/duplicate attribute/);
    expect(() => checks.parseXml('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => checks.parseXml('<a/>\n<?xml version="1.0"?>')).toThrow(/dòng 2/);
    expect(() => checks.parseXml('')).toThrow(/dòng 1/);
  });

  it('has the icon files at the sizes their names say', () => {
    for (const file of fs.readdirSync(assetsDir).filter((f) => /-\d+\.png$/.test(f))) {
      const n = Number(/-(\d+)\.png$/.exec(file)?.[1]);
      expect(checks.readPngSize(fs.readFileSync(path.join(assetsDir, file))), file).toEqual({ width: n, height: n });
    }
    for (const n of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(assetsDir, `icon-${n}.png`)), `icon-${n}.png`).toBe(true);
    for (const name of ['refresh', ...checks.PANE_VIEWS]) {
      for (const n of [16, 32, 80]) expect(fs.existsSync(path.join(assetsDir, `${name}-${n}.png`)), `${name}-${n}.png`).toBe(true);
    }
  });

  it('has the icons make-icons.cjs draws, as it draws them (regenerated and committed together)', () => {
    interface Icons {
      ICONS: { name: string; layers: unknown; sizes: number[] }[];
      render(layers: unknown, size: number): Buffer;
      encodePng(width: number, height: number, rgba: Buffer): Buffer;
    }
    const icons = require(path.join(root, 'scripts', 'make-icons.cjs')) as Icons;
    expect(icons.ICONS.map((i) => i.name)).toEqual(['icon', 'refresh', ...checks.PANE_VIEWS]);
    for (const icon of icons.ICONS) {
      for (const size of icon.sizes) {
        const file = `${icon.name}-${size}.png`;
        const drawn = icons.encodePng(size, size, icons.render(icon.layers, size));
        expect(drawn.equals(fs.readFileSync(path.join(assetsDir, file))), `${file}: run node scripts/make-icons.cjs`).toBe(true);
      }
    }
  });

  it("checks the ribbon against the pane's own tabs (src/taskpane/route.ts), in their order", () => {
    expect(checks.PANE_VIEWS).toEqual([...TAB_VIEWS]);
  });

  it('puts the view buttons and Làm mới hạn in the Home tab group, in the order of the pane, in Vietnamese and English', () => {
    const labels = (locale: 'vi' | 'en') =>
      [...manifest.matchAll(/<Control xsi:type="Button" id="(\w+)">\s*<Label resid="([^"]+)"\/>/g)].map((m) => {
        const entry = new RegExp(`<bt:String id="${m[2]}" DefaultValue="([^"]*)">\\s*<bt:Override Locale="en-US" Value="([^"]*)"`).exec(manifest);
        return locale === 'vi' ? entry?.[1] : entry?.[2];
      });
    expect(labels('vi')).toEqual(['Theo dõi nhiệm vụ', 'Biểu báo cáo', 'Kiểm tra', 'Tổng hợp', 'Soạn văn bản', 'Làm mới hạn']);
    expect(labels('en')).toEqual(['Task tracker', 'Report forms', 'Check', 'Consolidation', 'Documents', 'Refresh due dates']);
    // Each view button shows the one pane at its view; the tooltip of Tổng hợp says it is Sở Nội vụ's.
    const urls = [...manifest.matchAll(/<bt:Url id="Taskpane\.\w+\.Url" DefaultValue="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(checks.PANE_VIEWS.map((v) => `https://localhost:3000/taskpane.html?view=${v}`));
    expect([...manifest.matchAll(/<TaskpaneId>([^<]*)<\/TaskpaneId>/g)].map((m) => m[1])).toEqual(Array(5).fill('ButtonId1'));
    expect(/<bt:String id="ConsolidateButton.Tooltip" DefaultValue="Dành cho Sở Nội vụ/.test(manifest)).toBe(true);
  });
});

describe('manifest.xml: each check fails on a broken manifest', () => {
  it('XML: reports text that is not well-formed, with its line', () => {
    const issues = checks.checkWellFormed(broken('</DisplayName>', '</Displayname>'));
    expect(codes(issues)).toEqual(['xml.parse']);
    expect(issues[0]?.message).toMatch(/dòng \d+/);
    expect(codes(checks.checkWellFormed(broken('Records &amp; Archives 2026', 'Records & Archives 2026')))).toEqual(['xml.parse']);
    expect(codes(checks.checkWellFormed(broken('xmlns:bt=', 'xmlns:bx=')))).toEqual(['xml.parse']);
    // every other check reports the parse error too, rather than passing
    expect(codes(checks.checkHttps('<OfficeApp>'))).toEqual(['xml.parse']);
  });

  it('Id: rejects an Id that is not a GUID', () => {
    expect(codes(checks.checkId(broken(/<Id>[^<]*<\/Id>/, '<Id>vtlt-excel</Id>')))).toEqual(['id.not-guid']);
    expect(codes(checks.checkId(broken(/<Id>[^<]*<\/Id>/, '<Id>00000000-0000-0000-0000-000000000000</Id>')))).toEqual(['id.not-guid']);
    expect(codes(checks.checkId(broken(/<Id>[^<]*<\/Id>/, '')))).toEqual(['id.missing']);
  });

  it('https: rejects an http URL, in a resource or at the top level', () => {
    expect(codes(checks.checkHttps(broken('"https://localhost:3000/commands.html"', '"http://localhost:3000/commands.html"')))).toEqual([
      'url.not-https',
    ]);
    expect(codes(checks.checkHttps(broken('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://')))).toEqual(['url.not-https']);
    expect(codes(checks.checkHttps(broken('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html#help"', '<SupportUrl DefaultValue="taskpane.html"')))).toEqual([
      'url.invalid',
    ]);
  });

  it('base: rejects a URL outside the add-in address (the folder of the task pane page)', () => {
    const elsewhere = broken('"https://localhost:3000/commands.html"', '"https://example.gov.vn/commands.html"');
    expect(codes(checks.checkBase(elsewhere))).toEqual(['url.base']);
    // the address is the task pane's folder, or the one the build gives
    const moved = manifest.split('https://localhost:3000/').join('https://example.gov.vn/vtlt/');
    expect(codes(checks.checkBase(moved))).toEqual([]);
    expect(codes(checks.checkBase(moved, { baseUrl: 'https://example.gov.vn/other/' })).length).toBeGreaterThan(10);
    // icons are found under the address wherever it is
    expect(codes(checks.checkIcons(moved.replace('vtlt/assets/icon-80.png', 'vtlt/assets/icon-81.png'), { assetsDir }))).toEqual(['icon.missing']);
  });

  it('resid: rejects a reference to an undefined resource, or to one of the wrong kind', () => {
    expect(codes(checks.checkResourceIds(broken('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Commands.Missing"/>')))).toEqual([
      'resid.undefined',
    ]);
    expect(codes(checks.checkResourceIds(broken('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Description"/>')))).toEqual([
      'resid.wrong-kind',
    ]);
    const duplicated = broken('<bt:Url id="Taskpane.Forms.Url"', '<bt:Url id="Commands.Url"');
    expect(codes(checks.checkResourceIds(duplicated))).toContain('resid.duplicate');
  });

  it('icons: rejects a missing file and a file of the wrong size', () => {
    expect(codes(checks.checkIcons(broken('assets/icon-80.png', 'assets/icon-81.png'), { assetsDir }))).toEqual(['icon.missing']);
    // a 32-pixel file where the ribbon asks for 80 pixels
    const wrongSize = broken('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-32.png"/>');
    expect(codes(checks.checkIcons(wrongSize, { assetsDir }))).toContain('icon.size');
    // a file whose name promises a size it does not have
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-manifest-'));
    try {
      for (const file of fs.readdirSync(assetsDir)) fs.copyFileSync(path.join(assetsDir, file), path.join(tmp, file));
      fs.copyFileSync(path.join(assetsDir, 'icon-32.png'), path.join(tmp, 'icon-16.png'));
      expect(codes(checks.checkIcons(manifest, { assetsDir: tmp }))).toContain('icon.size');
      fs.writeFileSync(path.join(tmp, 'icon-16.png'), 'not a png');
      expect(codes(checks.checkIcons(manifest, { assetsDir: tmp }))).toContain('icon.not-png');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    // IconUrl must be 32×32
    expect(codes(checks.checkIcons(broken('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"'), { assetsDir }))).toEqual([
      'icon.size',
    ]);
    // a ribbon icon list without its 80-pixel image
    expect(codes(checks.checkIcons(broken(/<bt:Image size="80" resid="Refresh.80x80"\/>/, ''), { assetsDir }))).toEqual(['icon.sizes']);
  });

  it('locales: rejects another default locale and a string without its en-US text', () => {
    expect(codes(checks.checkLocales(broken('<DefaultLocale>vi-VN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>')))).toEqual(['locale.default']);
    expect(codes(checks.checkLocales(broken(/<bt:Override Locale="en-US" Value="Refresh due dates"\/>/, '')))).toEqual(['locale.missing-en']);
    expect(codes(checks.checkLocales(broken('<Override Locale="en-US" Value="Records &amp; Archives 2026"/>', '<Override Locale="fr-FR" Value="Archives 2026"/>')))).toEqual([
      'locale.missing-en',
    ]);
    expect(codes(checks.checkLocales(broken('Value="Refresh due dates"', `Value="${'x'.repeat(126)}"`)))).toEqual(['string.too-long']);
  });

  it('functions: rejects a ribbon without the refreshOverdue command', () => {
    expect(codes(checks.checkFunctions(broken('<FunctionName>refreshOverdue</FunctionName>', '<FunctionName>refreshDeadlines</FunctionName>')))).toEqual([
      'function.missing',
    ]);
    expect(codes(checks.checkFunctions(broken('<FunctionFile resid="Commands.Url"/>', '')))).toEqual(['function.file']);
  });

  it('views: rejects a second pane, a button off the pane or on no view, a view twice and a view without a button', () => {
    const secondPane = broken('<TaskpaneId>ButtonId1</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Check.Url"/>', '<TaskpaneId>CheckPane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Check.Url"/>');
    expect(codes(checks.checkViews(secondPane))).toEqual(['views.pane-id']);
    expect(codes(checks.checkViews(broken('taskpane.html?view=forms"', 'taskpane.html"')))).toEqual(['views.url', 'views.missing']);
    expect(codes(checks.checkViews(broken('taskpane.html?view=forms"', 'taskpane.html?view=settings"')))).toEqual(['views.url', 'views.missing']);
    expect(codes(checks.checkViews(broken('taskpane.html?view=forms"', 'taskpane.html?view=forms&amp;x=1"')))).toEqual(['views.url', 'views.missing']);
    expect(codes(checks.checkViews(broken('taskpane.html?view=forms"', 'other.html?view=forms"')))).toEqual(['views.url', 'views.missing']);
    expect(codes(checks.checkViews(broken('taskpane.html?view=forms"', 'taskpane.html?view=check"')))).toEqual(['views.duplicate', 'views.missing']);
    // A build for another address keeps the check (the pane's page is where the manifest says it is).
    expect(codes(checks.checkViews(manifest.split('https://localhost:3000/').join('https://example.gov.vn/vtlt/')))).toEqual([]);
    expect(codes(checks.checkViews(manifest, { views: [...checks.PANE_VIEWS, 'help'] }))).toEqual(['views.missing']);
  });

  it('requirements: rejects a manifest that does not require ExcelApi or is not for Excel', () => {
    expect(codes(checks.checkRequirements(broken('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="DialogApi" MinVersion="1.1"/>')))).toEqual([
      'requirements.excelapi',
    ]);
    expect(codes(checks.checkRequirements(broken('<Host Name="Workbook"/>', '<Host Name="Document"/>')))).toEqual(['requirements.host']);
  });
});
