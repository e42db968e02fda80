/** `vtlt plan`: the plan's tasks, their deadlines and due states. */
import { formatVn, parseUserDate, toIso } from '../domain/calendar';
import { DUE_STATES, type DueState } from '../domain/due-state';
import { t, type Lang } from '../domain/i18n';
import { findAgency } from '../domain/roster-lookup';
import { defaultRoster } from '../packs';
import { defaultDueSettings, planRows, type DueSettings } from '../app/plan-status';
import { parseArgs, usage, UsageError } from './args';
import { renderTable } from './table';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import { PLAN_COMMAND } from './commands';

export function readDueSettings(
  values: ReadonlyMap<string, string>,
  flags: ReadonlySet<string>,
  lang: Lang,
  nowMs: number,
): DueSettings {
  const base = defaultDueSettings(nowMs);
  const asOfText = values.get('as-of');
  const asOf = asOfText === undefined ? base.asOf : parseUserDate(asOfText);
  if (asOf === null) throw new UsageError(t(lang, 'cli.badAsOf', { value: asOfText ?? '' }));
  const windowText = values.get('window');
  let window = base.window;
  if (windowText !== undefined) {
    if (!/^\d{1,4}$/.test(windowText.trim())) throw new UsageError(t(lang, 'cli.badWindow', { value: windowText }));
    window = Number(windowText);
  }
  return { asOf, window, inclusiveBefore: flags.has('inclusive') };
}

export async function planCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, PLAN_COMMAND, lang);
  if (args.help) {
    io.out(usage(PLAN_COMMAND, lang));
    return 0;
  }
  const settings = readDueSettings(args.values, args.flags, lang, io.now());
  const pack = await planOf(args.values, lang);
  const code = args.values.get('agency');
  const agency = code === undefined ? undefined : findAgency(defaultRoster(), code);
  if (code !== undefined && agency === undefined) throw new UsageError(t(lang, 'cli.unknownAgency', { code }));
  const rows = planRows(pack, settings, agency);

  if (args.flags.has('json')) {
    const json = {
      plan: { id: pack.id, version: pack.version, title: pack.title, year: pack.year },
      asOf: toIso(settings.asOf),
      window: settings.window,
      inclusive: settings.inclusiveBefore,
      agency: agency ? { code: agency.code, name: agency.name } : null,
      tasks: rows.map((r) => ({
        id: r.task.id,
        content: r.task.content,
        lead: r.task.leadText,
        coordinating: r.task.coordinatingText,
        role: r.role,
        deadlineText: r.task.deadlineText,
        kind: r.deadline?.kind ?? null,
        start: r.deadline?.start != null ? toIso(r.deadline.start) : null,
        due: r.deadline?.due != null ? toIso(r.deadline.due) : null,
        state: r.due?.state ?? null,
        label: r.due?.label ?? null,
        daysLeft: r.due?.daysLeft ?? null,
        // Multi-year periods: the 31/12 milestone the state is judged against, and the days to it.
        milestone: r.due?.milestone ? toIso(r.due.milestone.date) : null,
        milestoneDaysLeft: r.due?.milestone?.daysLeft ?? null,
        ...(r.deadline === null ? { problem: 'unparsed-deadline' } : {}),
      })),
    };
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }

  const lines: string[] = [t(lang, 'plan.summary', {
    title: pack.title,
    asOf: formatVn(settings.asOf),
    window: settings.window,
    inclusive: settings.inclusiveBefore,
  })];
  if (agency) lines.push(t(lang, 'plan.agency', { name: agency.name, code: agency.code }));
  lines.push('');
  const width = Math.max(100, Math.min(io.columns ?? 140, 200));
  const contentWidth = Math.max(30, width - (9 + 24 + 22 + 10 + 10 + 28 + 12));
  const table = rows.map((r) => {
    const role = r.role === 'coordinating' ? ` (${t(lang, 'plan.role.coordinating')})` : '';
    return [
      r.task.id + role,
      r.task.content,
      r.task.leadText,
      r.task.deadlineText === '' ? t(lang, 'plan.noDeadline') : r.task.deadlineText,
      r.deadline?.due != null ? formatVn(r.deadline.due) : '',
      r.due?.milestone ? formatVn(r.due.milestone.date) : '',
      r.due ? stateText(r.due.state, r.due.label, r.due.days, lang) : t(lang, 'plan.unparsed'),
    ];
  });
  lines.push(renderTable([
    { header: t(lang, 'plan.header.id'), width: agency ? 20 : 9 },
    { header: t(lang, 'plan.header.content'), width: contentWidth },
    { header: t(lang, 'plan.header.lead'), width: 24 },
    { header: t(lang, 'plan.header.deadline'), width: 22 },
    { header: t(lang, 'plan.header.due'), width: 10 },
    { header: t(lang, 'plan.header.milestone'), width: 10 },
    { header: t(lang, 'plan.header.state'), width: 28 },
  ], table));
  const counts = new Map<DueState, number>();
  for (const r of rows) if (r.due) counts.set(r.due.state, (counts.get(r.due.state) ?? 0) + 1);
  lines.push('', `${t(lang, 'plan.counts')} ${DUE_STATES.filter((s) => counts.has(s)).map((s) => `${t(lang, `state.${s}`)}: ${counts.get(s) ?? 0}`).join('; ')}`);
  io.out(lines.join('\n'));
  return 0;
}

function stateText(state: DueState, label: string, days: number | null, lang: Lang): string {
  if (lang === 'vi') return label;
  return days === null ? t(lang, `state.${state}`) : `${t(lang, `state.${state}`)} (${days} d)`;
}
