/**
 * A mark "Có" is needed exactly when the file would not count by itself with the switch off (countsByItself): a
 * file whose only warnings are counted ones needs none; the switch's admission is told from the mark's the same way.
 */
import { describe, expect, it } from 'vitest';
import { admitted, countsByItself, markEffect } from '../../src/app/admission';
import type { AcceptedFile } from '../../src/app/consolidate';

/** Only what the admission rules look at: the key and the check's counts. */
function file(report: { errors: number; warnings: number; holdingWarnings: number }, inTotals: boolean): AcceptedFile {
  return { fingerprint: 'k', inTotals, report: { ...report, issues: [] } } as unknown as AcceptedFile;
}

describe('admission rules', () => {
  const mark = { cell: 'O7', fileKey: 'k' };

  it('a mark is not needed for a file that counts by itself, needed for one held out by warnings', () => {
    const countedWarnings = { errors: 0, warnings: 2, holdingWarnings: 0 };
    const holding = { errors: 0, warnings: 2, holdingWarnings: 1 };
    expect(countsByItself(countedWarnings, false)).toBe(true);
    expect(markEffect(mark, file(countedWarnings, true), [])).toBe('not-needed');
    expect(countsByItself(holding, false)).toBe(false);
    expect(markEffect(mark, file(holding, false), [])).toBe('admitted');
    expect(markEffect(mark, file({ errors: 1, warnings: 2, holdingWarnings: 1 }, false), [])).toBe('errors');
  });

  it('the switch admits only a file held out by warnings; a file counting by itself is admitted by nobody', () => {
    expect(admitted(file({ errors: 0, warnings: 1, holdingWarnings: 1 }, true), null).admittedBy).toBe('switch');
    expect(admitted(file({ errors: 0, warnings: 1, holdingWarnings: 0 }, true), null).admittedBy).toBeUndefined();
    expect(admitted(file({ errors: 0, warnings: 1, holdingWarnings: 1 }, false), 'admitted').admittedBy).toBe('mark');
  });
});
