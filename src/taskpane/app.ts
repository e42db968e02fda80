/**
 * The task pane: builds the page for a language, renders the state, and runs the use cases when asked.
 * State changes only through `reduce` (state.ts); what is shown comes from view-model.ts.
 */
import { insertTracker } from '../app/insert-tracker';
import { summariseTracker } from '../app/tracker-summary';
import type { WorkbookPort } from '../app/workbook-port';
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import { findAgency, type Roster, type RosterEntry } from '../domain/roster';
import { agencyPicker, type AgencyPicker } from './agency-picker';
import { showConfirm } from './dialog';
import { h, uid } from './dom';
import { type Action, type PaneState, type Section, canInsert, canRead, initialState, reduce } from './state';
import {
  type Notice, type PlainKey, type Text, attentionModel, chipModel, errorNotice, headerModel, insertNotice, kindLabel, parseSettings,
  textNotice, totalTasks,
} from './view-model';

/** What the pane needs of a workbook: the use cases' port, plus selecting a range and what the last write skipped. */
export interface PanePort extends WorkbookPort {
  selectRange(sheetName: string, address: string): Promise<void>;
  readonly lastWriteSkipped: readonly string[];
}

export interface PaneDeps {
  readonly root: HTMLElement;
  readonly pack: PlanPack;
  readonly roster: Roster;
  readonly makePort: () => PanePort;
  readonly now: () => number;
  readonly lang: Lang;
  readonly saveLang: (lang: Lang) => void;
  readonly version: string;
}

export interface Pane {
  dispatch(action: Action): void;
  readonly state: () => PaneState;
  /** Reads the workbook's tracker (on start-up, after inserting, and on "Làm mới"). */
  refresh(section?: Section): Promise<void>;
}

interface View {
  readonly root: HTMLElement;
  update(state: PaneState): void;
}

