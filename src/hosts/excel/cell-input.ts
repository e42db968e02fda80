/**
 * SheetSpec cell contents as Office.js input. Excel parses every string written through `Range.formulas` (or
 * `values`) the way it parses typing: "=…" becomes a formula, "0123" the number 123, "15/3/2026" a date, "TRUE" a
 * boolean. A SheetSpec string is always text, so any string Excel might read as something else gets the leading
 * apostrophe that tells Excel "text" (the apostrophe is not part of the stored value).
 *
 * The test is deliberately wider than Excel's parser — which depends on the user's locale — because a needless
 * apostrophe costs nothing, while a missing one changes the data.
 */
import { toExcelSerial } from '../../domain/calendar';
import { cellText } from '../../workbook/cell-text';
import { type CellValue, isDate, isFormula } from '../../workbook/sheet-spec';

export type ExcelInput = string | number | boolean | null;

const MONTH_WORD =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?[\s\-/,]+\d/i;
const ERROR_LITERAL = /^#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|field!|blocked!|busy!|connect!|unknown!)/i;

/** True when Excel could turn this text into a formula, number, date, time, percentage, boolean or error. */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  const first = text.charAt(0);
  // Formula starters, and the apostrophe itself (which Excel would otherwise swallow).
  if ('=+-@\''.includes(first)) return true;
  const t = text.trim();
  if (t === '') return false;
  // Anything that starts like a number: digits, decimal point, currency, accounting negatives "(5)".
  if (/^[\d.,(+\-=@$€£¥₫]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (MONTH_WORD.test(t)) return true;
  if (ERROR_LITERAL.test(t)) return true;
  return false;
}

/** One SheetSpec cell as the value to put in a `Range.formulas` array. null leaves the cell as it is (empty here). */
export function excelInput(v: CellValue): ExcelInput {
  if (v === null) return null;
  if (isFormula(v)) return v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
  if (isDate(v)) return toExcelSerial(v.date);
  if (typeof v === 'string') return needsTextGuard(cellText(v)) ? `'${cellText(v)}` : cellText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}
