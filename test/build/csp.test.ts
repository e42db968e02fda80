// The pages' Content-Security-Policy as the build writes it (scripts/csp.cjs, webpack.config.js), and the
// old-browser notice that replaced the pane's inline script (src/taskpane/legacy-notice.js). The policy in force in a
// browser is tested in test/e2e/taskpane-csp.test.ts.
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Csp {
  OFFICE_JS_CDN: string;
  directives(options?: { devServer?: string }): [string, string[]][];
  contentSecurityPolicy(options?: { devServer?: string }): string;
  cspMetaTag(options?: { devServer?: string }): string;
}
interface PageOptions {
  filename?: string;
  cspMeta?: string;
  legacyNotice?: string;
}
interface WebpackConfig {
  name: string;
  devtool?: string | false;
  resolve?: { alias?: Record<string, string> };
  plugins?: { userOptions?: PageOptions }[];
  module?: { rules?: { type?: string }[] };
}
type ConfigFn = (env?: Record<string, unknown>, argv?: Record<string, unknown>) => Promise<WebpackConfig[]>;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const csp = require(path.join(root, 'scripts', 'csp.cjs')) as Csp;
const config = require(path.join(root, 'webpack.config.js')) as ConfigFn;
const noticePath = path.join(root, 'src', 'taskpane', 'legacy-notice.js');

const policy = (options?: { devServer?: string }) => new Map(csp.directives(options));

async function paneConfig(mode: 'production' | 'development'): Promise<WebpackConfig> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const pane = (await config({}, { mode })).find((c) => c.name === 'taskpane');
    if (!pane) throw new Error('no taskpane config');
    return pane;
  } finally {
    warn.mockRestore();
  }
}
const pages = (c: WebpackConfig) => (c.plugins ?? []).map((p) => p.userOptions ?? {}).filter((o) => o.filename?.endsWith('.html'));

describe('the policy (scripts/csp.cjs)', () => {
  it('allows scripts from the add-in and the office.js CDN folder only, no inline script, no eval, no plugin', () => {
    const p = policy();
    expect(p.get('default-src')).toEqual(["'none'"]);
    expect(p.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com/lib/1/hosted/']);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'none'"]);
    const text = csp.contentSecurityPolicy();
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', 'blob:', '*', 'http:']) expect(text).not.toContain(loose);
    // Only the CDN is named besides the add-in itself.
    expect(text.match(/https:\/\/[^\s;]+/g)).toEqual([csp.OFFICE_JS_CDN]);
    // frame-src and worker-src fall back to default-src 'none'.
    expect(p.has('frame-src')).toBe(false);
    expect(p.has('worker-src')).toBe(false);
  });

  it("widens only connect-src in development, for the dev server's live-reload socket", () => {
    const dev = policy({ devServer: 'https://localhost:3000/' });
    const prod = policy();
    expect(dev.get('connect-src')).toEqual(["'self'", 'wss://localhost:3000']);
    for (const [name, sources] of prod) if (name !== 'connect-src') expect(dev.get(name), name).toEqual(sources);
  });

  it('writes a meta element the HTML parser reads back as the policy', () => {
    const tag = csp.cspMetaTag();
    expect(tag.startsWith('<meta http-equiv="Content-Security-Policy" content="')).toBe(true);
    expect(/content="([^"]*)"/.exec(tag)?.[1]).toBe(csp.contentSecurityPolicy());
  });
});

describe('the build settings that the policy needs', () => {
  it('production: both pages carry the strict policy; the pane names its notice file, with a content hash', async () => {
    const pane = await paneConfig('production');
    const html = pages(pane);
    expect(html.map((o) => o.filename).sort()).toEqual(['commands.html', 'taskpane.html']);
    for (const o of html) expect(o.cspMeta, o.filename).toBe(csp.cspMetaTag());
    expect(html.find((o) => o.filename === 'taskpane.html')?.legacyNotice).toMatch(/^legacy-notice\.[0-9a-f]{8}\.js$/);
    // Style sheets are emitted as files (webpack's css module type), not text for a <style> element.
    expect(pane.module?.rules?.some((r) => r.type === 'css')).toBe(true);
    expect(pane.module?.rules?.some((r) => r.type === 'asset/source')).toBe(false);
    expect(pane.devtool).toBe('source-map');
  });

  it('development (npm start): source maps without eval, and the policy with the live-reload socket', async () => {
    const pane = await paneConfig('development');
    expect(String(pane.devtool)).not.toContain('eval');
    for (const o of pages(pane)) expect(o.cspMeta, o.filename).toBe(csp.cspMetaTag({ devServer: 'https://localhost:3000/' }));
  });

  it('the page templates put the policy first in <head> and hold no inline script or style', () => {
    for (const file of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
      const html = fs.readFileSync(path.join(root, file), 'utf8');
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      expect(head.trim().split('\n').map((l) => l.trim()).slice(0, 2), file).toEqual(['<meta charset="utf-8" />', '<%= htmlWebpackPlugin.options.cspMeta %>']);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, file).toMatch(/\ssrc=/);
      expect(html, file).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/);
    }
  });
});