export function mountPane(deps: PaneDeps): Pane {
  let state = initialState(deps.lang, deps.now());
  let view: View | null = null;
  let viewLang: Lang | null = null;
  let viewEnv: PaneState['env']['kind'] | null = null;
  let focusAfterBusy: HTMLElement | null = null;
  const knownCodes = new Set(deps.roster.entries.map((e) => e.code));

  const render = () => {
    if (view === null || viewLang !== state.lang || viewEnv !== state.env.kind) {
      const focusedId = document.activeElement?.getAttribute('data-focus-key') ?? null;
      view = buildView(state, deps, controller);
      viewLang = state.lang;
      viewEnv = state.env.kind;
      deps.root.replaceChildren(view.root);
      document.documentElement.lang = state.lang;
      if (focusedId) (deps.root.querySelector(`[data-focus-key="${focusedId}"]`) as HTMLElement | null)?.focus();
    }
    view.update(state);
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
    const result = await summariseTracker(deps.makePort(), deps.pack, deps.now());
    dispatch({ type: 'summary', summary: result.ok ? result.summary : null, knownCodes });
  };

  const controller: Controller = {
    setLang(lang) {
      deps.saveLang(lang);
      dispatch({ type: 'lang', lang });
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
        const result = await insertTracker(port, { pack: deps.pack, agency, now: new Date(deps.now()), confirm });
        if (!result.ok) {
          dispatch({ type: 'notice', section: 'insert', notice: textNotice('info', (l) => t(l, 'pane.insert.cancelled')) });
          return;
        }
        dispatch({ type: 'notice', section: 'insert', notice: insertNotice(result, agency, port.lastWriteSkipped) });
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
          pack: deps.pack, agency, now: new Date(deps.now()), confirm,
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
  };

  render();
  return {
    dispatch,
    state: () => state,
    refresh: (section = 'summary') =>
      run(section, (l) => t(l, 'pane.reading'), async () => {
        if (canRead(state)) await loadSummary();
      }),
  };
}

interface Controller {
  setLang(lang: Lang): void;
  pickAgency(code: string | null): void;
  insert(): Promise<void>;
  refresh(): Promise<void>;
  select(range: string): Promise<void>;
  editSettings(patch: Partial<PaneState['settings']>): void;
  applySettings(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// The page.

function spinner(text: string): HTMLElement {
  return h('div', { class: 'busy' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, text));
}

function noticeNode(notice: Notice, lang: Lang): HTMLElement {
  const icon = { info: 'ℹ', success: '✓', warning: '!', error: '✕' }[notice.tone];
  return h(
    'div',
    { class: `notice ${notice.tone}`, role: notice.tone === 'error' ? 'alert' : null },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, icon),
    h('div', { class: 'notice-text' }, notice.lines.map((line) => h('p', {}, line(lang)))),
  );
}

function section(
  key: Section,
  title: string,
  tools: HTMLElement | null,
  ...children: (HTMLElement | null)[]
): { el: HTMLElement; status: HTMLElement } {
  const headingId = uid(`h-${key}`);
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const head = h('div', { class: 'card-head' }, h('h2', { id: headingId }, title), tools);
  const el = h('section', { class: 'card', 'aria-labelledby': headingId, 'data-section': key }, head, ...children, status);
  return { el, status };
}

function buildView(initial: PaneState, deps: PaneDeps, c: Controller): View {
  const lang = initial.lang;
  const say = (key: PlainKey) => t(lang, key);

  // Header: the plan, the as-of date, the agency; the language switch.
  const asOfLine = h('p', { class: 'meta' });
  const agencyLine = h('p', { class: 'meta' });
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'btn subtle small',
      lang: lang === 'vi' ? 'en' : 'vi',
      'aria-label': say('pane.lang.switchLabel'),
      'data-focus-key': 'lang',
    },
    say('pane.lang.switch'),
  );
  langButton.addEventListener('click', () => c.setLang(lang === 'vi' ? 'en' : 'vi'));
  const header = h(
    'header',
    { class: 'header' },
    h('div', { class: 'header-top' }, h('h1', { class: 'title' }, deps.pack.title), langButton),
    asOfLine,
    agencyLine,
  );
  const footer = h('footer', { class: 'footer' }, t(lang, 'pane.footer', { version: deps.version }));
  const shell = h('div', { class: 'pane' }, header);

  const env = initial.env;
  if (env.kind !== 'excel') {
    const [title, body] =
      env.kind === 'no-office'
        ? [say('pane.env.noOffice.title'), say('pane.env.noOffice.body')]
        : env.kind === 'other-host'
          ? [say('pane.env.outside.title'), t(lang, 'pane.env.otherHost.body', { host: env.host })]
          : env.kind === 'outside'
            ? [say('pane.env.outside.title'), say('pane.env.outside.body')]
            : [null, null];
    if (title === null) shell.append(h('div', { class: 'card' }, spinner(say('pane.loading'))));
    else shell.append(h('div', { class: 'card banner', role: 'status' }, h('h2', {}, title), h('p', {}, body)));
    shell.append(footer);
    return {
      root: shell,
      update(state) {
        const head = headerModel(deps.pack, null, deps.now());
        asOfLine.textContent = head.asOf(state.lang);
        agencyLine.hidden = true;
      },
    };
  }

  // (1) Insert.
  const entries = deps.roster.entries;
  const byCode = new Map(entries.map((e) => [e.code, e]));
  let shownCode: string | null = null;
  const picker: AgencyPicker = agencyPicker(
    entries,
    {
      label: say('pane.agency.label'),
      placeholder: say('pane.agency.placeholder'),
      hint: t(lang, 'pane.agency.hint', { count: entries.length }),
      noMatch: say('pane.agency.noMatch'),
      matches: (count) => t(lang, 'pane.agency.matches', { count }),
      kind: (e) => kindLabel(e.kind, lang),
    },
    (entry) => {
      shownCode = entry?.code ?? null;
      c.pickAgency(shownCode);
    },
  );
  picker.input.setAttribute('data-focus-key', 'agency');
  const chosenLine = h('p', { class: 'chosen' });
  const oldExcel = h(
    'div',
    { class: 'notice warning', role: 'status' },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, '!'),
    h('div', { class: 'notice-text' }, h('p', { class: 'strong' }, say('pane.env.oldExcel.title')), h('p', {}, say('pane.env.oldExcel.body'))),
  );
  const insertButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'insert' }, say('pane.insert.button'));
  insertButton.addEventListener('click', () => void c.insert());
  const s1 = section(
    'insert',
    say('pane.insert.heading'),
    null,
    h('p', { class: 'intro' }, say('pane.insert.intro')),
    oldExcel,
    picker.element,
    chosenLine,
    h('div', { class: 'actions' }, insertButton),
  );

  // (2) Summary.
  const refreshButton = h('button', { type: 'button', class: 'btn small', 'data-focus-key': 'refresh' }, say('pane.summary.refresh'));
  refreshButton.addEventListener('click', () => void c.refresh());
  const summaryBody = h('div', { class: 'summary' });
  const s2 = section('summary', say('pane.summary.heading'), refreshButton, summaryBody);
  let summaryShown: unknown = undefined;
  let taskButtons: HTMLButtonElement[] = [];

  // (3) Settings.
  const radios = (name: string, options: { value: string; label: string; key: string }[]) =>
    options.map((o) => {
      const id = uid(name);
      const input = h('input', { type: 'radio', id, name, value: o.value, 'data-focus-key': o.key });
      return { input, el: h('div', { class: 'radio' }, input, h('label', { for: id }, o.label)) };
    });
  const asOfName = uid('asof');
  const asOfRadios = radios(asOfName, [
    { value: 'today', label: say('pane.settings.asOfToday'), key: 'asof-today' },
    { value: 'fixed', label: say('pane.settings.asOfFixed'), key: 'asof-fixed' },
  ]);
  const asOfErrorId = uid('asof-err');
  const asOfText = h('input', {
    type: 'text',
    class: 'field date',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    autocomplete: 'off',
    'aria-label': say('pane.settings.asOfInput'),
    'aria-describedby': asOfErrorId,
    'data-focus-key': 'asof-text',
  });
  const asOfError = h('p', { id: asOfErrorId, class: 'field-error' });
  const windowId = uid('window');
  const windowHintId = uid('window-hint');
  const windowErrorId = uid('window-err');
  const windowInput = h('input', {
    id: windowId,
    type: 'text',
    class: 'field narrow',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-describedby': `${windowHintId} ${windowErrorId}`,
    'data-focus-key': 'window',
  });
  const windowError = h('p', { id: windowErrorId, class: 'field-error' });
  const beforeName = uid('before');
  const beforeRadios = radios(beforeName, [
    { value: 'strict', label: say('pane.settings.beforeStrict'), key: 'before-strict' },
    { value: 'inclusive', label: say('pane.settings.beforeInclusive'), key: 'before-inclusive' },
  ]);
  const applyButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'apply' }, say('pane.settings.apply'));
  for (const r of asOfRadios) r.input.addEventListener('change', () => c.editSettings({ asOfMode: r.input.value === 'fixed' ? 'fixed' : 'today' }));
  asOfText.addEventListener('input', () => c.editSettings({ asOfText: asOfText.value, asOfMode: 'fixed' }));
  windowInput.addEventListener('input', () => c.editSettings({ windowText: windowInput.value }));
  for (const r of beforeRadios) r.input.addEventListener('change', () => c.editSettings({ inclusive: r.input.value === 'inclusive' }));
  applyButton.addEventListener('click', () => void c.applySettings());
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void c.applySettings();
    }
  };
  asOfText.addEventListener('keydown', onEnter);
  windowInput.addEventListener('keydown', onEnter);
  const s3 = section(
    'settings',
    say('pane.settings.heading'),
    null,
    h('p', { class: 'intro' }, say('pane.settings.intro')),
    h('fieldset', {}, h('legend', {}, say('pane.settings.asOf')), asOfRadios.map((r) => r.el), asOfText, asOfError),
    h(
      'div',
      { class: 'field-group' },
      h('label', { for: windowId, class: 'label' }, say('pane.settings.window')),
      windowInput,
      h('p', { id: windowHintId, class: 'hint' }, say('pane.settings.windowHint')),
      windowError,
    ),
    h('fieldset', {}, h('legend', {}, say('pane.settings.before')), beforeRadios.map((r) => r.el)),
    h('div', { class: 'actions' }, applyButton),
  );

  shell.append(s1.el, s2.el, s3.el, footer);
  const statuses: Record<Section, HTMLElement> = { insert: s1.status, summary: s2.status, settings: s3.status };
  const sections: Record<Section, HTMLElement> = { insert: s1.el, summary: s2.el, settings: s3.el };

  const renderSummary = (state: PaneState) => {
    const view = state.summary;
    if (view.kind !== 'ready') {
      summaryBody.replaceChildren(h('p', { class: 'empty' }, say(view.kind === 'none' ? 'pane.summary.none' : 'pane.summary.unknown')));
      taskButtons = [];
      return;
    }
    const { summary } = view;
    const chips = chipModel(summary.counts);
    const items = attentionModel(summary.tasks);
    const chipList = h(
      'ul',
      { class: 'chips', 'aria-label': say('pane.summary.countsLabel') },
      chips.map((chip) =>
        h('li', { class: `chip ${chip.tone}`, 'data-state': chip.state }, h('span', { class: 'chip-count' }, String(chip.count)), h('span', {}, chip.label(lang))),
      ),
    );
    taskButtons = items.map((item) => {
      const b = h(
        'button',
        { type: 'button', class: `task ${item.tone}`, 'data-task': item.id, 'data-focus-key': `task-${item.id}` },
        h('span', { class: 'task-head' }, h('span', { class: 'task-id' }, item.id), h('span', { class: 'task-state' }, item.label(lang))),
        h('span', { class: 'task-content' }, item.content),
        item.dueText ? h('span', { class: 'task-due' }, t(lang, 'pane.summary.due', { date: item.dueText })) : null,
      );
      b.addEventListener('click', () => void c.select(item.range));
      return b;
    });
    const listHeadingId = uid('attention');
    summaryBody.replaceChildren(
      chipList,
      h('p', { class: 'total' }, t(lang, 'pane.summary.total', { count: totalTasks(summary.counts) })),
      h('h3', { id: listHeadingId }, say('pane.summary.attention')),
      items.length === 0
        ? h('p', { class: 'empty' }, say('pane.summary.nothingDue'))
        : h('div', {}, h('p', { class: 'hint' }, say('pane.summary.attentionHint')), h('ul', { class: 'tasks', 'aria-labelledby': listHeadingId }, taskButtons.map((b) => h('li', {}, b)))),
    );
  };

  const setError = (input: HTMLInputElement, slot: HTMLElement, text: Text | undefined) => {
    slot.textContent = text ? text(lang) : '';
    slot.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const syncValue = (input: HTMLInputElement, value: string) => {
    if (input.value !== value && document.activeElement !== input) input.value = value;
  };

  return {
    root: shell,
    update(state) {
      const ready = state.summary.kind === 'ready' ? state.summary.summary : null;
      const head = headerModel(deps.pack, ready, deps.now());
      asOfLine.textContent = head.asOf(lang);
      agencyLine.textContent = head.agency ? head.agency(lang) : '';
      agencyLine.hidden = head.agency === null;

      // Agency.
      if (state.agencyCode !== shownCode) {
        shownCode = state.agencyCode;
        picker.show(shownCode === null ? null : (byCode.get(shownCode) ?? null));
      }
      const chosen = state.agencyCode === null ? undefined : byCode.get(state.agencyCode);
      chosenLine.textContent = chosen
        ? t(lang, 'pane.agency.selected', { name: chosen.name, code: chosen.code, kind: kindLabel(chosen.kind, lang) })
        : say('pane.agency.none');
      if (state.notices.insert?.tone === 'error' && !chosen) picker.input.setAttribute('aria-invalid', 'true');
      else picker.input.removeAttribute('aria-invalid');

      const insertable = canInsert(state);
      oldExcel.hidden = insertable;
      const busy = state.busy !== null;
      insertButton.disabled = busy || !insertable;
      applyButton.disabled = busy || !insertable;
      refreshButton.disabled = busy;
      for (const b of taskButtons) b.disabled = busy;

      // Busy indicator and notices, per section.
      for (const key of ['insert', 'summary', 'settings'] as const) {
        const status = statuses[key];
        const isBusy = state.busy?.section === key;
        sections[key].setAttribute('aria-busy', isBusy ? 'true' : 'false');
        const notice = state.notices[key];
        const marker = `${isBusy && state.busy ? state.busy.text(lang) : ''}|${notice ? notice.lines.map((l) => l(lang)).join('\n') : ''}`;
        if (status.dataset['shown'] === marker) continue;
        status.dataset['shown'] = marker;
        status.replaceChildren(...(isBusy && state.busy ? [spinner(state.busy.text(lang))] : []), ...(notice ? [noticeNode(notice, lang)] : []));
      }

      if (summaryShown !== state.summary) {
        summaryShown = state.summary;
        renderSummary(state);
        for (const b of taskButtons) b.disabled = busy;
      }

      // Settings.
      const s = state.settings;
      for (const r of asOfRadios) r.input.checked = r.input.value === s.asOfMode;
      for (const r of beforeRadios) r.input.checked = (r.input.value === 'inclusive') === s.inclusive;
      syncValue(asOfText, s.asOfText);
      syncValue(windowInput, s.windowText);
      setError(asOfText, asOfError, state.settingsErrors.asOf);
      setError(windowInput, windowError, state.settingsErrors.window);
    },
  };
}
