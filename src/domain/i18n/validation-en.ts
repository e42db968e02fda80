/** English messages for validation findings. */
import type { IssueParams } from '../validation/issue';
import type { IssueMessages } from './validation-vi';

const task = (p: IssueParams) => (p['task'] ? `Task ${p['task']}: ` : '');

const num = (v: unknown): string => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? ''));

const DAMAGE_EN: Readonly<Record<string, string>> = {
  directory: 'its zip directory is missing or wrong (the file may have been cut off while downloading or sending)',
  'local-header': 'part {part} is not where the zip directory says',
  missing: 'part {part} is missing',
  method: 'part {part} uses an unsupported compression method',
  inflate: 'the compressed data of part {part} cannot be inflated',
  size: 'part {part} inflates to another size than the file records',
  crc: 'part {part} fails its CRC-32 check (the data was altered)',
  xml: 'the content of part {part} cannot be read',
};
const damageEn = (p: IssueParams): string =>
  (DAMAGE_EN[String(p['damage'] ?? '')] ?? 'its content cannot be read').replace('{part}', String(p['part'] || 'workbook'));

export const validationEn: IssueMessages = {
  'issue.file-unreadable': (p) => `${p['reason'] ?? 'The file cannot be read.'}`,
  'issue.stamp-missing': () =>
    'The workbook has no product identity (hidden sheet _vtlt_meta); the agency was taken from the visible "Đơn vị…" line. Insert the sheets again with the add-in or vtlt.',
  'issue.stamp-invalid': (p) => `The workbook identity is damaged (wrong entries: ${p['detail'] ?? ''}). Insert the tracker or forms again to rewrite it.`,
  'issue.stamp-mismatch': (p) => `The identity names "${p['stamped'] ?? ''}" but the sheet shows "${p['shown'] ?? ''}". Check the agency and insert again.`,
  'issue.pack-unknown': (p) => `Data pack "${p['pack'] ?? ''}" version ${p['version'] ?? '?'} is not known to this version. Update the product or insert again.`,
  'issue.year-unexpected': (p) => `The reporting year is ${p['found'] ?? '?'} but ${p['expected'] ?? '?'} is being checked. Check this is the right year's file.`,
  'issue.sheet-missing': (p) => `Sheet "${p['name'] ?? ''}" is missing. Insert ${p['what'] ?? 'it'} with the add-in or vtlt and fill it in.`,
  'issue.not-product-workbook': () => 'This workbook was not made by the product: no tracker or report form was recognised. Insert them with the add-in or vtlt.',
  'issue.legacy-encoding': (p) => `Text uses the legacy ${p['encoding'] ?? ''} encoding ("${p['sample'] ?? ''}"). Convert it to Unicode and save.`,
  'issue.agency-unknown': (p) =>
    `Agency "${p['name'] ?? ''}"${p['code'] ? ` (code ${p['code']})` : ''} is not on the roster; Sở Nội vụ will not take this file into the totals. Check the agency code and insert the sheets again with the add-in or vtlt (or add the agency to the roster if it is right).`,
  'issue.status-unknown': (p) => `${task(p)}the status is not in the list. Choose one of: ${p['allowed'] ?? ''}.`,
  'issue.done-no-date': (p) => `${task(p)}"Hoàn thành" (done) needs a completion date. Enter it (dd/mm/yyyy).`,
  'issue.done-after-as-of': (p) => `${task(p)}completion date ${p['date'] ?? ''} is after the as-of date ${p['asOf'] ?? ''}. Check the date (day first) or the as-of date.`,
  'issue.skipped-no-reason': (p) => `${task(p)}"Không thực hiện" (not done) needs a reason in "Ghi chú".`,
  'issue.percent-range': (p) => `${task(p)}progress must be between 0 and 100 (%).`,
  'issue.percent-100-not-done': (p) => `${task(p)}progress is 100% but the status is not "Hoàn thành". Set the status and date, or correct the progress.`,
  'issue.date-as-text': (p) => `${task(p)}the date is text, which Excel cannot compute with. Re-enter it as the date ${p['meant'] ?? ''} (date format dd/mm/yyyy).`,
  'issue.date-invalid': (p) => `${task(p)}not a valid date. Enter a real date as day/month/year (dd/mm/yyyy), e.g. 20/01/2026.`,
  'issue.number-as-text': (p) => `${task(p)}the number is text. Re-enter it as the number ${p['meant'] ?? ''} (digits only; no thousands dots or units).`,
  'issue.not-a-number': (p) => `${task(p)}this cell needs a number. Remove the text and enter a number (leave blank if not reported).`,
  'issue.required': (p) => `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: required. Enter a value (0 if none).`,
  'issue.negative': (p) => `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: must not be negative.`,
  'issue.not-whole': (p) => `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: ${p['unit'] ?? 'this unit'} must be a whole number.`,
  'issue.sum-mismatch': (p) => `Total mismatch: ${p['target'] ?? ''} = ${p['found'] ?? ''} but its parts (${p['parts'] ?? ''}) add up to ${p['expected'] ?? ''}. Check the parts.`,
  'issue.greater-than': (p) => `${p['a'] ?? ''} (${p['found'] ?? ''}) must not exceed ${p['b'] ?? ''} (${p['limit'] ?? ''}). Check both values.`,
  'issue.change-large': (p) => `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: ${p['found'] ?? ''} against ${p['previous'] ?? ''} last year (×${p['ratio'] ?? ''}). Please explain or check.`,
  'issue.file-damaged': (p) =>
    `The file ${p['file'] ? `"${p['file']}" ` : ''}is damaged: ${damageEn(p)}. Ask the agency to send it again (open it in Excel, save as .xlsx and send).`,
  'issue.sheet-too-large': (p) =>
    `${p['file'] ? `File "${p['file']}": ` : ''}sheet "${p['sheet'] ?? ''}" holds too many cells (more than ${num(p['limit'])}); the file is not read, to protect the machine. Delete the extra rows and columns (including cells far from the table: press Ctrl+End to find them), save and send again.`,
  'issue.formula-in-input': (p) =>
    `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: an input cell holds a formula (${p['formula'] ?? ''}): its value ${p['found'] ?? ''} is used; type the number instead.`,
  'issue.plan-stored-damaged': (p) =>
    `The plan stored in the workbook is damaged (${p['detail'] ?? ''}), so the workbook is checked against the plan "${p['plan'] ?? ''}". Insert the tracker again to rewrite the plan, or name the plan with --plan.`,
  'issue.formula-no-value': (p) =>
    `Row ${p['row'] ?? ''}, column ${p['col'] ?? ''}: an input cell holds a formula (${p['formula'] ?? ''}) but the file keeps no result (or an empty one), so the figure is unknown. Delete the formula and type the number.`,
};
