/**
 * "Soạn văn bản" through Office.js (on the fake Excel): which documents the open workbook gives and the drafting of
 * each, in a fixed number of round trips — one to tell the workbook's kind (sheet names), one to draft — whatever
 * the number of agencies; the same documents the command line drafts from the same data.
 */
import { describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook } from '../../../src/app/consolidate-into';
import { documentPlainText } from '../../../src/app/documents/plain-text';
import { documentsOffered, draftFromWorkbook, type DraftOptions } from '../../../src/app/documents/workbook-documents';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { mustDay } from '../../../src/domain/calendar';
import { useAllCatalogs } from '../../../src/domain/i18n/all';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/open';
import { defaultFormPack } from '../../../src/packs/forms';
import { agencyWorkbook } from '../../helpers/agency-workbook';
import { agency, NOW, pack, rig, roster, yes } from './helpers';

useAllCatalogs();
const forms = defaultFormPack();
const knownPacks = new Map([[pack.id, [pack.version]], [forms.id, [forms.version]]]);
const options: DraftOptions = { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() };

async function agencyRig() {
  const r = rig();
  const who = agency('05455');
  await insertTracker(r.workbook, { pack, agency: who, now: NOW, confirm: yes });
  const inserted = await insertForms(r.workbook, { pack: forms, agency: who, year: 2025, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: yes });
  if (!inserted.ok) throw new Error('forms not inserted');
  r.fake.resetCounters();
  return r;
}

async function consolidationRig(codes: readonly string[]) {
  const r = rig();
  const files = await Promise.all(
    codes.map(async (code, i) => {
      const bytes = await (await agencyWorkbook(agency(code), NOW, 40 + i)).workbook.toBuffer(NOW);
      return { name: `${code}.xlsx`, read: async () => bytes };
    }),
  );
  await consolidateIntoWorkbook(r.workbook, {
    files, planPack: pack, formPack: forms, knownPacks, defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
    open: async (bytes) => {
      const opened = await openWorkbookBytes(bytes);
      return opened.ok ? { ok: true, port: opened.workbook } : opened;
    },
  });
  r.fake.resetCounters();
  return r;
}

describe('documents from the workbook open in Excel', () => {
  it('an agency workbook offers its report, told in one round trip; drafting it takes one more', async () => {
    const { fake, workbook } = await agencyRig();
    const offered = await documentsOffered(workbook, pack);
    expect(offered).toEqual({ agency: true, consolidation: false, kinds: ['agency'] });
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    const made = await draftFromWorkbook(workbook, 'agency', options);
    expect(fake.syncCount).toBe(1);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.fileName).toBe(`Bao-cao-van-thu-luu-tru-${pack.year}-05455.docx`);
    const text = documentPlainText(made.document);
    expect(text).toContain('ỦY BAN NHÂN DÂN\nPHƯỜNG QUYẾT THẮNG');
    expect(text).toContain(`BÁO CÁO\nTình hình thực hiện công tác văn thư, lưu trữ năm ${pack.year}`);
    // Nothing is written to the workbook.
    expect(fake.log.filter((l) => !/\.load\(|\.get[A-Za-z]*\(|\.getUsedRangeOrNullObject$/.test(l))).toEqual([]);
  });

  it('a consolidation offers the province report and the reminder; each drafted in one round trip, 2 or 5 agencies alike', async () => {
    for (const codes of [['SNV', 'STC'], ['SNV', 'STC', '05455', 'SYT', 'SGDDT']]) {
      const { fake, workbook } = await consolidationRig(codes);
      const offered = await documentsOffered(workbook, pack);
      expect(offered.kinds).toEqual(['province', 'reminder']);
      expect(fake.syncCount).toBe(1);
      for (const kind of ['province', 'reminder'] as const) {
        fake.resetCounters();
        const made = await draftFromWorkbook(workbook, kind, options);
        expect(fake.syncCount, kind).toBe(1);
        expect(made.ok, kind).toBe(true);
        if (!made.ok) continue;
        const text = documentPlainText(made.document);
        expect(text).toContain('SỞ NỘI VỤ');
        if (kind === 'province') expect(text).toContain(`${codes.length}/${roster.entries.length}`);
        // The letter goes to those that did not send: never one whose file was received.
        if (kind === 'reminder') for (const code of codes) expect(text).not.toContain(`\t${code}\t`);
      }
    }
  });

  it('a workbook that is neither offers nothing; asking anyway names the sheet that is missing', async () => {
    const { fake, workbook } = rig();
    expect((await documentsOffered(workbook, pack)).kinds).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(await draftFromWorkbook(workbook, 'agency', options)).toEqual({ ok: false, reason: 'no-tracker', sheet: pack.trackerSheetName });
    expect(await draftFromWorkbook(workbook, 'reminder', options)).toEqual({ ok: false, reason: 'not-consolidation', sheet: 'Theo dõi nộp báo cáo' });
  });
});
