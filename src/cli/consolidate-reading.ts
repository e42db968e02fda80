/**
 * How `vtlt consolidate` reads one returned file, the same in the main thread and in a worker thread: only a regular
 * file is read (inputs.ts), opened with the fast reader; a file that cannot be read or opened is set aside with its
 * reason and also listed as unreadable (exit code 2).
 */
import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readingContext, type InputFile, type OpenResult } from '../app/consolidate';
import { readingSheets, readOne, type Context, type ReadOutcome } from '../app/consolidate-read';
import { readingRequest, type ConsolidateIntoRequest } from '../app/consolidate-into';
import { UnreadableFile } from '../app/unreadable-file';
import type { Day } from '../domain/calendar';
import { t, type Lang } from '../domain/i18n';
import { useAllCatalogs } from '../domain/i18n/all';
import type { PlanPack } from '../domain/plan-pack';
import type { FormPack } from '../domain/form-pack';
import type { Roster } from '../domain/roster';
import { LazyReadError, openForReading, openLazily } from '../hosts/xlsx/open-fast';
import { defaultPlanPack } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { readRegularFile, readRegularFileSync, type ReadOutcome as RegularRead } from './inputs';
import { cannotOpen, readOrRefuse } from './file-refusal';
import type { WorkbookPort, WorkbookSnapshot } from '../app/workbook-port';

export interface Unreadable {
  readonly file: string;
  readonly reason: string;
}

/** The packs a consolidation accepts files of: the bundled ones, each at its own version. */
export function knownPacks(plan: PlanPack, forms: FormPack): ReadonlyMap<string, readonly string[]> {
  return new Map<string, readonly string[]>([[plan.id, [plan.version]], [forms.id, [forms.version]]]);
}

/** A file's details and bytes being read (stat, readRegularFile), started before the file's turn comes. */
export interface StartedRead {
  readonly info: Promise<Stats | null>;
  readonly bytes: Promise<RegularRead>;
}

/**
 * A file as consolidation reads it; a read that fails is reported to `failed` (then set aside by consolidation).
 * `started`: its bytes already being read (the main thread reads its next file while it checks this one).
 */
export async function inputFile(file: string, lang: Lang, failed: (reason: string) => void, started?: StartedRead): Promise<InputFile> {
  const info = await (started?.info ?? statOf(file));
  return {
    name: file,
    ...(info?.isFile() ? { lastModified: info.mtimeMs } : {}),
    read: async () => {
      const read = await (started?.bytes ?? readRegularFile(file, lang));
      if (read.ok) return read.bytes;
      failed(read.reason);
      throw new UnreadableFile(read.reason);
    },
  };
}

function statOf(file: string): Promise<Stats | null> {
  return stat(file).catch(() => null);
}

function statNow(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/**
 * A file a worker thread opened, as readOne takes it: its bytes are not needed again (opening is done); one it could not
 * read or open is refused with its reason, as readOne sets aside a file it cannot read.
 */
function openedInput(file: string, o: OpenedFile, failed: (reason: string) => void): InputFile {
  return {
    name: file,
    ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}),
    read: () => {
      if (o.kind === 'opened') return Promise.resolve(new Uint8Array(0));
      failed(o.reason);
      return Promise.reject(new UnreadableFile(o.reason));
    },
  };
}

/** Opens bytes with the fast reader; never throws (an unforeseen failure is a damaged file), failures reported. */
export async function openGuarded(bytes: Uint8Array, lang: Lang, failed: (reason: string) => void): Promise<OpenResult> {
  let opened: OpenResult;
  try {
    opened = await openForReading(bytes, undefined, lang);
  } catch {
    opened = { ok: false, reason: t(lang, 'cli.file.damaged') };
  }
  if (!opened.ok) failed(opened.reason);
  return opened;
}

/** The consolidation workbook a run writes into again: its bytes, and the fast reader's port over them. */
export interface ExistingOutput {
  readonly bytes: Uint8Array;
  readonly port: WorkbookPort;
}

/** Opens the existing output for reading (the fast reader); a file that cannot be is a usage error naming it. */
export async function openExistingOutput(file: string, lang: Lang): Promise<ExistingOutput> {
  const bytes = await readOrRefuse(file, lang);
  const opened = await openLazily(bytes, lang);
  if (!opened.ok) throw cannotOpen(file, opened.reason, lang);
  const { port } = opened;
  return {
    bytes,
    port: {
      read: (names) => port.read(names).catch((e: unknown) => {
        throw e instanceof LazyReadError ? cannotOpen(file, e.reason, lang) : e;
      }),
      write: (specs, options) => port.write(specs, options),
    },
  };
}

/** What reading a file for consolidation depends on (plain data: it is copied to each worker thread). */
export interface ReadingSetup {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly inclusiveBefore: boolean;
  readonly window: number;
  readonly admitWarnings: boolean;
  readonly roster: Roster;
  readonly year: number;
  /** The plan given with --plan; the bundled one otherwise. */
  readonly planPack?: PlanPack;
}

/**
 * A file a worker thread read and opened, for the main thread to check and reduce: the sheets readOne reads (a
 * `snapshot` of null: they could not be read), or `refused`: why it could not be read or opened (set aside with that
 * reason either way). `S`: the sheets as the main thread takes them, or as the worker posts them (posted-snapshot.ts).
 */
export type OpenedFile<S = WorkbookSnapshot> =
  | { readonly kind: 'refused'; readonly reason: string; readonly lastModified?: number }
  | { readonly kind: 'opened'; readonly snapshot: S | null; readonly savedAt?: string; readonly lastModified?: number };

