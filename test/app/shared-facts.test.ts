import { describe, expect, it } from 'vitest';
import { SharedFacts } from '../../src/app/consolidate-read';
import type { AcceptedFile } from '../../src/app/consolidate';
import { planRows } from '../../src/app/plan-status';
import { mustDay } from '../../src/domain/calendar';
import { defaultPlanPack, defaultRoster } from '../../src/packs';

const pack = defaultPlanPack();
const roster = defaultRoster();

/** A file's facts as a worker thread gives them back: copies of everything (structured clone). */
function fileFacts(asOf = mustDay(2026, 11, 23)): AcceptedFile {
  const tasks = planRows(pack, { asOf, window: 14, inclusiveBefore: false });
  return structuredClone({
    file: 'a.xlsx', agency: roster.entries[0]!, generatedAt: null, generatedDay: null, reportingYear: 2026,
    report: { agency: null, identity: null, issues: [], errors: 0, warnings: 0, holdingWarnings: 0, asOf },
    tasks, statuses: new Map([['1', 'Hoàn thành']]), figures: new Map([['0801', new Map([['01:1', 3]])]]),
    inTotals: true, fingerprint: '0', savedAt: null, lastModified: null, notes: new Map(),
  }) as AcceptedFile;
}

describe('SharedFacts', () => {
  it('holds each task, deadline and recurring text once for files that say the same, whatever copies they come as', () => {
    const shared = new SharedFacts(pack, roster);
    const a = shared.file(fileFacts());
    const b = shared.file(fileFacts());
    a.tasks.forEach((row, i) => {
      expect(b.tasks[i]!.task).toBe(row.task);
      expect(b.tasks[i]!.deadline).toBe(row.deadline);
      expect(b.tasks[i]!.deadline).toEqual(fileFacts().tasks[i]!.deadline);
      expect(b.tasks[i]).toBe(row);
      expect(b.tasks[i]).toEqual(fileFacts().tasks[i]);
    });
    expect([...b.statuses.keys()][0]).toBe([...a.statuses.keys()][0]);
  });

  it('keeps a deadline of its own when it differs from the one held for its task', () => {
    const shared = new SharedFacts(pack, roster);
    const a = shared.file(fileFacts());
    const other = fileFacts();
    const i = other.tasks.findIndex((r) => r.deadline?.due != null);
    const changed = { ...other, tasks: other.tasks.map((r, k) => (k === i ? { ...r, deadline: { ...r.deadline!, due: r.deadline!.due! + 1 } } : r)) } as unknown as AcceptedFile;
    const b = shared.file(changed);
    expect(b.tasks[i]!.deadline).not.toBe(a.tasks[i]!.deadline);
    expect(b.tasks[i]!.deadline?.due).toBe(a.tasks[i]!.deadline!.due! + 1);
    expect(b.tasks.filter((r, k) => r !== a.tasks[k]).length).toBe(1);
  });

  it('shares a row only between files whose row says the same (due state, days, label)', () => {
    const shared = new SharedFacts(pack, roster);
    const a = shared.file(fileFacts(mustDay(2026, 11, 23)));
    const later = fileFacts(mustDay(2026, 12, 20));
    const b = shared.file(later);
    b.tasks.forEach((row, k) => {
      expect(row).toEqual(later.tasks[k]);
      if (JSON.stringify(row.due) !== JSON.stringify(a.tasks[k]!.due)) expect(row).not.toBe(a.tasks[k]);
    });
  });
});
