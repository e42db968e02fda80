import type { FormsCatalog } from './forms-vi';

/** English messages of the forms area. */
export const formsEn: FormsCatalog = {
  'forms.usage': [
    'Usage: vtlt forms --agency CODE --year YEAR --out FILE.xlsx [--forms 0804,0808] [--pack FILE.json] [--in FILE.xlsx] [--force]',
    '',
    '  --agency CODE       reporting agency (from the roster), e.g. SNV or 05455',
    '  --year YEAR         reporting year, e.g. 2025 for the report due in February 2026',
    '  --out FILE.xlsx     file to write',
    '  --forms CODE,CODE   only these forms (default: every form of the pack), e.g. 0804,0808',
    '  --pack FILE.json    a form pack to use instead of the bundled reference pack',
    '  --in FILE.xlsx      write into an existing workbook (e.g. one with the tracker), keeping the figures entered',
    '  --force             agree to change the agency, overwrite another sheet, drop figures the new forms have no place for, or clear cells typed outside the table',
  ].join('\n'),
  'forms.badYear': (p) =>
    `The reporting year "${p.value}" is not valid: give a 4-digit year from 2000 to ${p.max} (e.g. --year 2025 for the report due in February 2026).`,
  'forms.unknownForm': (p) => `There is no form "${p.code}" in the form pack. The forms are: ${p.known}.`,
  'forms.noForms': 'Option --forms needs at least one form code, e.g. --forms 0804,0808.',
  'forms.packNotFound': (p) => `Form pack "${p.file}" not found. Check the path.`,
  'forms.packUnreadable': (p) => `Could not read the form pack "${p.file}" (${p.reason}). Check the path and that the file can be read.`,
  'forms.packInvalid': (p) => `The form pack "${p.file}" is not valid:\n${p.errors}`,
  'forms.written': (p) => `Wrote ${p.count} forms (${p.codes}) for ${p.year} for ${p.agency} (${p.code}) into ${p.out}.`,
  'forms.kept': (p) => `Kept ${p.count} figures entered.`,
  'forms.pack': (p) => `Form pack: ${p.title} (${p.id} ${p.version}).`,
  'forms.notice': (p) => `Note: ${p.notice}.`,
  'forms.unplaced.heading': (p) => `${p.count} figures have no place in the new forms:`,
  'forms.unplaced.item': (p) => `  Form ${p.form}, row ${p.row}, column ${p.col} (cell ${p.cell}): ${p.value} — ${p.reason}`,
  'forms.unplaced.reason.row': 'the new form has no such row',
  'forms.unplaced.reason.column': 'the new form has no such column',
  'forms.unplaced.reason.total': 'the cell is now a total (a formula)',
  'forms.unplaced.reason.na': 'the cell now takes no figure ("x")',
  'forms.notWritten': 'Nothing was written. Add --force to agree.',
  'forms.question.agency': (p) =>
    `This workbook carries the agency "${p.oldName}" (code ${p.oldCode}). Switch it to "${p.name}" (code ${p.code})?`,
  'forms.question.overwrite': (p) => `Sheet "${p.sheet}" holds data but not form ${p.sheet}. Overwrite the whole sheet?`,
  'forms.question.unplaced': (p) => `${p.count} figures entered have no place in the new forms and will not be kept:\n${p.list}\nContinue?`,
  'forms.question.foreign': (p) =>
    `The forms have ${p.count} cells typed outside the table, the place-and-date line and the signers' names (${p.cells}); ` +
    'writing the forms again clears them. Continue?',
};
