import type { CoreCatalog } from './vi';
import { documentsEn } from './documents-en';
import { formsEn } from './forms-en';
import { paneEn } from './pane-en';
import { planPaneEn } from './plan-pane-en';
import { firstRunEn } from './first-run-en';
import { paneToolsEn } from './pane-tools-en';
import { validationEn } from './validation-en';

/** English messages; the command line's own lines (cli-en.ts, plan-import-en.ts, report-en.ts) are added by all.ts. */
export const en: CoreCatalog = {
  ...paneEn,
  ...formsEn,
  ...documentsEn,
  ...planPaneEn,
  ...firstRunEn,
  ...paneToolsEn,
  ...validationEn,
  'app.title': 'Records & Archives 2026',
  'tracker.question.agency': (p) =>
    `This workbook belongs to "${p.fromName}" (code ${p.fromCode}). Switch it to "${p.toName}" (code ${p.toCode})?`,
  'tracker.question.notTracker': (p) => `Sheet "${p.sheet}" holds data but is not a tracker. Overwrite the whole sheet?`,
  'tracker.question.foreign': (p) =>
    `Sheet "${p.sheet}" has ${p.count} cells typed outside the table (${p.cells}); refreshing clears them. Continue?`,
  'consolidate.reason.unreadable': 'The file cannot be read (deleted, renamed or not readable).',
  'consolidate.reason.corrupt': 'The workbook content cannot be read. Open it in Excel, save it as .xlsx and send it again.',
  'consolidate.reason.notProduct': 'Not a report workbook made by the product (no tracker or report form recognised).',
  'consolidate.reason.unknownAgency': (p) =>
    `Agency "${p.name}"${p.code ? ` (code ${p.code})` : ''} is not in "Danh sách đơn vị". Add it to the roster if it is right.`,
  'consolidate.reason.noAgency': 'The reporting agency cannot be identified (no identity, no "Đơn vị…" line).',
  'consolidate.reason.otherYear': (p) => `The file reports for ${p.found}, not ${p.expected}.`,
  'consolidate.reason.unknownPack': (p) => `Unknown data pack version: ${p.pack} ${p.version}. Update the product or ask the agency to insert again.`,
  'consolidate.reason.otherPlan': (p) =>
    `The workbook was made from the plan ${p.found}, not the plan being consolidated ${p.expected}: it is not added in. Consolidate that plan's workbooks apart (vtlt consolidate --plan PLAN.json).`,
  'consolidate.received.unreadable': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): "${p.text}" is not a date. Type the day received as dd/mm/yyyy, e.g. 27/02/2026; meanwhile lateness is judged by when the file was saved.`,
  'consolidate.mark.errors': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): the file ${p.file} has errors, so it is not counted in the totals although "Có" is chosen (only a file with warnings and no errors can be). Ask the agency to fix the errors listed on "Lỗi kiểm tra" and send it again.`,
  'consolidate.mark.newerFile': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): "Có" was chosen for an earlier file; the agency has sent another one (${p.file}), so the choice no longer applies and was taken off. Look at the new file's warnings on "Lỗi kiểm tra" and choose "Có" again if you accept them.`,
  'consolidate.mark.newFindings': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): the file ${p.file} is as it was when "Có" was chosen, but this check finds other warnings in it than before (the product was updated, or the file was checked as of another date), so the choice was taken off. Look at the warnings on "Lỗi kiểm tra" and choose "Có" again if you accept them.`,
  'consolidate.mark.missing': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): the agency has sent no file, so "Có" has no effect yet. When the file comes, look at its warnings and choose "Có" again.`,
  'consolidate.mark.conflict': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): the agency has several different files saved at the same time (${p.file}), so none is counted yet. Remove the one not to use from the folder, consolidate again and choose "Có" again.`,
  'consolidate.mark.unreadable': (p) =>
    `"${p.sheet}"!${p.cell} (agency ${p.code}): "${p.text}" is not a choice of the column "Cho tính vào tổng hợp", so it is not applied. Choose "Có" from the list to count the agency's file with warnings in the totals, or clear the cell.`,
  'file.empty': 'The file is empty (0 bytes). Ask the agency to send the full .xlsx file again.',
  'file.tooLarge': (p) => `The file is too large (${p.size}, limit ${p.limit}). A report workbook is usually a few hundred KB.`,
  'file.xls': 'An Excel 97–2003 file (.xls). Open it in Excel, save it as "Excel Workbook (*.xlsx)" and send it again.',
  'file.encrypted': 'The file is password-protected. Open it in Excel, remove the password, save and send it again.',
  'file.truncated': 'The file is damaged or incomplete (a download or transfer was cut off). Ask the agency to send it again.',
  'file.zipBomb': (p) => `The file would expand to too much data (${p.size}, limit ${p.limit}); it is not opened, to protect the machine.`,
  'file.docx': 'This is a Word file (.docx) renamed, not an Excel workbook. Choose the report .xlsx file.',
  'file.pptx': 'This is a PowerPoint file renamed, not an Excel workbook. Choose the .xlsx file.',
  'file.ods': 'This is an OpenDocument spreadsheet (.ods). Open it in Excel or LibreOffice and save it as .xlsx.',
  'file.xlsb': 'This is a binary Excel workbook (.xlsb). Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  'file.zipOther': 'A zip archive without an Excel workbook. Extract it and choose the .xlsx file inside.',
  'file.pdf': 'This is a PDF, not an Excel workbook. Ask the agency for the .xlsx file.',
  'file.csv': 'This is a text (CSV) file, not a workbook made by the product. Ask for the .xlsx file.',
  'file.html': 'This is a web page (HTML) saved with an Excel name. Open it in Excel and save it as .xlsx.',
  'file.unknown': 'Not an Excel .xlsx file. Choose the workbook file.',
  'file.corrupt': 'The file is damaged: its content cannot be read. Open it in Excel, save it as .xlsx and send it again.',
  'file.sheetTooLarge': (p) => `Sheet "${p.sheet}" is too large (${p.rows} rows × ${p.columns} columns). Delete the extra rows and columns and save.`,
  'state.overdue': 'Overdue',
  'state.due-soon': 'Due soon',
  'state.on-track': 'On track',
  'state.not-open': 'Not open yet',
  'state.recurring': 'Ongoing',
  'state.done-on-time': 'Done on time',
  'state.done-late': 'Done late',
  'state.not-applicable': 'Not applicable',
};
