/**
 * "Tổng hợp" (Sở Nội vụ): the agency workbooks to add up, the as-of date, whether files with only warnings count;
 * progress with a Cancel button while the files are read; then who submitted, who did not, and the reminder to copy.
 */
import { t, type Lang } from '../domain/i18n';
import type { ConsolidationSummary } from '../app/consolidate-into';
import type { Controller } from './controller';
import { h, uid } from './dom';
import type { PaneState } from './state';
import { consolidationRows, reminderText } from './tools-view-model';
import { fileButton, setFieldError, syncValue, type SectionBody } from './ui';
import type { PlainKey } from './view-model';

/** File names listed under the file button; the rest are counted. */
const LISTED_FILES = 8;

export function consolidateSection(lang: Lang, c: Controller): SectionBody {
  const say = (key: PlainKey) => t(lang, key);

  const filesHintId = uid('files-hint');
  const pick = fileButton(say('pane.consolidate.files'), {
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    multiple: true,
    focusKey: 'consolidate-files',
    describedBy: filesHintId,
  });
  pick.input.addEventListener('change', () => c.chooseFiles([...(pick.input.files ?? [])]));
  const chosen = h('div', { class: 'files', 'aria-live': 'polite' });

  const asOfId = uid('c-asof');
  const asOfErrorId = uid('c-asof-err');
  const asOfInput = h('input', {
    id: asOfId,
    type: 'text',
    class: 'field date-only',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    autocomplete: 'off',
    'aria-describedby': asOfErrorId,
    'data-focus-key': 'consolidate-asof',
  });
  const asOfError = h('p', { id: asOfErrorId, class: 'field-error' });
  asOfInput.addEventListener('input', () => c.editConsolidate({ asOfText: asOfInput.value }));
  asOfInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void c.consolidate();
    }
  });

  const admitId = uid('admit');
  const admitHintId = uid('admit-hint');
  const admitBox = h('input', { type: 'checkbox', id: admitId, 'aria-describedby': admitHintId, 'data-focus-key': 'consolidate-admit' });
  admitBox.addEventListener('change', () => c.editConsolidate({ admitWarnings: admitBox.checked }));

  const runButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'consolidate' }, say('pane.consolidate.button'));
  runButton.addEventListener('click', () => void c.consolidate());

  // Progress: a bar and a Cancel button that stay in place (and keep the focus) while the files are read.
  const bar = h('progress', { class: 'bar', max: 1, value: 0, 'aria-label': say('pane.consolidate.progressLabel') });
  const cancelButton = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'consolidate-cancel' }, say('pane.consolidate.cancel'));
  cancelButton.addEventListener('click', () => c.cancelConsolidate());
  const progressRow = h('div', { class: 'progress-row', hidden: true }, bar, cancelButton);

  const resultBox = h('div', { class: 'consolidation' });

  const nodes = [
    pick.element,
    h('p', { id: filesHintId, class: 'hint' }, say('pane.consolidate.filesHint')),
    chosen,
    h('div', { class: 'field-group' }, h('label', { for: asOfId, class: 'label' }, say('pane.consolidate.asOf')), asOfInput, asOfError),
    h(
      'div',
      { class: 'check' },
      admitBox,
      h('label', { for: admitId }, say('pane.consolidate.admitWarnings')),
    ),
    h('p', { id: admitHintId, class: 'hint indent' }, say('pane.consolidate.admitHint')),
    h('div', { class: 'actions' }, runButton),
    progressRow,
  ];

  let filesShown: readonly string[] | null = null;
  let resultShown: ConsolidationSummary | null | undefined = undefined;

  const renderResult = (s: ConsolidationSummary | null) => {
    if (s === null || s.cancelled) {
      resultBox.replaceChildren();
      return;
    }
    const headingId = uid('result');
    const rows = consolidationRows(s).map((row) => {
      const head = h('span', { class: `count-badge ${row.tone}` }, row.label(lang));
      if (row.items.length === 0) return h('li', { class: 'result-row', 'data-row': row.key }, head);
      return h(
        'li',
        { class: 'result-row', 'data-row': row.key },
        h('details', { open: row.key === 'rejected' || row.key === 'late' || row.key === 'conflicts' ? true : null }, h('summary', {}, head),
          h('ul', { class: 'result-items' }, row.items.map((item) => h('li', {}, item(lang))))),
      );
    });
    const text = reminderText(s);
    const reminderId = uid('reminder');
    const area = h('textarea', { id: reminderId, class: 'field reminder', readonly: true, rows: 8, 'data-focus-key': 'reminder' });
    area.value = text;
    const copy = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'copy' }, say('pane.consolidate.copy'));
    const copyStatus = h('p', { class: 'copy-status', role: 'status' });
    copy.addEventListener('click', () => {
      void c.copyReminder(area).then((copied) => {
        copyStatus.textContent = say(copied ? 'pane.consolidate.copied' : 'pane.consolidate.copyFailed');
        copyStatus.className = `copy-status ${copied ? 'success' : 'warning'}`;
      });
    });
    resultBox.replaceChildren(
      h('h3', { id: headingId }, say('pane.consolidate.result')),
      h('ul', { class: 'result-rows', 'aria-labelledby': headingId }, rows),
      h('div', { class: 'reminder-head' }, h('label', { for: reminderId, class: 'label' }, say('pane.consolidate.reminder')), copy),
      area,
      copyStatus,
    );
  };

  return {
    nodes,
    after: [resultBox],
    update(state: PaneState) {
      const f = state.consolidate;
      if (filesShown !== f.files) {
        filesShown = f.files;
        if (f.files.length === 0) {
          chosen.replaceChildren(h('p', { class: 'hint' }, say('pane.consolidate.noFiles')));
          if (pick.input.value !== '') pick.input.value = '';
        } else {
          const more = f.files.length - LISTED_FILES;
          chosen.replaceChildren(
            h('p', { class: 'chosen' }, t(lang, 'pane.consolidate.filesChosen', { count: f.files.length })),
            h(
              'ul',
              { class: 'file-list' },
              f.files.slice(0, LISTED_FILES).map((name) => h('li', {}, name)),
              more > 0 ? h('li', { class: 'hint' }, `… +${more}`) : null,
            ),
          );
        }
      }
      syncValue(asOfInput, f.asOfText);
      setFieldError(asOfInput, asOfError, f.asOfError ? f.asOfError(lang) : null);
      admitBox.checked = f.admitWarnings;

      const busy = state.busy !== null;
      runButton.disabled = busy || state.env.kind !== 'excel' || !state.env.canInsert;
      pick.input.disabled = busy;
      admitBox.disabled = busy;
      asOfInput.disabled = busy;

      const running = f.progress !== null;
      progressRow.hidden = !running;
      if (f.progress) {
        bar.max = Math.max(1, f.progress.total);
        bar.value = Math.min(f.progress.done, f.progress.total);
      }
      cancelButton.disabled = f.cancelling;
      cancelButton.textContent = say(f.cancelling ? 'pane.consolidate.cancelling' : 'pane.consolidate.cancel');

      if (resultShown !== f.result) {
        resultShown = f.result;
        renderResult(f.result);
      }
    },
  };
}
