/**
 * What the report forms and check sections ask of the pane (part of the Controller): choosing forms and a form pack,
 * inserting the forms, checking the workbook, going to a problem's cell, highlighting and giving the fills back.
 * Their code (tools.ts) is a chunk loaded just after the pane is shown.
 */
import { findAgency } from '../domain/roster-lookup';
import { t } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { CheckResult } from '../app/check-workbook';
import type { PaneDeps, PanePort } from './app';
import type { Controller } from './controller';
import type { PaneTools } from './pane-view';
import { type Action, type PaneState, type Section, canInsert, canRead } from './state';
import { type Notice, type Text, textNotice } from './view-model';

/** What the actions need of the pane: its state, the one way to change it, and the helpers of app.ts. */
export interface ActionContext {
  readonly deps: PaneDeps;
  readonly knownCodes: ReadonlySet<string>;
  state(): PaneState;
  dispatch(action: Action): void;
  /** Runs a slow step with a spinner and every action disabled; any failure becomes a message in `section`. */
  run(section: Section, busyText: Text, work: () => Promise<void>): Promise<void>;
  loadTools(): Promise<PaneTools>;
  /** The tools, or null after telling the user in `section` that they could not be loaded. */
  toolsFor(section: Section): Promise<PaneTools | null>;
  confirm(question: string): Promise<boolean>;
  focusOn(key: string): void;
  knownPacks(tools: PaneTools): Map<string, string[]>;
  /** The plan in use: picked from a file, or the bundled one. */
  plan(): PlanPack;
}

type FormsActions = Pick<Controller, 'selectForms' | 'editFormsYear' | 'loadFormPack' | 'useDefaultFormPack' | 'insertForms'>;
type CheckActions = Pick<Controller, 'check' | 'goToCell' | 'highlight' | 'clearHighlight' | 'convertLegacy' | 'undoLegacy'>;

export function formsActions(ctx: ActionContext): FormsActions {
  const { deps, dispatch, run, loadTools, toolsFor, confirm, focusOn } = ctx;
  return {
    selectForms(codes) {
      dispatch({ type: 'forms-select', codes });
    },
    editFormsYear(text) {
      dispatch({ type: 'forms-year', text });
    },
    async loadFormPack(file) {
      if (ctx.state().busy) return;
      let text: string;
      try {
        text = await file.text();
      } catch {
        dispatch({ type: 'notice', section: 'forms', notice: textNotice('error', (l) => t(l, 'pane.forms.packUnreadable', { file: file.name })) });
        return;
      }
      const tk = await toolsFor('forms');
      if (!tk) return;
      let loaded: Awaited<ReturnType<PaneTools['parseFormPackJson']>>;
      try {
        loaded = await tk.parseFormPackJson(text);
      } catch {
        // The schema is a chunk of its own: it could not be downloaded (offline).
        dispatch({ type: 'notice', section: 'forms', notice: textNotice('error', (l) => t(l, 'pane.error.loadFailed')) });
        return;
      }
      if (!loaded.ok) {
        dispatch({ type: 'notice', section: 'forms', notice: tk.model.packErrorNotice(file.name, loaded.errors) });
        return;
      }
      dispatch({ type: 'forms-pack', pack: loaded.value, file: file.name });
      const count = loaded.value.forms.length;
      dispatch({ type: 'notice', section: 'forms', notice: textNotice('success', (l) => t(l, 'pane.forms.packLoaded', { file: file.name, count })) });
    },
    async useDefaultFormPack() {
      if (ctx.state().busy) return;
      await run('forms', (l) => t(l, 'pane.loading'), async () => {
        const loaded = await loadTools();
        dispatch({ type: 'forms-pack', pack: loaded.defaultFormPack(), file: null });
        dispatch({ type: 'notice', section: 'forms', notice: textNotice('info', (l) => t(l, 'pane.forms.packDefault')) });
      });
    },
    async insertForms() {
      if (!canInsert(ctx.state()) || ctx.state().busy) return;
      const tk = await toolsFor('forms');
      if (!tk) return;
      const f = ctx.state().forms;
      const year = tk.model.parseReportingYear(f.yearText, deps.now());
      dispatch({ type: 'forms-year-error', error: year.ok ? null : year.error });
      const code = ctx.state().agencyCode;
      const agency = code === null ? undefined : findAgency(deps.roster, code);
      const problems: Text[] = [];
      if (!agency) problems.push((l) => t(l, 'pane.agency.required'));
      if (!year.ok) problems.push((l) => t(l, 'pane.forms.fixErrors'));
      if (f.selected.length === 0) problems.push((l) => t(l, 'pane.forms.noneSelected'));
      if (!agency || !year.ok || f.selected.length === 0) {
        dispatch({ type: 'notice', section: 'forms', notice: textNotice('error', ...problems) });
        focusOn(!agency ? 'forms-agency' : !year.ok ? 'forms-year' : 'forms-all');
        return;
      }
      await run('forms', (l) => t(l, 'pane.forms.busy'), async () => {
        const pack = ctx.state().forms.pack ?? tk.defaultFormPack();
        const port = deps.makePort();
        const result = await tk.insertForms(port, {
          pack,
          codes: f.selected,
          agency,
          year: year.year,
          plan: { id: ctx.plan().id, version: ctx.plan().version },
          now: new Date(deps.now()),
          confirm,
          lang: ctx.state().lang,
        });
        if (!result.ok) {
          const notice =
            result.reason === 'cancelled'
              ? textNotice('info', (l) => t(l, 'pane.insert.cancelled'))
              : textNotice('error', (l) => t(l, 'pane.forms.unknownForms', { codes: result.codes.join(', ') }));
          dispatch({ type: 'notice', section: 'forms', notice });
          return;
        }
        dispatch({ type: 'check-stale' });
        dispatch({
          type: 'notice',
          section: 'forms',
          notice: tk.model.formsInsertNotice(result, agency, year.year, port.lastWriteSkipped, tk.describeUnplaced),
        });
      });
    },
  };
}

