/**
 * The task pane's shell: builds the page for a language, renders the state, routes between the views (tabs, settings,
 * first run, help), runs the slow steps (one at a time, every action disabled meanwhile) and makes the workbook ports.
 * What each view asks is in its own module (views/*-actions.ts, tools-actions.ts). State changes only through `reduce`
 * (state.ts).
 */
import type { CellTextPort } from '../app/cell-text';
import type { FillPort } from '../app/highlight';
import type { WorkbookPort } from '../app/workbook-port';
import { hasCatalog, loadCatalog, t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { productIn } from '../workbook/product-sheets';
import { summariseForPane } from './plan-carry';
import type { ConsolidationEngine } from './consolidation';
import type { Controller } from './controller';
import type { DocumentsMemory, DocumentsModule } from './documents-card';
import { helpLoader, type HelpLoader, type HelpModule } from './help-slot';
import { buildView, type PaneTools, type View } from './pane-view';
import { MAIN, type PaneView, sameRoute, type Route } from './route';
import { type Action, type PaneState, type Section, activePlan, canRead, initialState, reduce } from './state';
import { type Text, errorNotice, textNotice } from './view-model';
import type { ShellKeys, ViewActions } from './views/lazy';
import type { ShellContext } from './views/shell-context';
import { trackerActions } from './views/tracker-actions';
import type { ViewMemory } from './views/view-memory';

/**
 * What the pane needs of a workbook: the use cases' port, reading and setting fills, selecting a range, and what the
 * last write skipped.
 */
export interface PanePort extends WorkbookPort, FillPort, CellTextPort {
  selectRange(sheetName: string, address: string): Promise<void>;
  readonly lastWriteSkipped: readonly string[];
}

export type { PaneTools } from './pane-view';

export interface PaneDeps {
  readonly root: HTMLElement;
  readonly pack: PlanPack;
  readonly roster: Roster;
  readonly makePort: () => PanePort;
  readonly now: () => number;
  readonly lang: Lang;
  readonly saveLang: (lang: Lang) => void;
  readonly version: string;
  /** The view the address asked for (taskpane.html?view=<id>): it wins over the remembered one and the first run. */
  readonly view?: PaneView | null;
  /** Where the view last used is remembered (per workbook); none: nothing remembered. */
  readonly memory?: ViewMemory;
  /** Loads the report forms, check and highlight tools (a chunk of its own); replaced in tests. */
  readonly loadTools?: () => Promise<PaneTools>;
  /** Loads the consolidation engine (a chunk of its own); replaced in tests. */
  readonly loadConsolidation?: () => Promise<ConsolidationEngine>;
  /** Loads the help view and its texts (a chunk of its own); replaced in tests. */
  readonly loadHelp?: () => Promise<HelpModule>;
  /** Loads the documents view's working part (a chunk of its own); replaced in tests. */
  readonly loadDocuments?: () => Promise<DocumentsModule>;
}

export interface Pane {
  dispatch(action: Action): void;
  readonly state: () => PaneState;
  /**
   * In Excel, once: the remembered view, then the start-up read of the tracker, which also tells whether the workbook
   * holds anything of the product (nothing: the first run, unless a view was asked for or remembered).
   */
  start(): Promise<void>;
  /** Loads the forms, check and highlight tools, if not yet loaded (done once the pane is shown). */
  preload(): Promise<void>;
}

/** The tools chunk: the tools and the views' lazy parts, one chunk. */
async function importTools(): Promise<PaneTools> {
  const [tools, views] = await Promise.all([
    import(/* webpackChunkName: "tools" */ './tools'),
    import(/* webpackChunkName: "tools" */ './views/lazy'),
  ]);
  return { ...tools, ...views };
}

/** The section where a view says what went wrong when its code could not be loaded. */
const VIEW_SECTION: Readonly<Record<PaneView, Section>> = {
  tracker: 'insert', forms: 'forms', check: 'check', consolidate: 'consolidate', documents: 'insert', settings: 'settings',
};

export function mountPane(deps: PaneDeps): Pane {
  let state = initialState(deps.lang, deps.now(), { statisticsYear: deps.pack.statisticsYear, view: deps.view ?? null });
  let view: View | null = null;
  let built: { lang: Lang; env: PaneState['env']['kind']; plan: PlanPack } | null = null;
  const plan = (): PlanPack => activePlan(state, deps.pack);
  let focusAfterBusy: HTMLElement | null = null;
  let routeShown: Route = MAIN;
  /** What "Soạn văn bản" read, kept across the pane's rebuilds (a language change) for the plan it was read with. */
  const documentsMemory: DocumentsMemory = { held: null, owner: null };
  const help: HelpLoader = helpLoader(deps.loadHelp);
  const knownCodes = new Set(deps.roster.entries.map((e) => e.code));
  let tools: Promise<PaneTools> | null = null;
  let loadedTools: PaneTools | null = null;
  let actions: ViewActions | null = null;
  /** Where the tools' failure to load was said; cleared once they are here. */
  const failedIn = new Set<Section>();
  /** The tools; the first call loads them, fills their cards and puts the bundled form pack in place. */
  const loadTools = (): Promise<PaneTools> => {
    tools ??= (deps.loadTools ?? importTools)().then(
      (loaded) => {
        if (loadedTools === null) {
          loadedTools = loaded;
          actions = loaded.viewActions(context, showView, reread);
          view?.attach(loaded);
          for (const section of failedIn) dispatch({ type: 'notice', section, notice: null });
          failedIn.clear();
          if (state.forms.pack === null) dispatch({ type: 'forms-pack', pack: loaded.defaultFormPack(), file: null });
          else render();
        }
        return loaded;
      },
      (error: unknown) => {
        tools = null;
        // Said where the views' code would be; a tab chosen later tries again. The first run needs it: the tabs instead.
        view?.toolsFailed();
        if (state.start === 'choose' || state.start === 'agency') dispatch({ type: 'view', view: 'tracker' });
        throw error;
      },
    );
    return tools;
  };
  /** The tools, or null after telling the user in `section` that they could not be loaded. */
  const toolsFor = async (section: Section): Promise<PaneTools | null> => {
    try {
      return await loadTools();
    } catch {
      dispatch({ type: 'notice', section, notice: textNotice('error', (l) => t(l, 'pane.error.loadFailed')) });
      failedIn.add(section);
      return null;
    }
  };
  const focusOn = (key: string) => (deps.root.querySelector(`[data-focus-key="${key}"]`) as HTMLElement | null)?.focus();
  const knownPacks = (loaded: PaneTools): Map<string, string[]> => {
    const packs = new Map<string, string[]>([[deps.pack.id, [deps.pack.version]]]);
    const used = plan();
    packs.set(used.id, [...new Set([...(packs.get(used.id) ?? []), used.version])]);
    for (const p of [loaded.defaultFormPack(), state.forms.pack]) {
      if (p) packs.set(p.id, [...new Set([...(packs.get(p.id) ?? []), p.version])]);
    }
    return packs;
  };

  const render = () => {
    let focusedId: string | null = null;
    let helpFocus = false;
    if (view === null || built?.lang !== state.lang || built.env !== state.env.kind || built.plan !== plan()) {
      focusedId = document.activeElement?.getAttribute('data-focus-key') ?? null;
      helpFocus = view?.helpFocusPending() ?? false;
      if (built && built.plan !== plan()) documentsMemory.held = null;
      view = buildView(state, {
        pack: plan(), planFile: state.plan?.file ?? null, entries: deps.roster.entries, now: deps.now, version: deps.version, help,
        documents: { makePort: deps.makePort, pack: plan(), now: deps.now, copy: (area) => controller.copyReminder(area), memory: documentsMemory, ...(deps.loadDocuments ? { load: deps.loadDocuments } : {}) },
      }, controller);
      if (loadedTools) view.attach(loadedTools);
      built = { lang: state.lang, env: state.env.kind, plan: plan() };
      deps.root.replaceChildren(view.root);
      document.documentElement.lang = state.lang;
    }
    view.update(state);
    const moved = sameRoute(routeShown, state.route) ? false : ((routeShown = state.route), true);
    view.showRoute(state.route, moved || helpFocus);
    if (focusedId) focusOn(focusedId);
  };

  const dispatch = (action: Action) => {
    state = reduce(state, action);
    render();
  };

  /** Runs a slow step with a spinner and every action disabled; any failure becomes a message in `section`. */
  const run = async (section: Section, busyText: Text, work: () => Promise<void>): Promise<void> => {
    if (state.busy) return;
    focusAfterBusy = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dispatch({ type: 'notice', section, notice: null });
    dispatch({ type: 'busy', section, text: busyText });
    try {
      await work();
    } catch (error) {
      dispatch({ type: 'notice', section, notice: errorNotice(error) });
    } finally {
      dispatch({ type: 'idle' });
      const back = focusAfterBusy;
      focusAfterBusy = null;
      if (back && back.isConnected && (document.activeElement === document.body || document.activeElement === null)) back.focus();
    }
  };

  /** Asks a yes/no question in a dialog (its code comes with the tools chunk, as every action that asks does). */
  const confirm = async (question: string) =>
    (await loadTools()).showConfirm(deps.root, question, {
      title: t(state.lang, 'pane.confirm.title'),
      yes: t(state.lang, 'pane.confirm.yes'),
      no: t(state.lang, 'pane.confirm.no'),
    });

  /** The tracker read with the plan in use; the sheet names it saw tell whether the workbook holds anything of ours. */
  const loadSummary = async () => {
    // No plan picked: the workbook's own plan (read with the stamp) is the one its tracker is read and re-inserted with.
    const plans = { picked: state.plan?.pack ?? null, carried: state.carried, bundled: deps.pack };
    const { result, carried, sheetNames, stamp } = await summariseForPane(deps.makePort(), plans, deps.now());
    if (carried !== state.carried) dispatch({ type: 'carried', pack: carried });
    dispatch({ type: 'summary', summary: result.ok ? result.summary : null, knownCodes });
    // A workbook with the forms but no tracker still says whose it is (its stamp came in the same read).
    if (!result.ok && stamp) dispatch({ type: 'stamp', stamp: { agencyCode: stamp.agencyCode, reportingYear: stamp.reportingYear }, knownCodes });
    dispatch({ type: 'workbook-seen', holds: productIn(sheetNames, plan().trackerSheetName) });
  };

  const context: ShellContext = {
    deps, knownCodes, state: () => state, dispatch, run, loadTools, toolsFor, confirm, focusOn, knownPacks, plan, loadSummary,
  };
  /** After the plan changed: the workbook's tracker read again with it. */
  const reread = async () => {
    if (canRead(state)) await run('summary', (l) => t(l, 'pane.reading'), loadSummary);
  };
  const showView = (next: PaneView) => {
    if (next === 'settings' && state.view === 'settings') return controller.leaveSettings();
    dispatch({ type: 'view', view: next });
    if (next !== 'settings') deps.memory?.write(next);
    // The views' code failed to load earlier: tried again.
    if (loadedTools === null && tools === null) void loadTools().catch(() => undefined);
  };
  const shell: Pick<Controller, ShellKeys> = {
    setLang(lang) {
      deps.saveLang(lang);
      // The other language's messages are a chunk of their own, loaded on the first switch.
      if (hasCatalog(lang)) dispatch({ type: 'lang', lang });
      else void loadCatalog(lang).then(() => dispatch({ type: 'lang', lang }), () => dispatch({ type: 'lang', lang }));
    },
    showView,
    leaveSettings() {
      dispatch({ type: 'view', view: state.tab });
    },
    firstRun(step) {
      dispatch({ type: 'first-run', step });
    },
    ...trackerActions(context),
  };
  /**
   * Every other action comes with the tools chunk (views/lazy.ts): called before it is here (the tracker's insert
   * button right after the pane opens), it is loaded first — a failure is said in the section of the view shown.
   */
  const later = (key: keyof ViewActions) => async (...args: unknown[]): Promise<unknown> => {
    if (!actions) {
      const section: Section = state.start === 'views' ? VIEW_SECTION[state.view] : 'setup';
      if (!(await toolsFor(section)) || !actions) return undefined;
    }
    return (actions[key] as (...a: unknown[]) => unknown)(...args);
  };
  const controller = new Proxy(shell, {
    get: (target, key) => (typeof key === 'string' && !(key in target) ? later(key as keyof ViewActions) : Reflect.get(target, key)),
  }) as Controller;

  render();
  return {
    dispatch,
    state: () => state,
    async start() {
      if (!canRead(state)) return;
      dispatch({ type: 'remembered', view: deps.memory?.read() ?? null });
      await run('summary', (l) => t(l, 'pane.reading'), loadSummary);
      // The read failed: the views, and its message in the summary.
      if (state.start === 'deciding') dispatch({ type: 'workbook-seen', holds: 'unknown' });
    },
    preload: async () => {
      await toolsFor('forms');
    },
  };
}
