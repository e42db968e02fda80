/** The measure "writes nothing" compares: it sees more than the cells' values and styles. */
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { contents } from './helpers';

describe('contents (what "leaves the workbook as it was" compares)', () => {
  const edits: Record<string, (f: FileWorkbook) => void> = {
    'a validation on an empty cell': (f) => void (f.workbook.getWorksheet('A')!.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"x,y"'] }),
    'a merge of empty cells': (f) => f.workbook.getWorksheet('A')!.mergeCells('C3:D4'),
    'a column width': (f) => void (f.workbook.getWorksheet('A')!.getColumn(2).width = 30),
    'a name': (f) => f.workbook.definedNames.add("'A'!$A$1", 'chon'),
    'a cell value': (f) => void (f.workbook.getWorksheet('A')!.getCell('A1').value = 2),
  };
  for (const [what, edit] of Object.entries(edits)) {
    it(`changes with ${what}`, () => {
      const file = FileWorkbook.create();
      file.workbook.addWorksheet('A').getCell('A1').value = 1;
      const before = contents(file);
      expect(contents(file)).toBe(before);
      edit(file);
      expect(contents(file)).not.toBe(before);
    });
  }
});