export function checkActions(ctx: ActionContext): CheckActions {
  const { deps, dispatch, run, loadTools, knownPacks, knownCodes, confirm } = ctx;
  /** Checks the workbook (again) and shows the result; `notice` replaces the check's own summary when given. */
  const checkNow = async (tk: PaneTools, port: PanePort, notice?: (result: CheckResult) => Notice) => {
    const result = await tk.checkWorkbook(port, {
      planPack: ctx.plan(), formPack: ctx.state().forms.pack ?? tk.defaultFormPack(), knownPacks: knownPacks(tk), nowMs: deps.now(),
    });
    dispatch({ type: 'check', result, knownCodes });
    dispatch({ type: 'notice', section: 'check', notice: notice ? notice(result) : tk.model.checkNotice(result) });
  };
  /** The notice of a legacy-text change (its tone), followed by the summary of the check made after it. */
  const afterLegacy = (tk: PaneTools, first: Notice) => (result: CheckResult): Notice => ({
    tone: first.tone,
    lines: [...first.lines, ...tk.model.checkNotice(result).lines],
  });
  /**
   * "Chuyển sang Unicode" (the cells the check found) or "Hoàn tác" (those an earlier conversion recorded): asked first,
   * then the workbook checked again, the change's notice followed by the check's summary.
   */
  const changeLegacy = async (kind: 'convert' | 'undo') => {
    const checked = ctx.state().check;
    if (!canRead(ctx.state()) || ctx.state().busy || checked === null) return;
    const tk = await ctx.toolsFor('check');
    if (!tk) return;
    const offer = tk.model.legacyOffer(checked);
    const count = kind === 'convert' ? offer.cells : offer.converted;
    if (count === 0) return;
    const lang = ctx.state().lang;
    const question = kind === 'convert' ? tk.model.legacyQuestion(checked, lang) : tk.model.legacyUndoQuestion(count, lang);
    if (!(await confirm(question))) {
      dispatch({ type: 'notice', section: 'check', notice: textNotice('info', (l) => t(l, 'pane.legacy.cancelled')) });
      return;
    }
    await run('check', (l) => t(l, kind === 'convert' ? 'pane.legacy.busy' : 'pane.legacy.undoBusy'), async () => {
      const port = deps.makePort();
      const result = kind === 'convert'
        ? await tk.convertLegacyText(port, checked.report.issues)
        : await tk.undoLegacyText(port, checked.converted ?? []);
      await checkNow(tk, port, afterLegacy(tk, tk.model.legacyNotice(kind, result)));
    });
  };
  return {
    async check() {
      if (!canRead(ctx.state()) || ctx.state().busy) return;
      await run('check', (l) => t(l, 'pane.check.busy'), async () => {
        const tk = await loadTools();
        await checkNow(tk, deps.makePort());
      });
    },
    convertLegacy: () => changeLegacy('convert'),
    undoLegacy: () => changeLegacy('undo'),
    async goToCell(target) {
      if (ctx.state().busy) return;
      try {
        await deps.makePort().selectRange(target.sheet, target.cell);
      } catch {
        dispatch({ type: 'notice', section: 'check', notice: textNotice('error', (l) => t(l, 'pane.check.selectFailed')) });
      }
    },
    async highlight() {
      if (!canRead(ctx.state()) || ctx.state().busy) return;
      const checked = ctx.state().check;
      if (checked === null) {
        dispatch({ type: 'notice', section: 'check', notice: textNotice('info', (l) => t(l, 'pane.highlight.needCheck')) });
        return;
      }
      await run('check', (l) => t(l, 'pane.highlight.busy'), async () => {
        const tk = await loadTools();
        const result = await tk.highlightIssues(deps.makePort(), checked.report.issues);
        dispatch({ type: 'highlighted', count: result.highlighted });
        dispatch({ type: 'notice', section: 'check', notice: tk.model.highlightNotice(result) });
      });
    },
    async clearHighlight() {
      if (!canRead(ctx.state()) || ctx.state().busy) return;
      await run('check', (l) => t(l, 'pane.highlight.clearing'), async () => {
        const tk = await loadTools();
        const result = await tk.clearHighlight(deps.makePort());
        dispatch({ type: 'highlighted', count: 0 });
        dispatch({ type: 'notice', section: 'check', notice: tk.model.clearHighlightNotice(result.restored) });
      });
    },
  };
}
