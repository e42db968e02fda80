import type { Catalog } from './vi';
import { formsEn } from './forms-en';
import { paneEn } from './pane-en';
import { validationEn } from './validation-en';

export const en: Catalog = {
  ...paneEn,
  ...formsEn,
  ...validationEn,
  'app.title': 'Records & Archives 2026',
  'cli.usage': [
    'Usage: vtlt <command> [options]',
    '',
    'Commands:',
    '  plan      The plan\'s tasks and their due state',
    '  tracker   Write the task tracker sheet into an .xlsx file',
    '  forms     Write the annual statistical report forms (0801–0813) into an .xlsx file',
    '  validate  Check filled workbooks and point at every problem',
    '',
    'Common options: --help, --version',
  ].join('\n'),
  'cli.plan.usage': [
    'Usage: vtlt plan [--as-of YYYY-MM-DD] [--inclusive] [--window DAYS] [--agency CODE] [--json]',
    '',
    '  --as-of YYYY-MM-DD  as-of date (default: today in Vietnam)',
    '  --inclusive         "before X" allows X itself (default: due on X − 1)',
    '  --window DAYS       days before the due date that count as "due soon" (default 14)',
    '  --agency CODE       only the tasks that apply to this roster agency',
    '  --json              print JSON',
  ].join('\n'),
  'cli.unknownCommand': (p) => `There is no command "${p.command}". Run "vtlt --help" to list the commands.`,
  'cli.unknownOption': (p) => `There is no option "${p.option}". Run "vtlt <command> --help" to list the options.`,
  'cli.missingValue': (p) => `Option ${p.option} needs a value.`,
  'cli.repeatedOption': (p) => `Option ${p.option} may be given only once.`,
  'cli.unexpectedArgument': (p) => `Unexpected argument "${p.value}".`,
  'cli.badAsOf': (p) =>
    `The as-of date "${p.value}" is not valid: give a real date as YYYY-MM-DD (e.g. 2026-03-31) or dd/mm/yyyy (e.g. 31/03/2026).`,
  'cli.badWindow': (p) => `The window "${p.value}" is not valid: give a whole number of days, 0 or more (e.g. --window 14).`,
  'cli.unknownAgency': (p) => `No agency with code "${p.code}" in the roster. Check the code (e.g. SNV, STC, 05455).`,
  'cli.internalError': (p) => `Unexpected error: ${p.detail}. Please report it to support with the command you ran.`,
  'tracker.question.agency': (p) =>
    `This workbook belongs to "${p.fromName}" (code ${p.fromCode}). Switch it to "${p.toName}" (code ${p.toCode})?`,
  'tracker.question.notTracker': (p) => `Sheet "${p.sheet}" holds data but is not a tracker. Overwrite the whole sheet?`,
  'tracker.question.foreign': (p) =>
    `Sheet "${p.sheet}" has ${p.count} cells typed outside the table (${p.cells}); refreshing clears them. Continue?`,
  'plan.header.id': 'No.',
  'plan.header.content': 'Task',
  'plan.header.lead': 'Lead',
  'plan.header.deadline': 'Time (plan)',
  'plan.header.due': 'Due',
  'plan.header.state': 'Due state',
  'plan.summary': (p) =>
    `${p.title} — as of ${p.asOf}; due-soon window ${p.window} days; "before X": ${p.inclusive ? 'X allowed' : 'due X − 1'}`,
  'plan.agency': (p) => `Agency: ${p.name} (${p.code})`,
  'plan.role.coordinating': 'coordinating',
  'plan.unparsed': 'unreadable deadline',
  'plan.noDeadline': '(none given)',
  'plan.counts': 'Summary:',
  'state.overdue': 'Overdue',
  'state.due-soon': 'Due soon',
  'state.on-track': 'On track',
  'state.not-open': 'Not open yet',
  'state.recurring': 'Ongoing',
  'state.done-on-time': 'Done on time',
  'state.done-late': 'Done late',
  'state.not-applicable': 'Not applicable',
};
