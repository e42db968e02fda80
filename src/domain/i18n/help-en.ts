/** English help of the task pane: the same topics and messages as help-vi.ts (checked by the compiler). */
import type { HelpCatalog } from './help-vi';

export const helpEn: HelpCatalog = {
  title: 'How to use the add-in',
  intro:
    'The "Records and archives" pane tracks the 2026 records and archives work plan and prepares the statistical reports inside Excel. The work is split into tabs at the top: Task tracker, Report forms, Check, Consolidation (Sở Nội vụ) and Documents; the settings open with the gear button. In a new workbook the pane asks whether you are an agency records clerk (the tracker and the report forms inserted in one step) or Sở Nội vụ (the Consolidation tab). Below, each section says what it does, the usual steps and what its messages mean.',
  contents: 'Sections',
  steps: 'Usual steps',
  messages: 'Messages and what to do',
  topics: {
    insert: {
      what: "Inserts into the workbook the tracker of the plan's tasks that apply to the agency, with each task's deadline, status lists and colours by due state.",
      steps: [
        'Type the agency code or name in "Agency" (with or without Vietnamese accents) and pick the agency in the list.',
        'Click "Insert the tracker". If the workbook already has one, the add-in asks before updating it; what was entered is kept.',
        "Enter each task's status, completion date and note in the unlocked columns.",
      ],
      messages: {
        'pane.agency.required': 'No agency is chosen. Type a code or name, then pick a line in the suggestions.',
        'pane.insert.cancelled': 'You answered "No" in the confirmation. Nothing was changed.',
        'pane.insert.orphans':
          'Some tasks with entries no longer apply to the chosen agency (for example after changing the agency). They are kept at the end of the table so no data is lost; review them and delete them if not needed.',
        'pane.insert.skipped':
          'This Excel lacks some features, so the tracker was inserted without them; it still works. Update Excel and insert again to get them.',
        'pane.env.oldExcel.title':
          'This Excel lacks ExcelApi 1.8 and cannot insert the tracker. Use Microsoft 365, Excel 2021 or later, or Excel on the web; on computers that cannot be upgraded, use the vtlt command-line tool.',
      },
    },
    summary: {
      what: 'Counts the tasks by due state (overdue, due soon, done on time, not yet due…) and lists the tasks that need attention, as of the reference date.',
      steps: [
        'Open the pane: the progress is read from the tracker.',
        'After entering or editing the tracker, click "Refresh" to count again.',
        'Pick a task in the list to go to its row in the tracker.',
        'The "Làm mới hạn" (refresh deadlines) button on the Home tab marks the deadlines again without opening the pane.',
      ],
      messages: {
        'pane.summary.none': 'The workbook has no tracker yet. Insert one in "Insert the tracker".',
        'pane.summary.unknown': 'The add-in could not read the workbook yet (Excel was busy or a cell was being edited). Click "Refresh".',
        'pane.due.overdue': 'The deadline has passed and no completion date is entered. Complete the task and enter the date in the tracker.',
        'pane.due.due-soon': 'The deadline is within the warning window (see Settings). Give this task priority.',
        'pane.summary.milestone':
          'A multi-year task (e.g. "Giai đoạn 2026 - 2035") has a milestone each 31/12: its due state is judged against the milestone of the as-of year, while "Due" is the last day of the period. The tracker shows the milestone in its "Mốc năm" column.',
        'pane.summary.selectFailed': 'The tracker sheet was just renamed, deleted or is protected. Click "Refresh" and pick again.',
      },
    },
    forms: {
      what: 'Inserts the annual statistical report forms (0801–0813) into the workbook, with the agency and the reporting year filled in, sum formulas and input checks.',
      steps: [
        'Pick the agency and enter the reporting year (the year of the figures).',
        "Choose the forms to insert (by default, all of the form pack's).",
        'Click "Insert the forms", then enter the figures in the white cells. Insert again at any time: the figures entered are kept.',
        'If the Department of Home Affairs sends an adjusted form pack (a .json file), click "Choose a form pack (JSON)" before inserting.',
      ],
      messages: {
        'pane.forms.noneSelected': 'No form is chosen. Tick at least one form.',
        'pane.forms.yearInvalid': 'The reporting year is a 4-digit number, for example 2025.',
        'pane.forms.packInvalid':
          'The chosen file is not a valid form pack; the lines under the message show where. Ask the Department for the right file, or click "Use the bundled pack".',
        'pane.forms.kept': 'The forms were already in the workbook: the figures entered were carried into the new forms.',
        'pane.forms.unplaced':
          'The new forms have no cell left for some old figures (the form pack changed). They are listed so you can enter them again if needed.',
      },
    },
    check: {
      what: 'Checks the tracker and the forms in the workbook: empty required cells, wrong dates, invalid numbers, totals that do not add up… Each problem names the sheet, the cell and how to fix it.',
      steps: [
        'Click "Check".',
        'Pick a problem in the list to go to its cell, fix it, then click "Check" again.',
        'Click "Highlight problems" to colour the cells with problems; "Remove highlight" gives back exactly the old fill.',
        'If cells are typed in a legacy encoding (TCVN3/ABC, VNI), click "Convert to Unicode": the add-in asks first, converts them all at once and keeps the old text; "Undo the Unicode conversion" gives the old text back to the cells not changed since.',
      ],
      messages: {
        'pane.check.error': "Error: a wrong figure that must be fixed before sending the report. Files with errors are not added to the Department's totals.",
        'pane.check.warning':
          'Warning: a doubtful figure worth a second look; if it is right, leave it. When consolidating, the Department chooses whether files with warnings only count.',
        'pane.check.noTracker': 'The workbook has no task tracker; only the forms were checked.',
        'pane.check.missingForms': 'The workbook lacks the forms named. Insert them in "Insert the report forms".',
        'pane.highlight.needCheck': 'Click "Check" first, to know which cells to highlight.',
        'pane.highlight.skipped': 'Some cells had a fill that could not be read (merged cells, or a sheet was deleted) and were not highlighted.',
      },
    },
    consolidate: {
      title: 'Consolidation (Department of Home Affairs)',
      what: 'Reads the workbooks the agencies sent and writes into the open workbook: who submitted, the consolidated figures, overdue tasks, check problems and a reminder letter. Files are only read on this computer.',
      steps: [
        'Open a workbook for the consolidation. The agency list comes from its "Danh sách đơn vị" sheet (if missing, the add-in writes the default list there for editing).',
        'Click "Choose .xlsx files" and pick the files the agencies sent (several at once).',
        'Check the reference date, then click "Consolidate". "Cancel" stops it and leaves the workbook unchanged.',
        'Read the result; copy the reminder letter for the agencies that have not submitted or were late.',
      ],
      messages: {
        'pane.consolidate.needFiles': 'No file is chosen. Click "Choose .xlsx files".',
        'pane.consolidate.rejected':
          'These files were set aside and not counted: unreadable, not made by the add-in, an agency not in the list, another reporting year… The reason is next to each file; ask the agency to fix it and send it again.',
        'pane.consolidate.replaced': 'An agency sent several files: only the one saved last is used.',
        'pane.consolidate.conflicts':
          'An agency sent different files saved at the same time, so the add-in cannot tell which is right and leaves the agency out for now. Remove the file not to use from the chosen files and consolidate again.',
        'pane.consolidate.datedBySave':
          '"Theo dõi nộp báo cáo" has no day received for these agencies, so lateness is judged by when each file was saved. Type the day received and consolidate again.',
        'pane.consolidate.missing': 'Agencies in the list with no file. Use the reminder letter.',
        'pane.consolidate.late': 'Agencies that submitted after the report deadline.',
        'pane.consolidate.copyFailed': "Excel's web view blocked copying. The text is already selected: press Ctrl+C.",
      },
    },
    documents: {
      what: "Drafts Word documents (.docx) in the format of Decree 30/2020/NĐ-CP from the figures of the open workbook: the agency's report (task 16b) from an agency's workbook; the department's province report (III.2.i) and the reminder letter to the agencies that have not reported from a consolidation workbook. Number, date, signer and next year's priorities are left blank (…) for you.",
      steps: [
        'Choose "Read the workbook to draft": the add-in says which documents the open workbook gives.',
        "Choose a document: the .docx is downloaded (the Downloads folder). Open it in Word, fill in the blanks and have it signed.",
        'Excel on Mac and iPad does not let add-ins download files: the text is shown in the pane instead; choose "Copy" and paste it into a new Word document. Tables are pasted as lines separated by tabs: select them, then Insert › Table › Convert Text to Table.',
      ],
      messages: {
        'pane.documents.loadFailed': 'The drafting part is loaded when needed; it usually fails for want of a network. Check the network and try again.',
        'documents.blockedHost': 'On Mac and iPad, Excel runs add-ins in a browser frame that drops downloads; the add-in does not try, it shows the text to copy.',
        'documents.blocked': 'Excel refused the download (usually a policy of the computer or the organisation). The text of the document is shown below to copy.',
        'documents.nobodyToRemind': 'The "Theo dõi nộp báo cáo" sheet lists no agency missing or late, so there is no reminder letter to draft.',
      },
    },
    settings: {
      what: 'Opens with the gear button at the top of the pane ("Back" returns to the tab in use). Sets the reference date for deadlines, the warning window in days, and how "before day X" is read. Settings are kept in the workbook.',
      steps: [
        'Choose "Today" for a tracker that updates every day, or enter a fixed date (dd/mm/yyyy) when closing a report.',
        'Enter the warning window in days (0–366).',
        'Click "Apply": the tracker is updated and what was entered is kept.',
      ],
      messages: {
        'pane.settings.asOfInvalid': 'The date must exist and be written day first, then month, for example 31/03/2026.',
        'pane.settings.windowInvalid': 'The warning window is a whole number from 0 to 366.',
        'pane.settings.needTracker': 'The settings live in the tracker: insert the tracker first.',
        'pane.settings.unknownAgency': 'The agency code in the workbook is not in the list. Pick the agency in the first section and insert the tracker again.',
      },
    },
    general: {
      title: 'Messages in any section',
      what: 'Messages that may appear in any section.',
      steps: [],
      messages: {
        'pane.error.cellEdit': 'The cursor is in a cell. Press Enter or Esc, then try again.',
        'pane.error.protected': 'The sheet is protected. Review › Unprotect Sheet, then try again.',
        'pane.error.busy': 'Excel is busy or someone just edited the workbook. Wait a few seconds and try again.',
        'pane.error.notFound': 'A sheet the add-in uses was just renamed or deleted. Click "Refresh"; insert again if needed.',
        'pane.error.loadFailed': 'Part of the add-in could not be loaded over the network. Check the connection, close and reopen the pane.',
        'pane.env.outside.title': 'The page is open outside Excel. Open the workbook in Excel and open the pane from the Home tab.',
        'pane.env.noOffice.title': "Microsoft's office.js library could not be loaded. Check the network and the firewall.",
      },
    },
  },
};
