/**
 * The message of a function command, shown in an Office dialog (Office.context.ui.displayDialogAsync: "Displays a
 * dialog to show or collect information from the user"). The dialog opens the command's own page (commands.html),
 * which is on the add-in's domain as the reference requires ("The initial page must be on the same domain as the
 * parent page"), with the message in its query string: a dialog does not share storage with the page that opened it.
 * The page builds the message from text nodes only, and asks its parent to close it with Office.context.ui.messageParent.
 */
export interface Notice {
  readonly title: string;
  readonly text: string;
  /** The label of the close button. */
  readonly close: string;
}

const PARAM = 'notice';

/** The address of the page `pageUrl` showing `notice`. */
export function noticeUrl(pageUrl: string, notice: Notice): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.search = '';
  url.searchParams.set(PARAM, JSON.stringify([notice.title, notice.text, notice.close]));
  return url.toString();
}

/** The notice a page address carries; null for the page opened as the function file. */
export function readNotice(search: string): Notice | null {
  const raw = new URLSearchParams(search).get(PARAM);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((x) => typeof x === 'string')) return null;
    const [title, text, close] = parsed as [string, string, string];
    return { title, text, close };
  } catch {
    return null;
  }
}

/** Builds the notice into `body` from text nodes; `onClose` runs when its button is pressed. */
export function renderNotice(doc: Document, notice: Notice, onClose: () => void): void {
  doc.title = notice.title;
  const main = doc.createElement('main');
  main.setAttribute('role', 'alertdialog');
  main.style.cssText = 'font: 14px "Segoe UI", system-ui, sans-serif; padding: 16px; line-height: 1.45';
  const h = doc.createElement('h1');
  h.style.cssText = 'font-size: 16px; margin: 0 0 8px';
  h.textContent = notice.title;
  const p = doc.createElement('p');
  p.textContent = notice.text;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = notice.close;
  button.addEventListener('click', onClose);
  main.append(h, p, button);
  doc.body.replaceChildren(main);
  button.focus();
}

/** A dialog as a notice needs it; commands.ts adapts Office.context.ui.displayDialogAsync to it. */
export interface NoticeDialog {
  close(): void;
  /** The page sent a message to its parent (its close button). */
  onMessage(handler: () => void): void;
  /** The dialog was closed by the user or could not load (DialogEventReceived). */
  onClosed(handler: () => void): void;
}

/** Opens a dialog on `url`; `opened` gets null when it could not be opened. */
export type OpenDialog = (url: string, opened: (dialog: NoticeDialog | null) => void) => void;

/** Longest a command waits for its message to be closed (a function command is stopped after about five minutes). */
export const NOTICE_WAIT_MS = 4 * 60 * 1000;

/**
 * Shows `notice` in a dialog and resolves once it is closed, by its button or by the user; at once when the dialog
 * cannot be opened (another one is open, or it was blocked), and after NOTICE_WAIT_MS at the latest.
 */
export function showNoticeDialog(open: OpenDialog | null, pageUrl: string, notice: Notice, wait = NOTICE_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    if (open === null) return resolve();
    const timer = setTimeout(resolve, wait);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    try {
      open(noticeUrl(pageUrl, notice), (dialog) => {
        if (dialog === null) return done();
        dialog.onMessage(() => {
          try {
            dialog.close();
          } finally {
            done();
          }
        });
        dialog.onClosed(done);
      });
    } catch {
      done();
    }
  });
}
