/**
 * A made-up 2027 plan of another province (issue 11, item 7), imported from Word, drives the product end to end:
 * trackers written from it for several agencies, recalculated by LibreOffice, show the due states the domain code
 * computes (the unreadable phrase as "Không đọc được thời hạn"); validation accepts the filled files; consolidation
 * lists the overdue tasks of that plan and nothing for the task without a readable deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidate, type OpenResult } from '../../src/app/consolidate';
import { insertTracker } from '../../src/app/insert-tracker';
import { planRows } from '../../src/app/plan-status';
import { sheetsToRead, validateSnapshot } from '../../src/app/validate-workbook';
import { type Day, parseIso, toExcelSerial } from '../../src/domain/calendar';
import { STATUS_DONE } from '../../src/domain/due-state';
import { importPlan } from '../../src/domain/plan-import';
import { planMetaFromText } from '../../src/domain/plan-import-meta';
import type { PlanPack } from '../../src/domain/plan-pack';
import type { RosterEntry } from '../../src/domain/roster';
import { planDocument } from '../../src/hosts/docx/plan-docx';
import { readDocx } from '../../src/hosts/docx/read-docx';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { nodeInflate, openForReading } from '../../src/hosts/xlsx/open-fast';
import { defaultRoster } from '../../src/packs';
import { TRACKER_COL, type TrackerRow } from '../../src/workbook/tracker';
import { plan2027Spec, planDocx } from '../helpers/plan-docx';
import { convert, createSession, CSV_FILTER, disposeSession, findSoffice, readCsv, type LoSession } from './lo';

const roster = defaultRoster();
const day = (iso: string): Day => parseIso(iso) ?? (() => { throw new Error(iso); })();
const entry = (pred: (e: RosterEntry) => boolean): RosterEntry => roster.entries.find(pred) ?? (() => { throw new Error('no agency'); })();
const AGENCIES = [entry((e) => e.code === 'SNV'), entry((e) => e.code === 'STC'), entry((e) => e.kind === 'xa'), entry((e) => e.kind === 'phuong')];
const AS_OF = ['2027-01-15', '2027-03-14', '2027-03-20', '2027-07-15', '2027-10-15', '2027-12-31'];
const UNREADABLE = 'Không đọc được thời hạn';

let session: LoSession | undefined;
let pack: PlanPack;
const files: Array<{ name: string; agency: RosterEntry; asOf: string; file: string; rows: readonly TrackerRow[]; csv: string[][] }> = [];

/** STC finishes task 1 late and task 4 on time, so done states are exercised too. */
const progress = (agency: RosterEntry) => (id: string) =>
  agency.code === 'STC' && id === '1' ? { status: STATUS_DONE, completion: day('2027-03-05') }
    : agency.code === 'STC' && id === '4' ? { status: STATUS_DONE, completion: day('2027-05-05') } : undefined;

beforeAll(async () => {
  const docx = readDocx(await planDocx(plan2027Spec()), nodeInflate);
  if (!docx.ok) throw new Error(docx.problem);
  const doc = planDocument(docx.blocks);
  const imported = importPlan(doc.rows, planMetaFromText(doc.paragraphs), roster);
  if (!imported.ok) throw new Error(JSON.stringify(imported.findings));
  pack = imported.pack;
  if (!findSoffice()) return;
  session = await createSession('vtlt-plan-2027-');
  const dir = path.join(session.dir, 'xlsx');
  await mkdir(dir, { recursive: true });
  for (const agency of AGENCIES) {
    for (const asOf of AS_OF) {
      const wb = FileWorkbook.create();
      const r = await insertTracker(wb, { pack, agency, asOf: day(asOf), now: new Date(Date.UTC(2027, 0, 10)), confirm: async () => true });
      if (!r.ok) throw new Error(r.question);
      const ws = wb.workbook.getWorksheet(pack.trackerSheetName);
      for (const row of r.layout.rows) {
        const p = progress(agency)(row.task.id);
        if (!p || !ws) continue;
        ws.getCell(row.row, TRACKER_COL.status).value = p.status;
        ws.getCell(row.row, TRACKER_COL.completion).value = toExcelSerial(p.completion);
      }
      const name = `${agency.code}-${asOf}`;
      const file = path.join(dir, `${name}.xlsx`);
      await writeFile(file, await wb.toBuffer());
      files.push({ name, agency, asOf, file, rows: r.layout.rows, csv: [] });
    }
  }
  const csvFiles = await convert(session, files.map((f) => f.file), CSV_FILTER, path.join(session.dir, 'csv'));
  for (const [i, f] of files.entries()) f.csv = await readCsv(csvFiles[i] ?? '');
});

