/**
 * The in-pane yes/no dialog behind the use cases' Confirm callback. Modal: the rest of the pane is inert while it is
 * open, Tab stays inside it, Escape answers "Không", and focus returns where it was.
 */
import { h, uid } from './dom';

export interface ConfirmLabels {
  readonly title: string;
  readonly yes: string;
  readonly no: string;
}

export function showConfirm(root: HTMLElement, question: string, labels: ConfirmLabels): Promise<boolean> {
  return new Promise((resolve) => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const titleId = uid('dlg-title');
    const bodyId = uid('dlg-body');
    const yes = h('button', { type: 'button', class: 'btn primary' }, labels.yes);
    const no = h('button', { type: 'button', class: 'btn' }, labels.no);
    const dialog = h(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'aria-describedby': bodyId },
      h('h2', { id: titleId, class: 'dialog-title' }, labels.title),
      h('p', { id: bodyId, class: 'dialog-body' }, question),
      h('div', { class: 'dialog-actions' }, yes, no),
    );
    const overlay = h('div', { class: 'overlay' }, dialog);
    const inertTargets = [...root.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
    for (const el of inertTargets) el.setAttribute('inert', '');

    const close = (answer: boolean) => {
      document.removeEventListener('keydown', onKey, true);
      overlay.remove();
      for (const el of inertTargets) el.removeAttribute('inert');
      if (previous && previous.isConnected) previous.focus();
      resolve(answer);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close(false);
      } else if (e.key === 'Tab') {
        // Two buttons: Tab and Shift+Tab move between them and never leave the dialog.
        e.preventDefault();
        (document.activeElement === yes ? no : yes).focus();
      }
    };
    yes.addEventListener('click', () => close(true));
    no.addEventListener('click', () => close(false));
    document.addEventListener('keydown', onKey, true);
    root.append(overlay);
    // The safe answer has the focus: Enter on a question about overwriting keeps the user's data.
    no.focus();
  });
}
