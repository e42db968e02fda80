import type { PlanImportCatalog } from './plan-import-vi';

/** English messages of the plan import. */
export const planImportEn: PlanImportCatalog = {
  'planImport.where.table': (p) => `table ${p.table}, row ${p.row}`,
  'planImport.where.row': (p) => `row ${p.row}`,
  'planImport.where.paragraph': (p) => `paragraph ${p.paragraph} (section "Tổ chức thực hiện")`,
  'planImport.finding.no-header':
    'No header row of the task table found (columns "TT", "Nội dung công việc", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Thời gian hoàn thành"). Check the column names and import again.',
  'planImport.finding.no-plan-sheet': (p) =>
    `No sheet "Kế hoạch" (nor any sheet with the task table's header row). Sheets: ${p.sheets}. Create one with "vtlt plan sheet" and fill in the table.`,
  'planImport.finding.no-tasks': 'The task table has no tasks under its header row.',
  'planImport.finding.no-year': "The plan's year could not be found (neither in its title nor in its deadlines). Use --year, e.g. --year 2027.",
  'planImport.finding.year-differs': (p) => `The given year (${p.given}) differs from the year in the document (${p.found}); the given year is used.`,
  'planImport.finding.duplicate-id': (p) => `${p.where}: number "${p.id}" repeats an earlier row. Fix the TT column and import again.`,
  'planImport.finding.missing-content': (p) => `${p.where} (task ${p.id}): "Nội dung công việc" is empty. Fill it in and import again.`,
  'planImport.finding.missing-tt': (p) => `${p.where}: no number (TT); given the id "${p.id}" for now.`,
  'planImport.finding.missing-lead': (p) => `${p.where} (task ${p.id}): "Cơ quan chủ trì thực hiện" is empty. Fill in the lead body and import again.`,
  'planImport.finding.deadline-unreadable': (p) =>
    `${p.where} (task ${p.id}): unreadable deadline: "${p.text}". The task is kept with no due date (neither overdue nor on track). Write it as "Quý II/2027", "Trước ngày 15/3/2027", "6 tháng đầu năm 2027"… to have it computed.`,
  'planImport.finding.deadline-before-year': (p) => `${p.where} (task ${p.id}): the deadline "${p.text}" falls before the plan's year. Check the year.`,
  'planImport.finding.body-unmatched': (p) =>
    `${p.where} (task ${p.id}), column "${p.column}": "${p.text}" matches no agency of the roster. Correct the name or add the agency to the roster.`,
  'planImport.finding.body-not-in-roster': (p) =>
    `${p.where} (task ${p.id}): "${p.text}" is taken as code ${p.body} but is not in the roster; add it so that it sees the task.`,
  'planImport.finding.applies-to-no-one': (p) => `${p.where} (task ${p.id}): the task applies to no agency of the roster.`,
  'planImport.finding.led-by-no-one': (p) =>
    `${p.where} (task ${p.id}): no agency of the roster leads this task yet (e.g. no agency is marked as having construction projects).`,
  'planImport.finding.invalid-pack': (p) => `The imported plan is not valid: ${p.detail}`,
  'planImport.column.lead': 'Cơ quan chủ trì thực hiện (lead)',
  'planImport.column.coordinating': 'Cơ quan phối hợp (coordinating)',
  'planImport.severity.notice': 'Note',
  'planImport.docx.not-zip': 'Not a Word .docx file (its structure cannot be read). Open it in Word and save it as .docx.',
  'planImport.docx.legacy-doc': 'An old Word file (.doc). Open it in Word, Save As "Word Document (.docx)" and import again.',
  'planImport.docx.not-docx': 'Not a Word .docx document. Choose the plan (.docx) or a workbook with a "Kế hoạch" sheet (.xlsx).',
  'planImport.docx.damaged': 'The .docx file is damaged: its text cannot be read. Open it in Word, save it again and import again.',
  'planImport.docx.too-large': 'The document is too large to read. Keep only the plan and its appendix and import again.',
  'cli.planImport.needFile':
    'Give exactly one file: the plan document (.docx) or a workbook with a "Kế hoạch" sheet (.xlsx). Example: vtlt plan import PLAN-2027.docx --out plan-2027.json',
  'cli.planImport.badExtension': (p) => `File "${p.file}": only Word .docx documents and Excel .xlsx workbooks can be imported (.doc, .pdf: open in Word and save as .docx).`,
  'cli.planImport.badId': (p) => `Plan id "${p.value}" is not valid: lower-case letters without accents, digits and hyphens only, e.g. tn-vtlt-2027.`,
  'cli.planImport.outNotJson': (p) => `The output file "${p.file}" must end in .json.`,
  'cli.planImport.source': (p) => `File "${p.file}"${p.sheet === '' ? '' : `, sheet "${p.sheet}"`}:`,
  'cli.planImport.refused': (p) =>
    `Plan not imported: ${p.count} error(s) above${p.strict ? ' (with --strict, unreadable deadlines and unmatched bodies are errors too)' : ''}. Fix them and run again.`,
  'cli.planImport.written': (p) =>
    `Wrote "${p.out}": ${p.title} (year ${p.year}, id ${p.id}): ${p.tasks} tasks, ${p.headings} group headings, ${p.sections} sections.`,
  'cli.planImport.counts': (p) => `Unreadable deadlines: ${p.unreadable}; bodies not in the roster: ${p.unmatched}; tasks for no agency: ${p.noOne}.`,
  'cli.planFile.unreadable': (p) => `Cannot read the plan file "${p.file}": ${p.reason}`,
  'cli.planFile.notJson': (p) => `The plan file "${p.file}" is not valid JSON. Make it again with "vtlt plan import" or fix its syntax.`,
  'cli.planFile.invalid': (p) => `The plan file "${p.file}" is not valid:\n${p.errors}`,
  'cli.planSheet.written': (p) =>
    `Wrote the sheet "${p.sheet}" into "${p.out}" from ${p.title} (${p.tasks} tasks). Edit or paste the table, then import it with "vtlt plan import ${p.out} --out PLAN.json".`,
  'cli.planSheet.writtenEmpty': (p) =>
    `Wrote an empty sheet "${p.sheet}" into "${p.out}". Paste the plan's appendix table, then import it with "vtlt plan import ${p.out} --out PLAN.json".`,
};