afterAll(async () => disposeSession(session));

describe.runIf(findSoffice() !== null)('a 2027 plan of another province, end to end', () => {
  it('imports with the phrases of the issue and keeps the unreadable one', () => {
    expect(pack).toMatchObject({ id: 'bn-vtlt-2027', year: 2027, province: 'Bắc Ninh', trackerSheetName: 'Theo dõi nhiệm vụ 2027' });
    expect(pack.tasks.find((t) => t.id === '7b')?.deadlineText).toBe('Khi có yêu cầu của cấp trên');
  });

  it('trackers recalculated by LibreOffice show the states the domain computes, for every agency and date', () => {
    const states = new Set<string>();
    for (const f of files) {
      const expected = new Map(
        planRows(pack, { asOf: day(f.asOf), window: 14, inclusiveBefore: false }, f.agency, progress(f.agency))
          .map((r) => [r.task.id, r.due?.label ?? UNREADABLE]),
      );
      const got = f.rows.map((r) => [r.task.id, f.csv[r.row - 1]?.[TRACKER_COL.dueState - 1] ?? '']);
      expect(got, f.name).toEqual(f.rows.map((r) => [r.task.id, expected.get(r.task.id)]));
      for (const [, label] of got) states.add(String(label).replace(/\d+/, 'n'));
    }
    expect([...states].sort()).toEqual([
      'Chưa đến kỳ', 'Hoàn thành quá hạn', 'Hoàn thành đúng hạn', 'Không đọc được thời hạn', 'Quá hạn (n ngày)', 'Sắp đến hạn (còn n ngày)',
      'Trong hạn',
    ].sort());
  });

  it('validation accepts the files made from the 2027 plan', async () => {
    const options = { planPack: pack, knownPacks: new Map([[pack.id, [pack.version]]]), requireTracker: true };
    for (const f of files.filter((x) => x.asOf === '2027-07-15')) {
      const wb = await FileWorkbook.load(await readFile(f.file));
      const report = validateSnapshot(await wb.read(sheetsToRead(options)), options);
      expect(report.errors, `${f.name}: ${JSON.stringify(report.issues)}`).toBe(0);
      expect(report.agency?.code).toBe(f.agency.code);
    }
  });

  it('consolidation lists the overdue tasks of the 2027 plan, none for the unreadable deadline', async () => {
    const chosen = files.filter((x) => x.asOf === '2027-07-15');
    const open = async (bytes: Uint8Array): Promise<OpenResult> => openForReading(bytes);
    const c = await consolidate({
      files: chosen.map((f) => ({ name: path.basename(f.file), read: () => readFile(f.file).then((b) => new Uint8Array(b)) })),
      planPack: pack, roster, asOf: day('2027-07-15'), knownPacks: new Map([[pack.id, [pack.version]]]), open,
    });
    expect(c.rejected).toEqual([]);
    expect(c.accepted.length).toBe(AGENCIES.length);
    const overdue = c.overdue.map((o) => `${o.agency.code}:${o.row.task.id}`).sort();
    const expected = chosen.flatMap((f) =>
      planRows(pack, { asOf: day('2027-07-15'), window: 14, inclusiveBefore: false }, f.agency, progress(f.agency))
        .filter((r) => r.due?.state === 'overdue').map((r) => `${f.agency.code}:${r.task.id}`)).sort();
    expect(overdue).toEqual(expected);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.some((o) => o.endsWith(':7b'))).toBe(false);
  });
});
