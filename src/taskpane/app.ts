/**
 * The task pane: builds the page for a language, renders the state, and runs the use cases when asked.
 * State changes only through `reduce` (state.ts); what is shown comes from view-model.ts.
 */
import type { CellTextPort } from '../app/cell-text';
import type { FillPort } from '../app/highlight';
import { insertTracker } from '../app/insert-tracker';
import { readStamp } from '../app/workbook-stamp';
import type { WorkbookPort } from '../app/workbook-port';
import { hasCatalog, loadCatalog, t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster, RosterEntry } from '../domain/roster';
import { findAgency } from '../domain/roster-lookup';
import { summariseWithPlan } from './plan-carry';
import { inputFile, loadConsolidationEngine, type ConsolidationEngine } from './consolidation';
import type { Controller } from './controller';
import type { DocumentsModule } from './documents-card';
import { showConfirm } from './dialog';
import { type ActionContext, checkActions, formsActions } from './tools-actions';
import { helpLoader, type HelpLoader, type HelpModule } from './help-slot';
import { buildView, type PaneTools, type View } from './pane-view';
import { MAIN, sameRoute, type Route } from './route';
import { type Action, type PaneState, type Section, activePlan, canInsert, canRead, initialState, reduce } from './state';
import { type Text, errorNotice, insertNotice, parseSettings, textNotice } from './view-model';

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
  /** Reads the workbook's tracker (on start-up, after inserting, and on "Làm mới"). */
  refresh(section?: Section): Promise<void>;
  /** Loads the forms, check and highlight tools, if not yet loaded (done once the pane is shown). */
  preload(): Promise<void>;
}