/** A file a worker thread opened, with its index in the batch. */
export interface OpenedDone<S = WorkbookSnapshot> {
  readonly index: number;
  /** null: opening failed there in a way nobody foresaw; the main thread reads the file itself. */
  readonly opened: OpenedFile<S> | null;
}

/** A port over sheets read elsewhere: it gives them as read (null for a sheet the workbook lacks); it writes nothing. */
function snapshotPort(snapshot: WorkbookSnapshot | null): WorkbookPort {
  return {
    read: async (names) => {
      if (snapshot === null) throw new Error('the sheets could not be read');
      return { sheetNames: snapshot.sheetNames, grids: new Map(names.map((n) => [n, snapshot.grids.get(n) ?? null])) };
    },
    write: () => Promise.reject(new Error('a file opened elsewhere is read-only')),
  };
}

/** What opening gives for a file a worker thread opened. */
function openedElsewhere(o: Extract<OpenedFile, { kind: 'opened' }>): OpenResult {
  return { ok: true, port: snapshotPort(o.snapshot), ...(o.savedAt !== undefined ? { savedAt: o.savedAt } : {}) };
}

export interface ReadDone {
  readonly index: number;
  readonly outcome: ReadOutcome;
  /** Why the file could not be read or opened, when so (it is then also listed as unreadable). */
  readonly failure?: string;
}

/**
 * Reads files for consolidation as the main thread's consolidateInto would (readOne, with the request readingRequest
 * builds from the bundled packs), one at a time: a worker thread only opens them (`open`), the main thread finishes
 * those and reads others whole (`read`). A failure nobody foresaw sets that file aside as damaged, never the batch.
 */
export class FileReading {
  private readonly ctx: Context;
  /** The reason the file being read could not be read or opened (one file at a time, so one slot). */
  private failure: string | undefined;
  /** The file being finished, when a worker thread opened it. */
  private opened: Extract<OpenedFile, { kind: 'opened' }> | null = null;

  constructor(private readonly setup: ReadingSetup) {
    // A worker thread starts with no catalog: the reasons it gives are in the user's language, as the main thread's.
    useAllCatalogs();
    const planPack = setup.planPack ?? defaultPlanPack();
    const formPack = defaultFormPack();
    const { lang } = setup;
    const request: ConsolidateIntoRequest = {
      files: [],
      planPack,
      formPack,
      knownPacks: knownPacks(planPack, formPack),
      defaultRoster: setup.roster,
      asOf: setup.asOf,
      inclusiveBefore: setup.inclusiveBefore,
      window: setup.window,
      admitWarnings: setup.admitWarnings,
      lang,
      open: (bytes) => (this.opened ? Promise.resolve(openedElsewhere(this.opened)) : openGuarded(bytes, lang, (reason) => (this.failure = reason))),
    };
    this.ctx = readingContext(readingRequest(request, { roster: setup.roster, year: setup.year }));
  }

  /** Reads a file's details and bytes, for read() or open() to use when its turn comes. */
  start(file: string): StartedRead {
    // Both at once, on this thread: a few system calls cost microseconds, whereas each step of an asynchronous read
    // would wait for this thread to come back to its event loop (once a file, while it reads one after another).
    return { info: Promise.resolve(statNow(file)), bytes: Promise.resolve(readRegularFileSync(file, this.setup.lang)) };
  }

  /**
   * Reads, checks and reduces a file: its bytes being read (`started`), or read and opened in a worker thread
   * (`opened`), the outcome the same either way.
   */
  async read(index: number, file: string, from?: StartedRead | OpenedFile): Promise<ReadDone> {
    const { lang } = this.setup;
    this.failure = undefined;
    const elsewhere = from && 'kind' in from ? from : null;
    this.opened = elsewhere?.kind === 'opened' ? elsewhere : null;
    let outcome: ReadOutcome;
    try {
      const failed = (reason: string): void => void (this.failure = reason);
      const input = elsewhere ? openedInput(file, elsewhere, failed) : await inputFile(file, lang, failed, from as StartedRead | undefined);
      outcome = await readOne(input, this.ctx);
    } catch {
      const reason = t(lang, 'cli.file.damaged');
      this.failure = reason;
      outcome = { ok: false, rejected: { file, reasons: [reason], issues: [] } };
    }
    this.opened = null;
    return { index, outcome, ...(this.failure !== undefined ? { failure: this.failure } : {}) };
  }

  /**
   * Reads a file and opens it, reading the sheets readOne reads, in a worker thread: the main thread checks and
   * reduces it (`read` given what this returns), so only the reading of bytes, inflating and parsing run here.
   */
  async open(file: string, started: StartedRead = this.start(file)): Promise<OpenedFile> {
    const { lang } = this.setup;
    const info = await started.info;
    const lastModified = info?.isFile() ? { lastModified: info.mtimeMs } : {};
    const read = await started.bytes;
    if (!read.ok) return { kind: 'refused', reason: read.reason, ...lastModified };
    const opened = await openGuarded(read.bytes, lang, () => undefined);
    if (!opened.ok) return { kind: 'refused', reason: opened.reason, ...lastModified };
    let snapshot: WorkbookSnapshot | null;
    try {
      snapshot = await opened.port.read(readingSheets(this.ctx));
    } catch {
      snapshot = null;
    }
    return { kind: 'opened', snapshot, ...(opened.savedAt !== undefined ? { savedAt: opened.savedAt } : {}), ...lastModified };
  }
}
