/**
 * The product's own sheets (identity stamp, stored plan, drop-down lists, the undo records) all have names that start
 * "_vtlt": what tells them from the user's sheets, for the tools that look at the user's cells only.
 */
export const PRODUCT_SHEET_PREFIX = '_vtlt';

/** A sheet the add-in keeps for itself (never one whose cells a finding or a tool should point the user to). */
export function isProductSheet(name: string): boolean {
  return name.startsWith(PRODUCT_SHEET_PREFIX);
}
