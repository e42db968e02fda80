/** "Kiểm tra": checks the workbook, lists its problems by sheet, highlights them and gives the fills back (tools chunk). */
import type { Lang } from '../../domain/i18n';
import type { Controller } from '../controller';
import { toolsCardView } from './tools-card';
import type { ViewPart } from './view';

export function checkView(lang: Lang, c: Controller): ViewPart {
  return toolsCardView(lang, 'check', { title: 'pane.check.heading', intro: 'pane.check.intro' }, (tools) => tools.checkSection(lang, c));
}
