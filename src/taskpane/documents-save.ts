/**
 * Saving a drafted document from the pane: a Blob of the .docx and a click on an <a download> (the browser's own
 * download; no server, nothing leaves the machine). Where that fails, the caller shows the text with a Copy button.
 * A download a web view drops without a word cannot be seen from here: the hosts known to do so are asked first
 * (blocksDownloads, documents-view-model.ts), and after every download the text stays one click away.
 */

/** Office.context.platform ("PC", "Mac", "iOS", "OfficeOnline", …), or null when Office cannot say. */
export function officePlatform(): string | null {
  try {
    const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
    const platform = office?.context?.platform;
    return typeof platform === 'string' ? platform : null;
  } catch {
    return null;
  }
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Hands `bytes` to the browser as a download named `fileName`; false when the page may not (the host blocks it). */
export function downloadFile(bytes: Uint8Array, fileName: string, doc: Document = document): boolean {
  let url: string | null = null;
  try {
    const blob = new Blob([new Uint8Array(bytes)], { type: DOCX_TYPE });
    url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
  } catch {
    return false;
  } finally {
    // The click has started the download; the address is freed once the browser has taken the bytes.
    const made = url;
    if (made !== null) setTimeout(() => URL.revokeObjectURL(made), 60_000);
  }
  return true;
}
