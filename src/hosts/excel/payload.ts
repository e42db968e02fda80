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
 * Bytes one queued command costs in the request besides its arguments: the action, the object path it acts on
 * (getRange with its address, format, font …) and their ids: a generous estimate of the JSON Office.js builds.
 */
export const OPERATION_BYTES = 200;

/**
 * Size of a value once serialised into the request, counting every non-ASCII character as a six-byte "\uXXXX"
 * escape (the worst case), so Vietnamese text is never underestimated.
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) extra += 5;
  return json.length + extra;
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
