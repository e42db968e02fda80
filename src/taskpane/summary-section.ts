/** Section (2), "Tình hình thực hiện": the counts by due state and the tasks that need attention, each a way to its row. */
import { t, type Lang } from '../domain/i18n';
import type { Controller } from './controller';
import { h, uid } from './dom';
import type { SectionCard } from './insert-section';
import type { PaneState } from './state';
import { card } from './ui';
import { attentionModel, chipModel, totalTasks } from './view-model';

export function summarySection(lang: Lang, c: Controller): SectionCard {
  const refreshButton = h('button', { type: 'button', class: 'btn small', 'data-focus-key': 'refresh' }, t(lang, 'pane.summary.refresh'));
  refreshButton.addEventListener('click', () => void c.refresh());
  const body = h('div', { class: 'summary' });
  const made = card('summary', t(lang, 'pane.summary.heading'), refreshButton, body);
  let shown: unknown = undefined;
  let taskButtons: HTMLButtonElement[] = [];

  const render = (state: PaneState) => {
    const view = state.summary;
    if (view.kind !== 'ready') {
      body.replaceChildren(h('p', { class: 'empty' }, t(lang, view.kind === 'none' ? 'pane.summary.none' : 'pane.summary.unknown')));
      taskButtons = [];
      return;
    }
    const { summary } = view;
    const chips = chipModel(summary.counts);
    const items = attentionModel(summary.tasks);
    const chipList = h(
      'ul',
      { class: 'chips', 'aria-label': t(lang, 'pane.summary.countsLabel') },
      chips.map((chip) =>
        h('li', { class: `chip ${chip.tone}`, 'data-state': chip.state }, h('span', { class: 'chip-count' }, String(chip.count)), h('span', {}, chip.label(lang))),
      ),
    );
    taskButtons = items.map((item) => {
      const b = h(
        'button',
        { type: 'button', class: `list-card task ${item.tone}`, 'data-task': item.id, 'data-focus-key': `task-${item.id}` },
        h('span', { class: 'task-head' }, h('span', { class: 'task-id' }, item.id), h('span', { class: 'task-state' }, item.label(lang))),
        h('span', { class: 'task-content' }, item.content),
        item.milestone ? h('span', { class: 'task-due' }, t(lang, 'pane.summary.milestone', { date: item.milestone.text, days: item.milestone.days })) : null,
        item.dueText ? h('span', { class: 'task-due' }, t(lang, 'pane.summary.due', { date: item.dueText })) : null,
      );
      b.addEventListener('click', () => void c.select(item.range));
      return b;
    });
    const listHeadingId = uid('attention');
    body.replaceChildren(
      chipList,
      h('p', { class: 'total' }, t(lang, 'pane.summary.total', { count: totalTasks(summary.counts) })),
      h('h3', { id: listHeadingId }, t(lang, 'pane.summary.attention')),
      items.length === 0
        ? h('p', { class: 'empty' }, t(lang, 'pane.summary.nothingDue'))
        : h(
            'div',
            {},
            h('p', { class: 'hint' }, t(lang, 'pane.summary.attentionHint')),
            h('ul', { class: 'tasks', 'aria-labelledby': listHeadingId }, taskButtons.map((b) => h('li', {}, b))),
          ),
    );
  };

  return {
    card: made,
    update(state) {
      if (shown !== state.summary) {
        shown = state.summary;
        render(state);
      }
      const busy = state.busy !== null;
      refreshButton.disabled = busy;
      for (const b of taskButtons) b.disabled = busy;
    },
  };
}
