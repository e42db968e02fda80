/** Copies a text area's text to the clipboard; false when it could not (the text is then selected for the user to copy). */
export async function copyText(area: HTMLTextAreaElement): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(area.value);
      return true;
    }
  } catch {
    // Refused: the selection and the copy command below.
  }
  // Office's web views may refuse the clipboard API: fall back to the selection and the copy command.
  area.focus();
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
