import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { worksheetToGrid } from '../../src/hosts/xlsx/read-grid';
import { defaultPlanPack } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { readFormSheet } from '../../src/workbook/forms-read';
import { IDENTITY_SHEET, readIdentity, type Identity } from '../../src/workbook/identity';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';
import { cli, loadXlsx, packJson } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vtlt-forms-'));
});
const file = (name: string) => path.join(dir, name);

async function identityOf(wb: ExcelJS.Workbook): Promise<Identity> {
  const ws = wb.getWorksheet(IDENTITY_SHEET);
  if (!ws) throw new Error('no identity sheet');
  const stamp = readIdentity(worksheetToGrid(ws));
  if (!stamp.ok) throw new Error('identity not readable');
  return stamp.identity;
}

describe('vtlt forms: argument errors exit 2 with a Vietnamese message', () => {
  it.each([
    ['20x5', 'Năm báo cáo "20x5" không hợp lệ: cần năm gồm 4 chữ số, từ 2000 đến 2026'],
    ['25', 'Năm báo cáo "25" không hợp lệ'],
    ['1999', 'Năm báo cáo "1999" không hợp lệ'],
    ['2031', 'Năm báo cáo "2031" không hợp lệ'],
  ])('--year %s', async (year, message) => {
    const r = await cli(['forms', '--agency', 'SNV', '--year', year, '--out', file('a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('an unknown form code in --forms', async () => {
    const r = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--forms', '0804,0899', '--out', file('a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Không có biểu "0899" trong gói biểu mẫu. Các biểu có: 0801, 0802, 0803, 0804, 0805, 0806, 0807, 0808, 0809, 0810, 0811, 0812, 0813.');
  });

  it('an empty --forms list', async () => {
    const r = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--forms', ',', '--out', file('a.xlsx')]);
    expect(r).toMatchObject({ code: 2, err: 'Tuỳ chọn --forms cần ít nhất một mã biểu, ví dụ --forms 0804,0808.' });
  });

  it('missing --out, --year, --agency', async () => {
    expect(await cli(['forms', '--agency', 'SNV', '--year', '2025'])).toMatchObject({ code: 2, err: 'Tuỳ chọn --out cần một giá trị.' });
    expect(await cli(['forms', '--agency', 'SNV', '--out', file('a.xlsx')])).toMatchObject({ code: 2, err: 'Tuỳ chọn --year cần một giá trị.' });
    expect(await cli(['forms', '--year', '2025', '--out', file('a.xlsx')])).toMatchObject({ code: 2, err: 'Tuỳ chọn --agency cần một giá trị.' });
    expect(await cli(['forms', '--agency', 'SNV', '--year', '--out', file('a.xlsx')])).toMatchObject({ code: 2, err: 'Tuỳ chọn --year cần một giá trị.' });
  });

  it('an unknown agency, an unknown option', async () => {
    const r = await cli(['forms', '--agency', 'XYZ', '--year', '2025', '--out', file('a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không tìm thấy đơn vị có mã "XYZ"');
    const o = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--out', file('a.xlsx'), '--bieu', '0804']);
    expect(o).toMatchObject({ code: 2, err: 'Không có tuỳ chọn "--bieu". Gõ "vtlt <lệnh> --help" để xem các tuỳ chọn.' });
  });

  it('in English when the CLI speaks English', async () => {
    const r = await cli(['forms', '--agency', 'SNV', '--year', 'abcd', '--out', file('a.xlsx')], 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^The reporting year "abcd" is not valid/);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await cli(['forms', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cách dùng: vtlt forms --agency MÃ --year NĂM --out TỆP\.xlsx/);
    const top = await cli(['--help']);
    expect(top.out).toMatch(/^ {2}forms +Ghi các biểu báo cáo thống kê năm \(0801–0813\) vào tệp \.xlsx$/m);
  });
});

describe('vtlt forms --pack', () => {
  it('loads a modified pack from a JSON file', async () => {
    const data = packJson();
    data['version'] = '1.2.0';
    const f0804 = data.forms[3] as { title: string; rows: Record<string, unknown>[]; rules: { parts: { row: string }[]; target: { row?: string } }[] };
    f0804.title = 'Số lượng văn bản đi, đến';
    f0804.rows.push({ code: '05', label: 'Văn bản đến qua Hệ thống QLVB', unit: 'văn bản', indent: 2 });
    writeFileSync(file('pack.json'), JSON.stringify(data), 'utf8');
    const r = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--forms', '0804', '--pack', file('pack.json'), '--out', file('a.xlsx')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`(${defaultFormPack().id} 1.2.0)`);
    const wb = await loadXlsx(file('a.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['0804', IDENTITY_SHEET]);
    const ws = wb.getWorksheet('0804') as ExcelJS.Worksheet;
    expect(ws.getCell('A5').value).toBe('SỐ LƯỢNG VĂN BẢN ĐI, ĐẾN');
    expect([...(readFormSheet(worksheetToGrid(ws))?.rows.keys() ?? [])]).toEqual(['01', '02', '03', '04', '05']);
    expect((await identityOf(wb)).formPackVersion).toBe('1.2.0');
  });

  it('rejects a malformed pack, naming the wrong field', async () => {
    const data = packJson();
    ((data.forms[2] as { columns: Record<string, unknown>[] }).columns[4] as Record<string, unknown>)['label'] = '';
    ((data.forms[9] as { rows: Record<string, unknown>[] }).rows[0] as Record<string, unknown>)['unit'] = 'người dùng';
    writeFileSync(file('bad.json'), JSON.stringify(data), 'utf8');
    const r = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--pack', file('bad.json'), '--out', file('a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Gói biểu mẫu "${file('bad.json')}" không hợp lệ:`);
    expect(r.err).toContain('  forms[2].columns[4].label: không được để trống');
    expect(() => statSync(file('a.xlsx'))).toThrow();
  });

  it('rejects a pack that is not JSON, or not there', async () => {
    writeFileSync(file('bad.json'), '{ "schema": "vtlt/form-pack@1", ', 'utf8');
    const r = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--pack', file('bad.json'), '--out', file('a.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('(gốc): không phải JSON hợp lệ');
    const missing = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--pack', file('none.json'), '--out', file('a.xlsx')]);
    expect(missing).toMatchObject({ code: 2, err: `Không tìm thấy gói biểu mẫu "${file('none.json')}". Kiểm tra lại đường dẫn.` });
  });
});

describe('vtlt tracker and vtlt forms in one workbook', () => {
  it('tracker, then forms into the same file: both kept, the stamp has the plan and the form pack', async () => {
    const a = file('a.xlsx');
    const t = await cli(['tracker', '--agency', 'SNV', '--out', a]);
    expect(t.code).toBe(0);
    const f = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--in', a, '--out', a]);
    expect(f.err).toBe('');
    expect(f.code).toBe(0);
    expect(f.out).toContain('Đã ghi 13 biểu');
    expect(f.out).toContain('Lưu ý: mẫu tham khảo — đối chiếu với Thông tư 18/2025/TT-BNV trước khi nộp.');
    const wb = await loadXlsx(a);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain(defaultPlanPack().trackerSheetName);
    expect(names).toContain('0801');
    expect(names).toContain('0813');
    expect(names).toContain(IDENTITY_SHEET);
    expect(await identityOf(wb)).toMatchObject({
      agencyCode: 'SNV', planPackId: defaultPlanPack().id, planPackVersion: defaultPlanPack().version,
      formPackId: defaultFormPack().id, formPackVersion: defaultFormPack().version, reportingYear: 2025,
    });
  });

  it('forms, then the tracker: the stamp keeps the form pack', async () => {
    const a = file('b.xlsx');
    expect((await cli(['forms', '--agency', '05455', '--year', '2025', '--forms', '0804', '--out', a])).code).toBe(0);
    expect((await cli(['tracker', '--agency', '05455', '--in', a, '--out', a])).code).toBe(0);
    const wb = await loadXlsx(a);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['0804', IDENTITY_SHEET, defaultPlanPack().trackerSheetName, PLAN_SHEET]);
    expect(await identityOf(wb)).toMatchObject({ planPackId: defaultPlanPack().id, formPackId: defaultFormPack().id });
  });
});

describe('vtlt forms: upgrading a returned workbook', () => {
  it('stops before dropping a figure the new pack has no place for, and lists it; --force goes ahead', async () => {
    const a = file('a.xlsx');
    expect((await cli(['forms', '--agency', 'SNV', '--year', '2025', '--out', a])).code).toBe(0);
    // The agency types figures into 0813 and saves.
    const wb = await loadXlsx(a);
    const ws = wb.getWorksheet('0813') as ExcelJS.Worksheet;
    const read = readFormSheet(worksheetToGrid(ws));
    const at = (row: string) => ws.getCell(read?.rows.get(row) ?? 0, read?.columns.get(1) ?? 0);
    at('02').value = 120;
    at('06').value = 35.5;
    await wb.xlsx.writeFile(a);

    const data = packJson();
    data['version'] = '1.1.0';
    const f0813 = data.forms[12] as { rows: { code: string }[]; rules: { parts: { row: string }[] }[] };
    f0813.rows = f0813.rows.filter((r) => r.code !== '06');
    (f0813.rules[0] as { parts: { row: string }[] }).parts = (f0813.rules[0]?.parts ?? []).filter((p) => p.row !== '06');
    writeFileSync(file('v2.json'), JSON.stringify(data), 'utf8');

    const before = readFileSync(a);
    const stopped = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--pack', file('v2.json'), '--in', a, '--out', a]);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain('1 số liệu đã nhập không còn vị trí trong biểu mới');
    expect(stopped.err).toContain('Biểu 0813, dòng 06, cột 1 (ô D16): 35,5 — biểu mới không còn dòng này');
    expect(stopped.err).toContain('Không ghi gì. Thêm --force để đồng ý.');
    expect(readFileSync(a).equals(before)).toBe(true);

    const forced = await cli(['forms', '--agency', 'SNV', '--year', '2025', '--pack', file('v2.json'), '--in', a, '--out', a, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Giữ 1 số liệu đã nhập.');
    expect(forced.err).toContain('1 số liệu không còn vị trí trong biểu mới:');
    expect(forced.err).toContain('Biểu 0813, dòng 06, cột 1 (ô D16): 35,5');
    const after = await loadXlsx(a);
    const sheet = readFormSheet(worksheetToGrid(after.getWorksheet('0813') as ExcelJS.Worksheet));
    expect([...(sheet?.values ?? [])]).toEqual([['02:1', 120]]);
    expect((await identityOf(after)).formPackVersion).toBe('1.1.0');
  });
});
