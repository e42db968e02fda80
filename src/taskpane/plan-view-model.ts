/** What the pane says of the plan it works with ("Kế hoạch"): its title and year, where it came from, a refused file. */
import { t } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Notice, Text } from './view-model';

/** The plan's title and year; and the file it came from, when it is not the bundled one. */
export function planLines(pack: PlanPack, file: string | null): Text[] {
  const lines: Text[] = [(lang) => t(lang, 'pane.plan.line', { title: pack.title, year: pack.year })];
  if (file !== null) lines.push((lang) => t(lang, 'pane.plan.from', { file }));
  return lines;
}

/** A refused plan file: one line per problem, each naming the field ("tasks[2].deadlineText: …"). */
export function planErrorNotice(file: string, errors: readonly string[]): Notice {
  return { tone: 'error', lines: [(lang) => t(lang, 'pane.plan.invalid', { file }), ...errors.map((e): Text => () => e)] };
}

/** Reads the text of a plan file as JSON (a byte-order mark allowed); undefined when it is not JSON. */
export function planJson(text: string): { readonly data: unknown } | undefined {
  try {
    return { data: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return undefined;
  }
}
