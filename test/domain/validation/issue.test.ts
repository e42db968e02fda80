import { describe, expect, it } from 'vitest';
import { countBySeverity, countedWarning, issue } from '../../../src/domain/validation/issue';

describe('counting findings', () => {
  it('tells the warnings that keep a file out of the totals from those whose value is counted', () => {
    const counts = countBySeverity([
      issue('error', 'negative', '0804', 'D12', -1),
      issue('warning', 'change-large', '0804', 'D13', 9),
      countedWarning('formula-in-input', '0804', 'D14', 8, { formula: '=5+3' }),
    ]);
    expect(counts).toEqual({ errors: 1, warnings: 2, holdingWarnings: 1 });
    expect(countBySeverity([countedWarning('formula-in-input', '0804', 'D14', 8)])).toEqual({ errors: 0, warnings: 1, holdingWarnings: 0 });
  });
});
