/**
 * The file host's contract for consolidation tests: a workbook opened for reading comes with its dcterms:modified. Read
 * here from the bytes, so the tests are about the use case, whatever reader is plugged in.
 */
import type { OpenResult } from '../../src/app/consolidate';
import { openForReading } from '../../src/hosts/xlsx/open-fast';
import { savedAtOf } from '../helpers/core-props';

export async function openWithSavedAt(bytes: Uint8Array): Promise<OpenResult> {
  const opened = await openForReading(bytes);
  if (!opened.ok) return opened;
  const savedAt = savedAtOf(bytes);
  return { ok: true, port: opened.port, ...(savedAt !== null ? { savedAt } : {}) };
}
