/** English messages of the consolidation say "1 agency", "1 file", "1 task", and the plural otherwise. */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/domain/i18n';

describe('consolidation counts in English', () => {
  it('uses the singular for one and the plural for more', () => {
    expect(t('en', 'pane.consolidate.late', { count: 1 })).toBe('Late: 1 agency');
    expect(t('en', 'pane.consolidate.late', { count: 2 })).toBe('Late: 2 agencies');
    expect(t('en', 'pane.consolidate.missing', { count: 1 })).toBe('Not submitted: 1 agency');
    expect(t('en', 'pane.consolidate.missing', { count: 104 })).toBe('Not submitted: 104 agencies');
    expect(t('en', 'pane.consolidate.totals', { count: 1, overdue: 1, problems: 1 })).toBe('1 file added to the totals; 1 overdue task; 1 problem found.');
    expect(t('en', 'pane.consolidate.totals', { count: 3, overdue: 9, problems: 14 })).toBe('3 files added to the totals; 9 overdue tasks; 14 problems found.');
  });
});
