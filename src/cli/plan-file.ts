/** A plan pack given as a JSON file (--plan PLAN.json): read, parsed and checked by the schema, naming the field. */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import { defaultPlanPack } from '../packs';
import { UsageError } from './args';
import { readRegularFile } from './inputs';
import { PLAN_OPTION } from './commands';

export async function readPlanFile(file: string, lang: Lang): Promise<PlanPack> {
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw new UsageError(t(lang, 'cli.planFile.unreadable', { file, reason: read.reason }));
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(t(lang, 'cli.planFile.notJson', { file }));
  }
  // The schema is loaded with the first plan file (`vtlt plan` starts without it), its messages in the user's language.
  const [{ loadPlanPack }, { useSchemaLanguage }] = await Promise.all([import('../domain/plan-pack'), import('./schema-language')]);
  useSchemaLanguage(lang);
  const loaded = loadPlanPack(data);
  if (!loaded.ok) throw new UsageError(t(lang, 'cli.planFile.invalid', { file, errors: loaded.errors.map((e) => `  ${e}`).join('\n') }));
  return loaded.value;
}

/** The plan named by --plan, or the bundled 2026 plan. */
export async function planOf(values: ReadonlyMap<string, string>, lang: Lang): Promise<PlanPack> {
  const file = values.get(PLAN_OPTION.name);
  return file === undefined ? defaultPlanPack() : readPlanFile(file, lang);
}
