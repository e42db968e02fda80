import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeInflate } from '../../../src/hosts/xlsx/open-fast';
import { readDocx, tableGrid, type DocxBlock } from '../../../src/hosts/docx/read-docx';
import { planDocument } from '../../../src/hosts/docx/plan-docx';
import { planMetaFromText } from '../../../src/domain/plan-import-meta';
import { importPlan, type ImportFinding } from '../../../src/domain/plan-import';
import type { PlanPack } from '../../../src/domain/plan-pack';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { PLAN_HEADER, planDocx, seedPlanSpec } from '../../helpers/plan-docx';

const SEED = path.resolve(__dirname, '../../../../shared/seed/ke-hoach-vtlt-2026-thai-nguyen.txt');
const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8').normalize('NFC') : null;
const bundled = defaultPlanPack();
const roster = defaultRoster();

function blocksOf(bytes: Uint8Array): readonly DocxBlock[] {
  const r = readDocx(bytes, nodeInflate);
  if (!r.ok) throw new Error(r.problem);
  return r.blocks;
}

async function importDocx(bytes: Uint8Array): Promise<{ pack: PlanPack; findings: readonly ImportFinding[]; tables: readonly number[] }> {
  const doc = planDocument(blocksOf(bytes));
  const r = importPlan(doc.rows, planMetaFromText(doc.paragraphs), roster, {}, doc.paragraphs);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return { pack: r.pack, findings: r.findings, tables: doc.taskTables };
}

describe.runIf(seed !== null)('the 2026 plan as a Word document', () => {
  for (const split of [false, true]) {
    it(`imports to the bundled plan, task by task and field by field${split ? ' (table split in two at a page break)' : ' (header row repeated before row 10)'}`, async () => {
      const { pack, findings, tables } = await importDocx(await planDocx(seedPlanSpec(seed ?? '', { split })));
      expect(tables).toEqual(split ? [2, 3] : [2]);
      const appendix = bundled.tasks.filter((t) => t.section === 'appendix');
      expect(pack.tasks.map((t) => t.id)).toEqual(bundled.tasks.map((t) => t.id));
      for (const [i, t] of bundled.tasks.entries()) {
        const got = pack.tasks[i];
        for (const field of ['id', 'section', 'parent', 'content', 'leadText', 'coordinatingText', 'deadlineText', 'lead', 'coordinating'] as const) {
          expect(got?.[field], `${t.id}.${field}`).toEqual(t[field]);
        }
      }
      expect(pack.headings).toEqual(bundled.headings);
      expect(pack.sections).toEqual(bundled.sections);
      // The whole plan is the bundled one but for its legal bases, which the text lists in one sentence.
      expect({ ...pack, legalBases: [] }).toEqual({ ...bundled, legalBases: [] });
      expect(appendix).toHaveLength(18);
      // What the plan says about itself.
      expect(pack).toMatchObject({
        id: bundled.id, title: bundled.title, year: 2026, statisticsYear: 2025, province: 'Thái Nguyên', issuer: bundled.issuer,
        signer: bundled.signer, number: '', numberSuffix: '/KH-UBND', placeAndDate: bundled.placeAndDate, issuedDate: null,
        trackerSheetName: bundled.trackerSheetName, reportDeadlineTaskId: '16a',
      });
      // What the import reports on it: the archives centre is not in the default roster, and no agency is flagged as
      // having construction projects yet, so no one leads row 16c until Sở Nội vụ sets the flag.
      expect(findings.map((f) => [f.code, 'id' in f ? f.id : ''])).toEqual([
        ['body-not-in-roster', '6'], ['body-not-in-roster', '11'], ['body-not-in-roster', '15'], ['led-by-no-one', '16c'],
      ]);
      const row16c = findings.find((f) => f.code === 'led-by-no-one');
      expect(row16c && 'where' in row16c && row16c.where).toEqual(split ? { table: 3, row: 11 } : { table: 2, row: 21 });
    });
  }
});

