/** "Tổng hợp" (Sở Nội vụ): the agency workbooks added up into the open one, who submitted and who did not (tools chunk). */
import type { Lang } from '../../domain/i18n';
import type { Controller } from '../controller';
import { toolsCardView } from './tools-card';
import type { ViewPart } from './view';

export function consolidateView(lang: Lang, c: Controller): ViewPart {
  return toolsCardView(lang, 'consolidate', { title: 'pane.consolidate.heading', intro: 'pane.consolidate.intro' }, (tools) => tools.consolidateSection(lang, c));
}
