/**
 * Choosing the plan the pane works with ("Kế hoạch"): a plan file made by "vtlt plan import", checked by the plan
 * schema, or the bundled plan again. The schema library is loaded only here, with the form pack's schema.
 */
import { t } from '../domain/i18n';
import type { Loaded } from '../domain/schema-errors';
import type { PlanPack } from '../domain/plan-pack';
import type { Controller } from './controller';
import { planErrorNotice, planJson } from './plan-view-model';
import type { ActionContext } from './tools-actions';
import { textNotice } from './view-model';

/** Checks plan data with its schema (a chunk of its own, shared with the form pack's schema). */
export type PlanChecker = (data: unknown) => Promise<Loaded<PlanPack>>;

const checkPlan: PlanChecker = async (data) => {
  const schema = await import(/* webpackChunkName: "pack-schema" */ '../domain/plan-pack');
  return schema.loadPlanPack(data);
};

/** `changed` runs once the plan changed (the pane reads the workbook's tracker again with it). */
export function planActions(
  ctx: ActionContext,
  changed: () => Promise<void>,
  check: PlanChecker = checkPlan,
): Pick<Controller, 'loadPlan' | 'useDefaultPlan'> {
  const { dispatch } = ctx;
  const say = (notice: Parameters<typeof textNotice>[0], text: (l: Parameters<typeof t>[0]) => string) =>
    dispatch({ type: 'notice', section: 'insert', notice: textNotice(notice, text) });
  return {
    async loadPlan(file) {
      if (ctx.state().busy) return;
      let text: string;
      try {
        text = await file.text();
      } catch {
        say('error', (l) => t(l, 'pane.plan.unreadable', { file: file.name }));
        return;
      }
      const json = planJson(text);
      if (json === undefined) {
        say('error', (l) => t(l, 'pane.plan.notJson', { file: file.name }));
        return;
      }
      let loaded: Loaded<PlanPack>;
      try {
        loaded = await check(json.data);
      } catch {
        say('error', (l) => t(l, 'pane.error.loadFailed'));
        return;
      }
      if (!loaded.ok) {
        dispatch({ type: 'notice', section: 'insert', notice: planErrorNotice(file.name, loaded.errors) });
        return;
      }
      const count = loaded.value.tasks.length;
      dispatch({ type: 'plan', pack: loaded.value, file: file.name });
      say('success', (l) => t(l, 'pane.plan.loaded', { file: file.name, count }));
      await changed();
    },
    async useDefaultPlan() {
      if (ctx.state().busy) return;
      dispatch({ type: 'plan', pack: ctx.deps.pack, file: null });
      say('info', (l) => t(l, 'pane.plan.default'));
      await changed();
    },
  };
}
