/**
 * "Cài đặt", behind the gear in the header: a view of its own with a way back to the tab it was opened from, and the
 * tracker's as-of date, warning window and reading of "before day X".
 */
import { t, type Lang } from '../../domain/i18n';
import type { Controller } from '../controller';
import { h } from '../dom';
import { settingsSection } from '../settings-section';
import { type ViewPart, statusOf, withHelpLink } from './view';

export function settingsView(lang: Lang, c: Controller): ViewPart {
  const settings = settingsSection(lang, c);
  const status = statusOf(lang, withHelpLink(lang, settings.card, 'settings'), 'settings');
  const back = h('button', { type: 'button', class: 'btn subtle small back', 'data-focus-key': 'settings-back' }, h('span', { 'aria-hidden': 'true' }, '←'), t(lang, 'pane.view.back'));
  back.addEventListener('click', () => c.leaveSettings());
  return {
    nodes: [h('div', { class: 'view-bar' }, back), settings.card.el],
    update(state) {
      settings.update(state);
      status(state);
    },
  };
}
