/**
 * Runs inside the browser page, before the page's own scripts (bundled by the e2e test and given to
 * page.addInitScript). It puts the shared in-memory Excel (test/fakes/excel-fake.ts) behind the `Excel` global, and
 * makes Office.js report that it runs in Excel.
 *
 * Why stub Office rather than use it as is: the real office.js (served from node_modules in place of Microsoft's CDN)
 * loads and initialises fine in a plain page, but outside an Office client its onReady reports `host: null`, and
 * there is no supported way to make it believe otherwise. So once office.js has run (the document becomes
 * "interactive" before deferred scripts such as the pane's bundle run), `Office.onReady` is replaced on the real
 * Office object and `Office.context` answers from a stand-in context: what the pane sees is office.js with an Excel
 * host's answers.
 */
import { FakeExcel } from '../../fakes/excel-fake';
import { toExcelSerial, todayInVietnam } from '../../../src/domain/calendar';

export interface PageFakeOptions {
  /** Highest ExcelApi set reported as supported; default 1.17. */
  readonly excelApi?: string;
  /** Office.context.officeTheme, as a desktop Excel reports it; none on the web. */
  readonly officeTheme?: Record<string, unknown> | null;
  /** Office.context.displayLanguage; default vi-VN. */
  readonly displayLanguage?: string;
  /** Leave Office alone (to see the pane outside Excel). */
  readonly outsideOffice?: boolean;
  /** The workbook's sheets at start; default one empty "Sheet1". */
  readonly sheets?: readonly string[];
  /** The add-in's settings the document already holds (Office.context.document.settings), e.g. the view last used. */
  readonly documentSettings?: Record<string, unknown>;
  /** Office.context.document.settings.saveAsync reports a failure (as when the document is read-only). */
  readonly settingsSaveFails?: boolean;
}

/**
 * Office.context.document.settings as the pane uses it: get/set in memory, saveAsync keeping what was set (the
 * test reads `saved` and `saves` through window.__vtltSettings), or failing as Office does (an AsyncResult whose status
 * is "failed").
 */
export function documentSettings(initial: Record<string, unknown>, fails: boolean) {
  const values = new Map(Object.entries(initial));
  const settings = {
    saved: { ...initial } as Record<string, unknown>,
    saves: 0,
    get: (name: string): unknown => (values.has(name) ? values.get(name) : null),
    set: (name: string, value: unknown) => void values.set(name, value),
    remove: (name: string) => void values.delete(name),
    saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void) {
      settings.saves++;
      window.setTimeout(() => {
        if (!fails) settings.saved = Object.fromEntries(values);
        callback?.(fails ? { status: 'failed', error: { message: 'The document is read-only.' } } : { status: 'succeeded' });
      }, 0);
    },
  };
  return settings;
}

type Win = Window & Record<string, unknown>;

export function install(options: PageFakeOptions = {}): FakeExcel {
  const win = window as unknown as Win;
  const fake = new FakeExcel({
    sheets: options.sheets ?? ['Sheet1'],
    excelApi: options.excelApi ?? '1.17',
    platform: 'PC',
    payloadLimit: Number.POSITIVE_INFINITY,
    // Only =TODAY() is worked out (the pane reads the as-of date back); other formulas read as "".
    evaluate: (formula) => (/^=TODAY\(\)$/i.test(formula) ? toExcelSerial(todayInVietnam(Date.now())) : ''),
  });
  win['__vtltFake'] = fake;
  if (options.outsideOffice) return fake;

  const excel = fake.excelGlobal;
  Object.defineProperty(win, 'Excel', { configurable: true, get: () => excel, set: () => undefined });

  const info = { host: 'Excel', platform: 'PC' };
  const context = {
    platform: 'PC',
    displayLanguage: options.displayLanguage ?? 'vi-VN',
    requirements: fake.office.context.requirements,
    officeTheme: options.officeTheme ?? undefined,
    document: { settings: documentSettings(options.documentSettings ?? {}, options.settingsSaveFails === true) },
  };
  win['__vtltSettings'] = context.document.settings;
  // The test changes what Office reports (the theme) through this.
  win['__vtltOfficeContext'] = context;
  /** Makes Office.context answer from `context`; office.js defines it as a getter over its app factory. */
  const patchContext = (office: Record<string, unknown>): boolean => {
    const factory = (win['OSF'] as { _OfficeAppFactory?: Record<string, unknown> } | undefined)?._OfficeAppFactory;
    if (factory) factory['getContext'] = () => context;
    else {
      try {
        Object.defineProperty(office, 'context', { configurable: true, get: () => context, set: () => undefined });
      } catch {
        // Not yet replaceable: tried again when the pane calls onReady.
      }
    }
    return (office['context'] as unknown) === context;
  };
  const patch = () => {
    const office = win['Office'] as Record<string, unknown> | undefined;
    if (!office || office['__vtltPatched']) return;
    office['__vtltPatched'] = true;
    const hostType = (office['HostType'] as Record<string, string> | undefined) ?? {};
    if (hostType['Excel'] !== 'Excel') office['HostType'] = { ...hostType, Excel: 'Excel' };
    patchContext(office);
    // Like the real onReady, answer once office.js has finished initialising (it builds its app factory
    // asynchronously), so that Office.context already answers from the stand-in.
    const ready = new Promise<typeof info>((resolve) => {
      const attempt = () => (patchContext(office) ? resolve(info) : window.setTimeout(attempt, 10));
      attempt();
    });
    office['onReady'] = (callback?: (i: typeof info) => void) =>
      ready.then((i) => {
        if (callback) callback(i);
        return i;
      });
  };
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') patch();
  });
  return fake;
}
