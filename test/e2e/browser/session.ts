/**
 * A browser session for the task pane tests: dist/ built and served on 127.0.0.1, headless Chromium, the in-page
 * Excel fake; `openPane` opens the pane in a fresh context (its own localStorage) at a given address.
 * `usePaneSession` gives a test file its session (started before its tests, closed after them).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT, bundlePageFake, ensureTaskpaneBuilt, keepOffline, serveDist } from './harness';
import type { PageFakeOptions } from './fake-page';

export interface PaneSession {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly fakeScript: string;
  close(): Promise<void>;
}

export async function startSession(): Promise<PaneSession> {
  ensureTaskpaneBuilt();
  const fakeScript = await bundlePageFake();
  const { server, url } = await serveDist();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    baseUrl: url,
    fakeScript,
    close: async () => {
      await browser.close();
      await new Promise<void>((ok) => (server as Server).close(() => ok()));
    },
  };
}

/** Where the browser tests put their screenshots (made by usePaneSession). */
export const RESULTS = join(ROOT, 'test-results');

/**
 * Registers the test file's beforeAll (start a session, make test-results/) and afterAll (close it). The session
 * returned stands for the one started: reading it before beforeAll has run is an error.
 */
export function usePaneSession(): PaneSession {
  let started: PaneSession | undefined;
  beforeAll(async () => {
    started = await startSession();
    mkdirSync(RESULTS, { recursive: true });
  }, 600_000);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): PaneSession => {
    if (!started) throw new Error('The browser session is not started yet (usePaneSession starts it in beforeAll).');
    return started;
  };
  return {
    get browser() { return current().browser; },
    get baseUrl() { return current().baseUrl; },
    get fakeScript() { return current().fakeScript; },
    close: () => current().close(),
  };
}

/** How many context.sync() calls the in-page Excel counted; `reset` sets its counters back to zero after reading. */
export function syncs(page: Page, reset = false): Promise<number> {
  return page.evaluate((r) => {
    const fake = (window as unknown as { __vtltFake: { syncCount: number; resetCounters(): void } }).__vtltFake;
    const n = fake.syncCount;
    if (r) fake.resetCounters();
    return n;
  }, reset);
}

export interface OpenedPane {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that would have left the machine. */
  readonly refused: string[];
  /** Uncaught errors in the page. */
  readonly errors: string[];
}

/** Shows a view with its tab (and waits until its panel is in sight). */
export async function showView(page: Page, view: string): Promise<void> {
  await page.locator(`[role="tab"][data-view="${view}"]`).click();
  await expect.poll(() => page.locator(`[data-panel="${view}"]`).isVisible()).toBe(true);
}

/** Document settings of a workbook the pane was used in before (its tab remembered): ?view=tracker opens the tabs, not the first run. */
export const USED_BEFORE: Readonly<Record<string, unknown>> = { 'vtlt.view': 'tracker' };

export interface OpenOptions extends PageFakeOptions {
  readonly colorScheme?: 'light' | 'dark';
  /** A language chosen earlier with the switch (kept in localStorage). */
  readonly savedLang?: 'vi' | 'en';
  /** The address's fragment, e.g. "#help". */
  readonly hash?: string;
  /** Fixed clock of the page. */
  readonly now?: Date;
}

export async function openPane(session: PaneSession, options: OpenOptions = {}): Promise<OpenedPane> {
  const { colorScheme, savedLang, hash, now, ...fakeOptions } = options;
  const context = await session.browser.newContext({
    viewport: { width: 320, height: 760 },
    deviceScaleFactor: 1,
    colorScheme: colorScheme ?? 'light',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (now) await page.clock.setFixedTime(now);
  const refused = await keepOffline(page, session.baseUrl);
  await page.addInitScript({ content: session.fakeScript });
  await page.addInitScript({ content: `window.VtltFake.install(${JSON.stringify(fakeOptions)});` });
  if (savedLang) await page.addInitScript({ content: `localStorage.setItem('vtlt.pane.lang', ${JSON.stringify(savedLang)});` });
  await page.goto(`${session.baseUrl}/taskpane.html${hash ?? ''}`);
  return { context, page, refused, errors };
}
