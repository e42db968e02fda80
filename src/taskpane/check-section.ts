/**
 * "Kiểm tra": checks the workbook, lists the problems grouped by sheet (each one goes to its cell on click or Enter),
 * and highlights the problem cells or gives them their fills back. When the check found text typed in a legacy
 * encoding, "Chuyển sang Unicode" converts it (asked first); after a conversion, "Hoàn tác" gives the old text back.
 */
import { t, type Lang } from '../domain/i18n';
import type { Controller } from './controller';
import { h, uid } from './dom';
import type { PaneState } from './state';
import { issueGroups, legacyOffer, type IssueGroup, type IssueItem } from './tools-view-model';
import type { SectionBody } from './ui';
import type { PlainKey } from './view-model';

export function checkSection(lang: Lang, c: Controller): SectionBody {
  const say = (key: PlainKey) => t(lang, key);

  const checkButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'check' }, say('pane.check.button'));
  checkButton.addEventListener('click', () => void c.check());
  const highlightButton = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'highlight' }, say('pane.highlight.button'));
  highlightButton.addEventListener('click', () => void c.highlight());
  const clearButton = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'unhighlight' }, say('pane.highlight.clear'));
  clearButton.addEventListener('click', () => void c.clearHighlight());

  const convertButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'legacy-convert' }, say('pane.legacy.button'));
  convertButton.addEventListener('click', () => void c.convertLegacy());
  const undoButton = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'legacy-undo' }, say('pane.legacy.undo'));
  undoButton.addEventListener('click', () => void c.undoLegacy());
  const legacyActions = h('div', { class: 'actions legacy-actions' }, convertButton, undoButton);

  const results = h('div', { class: 'issues' });
  const nodes = [
    h('div', { class: 'actions' }, checkButton),
    h('div', { class: 'actions' }, highlightButton, clearButton),
    h('p', { class: 'hint' }, say('pane.highlight.legend')),
  ];

  let shown: unknown = undefined;
  let itemButtons: HTMLButtonElement[] = [];

  const itemNode = (item: IssueItem): HTMLElement => {
    const parts = [
      h(
        'span',
        { class: 'issue-head' },
        h('span', { class: 'issue-severity' }, say(item.severity === 'error' ? 'pane.check.error' : 'pane.check.warning')),
        item.cell ? h('span', { class: 'issue-cell' }, t(lang, 'pane.check.cell', { cell: item.cell })) : null,
      ),
      h('span', { class: 'issue-message' }, item.message(lang)),
      item.value ? h('span', { class: 'issue-value' }, t(lang, 'pane.check.value', { value: item.value(lang) })) : null,
    ];
    const tone = item.severity === 'error' ? 'danger' : 'warning';
    if (item.target === null) return h('div', { class: `list-card issue ${tone}`, 'data-severity': item.severity }, ...parts);
    const target = item.target;
    const b = h(
      'button',
      { type: 'button', class: `list-card issue ${tone}`, 'data-severity': item.severity, 'data-sheet': target.sheet, 'data-cell': target.cell },
      ...parts,
    );
    b.addEventListener('click', () => void c.goToCell(target));
    itemButtons.push(b);
    return b;
  };

  const groupNode = (group: IssueGroup): HTMLElement => {
    const headingId = uid('issues');
    return h(
      'div',
      { class: 'issue-group', 'data-sheet': group.sheet },
      h(
        'h3',
        { id: headingId, class: 'issue-group-head' },
        h('span', {}, group.title(lang)),
        group.errors > 0 ? h('span', { class: 'count-badge danger' }, t(lang, 'pane.check.errors', { count: group.errors })) : null,
        group.warnings > 0 ? h('span', { class: 'count-badge warning' }, t(lang, 'pane.check.warnings', { count: group.warnings })) : null,
      ),
      h('ul', { class: 'issue-list', 'aria-labelledby': headingId }, group.items.map((item) => h('li', {}, itemNode(item)))),
    );
  };

  return {
    nodes,
    // The list comes after the status line, which sums it up.
    after: [legacyActions, results],
    update(state: PaneState) {
      if (shown !== state.check) {
        shown = state.check;
        // What the result offers for legacy text, worked out once per result (not at every state change).
        const offer = legacyOffer(state.check);
        convertButton.hidden = offer.cells === 0;
        undoButton.hidden = offer.converted === 0;
        legacyActions.hidden = convertButton.hidden && undoButton.hidden;
        itemButtons = [];
        const issues = state.check?.report.issues ?? [];
        const groups = issueGroups(issues);
        results.replaceChildren(
          ...(groups.length > 0 ? [h('p', { class: 'hint' }, say('pane.check.hint'))] : []),
          ...groups.map(groupNode),
        );
      }
      const busy = state.busy !== null;
      const canWrite = state.env.kind === 'excel';
      convertButton.disabled = busy || !canWrite;
      undoButton.disabled = busy || !canWrite;
      checkButton.disabled = busy || !canWrite;
      highlightButton.disabled = busy || !canWrite;
      clearButton.disabled = busy || !canWrite;
      for (const b of itemButtons) b.disabled = busy;
    },
  };
}