export function mountPane(deps: PaneDeps): Pane {
  let state = initialState(deps.lang, deps.now(), { statisticsYear: deps.pack.statisticsYear });
  let view: View | null = null;
  let viewLang: Lang | null = null;
  let viewEnv: PaneState['env']['kind'] | null = null;
  let viewPlan: PlanPack | null = null;
  const plan = (): PlanPack => activePlan(state, deps.pack);
  let focusAfterBusy: HTMLElement | null = null;
  let routeShown: Route = MAIN;
  const help: HelpLoader = helpLoader(deps.loadHelp);
  const knownCodes = new Set(deps.roster.entries.map((e) => e.code));
  /** The files picked for consolidation (the state holds their names). */
  let pickedFiles: readonly File[] = [];
  let abort: AbortController | null = null;
  let engine: Promise<ConsolidationEngine> | null = null;
  let tools: Promise<PaneTools> | null = null;
  let loadedTools: PaneTools | null = null;
  /** The tools; the first call loads them, fills their cards and puts the bundled form pack in place. */
  const loadTools = (): Promise<PaneTools> => {
    tools ??= (deps.loadTools ?? (() => import(/* webpackChunkName: "tools" */ './tools')))().then(
      (loaded) => {
        if (loadedTools === null) {
          loadedTools = loaded;
          view?.attach(loaded);
          if (state.forms.pack === null) dispatch({ type: 'forms-pack', pack: loaded.defaultFormPack(), file: null });
          else render();
        }
        return loaded;
      },
      (error: unknown) => {
        tools = null;
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
    if (view === null || viewLang !== state.lang || viewEnv !== state.env.kind || viewPlan !== plan()) {
      focusedId = document.activeElement?.getAttribute('data-focus-key') ?? null;
      helpFocus = view?.helpFocusPending() ?? false;
      view = buildView(state, {
        pack: plan(), planFile: state.plan?.file ?? null, entries: deps.roster.entries, now: deps.now, version: deps.version, help,
        documents: { makePort: deps.makePort, pack: plan(), now: deps.now, copy: (area) => controller.copyReminder(area), ...(deps.loadDocuments ? { load: deps.loadDocuments } : {}) },
      }, controller);
      if (loadedTools) view.attach(loadedTools);
      viewLang = state.lang;
      viewEnv = state.env.kind;
      viewPlan = plan();
      deps.root.replaceChildren(view.root);
      document.documentElement.lang = state.lang;
    }
    view.update(state);
    const moved = sameRoute(routeShown, state.route) ? false : ((routeShown = state.route), true);
    view.showRoute(state.route, moved || helpFocus);
    if (focusedId) (deps.root.querySelector(`[data-focus-key="${focusedId}"]`) as HTMLElement | null)?.focus();
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

  const confirm = (question: string) =>
    showConfirm(deps.root, question, {
      title: t(state.lang, 'pane.confirm.title'),
      yes: t(state.lang, 'pane.confirm.yes'),
      no: t(state.lang, 'pane.confirm.no'),
    });

  const loadSummary = async () => {
    const port = deps.makePort();
    // No plan picked: the workbook's own plan (read with the stamp) is the one its tracker is read and re-inserted with.
    const plans = { picked: state.plan?.pack ?? null, carried: state.carried, bundled: deps.pack };
    const { result, carried } = await summariseWithPlan(port, plans, deps.now());
    if (carried !== state.carried) dispatch({ type: 'carried', pack: carried });
    dispatch({ type: 'summary', summary: result.ok ? result.summary : null, knownCodes });
    // A workbook with the forms but no tracker still says whose it is.
    if (!result.ok) {
      const stamp = await readStamp(port);
      if (stamp) dispatch({ type: 'stamp', stamp: { agencyCode: stamp.agencyCode, reportingYear: stamp.reportingYear }, knownCodes });
    }
  };

  const context: ActionContext = {
    deps, knownCodes, state: () => state, dispatch, run, loadTools, toolsFor, confirm, focusOn, knownPacks, plan,
  };
  /** After the plan changed: the workbook's tracker read again with it. */
  const reread = async () => {
    if (canRead(state)) await run('summary', (l) => t(l, 'pane.reading'), loadSummary);
  };
  const controller: Controller = {
    setLang(lang) {
      deps.saveLang(lang);
      // The other language's messages are a chunk of their own, loaded on the first switch.
      if (hasCatalog(lang)) dispatch({ type: 'lang', lang });
      else void loadCatalog(lang).then(() => dispatch({ type: 'lang', lang }), () => dispatch({ type: 'lang', lang }));
    },
    pickAgency(code) {
      dispatch({ type: 'agency', code });
      if (code !== null && state.notices.insert?.tone === 'error') dispatch({ type: 'notice', section: 'insert', notice: null });
    },
    async insert() {
      if (!canInsert(state) || state.busy) return;
      const agency = state.agencyCode === null ? undefined : findAgency(deps.roster, state.agencyCode);
      if (!agency) {
        dispatch({ type: 'notice', section: 'insert', notice: textNotice('error', (l) => t(l, 'pane.agency.required')) });
        (deps.root.querySelector('[data-focus-key="agency"]') as HTMLElement | null)?.focus();
        return;
      }
      await run('insert', (l) => t(l, 'pane.insert.busy'), async () => {
        const port = deps.makePort();
        const result = await insertTracker(port, { pack: plan(), agency, now: new Date(deps.now()), confirm });
        if (!result.ok) {
          dispatch({ type: 'notice', section: 'insert', notice: textNotice('info', (l) => t(l, 'pane.insert.cancelled')) });
          return;
        }
        dispatch({ type: 'notice', section: 'insert', notice: insertNotice(result, agency, port.lastWriteSkipped) });
        dispatch({ type: 'check-stale' });
        await loadSummary();
      });
    },
    async refresh() {
      await run('summary', (l) => t(l, 'pane.summary.refreshing'), async () => {
        await loadSummary();
        dispatch({ type: 'notice', section: 'summary', notice: textNotice('success', (l) => t(l, 'pane.summary.updated')) });
      });
    },
    async select(range) {
      if (state.busy || state.summary.kind !== 'ready') return;
      const sheet = state.summary.summary.sheetName;
      try {
        await deps.makePort().selectRange(sheet, range);
        dispatch({ type: 'notice', section: 'summary', notice: null });
      } catch {
        dispatch({ type: 'notice', section: 'summary', notice: textNotice('error', (l) => t(l, 'pane.summary.selectFailed')) });
      }
    },
    editSettings(patch) {
      dispatch({ type: 'settings-edit', patch });
    },
    async applySettings() {
      if (!canInsert(state) || state.busy) return;
      const parsed = parseSettings(state.settings);
      if (!parsed.ok) {
        dispatch({ type: 'settings-errors', errors: parsed.errors });
        dispatch({ type: 'notice', section: 'settings', notice: textNotice('error', (l) => t(l, 'pane.settings.fixErrors')) });
        const first = parsed.errors.asOf ? 'asof-text' : 'window';
        (deps.root.querySelector(`[data-focus-key="${first}"]`) as HTMLElement | null)?.focus();
        return;
      }
      dispatch({ type: 'settings-errors', errors: {} });
      const identity = state.summary.kind === 'ready' ? state.summary.summary.identity : null;
      if (!identity) {
        dispatch({ type: 'notice', section: 'settings', notice: textNotice('error', (l) => t(l, 'pane.settings.needTracker')) });
        return;
      }
      const agency: RosterEntry | undefined = findAgency(deps.roster, identity.agencyCode);
      if (!agency) {
        const p = { name: identity.agencyName, code: identity.agencyCode };
        dispatch({ type: 'notice', section: 'settings', notice: textNotice('error', (l) => t(l, 'pane.settings.unknownAgency', p)) });
        return;
      }
      await run('settings', (l) => t(l, 'pane.settings.applying'), async () => {
        const port = deps.makePort();
        const result = await insertTracker(port, {
          pack: plan(), agency, now: new Date(deps.now()), confirm,
          asOf: parsed.value.asOf, window: parsed.value.window, inclusiveBefore: parsed.value.inclusiveBefore,
        });
        if (!result.ok) {
          dispatch({ type: 'notice', section: 'settings', notice: textNotice('info', (l) => t(l, 'pane.insert.cancelled')) });
          return;
        }
        dispatch({ type: 'settings-saved' });
        const skipped = insertNotice(result, agency, port.lastWriteSkipped);
        dispatch({
          type: 'notice',
          section: 'settings',
          notice: { tone: skipped.tone, lines: [(l) => t(l, 'pane.settings.applied'), ...skipped.lines.slice(1)] },
        });
        await loadSummary();
      });
    },

    // The plan: its choice comes with the tools chunk (and the schema, with its own).
    async loadPlan(file) {
      const tk = await toolsFor('insert');
      if (tk) await tk.planActions(context, reread).loadPlan(file);
    },
    async useDefaultPlan() {
      const tk = await toolsFor('insert');
      if (tk) await tk.planActions(context, reread).useDefaultPlan();
    },
    ...formsActions(context),
    ...checkActions(context),

    // Consolidation.
    chooseFiles(files) {
      pickedFiles = files;
      dispatch({ type: 'consolidate-edit', patch: { files: files.map((f) => f.name) } });
      if (state.notices.consolidate?.tone === 'error') dispatch({ type: 'notice', section: 'consolidate', notice: null });
    },
    editConsolidate(patch) {
      dispatch({ type: 'consolidate-edit', patch });
    },
    async consolidate() {
      if (!canInsert(state) || state.busy) return;
      const tk = await toolsFor('consolidate');
      if (!tk) return;
      const asOf = tk.model.parseDayText(state.consolidate.asOfText);
      dispatch({ type: 'consolidate-error', error: asOf.ok ? null : asOf.error });
      if (pickedFiles.length === 0 || !asOf.ok) {
        const lines: Text[] = [];
        if (pickedFiles.length === 0) lines.push((l) => t(l, 'pane.consolidate.needFiles'));
        if (!asOf.ok) lines.push(asOf.error);
        dispatch({ type: 'notice', section: 'consolidate', notice: textNotice('error', ...lines) });
        focusOn(pickedFiles.length === 0 ? 'consolidate-files' : 'consolidate-asof');
        return;
      }
      const files = pickedFiles;
      const controller = new AbortController();
      abort = controller;
      dispatch({ type: 'consolidate-result', result: null });
      await run('consolidate', (l) => t(l, 'pane.consolidate.loading'), async () => {
        let loaded: ConsolidationEngine;
        try {
          engine ??= (deps.loadConsolidation ?? loadConsolidationEngine)();
          loaded = await engine;
        } catch {
          engine = null;
          dispatch({ type: 'notice', section: 'consolidate', notice: textNotice('error', (l) => t(l, 'pane.consolidate.loadFailed')) });
          return;
        }
        dispatch({ type: 'busy', section: 'consolidate', text: (l) => t(l, 'pane.consolidate.reading') });
        dispatch({ type: 'consolidate-progress', progress: { done: 0, total: files.length } });
        try {
          const summary = await loaded.run(deps.makePort(), {
            files: files.map(inputFile),
            planPack: plan(),
            formPack: state.forms.pack ?? tk.defaultFormPack(),
            knownPacks: knownPacks(tk),
            defaultRoster: deps.roster,
            asOf: asOf.day,
            admitWarnings: state.consolidate.admitWarnings,
            lang: state.lang,
            signal: controller.signal,
            onProgress: (done, total, file) => {
              dispatch({ type: 'busy', section: 'consolidate', text: tk.model.progressText(done, total, file) });
              dispatch({ type: 'consolidate-progress', progress: { done, total } });
            },
          });
          dispatch({ type: 'consolidate-result', result: summary });
          dispatch({ type: 'notice', section: 'consolidate', notice: tk.model.consolidationNotice(summary) });
        } finally {
          dispatch({ type: 'consolidate-progress', progress: null });
        }
      });
      abort = null;
    },
    cancelConsolidate() {
      if (!abort || abort.signal.aborted) return;
      abort.abort();
      dispatch({ type: 'consolidate-cancelling' });
    },
    async copyReminder(area) {
      const text = area.value;
      let copied = false;
      try {
        if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
          await navigator.clipboard.writeText(text);
          copied = true;
        }
      } catch {
        copied = false;
      }
      if (!copied) {
        // Office's web views may refuse the clipboard API: fall back to the selection and the copy command.
        area.focus();
        area.select();
        try {
          copied = document.execCommand('copy');
        } catch {
          copied = false;
        }
      }
      return copied;
    },
  };

  render();
  return {
    dispatch,
    state: () => state,
    preload: async () => {
      await toolsFor('forms');
    },
    refresh: (section = 'summary') =>
      run(section, (l) => t(l, 'pane.reading'), async () => {
        if (canRead(state)) await loadSummary();
      }),
  };
}
