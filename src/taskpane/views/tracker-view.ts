/**
 * "Theo dõi nhiệm vụ": the status summary on top (counts, the tasks that need attention), then the tracker's insert
 * with the agency picker and the plan in use (its choice comes with the tools chunk). The first view; on the first load.
 */
import type { Lang } from '../../domain/i18n';
import type { Controller } from '../controller';
import { insertSection } from '../insert-section';
import { summarySection } from '../summary-section';
import { type ViewPart, type ViewSetup, statusOf, withHelpLink } from './view';

export function trackerView(lang: Lang, setup: ViewSetup, c: Controller): ViewPart {
  const summary = summarySection(lang, c);
  const insert = insertSection(lang, setup.entries, c);
  const statuses = [statusOf(lang, withHelpLink(lang, summary.card, 'summary'), 'summary'), statusOf(lang, withHelpLink(lang, insert.card, 'insert'), 'insert')];
  let planUpdate: ViewPart['update'] | null = null;
  return {
    nodes: [summary.card.el, insert.card.el],
    update(state) {
      summary.update(state);
      insert.update(state);
      for (const show of statuses) show(state);
      planUpdate?.(state);
    },
    attach(tools) {
      if (planUpdate) return;
      const plan = tools.planSection(lang, { pack: setup.pack, file: setup.planFile }, c);
      insert.planSlot?.replaceChildren(...plan.nodes);
      planUpdate = (state) => plan.update(state);
    },
  };
}
