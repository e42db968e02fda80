import type { CliCatalog } from './cli-vi';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** English messages of the `vtlt` command line's own lines. */
export const cliEn: CliCatalog = {
  'cli.usageLine': (p) => `Usage: ${p.usage}`,
  'cli.usageCommand': 'vtlt <command> [options]',
  'cli.commandsHeading': 'Commands:',
  'cli.commonOptions':
    'Common options: -h, --help (help; "vtlt <command> --help" for each command), --version, -- (every argument after it is a file name).',
  'cli.endOfOptions': 'end of options: every argument after it is a file name (even one starting with "-")',
  'cli.badYear': (p) => `The year "${p.value}" is not valid: give 4 digits, e.g. 2025.`,
  'cli.file.notFound': 'No such file or folder. Check the path.',
  'cli.file.danglingLink': 'The path is a link (shortcut) to a file that no longer exists. Choose the right file.',
  'cli.file.isFolder': 'This is a folder, not a file. Choose the .xlsx file inside it.',
  'cli.file.notRegular': 'Not a regular file (e.g. a pipe or a device); it is not read, so the command cannot hang. Choose the .xlsx file.',
  'cli.file.noPermission': 'No permission to read the file. Check access rights or copy the file to another folder.',
  'cli.file.readError': (p) => `The file cannot be read (error ${p.code}). Copy it to another folder and run again.`,
  'cli.file.damaged': 'The file is damaged: the workbook content cannot be read. Ask the agency to open it in Excel, save it as .xlsx and send it again.',
  'cli.file.open': (p) => `File "${p.file}": ${p.reason}`,
  'cli.file.saveFailed': (p) =>
    `Cannot write "${p.file}" (${p.code}). Check the folder and write permission; if the file is open in Excel, close it.`,
  'cli.file.outNotXlsx': (p) => `The output file "${p.file}" must end in .xlsx.`,
  'cli.globNoMatch': (p) => `No file matches "${p.pattern}". Check the folder and the file names.`,
  'cli.emptyFolder': (p) => `The folder "${p.folder}" holds no .xlsx file. Check the folder.`,
  'file.tooManyParts': (p) =>
    `The workbook has too many parts inside (${p.parts}, limit ${p.limit}), e.g. thousands of sheets; it is not opened, to protect the machine. Delete the extra sheets, save and send it again.`,
  'cli.unlistableFolder': (p) => `Cannot open the folder "${p.folder}" (no permission to read it?). Check access rights.`,
  'cli.needInputs': 'Give at least one .xlsx file or folder. Run "vtlt <command> --help" for usage.',
  'cli.noWorkbooks': 'There is no .xlsx file in the folders given.',
  'cli.severity.error': 'Error',
  'cli.severity.warning': 'Warning',
  'cli.value': (p) => `[value: ${p.value}]`,
  'cli.validate.file': (p) => `${p.file}${p.who}: ${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}`,
  'cli.validate.summary': (p) => `${plural(p.total, 'file')}: ${p.ok} passed, ${p.bad} with errors.`,
  'cli.validate.previousUnreadable': (p) => `Previous year's workbook "${p.file}": ${p.reason}`,
  'cli.consolidate.needOut': 'Give --out FILE.xlsx: the consolidation workbook to write.',
  'cli.consolidate.rosterUnreadable': (p) => `Cannot read the roster "${p.file}". Check the path.`,
  'cli.consolidate.rosterInvalid': (p) => `The roster "${p.file}" is not valid:\n${p.errors}`,
  'cli.consolidate.done': (p) => `Consolidated ${plural(p.count, 'file')} into ${p.out} (as of ${p.asOf}):`,
  'cli.consolidate.counts': (p) =>
    `${p.submitted} agencies submitted / ${p.roster} on the roster; ${p.missing} missing; ${p.late} late.`,
  'cli.consolidate.files': (p) => `${p.replaced} older files replaced by a newer one of the same agency; ${p.rejected} files set aside.`,
  'cli.consolidate.tasks': (p) => `${p.overdue} overdue tasks; ${p.problems} findings.`,
  'cli.consolidate.replaced': (p) => `Replaced: ${p.file} → ${p.by}`,
  'cli.consolidate.conflict': (p) =>
    `Conflicting files (${p.agency}): ${p.files} — different but saved at the same time; none is in the totals. Remove the one not to use and consolidate again.`,
  'cli.consolidate.rejected': (p) => `Set aside: ${p.file}: ${p.reasons}`,
  'cli.consolidate.rosterWarning': (p) => `Roster warning: ${p.text}`,
  'cli.consolidate.unreadable': (p) => `Cannot read: ${p.file}: ${p.reason}`,
  'cli.consolidate.unreadableHint': (p) =>
    `${p.count} files or paths could not be read (see above); the totals hold only the files that could. Fix the paths or ask for the files again, then run again.`,
  'cli.consolidate.reminder': 'Reminder letter:',
  'cli.tracker.written': (p) => `Wrote "${p.sheet}" for ${p.agency} (${p.code}) into ${p.out}: ${p.tasks} tasks, as of ${p.asOf}`,
  'cli.tracker.kept': (p) => `, kept what was typed for ${p.count} tasks`,
  'cli.tracker.orphans': (p) => `, ${p.count} tasks no longer applicable kept at the end of the table`,
  'cli.tracker.notWritten': 'Nothing written. Add --force to agree.',
};