describe('reading a .docx', () => {
  it('resolves spans, vertical merges and skipped grid columns into a rectangle', () => {
    const c = (text: string, span = 1, vMerge: 'restart' | 'continue' | null = null) => ({ text, span, vMerge });
    expect(tableGrid([
      { header: true, gridBefore: 0, cells: [c('A'), c('B', 2), c('D')] },
      { header: false, gridBefore: 1, cells: [c('x', 1, 'restart'), c('y'), c('z')] },
      { header: false, gridBefore: 1, cells: [c('', 1, 'continue'), c('w', 2)] },
    ])).toEqual([['A', 'B', '', 'D'], ['', 'x', 'y', 'z'], ['', 'x', 'w', '']]);
  });

  it('keeps the paragraphs of a cell as lines, runs joined, and marks the repeating header row', async () => {
    const bytes = await planDocx({
      before: ['KẾ HOẠCH', 'Công tác **văn thư**, *lưu trữ* năm 2027'],
      rows: [
        { header: true, cells: PLAN_HEADER.map((h) => ({ text: h })) },
        { cells: [{ text: '1' }, { text: ['Dòng một', 'Dòng hai'] }, { text: 'Sở Nội vụ' }, { text: '' }, { text: 'Quý II/2027' }] },
      ],
    });
    const blocks = blocksOf(bytes);
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.text)).toEqual(['KẾ HOẠCH', 'Công tác văn thư, lưu trữ năm 2027']);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.header)).toEqual([true, false]);
    const { pack } = await importDocx(bytes);
    expect(pack.tasks[0]?.content).toBe('Dòng một\nDòng hai');
    expect(pack.title).toBe('Kế hoạch công tác văn thư, lưu trữ năm 2027');
    expect(pack.year).toBe(2027);
  });

  it('says what is wrong with a file that is not a Word document, or is damaged', async () => {
    expect(readDocx(new TextEncoder().encode('xin chào'), nodeInflate)).toEqual({ ok: false, problem: 'not-zip' });
    expect(readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), nodeInflate)).toEqual({ ok: false, problem: 'legacy-doc' });
    const xlsx = await FileWorkbook.create().toBuffer();
    expect(readDocx(xlsx, nodeInflate)).toEqual({ ok: false, problem: 'not-docx' });
    const good = await planDocx({ before: ['x'.repeat(2000)], rows: [{ cells: [{ text: 'a' }] }] });
    const bad = good.slice();
    const at = Buffer.from(bad).indexOf('word/document.xml');
    // Flip a byte of the document part's compressed data (after its local header).
    const k = at + 'word/document.xml'.length + 20;
    bad[k] = (bad[k] ?? 0) ^ 0xff;
    expect(readDocx(bad, nodeInflate)).toEqual({ ok: false, problem: 'damaged' });
  });
});

describe('other shapes of the table', () => {
  it('a header on two rows ("Cơ quan thực hiện" over "Chủ trì" and "Phối hợp"), merged down where it spans both', async () => {
    const bytes = await planDocx({
      before: ['KẾ HOẠCH', 'Công tác văn thư, lưu trữ năm 2027'],
      rows: [
        { header: true, cells: [{ text: 'TT', vMerge: 'restart' }, { text: 'Nội dung công việc', vMerge: 'restart' }, { text: 'Cơ quan thực hiện', span: 2 }, { text: ['Thời gian', 'hoàn thành'], vMerge: 'restart' }] },
        { header: true, cells: [{ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: 'Chủ trì' }, { text: 'Phối hợp' }, { text: '', vMerge: 'continue' }] },
        { cells: [{ text: '1' }, { text: 'Việc một' }, { text: 'Sở Nội vụ' }, { text: 'Sở Tư pháp' }, { text: 'Quý II/2027' }] },
      ],
    });
    const { pack } = await importDocx(bytes);
    expect(pack.tasks.map((t) => [t.id, t.leadText, t.coordinatingText, t.deadlineText])).toEqual([['1', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý II/2027']]);
  });

  it('a table typed as tab-separated lines, rows named by their paragraph', async () => {
    const bytes = await planDocx({
      before: ['KẾ HOẠCH', 'Công tác văn thư, lưu trữ năm 2027', PLAN_HEADER.join('\t'), '1\tViệc một\tSở Nội vụ\t\tKhi cần'],
      rows: [{ cells: [{ text: 'Bảng khác' }] }],
    });
    const doc = planDocument(blocksOf(bytes));
    const r = importPlan(doc.rows, planMetaFromText(doc.paragraphs), roster);
    expect(r.ok && r.pack.tasks.map((t) => t.id)).toEqual(['1']);
    expect(r.findings).toContainEqual({ code: 'deadline-unreadable', where: { row: 0, paragraph: 4 }, id: '1', text: 'Khi cần' });
  });
});

describe('edited documents', () => {
  it('reads tracked changes as accepted: deleted text left out, inserted text kept', async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, DeletedTextRun, InsertedTextRun } = await import('docx');
    const change = { author: 'Sở Nội vụ', date: '2027-01-05T08:00:00Z' };
    const cell = (children: InstanceType<typeof Paragraph>[]) => new TableCell({ children });
    const doc = new Document({ sections: [{ children: [new Table({ rows: [
      new TableRow({ children: PLAN_HEADER.map((h) => cell([new Paragraph(h)])) }),
      new TableRow({ children: [
        cell([new Paragraph('1')]), cell([new Paragraph('Kiểm tra')]), cell([new Paragraph('Sở Nội vụ')]), cell([new Paragraph('')]),
        cell([new Paragraph({ children: [
          new TextRun('Quý '), new DeletedTextRun({ ...change, id: 1, text: 'I' }), new InsertedTextRun({ ...change, id: 2, text: 'II' }), new TextRun('/2027'),
        ] })]),
      ] }),
    ] })] }] });
    const { pack } = await importDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(pack.tasks[0]?.deadlineText).toBe('Quý II/2027');
  });
});
