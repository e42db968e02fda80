// The production build for a province's server: one real build of the task pane (webpack-cli, as `npm run build`
// runs it) into a temporary folder for an address given without its trailing slash, then checks of what it wrote.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TAB_VIEWS } from '../../src/taskpane/route';

interface UrlEntry {
  url: string;
}
interface XmlElement {
  local: string;
}
interface Checks {
  parseXml(text: string): XmlElement;
  collectUrls(root: XmlElement): UrlEntry[];
  runAllChecks(xmlText: string, options?: { assetsDir?: string; baseUrl?: string }): { key: string; issues: { code: string; severity: string }[] }[];
}
interface Deploy {
  DeployError: new (vi: string, en: string) => Error;
  resolvePublicUrl(raw: unknown): string;
  manifestVersion(version: string): string;
  buildManifest(xml: string, options: { publicUrl: string; version: string }): string;
  checkBuiltUrls(xml: string, publicUrl: string, outputDir: string): string[];
  ManifestCheckPlugin: new (options: { publicUrl: string }) => { apply(compiler: unknown): void };
}
interface Validate {
  validateManifestFile(file: string, options?: { baseUrl?: string }): { errors: number; warnings: number; lines: string[] };
}
interface WebpackConfig {
  name: string;
  output: { filename: string; chunkFilename?: string };
}
type ConfigFn = (env?: Record<string, unknown>, argv?: Record<string, unknown>) => Promise<WebpackConfig[]>;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const checks = require(path.join(root, 'scripts', 'manifest-checks.cjs')) as Checks;
const deploy = require(path.join(root, 'scripts', 'deploy-build.cjs')) as Deploy;
const validate = require(path.join(root, 'scripts', 'validate-manifest.cjs')) as Validate;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const sourceManifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const webpackCli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
const csp = require(path.join(root, 'scripts', 'csp.cjs')) as { contentSecurityPolicy(options?: { devServer?: string }): string };
const VIEWS = TAB_VIEWS;
const schemaPresent = fs.existsSync(path.resolve(root, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd'));

const ADDRESS = 'https://vanthu.example.gov.vn/bo-tro/vtlt';
const BASE = `${ADDRESS}/`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function run(file: string, args: string[], timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd: root, timeout, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let out = '';
let build: Run = { code: -1, stdout: '', stderr: '' };
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');
/** The local scripts a built page loads (not office.js from Microsoft's CDN). */
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1] ?? '').filter((s) => !/^https?:/.test(s));

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-dist-'));
  build = await run(webpackCli, ['--mode', 'production', '--config-name', 'taskpane', '--env', `publicUrl=${ADDRESS}`, '--output-path', out], 300_000);
}, 320_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe('npm run build -- --env publicUrl=https://…', () => {
  it('builds, and says which address it built for', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(build.stderr).toContain(`Dựng bản cho địa chỉ ${BASE}`);
    expect(build.stderr).toContain(`Building for ${BASE}`);
  });

  it('points every URL of dist/manifest.xml at the address ("/" added), and none at localhost', () => {
    const manifest = read('manifest.xml');
    const urls = checks.collectUrls(checks.parseXml(manifest)).map((u) => u.url);
    const sourceUrls = checks.collectUrls(checks.parseXml(sourceManifest)).map((u) => u.url);
    expect(urls.length).toBe(sourceUrls.length);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
    expect(urls).toContain(`${BASE}taskpane.html`);
    expect(manifest).not.toContain('localhost');
    // The ribbon's view buttons: the pane's page at the address, with the view kept.
    for (const view of VIEWS) expect(urls, view).toContain(`${BASE}taskpane.html?view=${view}`);
  });

  it('names in every manifest URL a file the build wrote', () => {
    expect(deploy.checkBuiltUrls(read('manifest.xml'), BASE, out)).toEqual([]);
    const icons = ['icon', 'refresh', ...VIEWS].flatMap((name) => [16, 32, 80].map((n) => `assets/${name}-${n}.png`));
    for (const file of ['taskpane.html', 'commands.html', ...icons]) {
      expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    }
  });

  it('gives both pages the strict Content-Security-Policy, first in <head>, with no inline script or style', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = read(page);
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      const meta = /^<meta charset=["']?utf-8["']?\s*\/?><meta http-equiv=["']?Content-Security-Policy["']? content="([^"]*)"/i.exec(head);
      expect(meta?.[1], page).toBe(csp.contentSecurityPolicy());
      expect(meta?.[1], page).not.toContain('wss:');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, page).toMatch(/\ssrc=/);
      expect(html, page).not.toMatch(/<style\b|\sstyle=/);
    }
  });

  it("writes package.json's version into <Version>", () => {
    const version = /<Version>([^<]*)<\/Version>/.exec(read('manifest.xml'))?.[1];
    expect(version).toBe(`${pkg.version}.0`);
  });

  it('names every bundle, style sheet and the notice with its content hash, and the pages load those files', () => {
    for (const page of ['taskpane', 'commands']) {
      const scripts = scriptsOf(read(`${page}.html`));
      // The pane also loads the old-browser notice (a file: the pages' policy allows no inline script).
      expect(scripts, page).toHaveLength(page === 'taskpane' ? 2 : 1);
      expect(scripts[0], page).toMatch(new RegExp(`^${page}\\.[0-9a-f]{8}\\.js$`));
      if (page === 'taskpane') expect(scripts[1]).toMatch(/^legacy-notice\.[0-9a-f]{8}\.js$/);
      for (const file of scripts) expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    }
    const sheets = [...read('taskpane.html').matchAll(/<link\b[^>]*href=["']?([^"'\s>]+\.css)/g)].map((m) => m[1] ?? '');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatch(/^taskpane\.[0-9a-f]{8}\.css$/);
    expect(fs.existsSync(path.join(out, sheets[0] ?? ''))).toBe(true);
    const js = [...fs.readdirSync(out), ...fs.readdirSync(path.join(out, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThanOrEqual(4);
    for (const file of js) expect(file).toMatch(/\.[0-9a-f]{8}\.js$/);
  });

  it('leaves a dist/manifest.xml that passes npm run validate (project checks and XSD)', async () => {
    const result = await run(path.join(root, 'scripts', 'validate-manifest.cjs'), [path.join(out, 'manifest.xml')], 60_000);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Mọi URL nằm dưới địa chỉ của bổ trợ');
    if (schemaPresent) expect(result.stdout).toMatch(/✓ Đúng lược đồ XSD/);
    const direct = validate.validateManifestFile(path.join(out, 'manifest.xml'), { baseUrl: BASE });
    expect(direct.errors, direct.lines.join('\n')).toBe(0);
    expect(direct.warnings).toBe(0);
  });

  it('refuses an http:// address, in Vietnamese then English, before building anything', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-dist-http-'));
    try {
      const r = await run(webpackCli, ['--mode', 'production', '--config-name', 'taskpane', '--env', 'publicUrl=http://vanthu.example.gov.vn/', '--output-path', empty], 60_000);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/Địa chỉ publicUrl "http:\/\/vanthu\.example\.gov\.vn\/" phải bắt đầu bằng https:\/\//);
      expect(r.stderr).toMatch(/must start with https:\/\//);
      expect(r.stderr.indexOf('phải bắt đầu')).toBeLessThan(r.stderr.indexOf('must start'));
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the production build settings', () => {
  const config = require(path.join(root, 'webpack.config.js')) as ConfigFn;

  it('without an address, builds for https://localhost:3000 and says so plainly', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const configs = await config({}, { mode: 'production' });
      const said = warn.mock.calls.map((c) => String(c[0])).join('\n');
      expect(said).toContain('LƯU Ý: bản dựng này dành cho https://localhost:3000/');
      expect(said).toContain('NOTE: this build is for https://localhost:3000/');
      expect(said.indexOf('LƯU Ý')).toBeLessThan(said.indexOf('NOTE'));
      const pane = configs.find((c) => c.name === 'taskpane');
      expect(pane?.output.filename).toContain('[contenthash');
      expect(pane?.output.chunkFilename).toContain('[contenthash');
    } finally {
      warn.mockRestore();
    }
  });

  it('says nothing about addresses when only the vtlt command is built (npm install)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await config({}, { mode: 'production', configName: ['cli'] });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('throws the refusal when called from code rather than webpack-cli', async () => {
    await expect(config({ publicUrl: 'http://vanthu.example.gov.vn/' }, { mode: 'production' })).rejects.toBeInstanceOf(deploy.DeployError);
  });

  it('normalises the address and refuses anything but a plain https:// one', () => {
    expect(deploy.resolvePublicUrl('https://VanThu.Example.gov.vn/bo-tro')).toBe('https://vanthu.example.gov.vn/bo-tro/');
    expect(deploy.resolvePublicUrl(' https://vanthu.example.gov.vn ')).toBe('https://vanthu.example.gov.vn/');
    expect(deploy.resolvePublicUrl('https://vanthu.example.gov.vn:8443/a/b/')).toBe('https://vanthu.example.gov.vn:8443/a/b/');
    for (const bad of ['http://vanthu.example.gov.vn/', 'ftp://vanthu.example.gov.vn/', 'vanthu.example.gov.vn/bo-tro', '', true]) {
      expect(() => deploy.resolvePublicUrl(bad), String(bad)).toThrow(deploy.DeployError);
    }
    for (const bad of ['https://a.gov.vn/?v=2', 'https://a.gov.vn/#x', 'https://user:pw@a.gov.vn/']) {
      expect(() => deploy.resolvePublicUrl(bad), bad).toThrow(/không được chứa[\s\S]*must not contain/);
    }
  });

  it('turns package.json versions into manifest versions, refusing what the manifest cannot hold', () => {
    expect(deploy.manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(deploy.manifestVersion('12.3.45')).toBe('12.3.45.0');
    for (const bad of ['1.0.0-beta.1', '1.0', '123456.0.0']) expect(() => deploy.manifestVersion(bad), bad).toThrow(deploy.DeployError);
  });

  it('escapes the address for XML and replaces the source comment by a generated-file note', () => {
    const xml = deploy.buildManifest(sourceManifest, { publicUrl: 'https://a.gov.vn/x&y/', version: '2.0.0.0' });
    expect(xml).toContain('<SourceLocation DefaultValue="https://a.gov.vn/x&amp;y/taskpane.html"/>');
    for (const view of VIEWS) expect(xml).toContain(`DefaultValue="https://a.gov.vn/x&amp;y/taskpane.html?view=${view}"`);
    expect(xml).toContain('<Version>2.0.0.0</Version>');
    expect(xml).toContain('Generated by npm run build');
    expect(xml).not.toContain('Every URL points at the development server');
    expect(checks.collectUrls(checks.parseXml(xml)).every((u) => u.url.startsWith('https://a.gov.vn/x&y/'))).toBe(true);
  });
});

describe('the check run after the build', () => {
  /** Runs the plugin's after-emit step on a folder, as webpack would after writing it. */
  function afterEmit(dir: string, publicUrl: string): string[] {
    let step: ((compilation: unknown) => void) | undefined;
    const compiler = { hooks: { afterEmit: { tap: (_: string, fn: (compilation: unknown) => void) => (step = fn) } } };
    new deploy.ManifestCheckPlugin({ publicUrl }).apply(compiler);
    const errors: Error[] = [];
    step?.({ outputOptions: { path: dir }, errors, getLogger: () => ({ info: () => undefined }) });
    return errors.map((e) => e.message);
  }

  it('fails the build for a manifest URL outside the address or naming a file that was not written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-dist-check-'));
    try {
      fs.cpSync(path.join(root, 'assets'), path.join(dir, 'assets'), { recursive: true });
      for (const page of ['taskpane.html', 'commands.html']) fs.writeFileSync(path.join(dir, page), '<!doctype html>');
      const good = deploy.buildManifest(sourceManifest, { publicUrl: BASE, version: '1.0.0.0' });
      fs.writeFileSync(path.join(dir, 'manifest.xml'), good);
      expect(afterEmit(dir, BASE)).toEqual([]);

      fs.writeFileSync(path.join(dir, 'manifest.xml'), good.replace(`"${BASE}commands.html"`, '"https://elsewhere.example/commands.html"'));
      expect(afterEmit(dir, BASE).join('\n')).toMatch(/elsewhere\.example\/commands\.html" không nằm dưới địa chỉ của bổ trợ/);

      fs.writeFileSync(path.join(dir, 'manifest.xml'), good);
      fs.rmSync(path.join(dir, 'commands.html'));
      expect(afterEmit(dir, BASE).join('\n')).toMatch(/commands\.html" trỏ tới tệp không có/);

      // The view buttons' addresses name the pane's page, query aside.
      fs.writeFileSync(path.join(dir, 'commands.html'), '<!doctype html>');
      fs.rmSync(path.join(dir, 'taskpane.html'));
      expect(afterEmit(dir, BASE).join('\n')).toMatch(/taskpane\.html\?view=forms" trỏ tới tệp không có/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
