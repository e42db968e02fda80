/**
 * What the pane shows, computed from the use cases' results: pure functions, no DOM, no Office.
 * Text is returned as `Text` (a function of the language) so a language switch re-renders without recomputing.
 */
import { type Day, formatVn, parseVnDate, todayInVietnam } from '../domain/calendar';
import { DEFAULT_DUE_SOON_WINDOW, DUE_STATES, MAX_DUE_SOON_WINDOW, type DueState } from '../domain/due-state';
import { t, type Catalog, type Lang, type MessageKey } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { AgencyKind, RosterEntry } from '../domain/roster';
import type { InsertTrackerResult } from '../app/insert-tracker';
import { isWorkbookAccessError, workbookAccessMessage } from '../app/workbook-access-error';
import type { SummaryTask, TrackerSummary } from '../app/tracker-summary';

export type Text = (lang: Lang) => string;

/** Catalog keys whose message takes no parameters. */
export type PlainKey = { [K in MessageKey]: Catalog[K] extends string ? K : never }[MessageKey];

// ---------------------------------------------------------------------------------------------------------------
// Agencies.

/**
 * Folds Vietnamese text for searching: NFC, lower case, diacritics and "đ" removed, spaces collapsed.
 * "Phường Quyết Thắng" → "phuong quyet thang".
 */
