/**
 * What the browser test needs around the page: a built task pane, the in-page Excel fake as a script, a static
 * server for dist/ on 127.0.0.1, and routing that keeps every request off the network.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import webpack from 'webpack';
import type { Page, Route } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
export const DIST = join(ROOT, 'dist');
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** The bundle a built page loads, e.g. 'taskpane.1a2b3c4d.js' (names carry content hashes); undefined if not built. */
export function bundleOf(page: 'taskpane' | 'commands'): string | undefined {
  const html = join(DIST, `${page}.html`);
  if (!existsSync(html)) return undefined;
  return new RegExp(`<script[^>]*\\ssrc=["']?(${page}\\.[0-9a-f]+\\.js)`).exec(readFileSync(html, 'utf8'))?.[1];
}

/** Builds the task pane when dist/ lacks it or is older than its sources (CI builds before testing). */
export function ensureTaskpaneBuilt(): void {
  const html = join(DIST, 'taskpane.html');
  const js = join(DIST, bundleOf('taskpane') ?? 'taskpane.js');
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'webpack.config.js')), newestMtime(join(ROOT, 'package.json')));
  if (existsSync(html) && existsSync(js) && Math.min(statSync(html).mtimeMs, statSync(js).mtimeMs) >= sources) return;
  const cli = join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
  const r = spawnSync(process.execPath, [cli, '--mode', 'production', '--config-name', 'taskpane'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0 || !existsSync(html)) throw new Error(`building the task pane failed:\n${r.stdout}\n${r.stderr}`);
}

/** Bundles test/e2e/browser/fake-page.ts for the browser, exposing `VtltFake.install`. */
export async function bundlePageFake(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'vtlt-fake-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry: join(__dirname, 'fake-page.ts'),
    output: { path: out, filename: 'fake.js', library: { name: 'VtltFake', type: 'window' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) fail(err);
      else if (stats?.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else ok();
    }),
  );
  return readFileSync(join(out, 'fake.js'), 'utf8');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

/** Serves dist/ on 127.0.0.1 at a free port. */
export async function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
    const file = join(DIST, path);
    if (!file.startsWith(DIST + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * The page talks to nobody: the local server answers, Microsoft's CDN is answered from the office-js package in
 * node_modules, and anything else is refused. Returns the URLs that were refused, to check none was needed.
 */
export async function keepOffline(page: Page, baseUrl: string): Promise<string[]> {
  const refused: string[] = [];
  await page.route('**/*', async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`)) return route.continue();
    const cdn = OFFICE_CDN.exec(url.split('?')[0] ?? '');
    if (cdn?.[1]) {
      const file = join(OFFICE_DIST, normalize(cdn[1]));
      if (file.startsWith(OFFICE_DIST + sep) && existsSync(file) && !statSync(file).isDirectory()) {
        return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'text/javascript', body: readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    refused.push(url);
    return route.abort();
  });
  return refused;
}

/** One rule axe-core found broken, with the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

const AXE_SOURCE = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** axe-core's rules for WCAG 2.0 A and AA, 2.1 AA and 2.2 AA (target size, 2.5.8). */
export const AXE_WCAG_AA: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
let axeSource: string | null = null;

/**
 * Runs axe-core on the page as it is now (only the rules of `tags`, by default WCAG 2.0 A/AA, 2.1 AA and 2.2 AA) and
 * returns what it finds broken. axe is evaluated in the page from node_modules (no network) through the debugging
 * protocol, which a page's Content-Security-Policy does not govern, so the page's policy is left as it is.
 */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_WCAG_AA): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (only) => {
    type AxeResult = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: only }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, [...tags]);
}

/** Violations as lines a person reads: "[serious] color-contrast — help", then each element and why. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => [`[${v.impact ?? '?'}] ${v.id} — ${v.help}`, ...v.nodes.map((n) => `    ${n.target}: ${n.summary}`)].join('\n'))
    .join('\n');
}
