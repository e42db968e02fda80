/**
 * "Tổng hợp <code>": the per-agency breakdown sits below every row the form's layout uses — values, styles and merges
 * (the signers' name lines are merged, empty cells) — so no agency's figures are merged away.
 */
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultFormPack } from '../../src/packs/forms';
import { parseRange } from '../../src/workbook/a1';
import { formTotalsSheet } from '../../src/workbook/totals-sheet';

const pack = defaultFormPack();

describe('the breakdown under the province totals', () => {
  it('clears every merge and style of the form, and every agency keeps its figures in the file', async () => {
    for (const form of pack.forms) {
      const first = form.rows[0]!.code;
      const key = `${first}:1`;
      const spec = formTotalsSheet(pack, form, 2025, new Map([[key, 5]]), [
        { code: '05455', name: 'Phường Quyết Thắng', figures: new Map([[key, 3]]) },
        { code: 'SNV', name: 'Sở Nội vụ', figures: new Map([[key, 2]]) },
      ]);
      const breakdown = spec.blocks.at(-1)!;
      const top = parseRange(breakdown.at).top;
      const formMerges = spec.merges.map(parseRange).filter((m) => m.bottom >= top);
      expect(formMerges, form.code).toEqual([]);

      const wb = FileWorkbook.create();
      await wb.write([spec]);
      const grid = (await FileWorkbook.load(await wb.toBuffer())).grid(spec.name)!;
      const lines = grid.values.slice(top).filter((r) => r[0] === '05455' || r[0] === 'SNV');
      expect(lines.map((r) => [r[0], r[2]]), form.code).toEqual([['05455', 3], ['SNV', 2]]);
    }
  });
});