export function foldVi(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function kindLabel(kind: AgencyKind, lang: Lang): string {
  return t(lang, `pane.kind.${kind}`);
}

/** The words a name starts with that only say what kind of body it is ("Phường", "Xã", "Sở"). */
const KIND_WORDS = /^(phuong|xa|so|ban|thanh tra|van phong) /;

/**
 * Agencies matching `query` (code or name, with or without diacritics), best first:
 * exact code, code prefix, name prefix, words of the name starting with the query's words, anywhere.
 * When the query has diacritics, names containing it exactly come first; within a rank, roster order.
 */
export function searchAgencies(entries: readonly RosterEntry[], query: string): RosterEntry[] {
  const q = foldVi(query);
  if (q === '') return [...entries];
  const tokens = q.split(' ');
  const typed = query.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const hasMarks = typed !== q;
  const scored: { entry: RosterEntry; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const code = entry.code.toLowerCase();
    const name = foldVi(entry.name);
    const bare = name.replace(KIND_WORDS, '');
    const kind = foldVi(kindLabelVi(entry.kind));
    const words = `${name} ${kind}`.split(/[ ,()-]+/);
    let score: number;
    if (code === q) score = 0;
    else if (code.startsWith(q)) score = 1;
    else if (name.startsWith(q) || bare.startsWith(q)) score = 2;
    else if (tokens.every((tok) => words.some((w) => w.startsWith(tok)))) score = 3;
    else if (tokens.every((tok) => `${code} ${name} ${kind}`.includes(tok))) score = 4;
    else return;
    // Typed diacritics say which name is meant ("Phượng" is not "Phường"): exact matches come before all others.
    if (hasMarks && !entry.name.normalize('NFC').toLocaleLowerCase('vi').includes(typed)) score += 10;
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((s) => s.entry);
}

function kindLabelVi(kind: AgencyKind): string {
  return t('vi', `pane.kind.${kind}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Summary: chips and the attention list.

export type Tone = 'danger' | 'warning' | 'success' | 'muted' | 'neutral';

export const STATE_TONES: Readonly<Record<DueState, Tone>> = {
  'overdue': 'danger',
  'due-soon': 'warning',
  'on-track': 'neutral',
  'not-open': 'muted',
  'recurring': 'neutral',
  'done-on-time': 'success',
  'done-late': 'success',
  'not-applicable': 'neutral',
};

export interface Chip {
  readonly state: DueState;
  readonly count: number;
  readonly tone: Tone;
  readonly label: Text;
}

/** One chip per due state in a fixed order; states with no task are left out, except overdue and due soon. */
export function chipModel(counts: Readonly<Record<DueState, number>>): Chip[] {
  return DUE_STATES.filter((s) => (counts[s] ?? 0) > 0 || s === 'overdue' || s === 'due-soon').map((state) => ({
    state,
    count: counts[state] ?? 0,
    tone: STATE_TONES[state],
    label: (lang) => t(lang, `state.${state}`),
  }));
}

export function totalTasks(counts: Readonly<Record<DueState, number>>): number {
  return DUE_STATES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shortText(text: string, max = 90): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const chars = [...flat].slice(0, max - 1).join('');
  const space = chars.lastIndexOf(' ');
  const cut = space >= max * 0.6 ? chars.slice(0, space) : chars;
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

export interface AttentionItem {
  readonly id: string;
  readonly state: 'overdue' | 'due-soon';
  readonly tone: Tone;
  readonly days: number;
  readonly content: string;
  readonly label: Text;
  readonly dueText: string;
  /** A multi-year task's milestone (the 31/12 its state is judged against) and the days to it; null otherwise. */
  readonly milestone: { readonly text: string; readonly days: number } | null;
  readonly range: string;
}

export function dueLabel(state: 'overdue' | 'due-soon', days: number): Text {
  return (lang) => (state === 'overdue' ? t(lang, 'pane.due.overdue', { days }) : t(lang, 'pane.due.due-soon', { days }));
}

/** Overdue tasks first (most days overdue first), then tasks due soon (fewest days left first); ties in sheet order. */
export function attentionModel(tasks: readonly SummaryTask[]): AttentionItem[] {
  const pick = (state: 'overdue' | 'due-soon') => tasks.filter((x) => x.due.state === state);
  const byRow = (a: SummaryTask, b: SummaryTask) => a.row - b.row;
  const overdue = pick('overdue').sort((a, b) => (b.due.days ?? 0) - (a.due.days ?? 0) || byRow(a, b));
  const soon = pick('due-soon').sort((a, b) => (a.due.days ?? 0) - (b.due.days ?? 0) || byRow(a, b));
  return [...overdue, ...soon].map((x) => {
    const state = x.due.state as 'overdue' | 'due-soon';
    const days = x.due.days ?? 0;
    const label = dueLabel(state, days);
    const dueText = x.dueDate === null ? '' : formatVn(x.dueDate);
    const m = x.due.milestone;
    const milestone = m && m.date !== x.dueDate ? { text: formatVn(m.date), days: m.daysLeft } : null;
    const content = shortText(x.task.content);
    return {
      id: x.task.id,
      state,
      tone: STATE_TONES[state],
      days,
      content,
      label,
      dueText,
      milestone,
      range: x.range,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Header.

export interface HeaderModel {
  readonly title: string;
  readonly asOf: Text;
  readonly agency: Text | null;
}

export function headerModel(pack: PlanPack, summary: TrackerSummary | null, nowMs: number): HeaderModel {
  const asOf: Day = summary?.asOf ?? todayInVietnam(nowMs);
  const fixed = summary?.asOfFixed ?? false;
  const identity = summary?.identity ?? null;
  return {
    title: pack.title,
    asOf: (lang) => t(lang, 'pane.asOf', { date: formatVn(asOf), fixed }),
    agency: identity ? (lang) => t(lang, 'pane.agencyLine', { name: identity.agencyName, code: identity.agencyCode }) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Settings.

export interface SettingsForm {
  readonly asOfMode: 'today' | 'fixed';
  readonly asOfText: string;
  readonly windowText: string;
  readonly inclusive: boolean;
}

export interface Settings {
  readonly asOf: Day | 'today';
  readonly window: number;
  readonly inclusiveBefore: boolean;
}

export interface SettingsErrors {
  readonly asOf?: Text;
  readonly window?: Text;
}

export type SettingsParse = { readonly ok: true; readonly value: Settings } | { readonly ok: false; readonly errors: SettingsErrors };

export function settingsFromSummary(summary: TrackerSummary): SettingsForm {
  return {
    asOfMode: summary.asOfFixed ? 'fixed' : 'today',
    asOfText: formatVn(summary.asOf),
    windowText: String(summary.window),
    inclusive: summary.inclusiveBefore,
  };
}

/** The form before a tracker is read: today, and the window a tracker is made with (DEFAULT_DUE_SOON_WINDOW). */
export function defaultSettingsForm(nowMs: number): SettingsForm {
  return { asOfMode: 'today', asOfText: formatVn(todayInVietnam(nowMs)), windowText: String(DEFAULT_DUE_SOON_WINDOW), inclusive: false };
}

/** Validates the settings form. Dates are read day first only (parseVnDate): "02/30/2026" is an error, not 30 Feb. */
export function parseSettings(form: SettingsForm): SettingsParse {
  const errors: { asOf?: Text; window?: Text } = {};
  let asOf: Day | 'today' = 'today';
  if (form.asOfMode === 'fixed') {
    const text = form.asOfText.trim();
    const day = text === '' ? null : parseVnDate(text);
    if (text === '') errors.asOf = (lang) => t(lang, 'pane.settings.asOfRequired');
    else if (day === null) errors.asOf = (lang) => t(lang, 'pane.settings.asOfInvalid', { value: text });
    else asOf = day;
  }
  const w = form.windowText.trim();
  let window = 0;
  if (w === '') errors.window = (lang) => t(lang, 'pane.settings.windowRequired');
  else if (!/^\d{1,3}$/.test(w) || Number(w) > MAX_DUE_SOON_WINDOW) errors.window = (lang) => t(lang, 'pane.settings.windowInvalid', { value: w });
  else window = Number(w);
  if (errors.asOf || errors.window) return { ok: false, errors };
  return { ok: true, value: { asOf, window, inclusiveBefore: form.inclusive } };
}

// ---------------------------------------------------------------------------------------------------------------
// Results and failures.

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  readonly tone: NoticeTone;
  readonly lines: readonly Text[];
}

/** What the Office.js host can skip on an older Excel (its ExcelFeature names). */
const FEATURE_KEYS = [
  'visibility', 'protection', 'conditionalFormats', 'freezePanes', 'tabColor', 'dataValidation', 'pageLayout', 'indent',
] as const;
type FeatureKey = (typeof FEATURE_KEYS)[number];

export function featureLabel(name: string, lang: Lang): string {
  return (FEATURE_KEYS as readonly string[]).includes(name)
    ? t(lang, `pane.feature.${name as FeatureKey}`)
    : t(lang, 'pane.feature.other', { name });
}

/** "n nhiệm vụ; giữ nội dung đã nhập của k nhiệm vụ", the orphans kept, and what the host could not apply. */
export function insertNotice(
  result: Extract<InsertTrackerResult, { ok: true }>,
  agency: Pick<RosterEntry, 'name'>,
  skipped: readonly string[],
): Notice {
  const tasks = result.layout.rows.filter((r) => r.role !== 'orphan').length;
  const lines: Text[] = [(lang) => t(lang, 'pane.insert.done', { agency: agency.name, tasks, kept: result.keptEntries })];
  if (result.orphanRows > 0) lines.push((lang) => t(lang, 'pane.insert.orphans', { count: result.orphanRows }));
  const unique = [...new Set(skipped)];
  if (unique.length > 0) {
    lines.push((lang) => t(lang, 'pane.insert.skipped', { features: [...new Set(unique.map((f) => featureLabel(f, lang)))].join(', ') }));
  }
  return { tone: unique.length > 0 ? 'warning' : 'success', lines };
}

/** Office.js error codes (OfficeExtension.Error.code) the user can do something about. */
type ErrorKey =
  | 'pane.error.cellEdit' | 'pane.error.protected' | 'pane.error.busy' | 'pane.error.notFound' | 'pane.error.tooLarge'
  | 'pane.error.unsupported';
const ERROR_KEYS: Readonly<Record<string, ErrorKey>> = {
  InvalidOperationInCellEditMode: 'pane.error.cellEdit',
  AccessDenied: 'pane.error.protected',
  ActivityLimitReached: 'pane.error.busy',
  Conflict: 'pane.error.busy',
  InsertDeleteConflict: 'pane.error.busy',
  ItemNotFound: 'pane.error.notFound',
  InvalidReference: 'pane.error.notFound',
  RequestPayloadSizeLimitExceeded: 'pane.error.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'pane.error.tooLarge',
  ApiNotFound: 'pane.error.unsupported',
  NotImplemented: 'pane.error.unsupported',
  UnsupportedOperation: 'pane.error.unsupported',
};

/** Turns anything thrown into a message for the user: never a stack trace, never raw exception text. */
export function errorNotice(error: unknown): Notice {
  if (isWorkbookAccessError(error)) return { tone: 'error', lines: [(lang) => workbookAccessMessage(lang, error.problem)] };
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : null;
  const key = code === null ? undefined : ERROR_KEYS[code];
  if (key !== undefined) return { tone: 'error', lines: [(lang) => t(lang, key)] };
  const lines: Text[] = [(lang) => t(lang, 'pane.error.generic')];
  if (code !== null && /^[A-Za-z]{2,60}$/.test(code)) lines.push((lang) => t(lang, 'pane.error.code', { code }));
  return { tone: 'error', lines };
}

export function textNotice(tone: NoticeTone, ...lines: Text[]): Notice {
  return { tone, lines };
}
