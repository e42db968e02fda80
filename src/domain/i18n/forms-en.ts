import type { FormsCatalog } from './forms-vi';

/** English messages of the forms area. */
export const formsEn: FormsCatalog = {
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
