/** The identity stamp of a workbook (agency, reporting year) in sheets already read, or null without a valid one. */
import type { Grid } from '../workbook/grid';
import { IDENTITY_SHEET, readIdentity, type Identity } from '../workbook/identity';

export function stampIn(grids: ReadonlyMap<string, Grid | null>): Identity | null {
  const stamp = readIdentity(grids.get(IDENTITY_SHEET) ?? null);
  return stamp.ok ? stamp.identity : null;
}
