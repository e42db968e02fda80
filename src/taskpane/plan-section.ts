/**
 * "Kế hoạch" in the insert section: the plan in use (title, year, the file it came from) and its choice, a plan file
 * made by "vtlt plan import" or the bundled plan again. Comes with the tools chunk, so the first load does without it.
 */
import { addMessages, t, type Lang } from '../domain/i18n';
import { planPaneVi } from '../domain/i18n/plan-pane-vi';
import type { PlanPack } from '../domain/plan-pack';
import type { Controller } from './controller';
import { h } from './dom';
import { planLines } from './plan-view-model';
import type { PaneState } from './state';
import { fileButton, type SectionBody } from './ui';

addMessages('vi', planPaneVi);

export function planSection(lang: Lang, plan: { readonly pack: PlanPack; readonly file: string | null }, c: Controller): SectionBody {
  const pick = fileButton(t(lang, 'pane.plan.choose'), { accept: '.json,application/json', focusKey: 'plan-file' });
  pick.input.addEventListener('change', () => {
    const file = pick.input.files?.[0];
    pick.input.value = '';
    if (file) void c.loadPlan(file);
  });
  const bundled = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'plan-default' }, t(lang, 'pane.plan.useDefault'));
  bundled.addEventListener('click', () => void c.useDefaultPlan());
  bundled.hidden = plan.file === null;
  const lines = planLines(plan.pack, plan.file).map((line) => h('p', {}, line(lang)));
  return {
    nodes: [...lines, h('div', { class: 'pack-actions' }, pick.element, bundled)],
    after: [],
    update(state: PaneState) {
      pick.input.disabled = state.busy !== null;
      bundled.disabled = state.busy !== null;
    },
  };
}
