import { describe, expect, it } from 'vitest';
import { isProductSheet } from '../../src/workbook/hidden-sheets';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';
import { LISTS_SHEET } from '../../src/workbook/roster-sheet';
import { HIGHLIGHT_SHEET } from '../../src/app/highlight';
import { LEGACY_SHEET } from '../../src/app/legacy-text';

describe('isProductSheet', () => {
  it('tells every sheet the add-in keeps for itself', () => {
    for (const name of [IDENTITY_SHEET, PLAN_SHEET, LISTS_SHEET, HIGHLIGHT_SHEET, LEGACY_SHEET]) expect(isProductSheet(name), name).toBe(true);
  });

  it('leaves the user\'s sheets, and the product\'s sheets users read, to the tools', () => {
    for (const name of ['Theo dõi Kế hoạch', '01', 'Theo dõi nộp báo cáo', 'vtlt', 'Sheet1']) expect(isProductSheet(name), name).toBe(false);
  });
});