describe("zod in the pane's build (src/taskpane/zod-jitless.ts)", () => {
  it('is what the pane gets for zod; the command line keeps zod as it is', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const configs = await config({}, { mode: 'production' });
      expect(configs.find((c) => c.name === 'taskpane')?.resolve?.alias?.['zod$']).toBe(path.join(root, 'src', 'taskpane', 'zod-jitless.ts'));
      expect(configs.find((c) => c.name === 'cli')?.resolve?.alias?.['zod$']).toBeUndefined();
    } finally {
      warn.mockRestore();
    }
  });

  it('makes and runs object schemas without ever making a function from text (what the policy refuses)', async () => {
    const RealFunction = globalThis.Function;
    let made = 0;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        made += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const { z } = await import('../../src/taskpane/zod-jitless');
      const schema = z.object({ id: z.string(), tasks: z.array(z.object({ n: z.number() })) });
      for (let i = 0; i < 3; i++) expect(schema.parse({ id: 'x', tasks: [{ n: i }] })).toEqual({ id: 'x', tasks: [{ n: i }] });
      expect(schema.safeParse({ id: 1 }).success).toBe(false);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(made).toBe(0);
  });
});

describe('the old-browser notice (src/taskpane/legacy-notice.js)', () => {
  const source = fs.readFileSync(noticePath, 'utf8');

  it('is ECMAScript 3, so the oldest web views parse it', () => {
    const acorn = require(require.resolve('acorn', { paths: [require.resolve('webpack')] })) as {
      parse(text: string, options: { ecmaVersion: number; sourceType: string }): unknown;
    };
    expect(() => acorn.parse(source, { ecmaVersion: 3, sourceType: 'script' })).not.toThrow();
    // and it would fail on what is not: the check is real
    expect(() => acorn.parse('var f = () => 1;', { ecmaVersion: 3, sourceType: 'script' })).toThrow();
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\beval\b|\bFunction\b|setTimeout|setInterval/);
    // Non-ASCII text as \u escapes: read the same whatever charset the server gives the file.
    expect(/[^\x00-\x7f]/.test(code)).toBe(false);
  });

  /** Runs the notice in a bare context with an #app element; returns what it wrote there. */
  function runNotice(modern: boolean): { html: string | null; attrs: Record<string, string> } {
    const app = { html: null as string | null, attrs: {} as Record<string, string> };
    const element = {
      set innerHTML(value: string) {
        app.html = value;
      },
      setAttribute(name: string, value: string) {
        app.attrs[name] = value;
      },
    };
    const StringStandIn = function () {} as unknown as { prototype: Record<string, unknown> };
    if (modern) StringStandIn.prototype['replaceAll'] = () => '';
    vm.runInNewContext(source, { String: StringStandIn, document: { getElementById: (id: string) => (id === 'app' ? element : null) } });
    return app;
  }

  it('leaves a modern engine alone and tells an old one, in Vietnamese then English', () => {
    expect(runNotice(true)).toEqual({ html: null, attrs: {} });
    const old = runNotice(false);
    expect(old.attrs).toEqual({ 'data-legacy-notice': 'true' });
    expect(old.html).toContain('<p><b>Phiên bản Excel này không chạy được bổ trợ.</b> Trình duyệt nhúng của Excel quá cũ.');
    expect(old.html).toContain('<p lang="en">This version of Excel cannot run the add-in');
    expect(old.html?.indexOf('Phiên bản')).toBeLessThan(old.html?.indexOf('This version') ?? 0);
  });
});
