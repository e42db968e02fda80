/**
 * Which of an agency's files counts when it sent several: the newest by when the workbook was last saved
 * (dcterms:modified), then by the file's modification time; never by its name or by the generation stamp, which an
 * edited re-send keeps. Files that cannot be told apart and differ are a conflict: listed, none counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openWithSavedAt } from './open-saved';
import { consolidate, missingCodes, missingSubmissions, type InputFile } from '../../src/app/consolidate';
import { consolidationSheets, reminderParagraphs } from '../../src/app/consolidation-output';
import { builtSheet } from '../../src/workbook/sheet-spec';
import { formsPart } from '../../src/app/forms-part';
import { chooseResend, compareResends, type ResendCandidate } from '../../src/app/resend-order';
import { mustDay } from '../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { CONFLICT, SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { agencyWorkbook, type AgencyWorkbook } from '../helpers/agency-workbook';
import { withSavedAt } from '../helpers/core-props';

const plan = defaultPlanPack();
const forms = defaultFormPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
/** One generation stamp for every file: an edited re-send keeps it. */
const GENERATED = new Date(Date.UTC(2026, 1, 20, 3));
const T1 = '2026-02-21T02:00:00Z';
const T2 = '2026-02-24T09:30:00Z';

/** The file host's contract: a workbook opened for reading comes with its dcterms:modified (open-saved.ts). */
const open = openWithSavedAt;

function file(name: string, bytes: Uint8Array, lastModified?: number): InputFile {
  return { name, ...(lastModified !== undefined ? { lastModified } : {}), read: async () => bytes };
}

async function run(files: readonly InputFile[]) {
  return consolidate({
    files,
    planPack: plan,
    roster,
    asOf: mustDay(2026, 3, 1),
    forms: formsPart(forms, { requireAll: false, expectedYear: 2025 }),
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    open,
  });
}

/** "form key" → value, rounded as consolidation sums (figures in m² and triệu đồng carry decimals). */
const flat = (m: ReadonlyMap<string, ReadonlyMap<string, number>>) =>
  new Map([...m].flatMap(([form, cells]) => [...cells].map(([key, v]) => [`${form} ${key}`, Math.round(v * 1e6) / 1e6] as const)));
const totalsOf = (c: Awaited<ReturnType<typeof run>>) => flat(c.totals);
const figuresOf = (a: AgencyWorkbook) => flat(a.figures);

