/**
 * "Tổng hợp <code>" is the form alone — the agency form's columns and print setup, so it prints at the agency form's
 * scale — and "Chi tiết <code>" holds the per-agency breakdown, printed across landscape pages with its heading row
 * and the agencies' code and name repeated.
 */
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultFormPack } from '../../src/packs/forms';
import { formSheetLayout } from '../../src/workbook/forms';
import { BREAKDOWN_HEADER, breakdownSheet, breakdownSheetName, formTotalsSheet, totalsSheetName } from '../../src/workbook/totals-sheet';

const pack = defaultFormPack();

describe('the province totals and their breakdown', () => {
  it('the totals sheet has the agency form\'s columns and print setup, and nothing beside or below the form', () => {
    for (const form of pack.forms) {
      const agencyForm = formSheetLayout({ pack, form, year: 2025, agency: { code: 'X', name: 'X' } }).spec;
      const spec = formTotalsSheet(pack, form, 2025, new Map(), 2);
      expect(spec.name).toBe(totalsSheetName(form.code));
      expect(spec.columns, form.code).toEqual(agencyForm.columns);
      expect(spec.print, form.code).toEqual(agencyForm.print);
      expect(spec.blocks.length, form.code).toBe(agencyForm.blocks.length);
    }
  });

  it('the breakdown sheet keeps every agency\'s figures and prints at 100 % with its heading row and agency columns repeated', async () => {
    for (const form of pack.forms) {
      const key = `${form.rows[0]!.code}:1`;
      const spec = breakdownSheet(pack, form, 2025, [
        { code: '05455', name: 'Phường Quyết Thắng', figures: new Map([[key, 3]]) },
        { code: 'SNV', name: 'Sở Nội vụ', figures: new Map([[key, 2]]) },
      ]);
      expect(spec.name).toBe(breakdownSheetName(form.code));
      expect(spec.name.length, form.code).toBeLessThanOrEqual(31);
      expect(spec.print, form.code).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: false, titleRows: '4:4', titleColumns: 'A:B' });
      const wb = FileWorkbook.create();
      await wb.write([spec]);
      const grid = (await FileWorkbook.load(await wb.toBuffer())).grid(spec.name)!;
      const top = grid.values.findIndex((r) => r[0] === BREAKDOWN_HEADER);
      expect(top, form.code).toBe(3);
      const lines = grid.values.slice(top + 1).filter((r) => r[0] === '05455' || r[0] === 'SNV');
      expect(lines.map((r) => [r[0], r[2]]), form.code).toEqual([['05455', 3], ['SNV', 2]]);
    }
  });
});
