/**
 * Request size accounting for Office.js batches.
 *
 * Every `context.sync()` sends the whole queue of commands as one request, and Excel on the web refuses a request
 * (or a response) larger than 5 MB. The host therefore estimates what it queues and, only when a batch would pass a
 * budget well under that limit, sends what it has before queuing more. Typical sheets fit one request many times over,
 * so the number of round trips stays fixed; only a sheet of several megabytes costs one more round trip per budget.
 */

/** Excel on the web's documented limit for one request or one response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What the host allows itself per request on the web: a fifth below the limit, for the envelope it cannot see. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
/** Largest slice of one block written by a single `Range.formulas` assignment. */
export const BLOCK_CHUNK_BYTES = 512 * 1024;
/**
 * Bytes one queued command costs in the request besides its arguments: the action, or an object it makes (a range, its
 * format, a border …). Measured with Office.js 16.00 (web) inside Excel.run (test/e2e/office-js-payload.test.ts
 * measures the Excel fake against it): a property set ~107 bytes, an object 150–210, a range ~185 more for the
 * reference Excel.run keeps; with the 5-digit ids of a request near the budget, a row height (range, format, set) is
 * ~694 bytes. Rounded up.
 */
export const OPERATION_BYTES = 250;

/**
 * Size of a value as an argument in the request. Office.js puts it in the request's JSON, and on Excel on the web that
 * JSON travels inside a message that is JSON-stringified again (excel-web-16.00.debug.js: the body's text from
 * RichApiMessageUtility, the message from MessagePackager.envelope, both JSON.stringify, which leaves non-ASCII as it
 * is): so quotes and backslashes count twice, and characters count in UTF-8 (Vietnamese letters 2–3 bytes). Never less
 * than the JSON's length in characters or in UTF-8 bytes.
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) n += 2;
    else n += 3;
  }
  return n;
}

/** Cells above which Office.js writes a 2-D array in slices (setRangePropertiesInBulk). */
const BULK_CELLS = 1500;

/**
 * What Office.js adds when it writes a rows × width array in slices of ~1,500 cells: a size check, then per slice a
 * range made from two rows (three objects, each kept by Excel.run) and the set (~930–1,010 bytes measured).
 */
export function bulkBytes(rows: number, width: number): number {
  if (width <= 0 || rows * width <= BULK_CELLS) return 0;
  const slices = Math.ceil(rows / Math.max(1, Math.round(BULK_CELLS / width)));
  return OPERATION_BYTES * (1 + 5 * slices);
}

/** Tracks what has been queued since the last sync and syncs first when the next piece would not fit. */
export class RequestBudget {
  private used = 0;
  private flushes = 0;

  constructor(
    private readonly limit: number,
    private readonly flush: () => Promise<void>,
  ) {}

  /** Call before queuing commands that will cost about `bytes`. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.flush();
      this.flushes++;
      this.used = 0;
    }
    this.used += bytes;
  }

  /** Syncs made early because the queue reached the budget. */
  get extraSyncs(): number {
    return this.flushes;
  }

  /** Estimated bytes queued since the last sync this budget knows of. */
  get queued(): number {
    return this.used;
  }

  /** Forget the queued total after a sync made by the caller. */
  reset(): void {
    this.used = 0;
  }
}
