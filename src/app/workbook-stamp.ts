/** Use case: the identity stamp of the workbook (agency, reporting year), or null without one. One read. */
import { IDENTITY_SHEET, readIdentity, type Identity } from '../workbook/identity';
import type { WorkbookPort } from './workbook-port';

export async function readStamp(port: WorkbookPort): Promise<Identity | null> {
  const snapshot = await port.read([IDENTITY_SHEET]);
  const stamp = readIdentity(snapshot.grids.get(IDENTITY_SHEET) ?? null);
  return stamp.ok ? stamp.identity : null;
}
