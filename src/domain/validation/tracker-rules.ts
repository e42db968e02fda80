/**
 * Rules of the tracker (domain.md §4): the status list; "Hoàn thành" needs a completion date not after the as-of date;
 * "Không thực hiện" needs a reason; "Tiến độ (%)" in 0–100, and 100 only when done; dates must be real dates.
 */
import { type Day, formatVn } from '../calendar';
import { STATUS_DONE, STATUS_SKIPPED, TASK_STATUSES } from '../due-state';
import { isBlankText } from '../formula';
import { legacyEncodingName, toUnicode } from '../legacy-encoding';
import { issue, type Issue, type IssueValue } from './issue';
import { readDate, readNumber } from './values';

export interface TrackerRowInput {
  readonly taskId: string;
  readonly status: { readonly cell: string; readonly value: IssueValue };
  readonly completion: { readonly cell: string; readonly value: IssueValue };
  readonly percent: { readonly cell: string; readonly value: IssueValue };
  readonly note: { readonly cell: string; readonly value: IssueValue };
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/** The statuses as compared (normalised once), and texts lately read as a status: a batch repeats a few texts. */
const STATUS_KEYS: readonly string[] = TASK_STATUSES.map(norm);
const statusesRead = new Map<string, (typeof TASK_STATUSES)[number] | undefined>();

/** The status as one of the list, matched without regard to case and spacing; null when blank; undefined if unknown. */
export function readStatus(v: IssueValue): (typeof TASK_STATUSES)[number] | null | undefined {
  if (v === null || String(v).trim() === '') return null;
  const text = String(v);
  if (statusesRead.has(text)) return statusesRead.get(text);
  const wanted = norm(text).replace(/\s+/g, ' ');
  const found = TASK_STATUSES[STATUS_KEYS.indexOf(wanted)];
  if (statusesRead.size >= 1_024) statusesRead.clear();
  statusesRead.set(text, found);
  return found;
}

export function checkTrackerRow(sheet: string, row: TrackerRowInput, asOf: Day): Issue[] {
  const out: Issue[] = [];
  const status = readStatus(row.status.value);
  if (status === undefined) {
    const legacy = toUnicode(String(row.status.value));
    out.push(
      legacy.from && readStatus(legacy.text)
        ? issue('error', 'legacy-encoding', sheet, row.status.cell, row.status.value, { encoding: legacyEncodingName(legacy.from), sample: legacy.text })
        : issue('error', 'status-unknown', sheet, row.status.cell, row.status.value, { task: row.taskId, allowed: TASK_STATUSES.join(', ') }),
    );
  }

  const date = readDate(row.completion.value);
  if (date.kind === 'text-date') {
    out.push(issue('error', 'date-as-text', sheet, row.completion.cell, row.completion.value, { task: row.taskId, meant: formatVn(date.meant) }));
  } else if (date.kind === 'invalid') {
    out.push(issue('error', 'date-invalid', sheet, row.completion.cell, row.completion.value, { task: row.taskId }));
  }
  if (status === STATUS_DONE) {
    if (date.kind === 'empty') {
      out.push(issue('error', 'done-no-date', sheet, row.completion.cell, null, { task: row.taskId }));
    } else if (date.kind === 'date' && date.day > asOf) {
      // The value as the cell shows it (dd/mm/yyyy), never the date's serial number.
      out.push(issue('error', 'done-after-as-of', sheet, row.completion.cell, formatVn(date.day), { task: row.taskId, date: formatVn(date.day), asOf: formatVn(asOf) }));
    }
  }
  if (status === STATUS_SKIPPED) {
    const note = row.note.value;
    if (note === null || isBlankText(String(note))) {
      out.push(issue('error', 'skipped-no-reason', sheet, row.note.cell, null, { task: row.taskId }));
    }
  }

  const pct = readNumber(row.percent.value);
  if (pct.kind === 'text-number') {
    out.push(issue('error', 'number-as-text', sheet, row.percent.cell, row.percent.value, { task: row.taskId, meant: pct.meant }));
  } else if (pct.kind === 'not-number') {
    out.push(issue('error', 'not-a-number', sheet, row.percent.cell, row.percent.value, { task: row.taskId }));
  } else if (pct.kind === 'number') {
    if (pct.value < 0 || pct.value > 100) {
      out.push(issue('error', 'percent-range', sheet, row.percent.cell, pct.value, { task: row.taskId }));
    } else if (pct.value === 100 && status !== STATUS_DONE) {
      out.push(issue('error', 'percent-100-not-done', sheet, row.percent.cell, pct.value, { task: row.taskId }));
    }
  }
  return out;
}
