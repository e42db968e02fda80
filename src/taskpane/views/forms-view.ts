/** "Biểu báo cáo": the form pack in use, the agency, the reporting year and the forms to insert (tools chunk). */
import type { Lang } from '../../domain/i18n';
import type { Controller } from '../controller';
import { toolsCardView } from './tools-card';
import type { ViewPart, ViewSetup } from './view';

export function formsView(lang: Lang, setup: ViewSetup, c: Controller): ViewPart {
  return toolsCardView(lang, 'forms', { title: 'pane.forms.heading', intro: 'pane.forms.intro' }, (tools) => tools.formsSection(lang, setup.entries, c));
}
