/** A plan pack given as a JSON file (--plan PLAN.json): read, parsed and checked by the schema, naming the field. */
import { t, type Lang } from '../domain/i18n';
import { loadPlanPack, type PlanPack } from '../domain/plan-pack';
import { defaultPlanPack } from '../packs';
import { UsageError, type OptionDef } from './args';
import { readRegularFile } from './inputs';

export const PLAN_OPTION: OptionDef = {
  name: 'plan', kind: 'value', arg: { vi: 'KẾ-HOẠCH.json', en: 'PLAN.json' },
  help: {
    vi: 'kế hoạch dùng thay cho Kế hoạch 2026 đi kèm (tạo bằng "vtlt plan import")',
    en: 'the plan to use instead of the bundled 2026 plan (made with "vtlt plan import")',
  },
};

export async function readPlanFile(file: string, lang: Lang): Promise<PlanPack> {
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw new UsageError(t(lang, 'cli.planFile.unreadable', { file, reason: read.reason }));
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(t(lang, 'cli.planFile.notJson', { file }));
  }
  const loaded = loadPlanPack(data);
  if (!loaded.ok) throw new UsageError(t(lang, 'cli.planFile.invalid', { file, errors: loaded.errors.map((e) => `  ${e}`).join('\n') }));
  return loaded.value;
}

/** The plan named by --plan, or the bundled 2026 plan. */
export async function planOf(values: ReadonlyMap<string, string>, lang: Lang): Promise<PlanPack> {
  const file = values.get(PLAN_OPTION.name);
  return file === undefined ? defaultPlanPack() : readPlanFile(file, lang);
}
