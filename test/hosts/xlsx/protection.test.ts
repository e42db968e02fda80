/**
 * A workbook re-saved by another program keeps the product's protection when the product writes it again: ExcelJS
 * does not understand LibreOffice's "true"/"false" (<sheetProtection sheet="true"/>, <protection locked="false"/>),
 * so the file host reads protection from the package itself.
 */
import { describe, expect, it } from 'vitest';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { findAgency } from '../../../src/domain/roster';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { readSheetProtection, unlockedFormats } from '../../../src/hosts/xlsx/protection';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { rewritePackage } from '../../helpers/package-check';

const plan = defaultPlanPack();
const formPack = defaultFormPack();
const snv = findAgency(defaultRoster(), 'SNV')!;
const NOW = new Date(Date.UTC(2026, 1, 20, 3));

/** What LibreOffice writes: booleans spelled "true"/"false". */
function libreOfficeSpelling(name: string, xml: string): string {
  if (name === 'xl/styles.xml') return xml.replace(/(<protection\b[^>]*\blocked=")0(")/g, '$1false$2').replace(/(<protection\b[^>]*\blocked=")1(")/g, '$1true$2');
  if (name.startsWith('xl/worksheets/')) return xml.replace(/<sheetProtection\b[^>]*>/, (tag) => tag.replace(/="1"/g, '="true"').replace(/="0"/g, '="false"'));
  return xml;
}

async function formsWorkbook(): Promise<{ bytes: Uint8Array; inputs: Map<string, string> }> {
  const wb = FileWorkbook.create();
  const r = await insertForms(wb, { pack: formPack, agency: snv, year: 2025, plan, now: NOW, confirm: async () => true });
  if (!r.ok) throw new Error('not inserted');
  // One input cell of each form, to check it stays unlocked.
  const inputs = new Map(r.forms.map((f) => [f.code, f.layout.spec.protection!.unlocked[0]!.split(':')[0]!]));
  return { bytes: await wb.toBuffer(), inputs };
}

async function trackerInto(bytes: Uint8Array): Promise<FileWorkbook> {
  const wb = await FileWorkbook.load(bytes);
  const r = await insertTracker(wb, { pack: plan, agency: snv, now: NOW, confirm: async () => true });
  expect(r.ok).toBe(true);
  return FileWorkbook.load(await wb.toBuffer());
}

const isProtected = (wb: FileWorkbook, name: string) =>
  (wb.workbook.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;

describe('protection after another program re-saved the workbook', () => {
  it('the tracker written into a LibreOffice-saved workbook leaves every form protected, its inputs unlocked', async () => {
    const { bytes, inputs } = await formsWorkbook();
    const resaved = rewritePackage(bytes, libreOfficeSpelling);
    const out = await trackerInto(resaved);
    for (const [code, input] of inputs) {
      expect(isProtected(out, code), code).toBe(true);
      expect(out.workbook.getWorksheet(code)!.getCell(input).protection?.locked, `${code}!${input}`).toBe(false);
      expect(out.workbook.getWorksheet(code)!.getCell('A1').protection?.locked, `${code}!A1`).not.toBe(false);
    }
  });

  it('a form whose protection the user switched off is protected again', async () => {
    const { bytes } = await formsWorkbook();
    const opened = rewritePackage(bytes, (name, xml) => (name.startsWith('xl/worksheets/') ? xml.replace(/<sheetProtection\b[^>]*\/>/, '') : xml));
    const out = await trackerInto(opened);
    for (const form of formPack.forms) expect(isProtected(out, form.code), form.code).toBe(true);
  });

  it('reads the unlocked formats and the protection in either spelling', () => {
    const styles = '<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0"><protection locked="false"/></xf><xf><protection locked="0" hidden="0"/></xf></cellXfs></styleSheet>';
    const unlocked = unlockedFormats(styles);
    expect([...unlocked]).toEqual([1, 2]);
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="0"><v>1</v></c><c r="C1" s="2" t="s"><v>0</v></c></row></sheetData><sheetProtection sheet="true" formatColumns="false"/></worksheet>';
    expect(readSheetProtection(sheet, unlocked)).toEqual({ protection: { sheet: 'true', formatColumns: 'false' }, unlocked: ['A1', 'C1'] });
    expect(readSheetProtection('<worksheet><sheetProtection sheet="0"/></worksheet>', unlocked).protection).toBeNull();
  });
});
