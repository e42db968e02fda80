/**
 * Checks, before a consolidation reads a single returned file, the parts of its earlier output that the streamed
 * rewrite will load (stream-kept.ts): every part but the replaced sheets' must inflate to its declared size and
 * checksum, and each XML part must be whole (its elements closed, in order). A damaged output is then refused at once,
 * not after a thousand files have been read. Only what a few milliseconds can tell: anything subtler is still refused
 * when the rewrite loads the parts.
 */
import { nativeCrc, nodeInflate } from './open-fast';
import { splitParts } from './stream-kept';
import { XmlScanner } from './xml-scan';
import { checkedEntry } from './zip';

/** The first part of `bytes` a rewrite replacing the sheets named `replaced` would load and finds damaged; null if none. */
export function keptPartDamage(bytes: Uint8Array, replaced: ReadonlySet<string>): string | null {
  const split = splitParts(bytes, replaced);
  if (split === null) return '';
  for (const e of split.entries) {
    if (split.emptied.has(e.name) || split.dropped.has(e.name)) continue;
    const data = checkedEntry(bytes, e, nodeInflate, nativeCrc);
    if (typeof data === 'string') return e.name;
    if (/\.(xml|rels)$/i.test(e.name) && !wholeXml(data)) return e.name;
  }
  return null;
}

/** Whether the XML has one root element, each element closed by its own name in order, and no tag left open. */
export function wholeXml(bytes: Uint8Array): boolean {
  const x = new XmlScanner(bytes);
  const open: string[] = [];
  let roots = 0;
  while (x.next()) {
    const kind = x.kind();
    if (kind === 'other') continue;
    const tag = x.tagName();
    if (tag === null) return false;
    if (kind === 'open' || kind === 'empty') {
      if (open.length === 0) roots++;
      if (kind === 'open') open.push(tag);
    } else if (kind === 'close' && open.pop() !== tag) return false;
  }
  return roots === 1 && open.length === 0;
}