describe('chooseResend', () => {
  const c = (file: string, savedAt: string | null, lastModified: number | null, fingerprint = file): ResendCandidate => ({ file, savedAt, lastModified, fingerprint });

  it('the later save wins, whatever the names and the file times', () => {
    const choice = chooseResend([c('SNV.xlsx', T1, 9_000), c('SNV_v2.xlsx', T2, 1_000)]);
    expect(choice.kind === 'one' && choice.keep.file).toBe('SNV_v2.xlsx');
    expect(choice.replaced.map((f) => f.file)).toEqual(['SNV.xlsx']);
    const reverse = chooseResend([c('b.xlsx', T1, null), c('a.xlsx', T2, null)]);
    expect(reverse.kind === 'one' && reverse.keep.file).toBe('a.xlsx');
  });

  it('the same saved time (or an unknown one): the later file time wins', () => {
    expect(compareResends(c('a', T1, 2_000), c('b', T1, 1_000))).toBeGreaterThan(0);
    expect(compareResends(c('a', null, 2_000), c('b', T1, 1_000))).toBeGreaterThan(0);
    const choice = chooseResend([c('x.xlsx', T1, 5_000), c('y.xlsx', T1, 7_000)]);
    expect(choice.kind === 'one' && choice.keep.file).toBe('y.xlsx');
  });

  it('nothing tells them apart and they differ: a conflict of the newest, the older ones replaced', () => {
    const choice = chooseResend([c('a.xlsx', T2, null), c('old.xlsx', T1, null), c('b.xlsx', T2, null)]);
    expect(choice.kind).toBe('conflict');
    if (choice.kind === 'conflict') expect(choice.files.map((f) => f.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(choice.replaced.map((f) => f.file)).toEqual(['old.xlsx']);
    expect(chooseResend([c('a', T1, 3), c('b', T1, 3)]).kind).toBe('conflict');
  });

  it('copies of one file are no conflict', () => {
    const choice = chooseResend([c('SYT (1).xlsx', T1, null, 'same'), c('SYT.xlsx', T1, null, 'same')]);
    expect(choice.kind).toBe('one');
    expect(choice.replaced).toHaveLength(1);
  });
});

describe('consolidate: an agency that re-sent its workbook', () => {
  let first: AgencyWorkbook;
  let corrected: AgencyWorkbook;
  let firstBytes: Uint8Array;
  let correctedBytes: Uint8Array;

  beforeAll(async () => {
    // The same agency, the same generation stamp, different figures: the re-send corrected them.
    first = await agencyWorkbook(agency('SNV'), GENERATED, 11);
    corrected = await agencyWorkbook(agency('SNV'), GENERATED, 12);
    firstBytes = await first.workbook.toBuffer();
    correctedBytes = await corrected.workbook.toBuffer();
  });

  it('the re-send saved later counts, even when its name sorts after the first file\'s', async () => {
    const c = await run([file('SNV.xlsx', withSavedAt(firstBytes, T1)), file('SNV_v2.xlsx', withSavedAt(correctedBytes, T2))]);
    expect(c.accepted.map((a) => a.file)).toEqual(['SNV_v2.xlsx']);
    expect(c.replaced.map((r) => [r.file, r.by])).toEqual([['SNV.xlsx', 'SNV_v2.xlsx']]);
    expect(c.conflicts).toEqual([]);
    expect(totalsOf(c)).toEqual(figuresOf(corrected));
  });

  it('and the first file counts when it is the one saved later', async () => {
    const c = await run([file('SNV.xlsx', withSavedAt(firstBytes, T2)), file('SNV_v2.xlsx', withSavedAt(correctedBytes, T1))]);
    expect(c.accepted.map((a) => a.file)).toEqual(['SNV.xlsx']);
    expect(totalsOf(c)).toEqual(figuresOf(first));
  });

  it('the same saved time: the file modified later counts', async () => {
    const c = await run([
      file('SNV.xlsx', withSavedAt(firstBytes, T1), Date.parse('2026-02-25T00:00:00Z')),
      file('SNV_v2.xlsx', withSavedAt(correctedBytes, T1), Date.parse('2026-02-22T00:00:00Z')),
    ]);
    expect(c.accepted.map((a) => a.file)).toEqual(['SNV.xlsx']);
  });

  it('different files saved at the same time: both listed, neither counted, the agency not chased as missing', async () => {
    const other = await agencyWorkbook(agency('STC'), GENERATED, 13);
    const c = await run([
      file('SNV.xlsx', withSavedAt(firstBytes, T1)),
      file('SNV_v2.xlsx', withSavedAt(correctedBytes, T1)),
      file('STC.xlsx', withSavedAt(await other.workbook.toBuffer(), T1)),
    ]);
    expect(c.conflicts.map((x) => [x.agency.code, x.files.map((f) => f.file)])).toEqual([['SNV', ['SNV.xlsx', 'SNV_v2.xlsx']]]);
    expect(c.accepted.map((a) => a.agency.code)).toEqual(['STC']);
    expect(totalsOf(c)).toEqual(figuresOf(other));
    expect(missingCodes(c)).not.toContain('SNV');
    const row = c.submissions.find((s) => s.agency.code === 'SNV')!;
    expect(row.accepted).toBeNull();
    expect(row.conflict).toHaveLength(2);
    // One rule for who is missing: the report's list, and the workbook's reminder, which does not chase it either.
    expect(missingSubmissions(c).map((s) => s.agency.code)).toEqual(missingCodes(c));
    const listed = reminderParagraphs(c, plan).filter((p) => /^\d+\. /.test(p));
    expect(listed.length).toBe(missingCodes(c).length);
    expect(listed.some((p) => p.endsWith(`. ${row.agency.name}.`))).toBe(false);

    // "Theo dõi nộp báo cáo" says so on the agency's line.
    const sheet = builtSheet(consolidationSheets(c, plan, 'vi').find((s) => s.name === SUBMISSION_SHEET)!);
    const body = sheet.blocks.find((b) => b.at === 'A5')!.rows;
    const line = body.find((r) => r[1] === 'SNV')!;
    expect(line[4]).toBe(CONFLICT);
    expect(line[5]).toBe('SNV.xlsx; SNV_v2.xlsx');
    expect(line[13]).toBe('Không (chờ chọn tệp)');
    const subtitle = sheet.blocks.find((b) => b.at === 'A2')!.rows[0]![0];
    expect(subtitle).toContain('1 đơn vị gửi nhiều tệp khác nhau có cùng thời điểm lưu');
  });

  it('two copies of the same file are no conflict', async () => {
    const bytes = withSavedAt(firstBytes, T1);
    const c = await run([file('SNV.xlsx', bytes), file('SNV (1).xlsx', bytes)]);
    expect(c.conflicts).toEqual([]);
    expect(c.accepted).toHaveLength(1);
    expect(totalsOf(c)).toEqual(figuresOf(first));
  });

  it('a file saved after two conflicting ones settles it, in whatever order the files come', async () => {
    const third = await agencyWorkbook(agency('SNV'), GENERATED, 14);
    const files = [
      file('SNV.xlsx', withSavedAt(firstBytes, T1)),
      file('SNV_v2.xlsx', withSavedAt(correctedBytes, T1)),
      file('SNV_v3.xlsx', withSavedAt(await third.workbook.toBuffer(), T2)),
    ];
    for (const order of [[0, 1, 2], [2, 0, 1], [1, 2, 0]]) {
      const c = await run(order.map((i) => files[i]!));
      expect(c.conflicts, order.join()).toEqual([]);
      expect(c.accepted.map((a) => a.file)).toEqual(['SNV_v3.xlsx']);
      expect(c.replaced.map((r) => [r.file, r.by]).sort()).toEqual([['SNV.xlsx', 'SNV_v3.xlsx'], ['SNV_v2.xlsx', 'SNV_v3.xlsx']]);
      expect(totalsOf(c)).toEqual(figuresOf(third));
    }
  });
});
