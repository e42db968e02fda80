/**
 * The due-state rule (domain.md §4), written once. `computeDueState` evaluates it; `dueStateFormula` compiles the
 * same expression into the formula of the tracker's "Tình trạng hạn" column, so the sheet stays live without the
 * add-in and agrees with the code on every date.
 */
import { type Day, fromExcelSerial, toExcelSerial } from './calendar';
import type { Deadline } from './deadline';
import {
  type Binding, type Expr, type Value, and, blank, concat, dayOf, eq, evaluate, ifx, le, lit, lt, min, minus, not, or, v,
  yearEndOf, toExcelFormula,
} from './formula';

export const DUE_STATES = [
  'overdue', 'due-soon', 'on-track', 'not-open', 'recurring', 'done-on-time', 'done-late', 'not-applicable',
] as const;
export type DueState = (typeof DUE_STATES)[number];

/** What the user enters in "Trạng thái" (a drop-down). */
export const TASK_STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Không thực hiện'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const STATUS_DONE: TaskStatus = 'Hoàn thành';
export const STATUS_SKIPPED: TaskStatus = 'Không thực hiện';

export const DEFAULT_DUE_SOON_WINDOW = 14;
/** The largest due-soon window a tracker takes (days): its drop-down and the pane's settings both stop here. */
export const MAX_DUE_SOON_WINDOW = 366;

/** Vietnamese labels, as shown in the sheet. Numbered labels put the count between a prefix and a suffix. */
export const DUE_STATE_LABELS: Readonly<Record<DueState, { readonly prefix: string; readonly suffix?: string }>> = {
  'overdue': { prefix: 'Quá hạn (', suffix: ' ngày)' },
  'due-soon': { prefix: 'Sắp đến hạn (còn ', suffix: ' ngày)' },
  'on-track': { prefix: 'Trong hạn' },
  'not-open': { prefix: 'Chưa đến kỳ' },
  'recurring': { prefix: 'Thường xuyên' },
  'done-on-time': { prefix: 'Hoàn thành đúng hạn' },
  'done-late': { prefix: 'Hoàn thành quá hạn' },
  'not-applicable': { prefix: 'Không áp dụng' },
};

export function dueStateLabel(state: DueState, days?: number | null): string {
  const { prefix, suffix } = DUE_STATE_LABELS[state];
  return suffix === undefined ? prefix : `${prefix}${days ?? 0}${suffix}`;
}

