/**
 * `vtlt report`: each kind writes its .docx; a wrong file, a wrong output name or nothing to remind is a clear
 * message in the user's language with its exit code, and no file written.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/hosts/docx/read-docx';
import { nodeInflate } from '../../src/hosts/xlsx/open-fast';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { documentsFixture, NOV, readBytes, type DocumentsFixture } from '../helpers/documents-fixture';
import { runCli } from '../helpers/run-cli';

let fx: DocumentsFixture;

async function vtlt(lang: 'vi' | 'en', ...argv: string[]) {
  return runCli(argv, { now: NOV, lang });
}

const paragraphs = (file: string): string[] => {
  const r = readDocx(new Uint8Array(readFileSync(file)), nodeInflate);
  if (!r.ok) throw new Error(r.problem);
  return r.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((row) => row.cells.map((c) => c.text))));
};

beforeAll(async () => {
  fx = await documentsFixture();
}, 120_000);

afterAll(() => {
  if (fx) rmSync(fx.root, { recursive: true, force: true });
});

describe('vtlt report', () => {
  it('drafts each document and says what is left for a person to fill in', async () => {
    for (const kind of ['agency', 'province', 'reminder']) {
      const out = path.join(fx.root, `${kind}.docx`);
      const input = kind === 'agency' ? fx.agencyFile : fx.consolidationFile;
      const r = await vtlt('vi', 'report', kind, input, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Đã soạn`);
      expect(r.stdout).toContain('để trống "…"');
      expect(paragraphs(out).join('\n')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
  });

  it('refuses a consolidation workbook for an agency report, and an agency workbook for a province report', async () => {
    const a = await vtlt('vi', 'report', 'agency', fx.consolidationFile, '--out', path.join(fx.root, 'a.docx'));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Theo dõi nhiệm vụ 2026');
    expect(existsSync(path.join(fx.root, 'a.docx'))).toBe(false);
    const p = await vtlt('en', 'report', 'province', fx.agencyFile, '--out', path.join(fx.root, 'p.docx'));
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`is not a consolidation workbook: it has no "${SUBMISSION_SHEET}" sheet`);
  });

  it('checks the kind, the output name and the as-of date', async () => {
    expect((await vtlt('vi', 'report', 'memo', fx.agencyFile, '--out', 'x.docx')).stderr).toContain('Không có loại văn bản "memo"');
    const notDocx = await vtlt('vi', 'report', 'agency', fx.agencyFile, '--out', path.join(fx.root, 'x.pdf'));
    expect(notDocx.code).toBe(2);
    expect(notDocx.stderr).toContain('phải có đuôi .docx');
    const badDate = await vtlt('vi', 'report', 'agency', fx.agencyFile, '--out', path.join(fx.root, 'x.docx'), '--as-of', '31/02/2026');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('31/02/2026');
    const help = await vtlt('vi', 'report', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vtlt report reminder');
  });

  it('writes no letter when every agency of the roster reported on time (exit 1)', async () => {
    const wb = await FileWorkbook.load(readBytes(fx.consolidationFile));
    const ws = wb.workbook.getWorksheet(SUBMISSION_SHEET)!;
    // Sở Nội vụ keeps only the agencies that sent on time in its submission sheet.
    const keep = new Set(['SNV', '05455']);
    for (let r = ws.rowCount; r >= 5; r--) if (!keep.has(String(ws.getCell(r, 2).value))) ws.spliceRows(r, 1);
    const file = path.join(fx.root, 'all-on-time.xlsx');
    await import('node:fs').then((fs) => wb.toBuffer().then((b) => fs.writeFileSync(file, b)));
    const out = path.join(fx.root, 'none.docx');
    const r = await vtlt('vi', 'report', 'reminder', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không cần công văn đôn đốc');
    expect(existsSync(out)).toBe(false);
  });
});