/** Reads a label back to its state (e.g. from a sheet's cached values). */
export function dueStateFromLabel(label: string): { state: DueState; days: number | null } | null {
  const text = label.normalize('NFC').trim();
  for (const state of DUE_STATES) {
    const { prefix, suffix } = DUE_STATE_LABELS[state];
    if (suffix === undefined) {
      if (text === prefix) return { state, days: null };
    } else if (text.startsWith(prefix) && text.endsWith(suffix)) {
      const digits = text.slice(prefix.length, text.length - suffix.length);
      if (/^-?\d+$/.test(digits)) return { state, days: Number(digits) };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The rule. Variables: status, note, completion, start, due, asOf, window (dates as Excel serials), and `yearly`
// (true for multi-year periods, whose due date is the milestone at the end of the as-of year).

const status = v('status');
const note = v('note');
const completion = v('completion');
const start = v('start');
const due = v('due');
const asOf = v('asOf');
const window = v('window');
const yearly = v('yearly');

/**
 * The milestone of a multi-year period (domain.md §3: "a yearly milestone at each 31/12"): 31/12 of the as-of year,
 * of the first year before the period opens, and the end of the period once its last year is reached or passed.
 */
export const MILESTONE_EXPR: Expr = min(yearEndOf(ifx(lt(asOf, start), start, asOf)), due);
/**
 * The date the state is measured against (read as §4's "due"): the due date, or for a multi-year period its milestone.
 * A ten-year task is thus due soon in the last days of each year (the next milestone follows the day after) and can be
 * overdue only after the period ends; `daysLeft` still counts to the end of the period.
 */
const effectiveDue: Expr = ifx(yearly, MILESTONE_EXPR, due);
/** "Hoàn thành" without a date is judged as if done on the as-of date (validation reports the missing date). */
const doneOn: Expr = ifx(blank(completion), asOf, dayOf(completion));

interface Case {
  readonly state: DueState;
  readonly when: Expr;
  /** The number shown in the label, for numbered labels. */
  readonly days?: Expr;
}

const CASES: readonly Case[] = [
  { state: 'not-applicable', when: and(eq(status, lit(STATUS_SKIPPED)), not(blank(note))) },
  { state: 'done-on-time', when: and(eq(status, lit(STATUS_DONE)), or(blank(due), le(doneOn, effectiveDue))) },
  { state: 'done-late', when: eq(status, lit(STATUS_DONE)) },
  { state: 'recurring', when: blank(due) },
  { state: 'not-open', when: and(not(blank(start)), lt(asOf, start)) },
  { state: 'overdue', when: lt(effectiveDue, asOf), days: minus(asOf, effectiveDue) },
  { state: 'due-soon', when: le(minus(effectiveDue, asOf), window), days: minus(effectiveDue, asOf) },
];
const OTHERWISE: DueState = 'on-track';

function labelExpr(c: Case | DueState): Expr {
  const state = typeof c === 'string' ? c : c.state;
  const { prefix, suffix } = DUE_STATE_LABELS[state];
  const days = typeof c === 'string' ? undefined : c.days;
  return suffix === undefined || days === undefined ? lit(prefix) : concat(lit(prefix), days, lit(suffix));
}

/** The whole rule as one expression whose value is the label. */
export const DUE_STATE_LABEL_EXPR: Expr = CASES.reduceRight<Expr>(
  (otherwise, c) => ifx(c.when, labelExpr(c), otherwise),
  labelExpr(OTHERWISE),
);

// ---------------------------------------------------------------------------------------------------------------

export interface DueInput {
  readonly deadline: Pick<Deadline, 'start' | 'due' | 'yearlyMilestones'>;
  readonly status?: string | null;
  readonly note?: string | null;
  readonly completion?: Day | null;
  readonly asOf: Day;
  readonly window?: number;
  /** False when the task does not apply to the agency at all. */
  readonly applies?: boolean;
}

export interface DueResult {
  readonly state: DueState;
  /** Days overdue (overdue), days left (due-soon); otherwise null. */
  readonly days: number | null;
  /** Signed days from as-of to the due date (for a multi-year period, the end of the period); null without one. */
  readonly daysLeft: number | null;
  /**
   * Multi-year periods only: the milestone the state is judged against (31/12 of the as-of year, within the period)
   * and the signed days from as-of to it; absent for every other deadline.
   */
  readonly milestone?: Milestone;
  readonly label: string;
}

export interface Milestone {
  readonly date: Day;
  readonly daysLeft: number;
}

function envOf(input: DueInput): (name: string) => Value {
  const serial = (d: Day | null | undefined): Value => (d === null || d === undefined ? null : toExcelSerial(d));
  const values: Record<string, Value> = {
    status: input.status ?? null,
    note: input.note ?? null,
    completion: serial(input.completion),
    start: serial(input.deadline.start),
    due: serial(input.deadline.due),
    asOf: serial(input.asOf),
    window: input.window ?? DEFAULT_DUE_SOON_WINDOW,
    yearly: input.deadline.yearlyMilestones === true,
  };
  return (name) => {
    if (!(name in values)) throw new Error(`unknown variable ${name}`);
    return values[name] ?? null;
  };
}

function milestoneOf(input: DueInput, env: (name: string) => Value): Milestone | undefined {
  if (input.deadline.yearlyMilestones !== true || input.deadline.due === null) return undefined;
  const date = fromExcelSerial(Number(evaluate(MILESTONE_EXPR, env)));
  if (date === null) throw new Error('milestone outside the calendar');
  return { date, daysLeft: date - input.asOf };
}

export function computeDueState(input: DueInput): DueResult {
  const env = envOf(input);
  const daysLeft = input.deadline.due === null ? null : Number(evaluate(minus(due, asOf), env));
  const milestone = milestoneOf(input, env);
  const result = (state: DueState, days: number | null): DueResult => ({
    state, days, daysLeft, ...(milestone ? { milestone } : {}), label: dueStateLabel(state, days),
  });
  if (input.applies === false) return result('not-applicable', null);
  for (const c of CASES) {
    if (evaluate(c.when, env) === true) return result(c.state, c.days === undefined ? null : Number(evaluate(c.days, env)));
  }
  return result(OTHERWISE, null);
}

/** Where the rule's inputs live in the sheet for one row. */
export interface DueCells {
  readonly status: string;
  readonly note: string;
  readonly completion: string;
  readonly start: string;
  readonly due: string;
  readonly asOf: string;
  readonly window: string;
}

/** The "Tình trạng hạn" formula of one tracker row. `yearly` is folded in as a constant for the row's task. */
export function dueStateFormula(cells: DueCells, yearlyMilestones: boolean): string {
  const byCell = cellBinding(cells);
  const bind: Binding = (name) => (name === 'yearly' ? { value: yearlyMilestones } : byCell(name));
  return toExcelFormula(DUE_STATE_LABEL_EXPR, bind);
}

/** The formula of a multi-year row's milestone cell (the tracker's "Mốc năm" column): the same date as `milestone`. */
export function milestoneFormula(cells: Pick<DueCells, 'start' | 'due' | 'asOf'>): string {
  return toExcelFormula(MILESTONE_EXPR, cellBinding(cells));
}

/** Each of the rule's inputs read from its cell in `cells`; an input without a cell is a programming error. */
function cellBinding(cells: Partial<DueCells>): Binding {
  return (name) => {
    const ref = (cells as Record<string, string | undefined>)[name];
    if (ref === undefined) throw new Error(`no cell for ${name}`);
    return { ref };
  };
}
