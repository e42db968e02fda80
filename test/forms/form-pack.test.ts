import { describe, expect, it } from 'vitest';
import { columnCaption, formModel } from '../../src/domain/form-pack';
import { loadFormPack, parseFormPackJson } from '../../src/domain/form-pack-schema';
import { defaultFormPack } from '../../src/packs/forms';
import { packJson } from './helpers';

const CODES = ['0801', '0802', '0803', '0804', '0805', '0806', '0807', '0808', '0809', '0810', '0811', '0812', '0813'];

function errorsOf(data: unknown): string[] {
  const loaded = loadFormPack(data);
  expect(loaded.ok).toBe(false);
  return loaded.ok ? [] : loaded.errors;
}

describe('the bundled reference pack', () => {
  const pack = defaultFormPack();

  it('has the 13 annual forms 0801–0813 with the titles of domain.md §5', () => {
    expect(pack.forms.map((f) => f.code)).toEqual(CODES);
    expect(pack.forms.find((f) => f.code === '0804')?.title).toBe('Số lượng văn bản');
    expect(pack.forms.find((f) => f.code === '0813')?.title).toBe('Kinh phí cho hoạt động lưu trữ');
  });

  it('says it is a reference pack, and on what basis', () => {
    expect(pack.reference).toBe(true);
    expect(pack.notice).toBe('mẫu tham khảo — đối chiếu với Thông tư 18/2025/TT-BNV trước khi nộp');
    expect(pack.basis).toContain('18/2025/TT-BNV');
    expect(pack.header.numberPattern).toBe('{code}.N/BNV-VTLT');
    expect(pack.header.recipient).toBe('Sở Nội vụ');
  });

  it('gives every row a known unit, counts whole and measures decimal', () => {
    const kinds = new Map<string, string>();
    for (const form of pack.forms) {
      const model = formModel(form, pack.units);
      for (const row of form.rows) kinds.set(row.unit, model.kindOf(row.code));
    }
    for (const unit of ['văn bản', 'hồ sơ', 'người', 'tổ chức', 'chiếc', 'lượt', 'bản', 'cuộc', 'trang']) expect(kinds.get(unit)).toBe('whole');
    for (const unit of ['mét giá', 'm²', 'GB', 'giờ', 'triệu đồng']) expect(kinds.get(unit)).toBe('decimal');
  });

  it('numbers the columns with their arithmetic', () => {
    const form = (code: string) => pack.forms.find((f) => f.code === code);
    const f0801 = form('0801');
    const f0803 = form('0803');
    if (!f0801 || !f0803) throw new Error('missing form');
    expect(columnCaption(f0801, 1)).toBe('1 = 2 + 3 + 4');
    expect(columnCaption(f0801, 2)).toBe('2');
    expect(columnCaption(f0803, 1)).toBe('1 = 2 + 3 = 4 + 5 + 6 + 7 + 8');
  });

  it('makes totals of the sum targets and inputs of the rest', () => {
    const f0803 = pack.forms.find((f) => f.code === '0803');
    if (!f0803) throw new Error('missing form');
    const model = formModel(f0803, pack.units);
    expect(model.roleOf({ row: '01', col: 1 })).toBe('total');
    // The total has two breakdowns: the first gives the formula, the second is only checked.
    const sums = model.sums.filter((s) => s.target.col === 1);
    expect(sums.map((s) => [s.parts.map((p) => p.col), s.formula])).toEqual([
      [[2, 3], true],
      [[4, 5, 6, 7, 8], false],
    ]);
    for (let col = 2; col <= 11; col++) expect(model.roleOf({ row: '01', col })).toBe('input');
    expect(model.les.map((l) => [l.a.col, l.b.col])).toEqual([[9, 1], [10, 1], [11, 1]]);

    const f0807 = pack.forms.find((f) => f.code === '0807');
    if (!f0807) throw new Error('missing form');
    expect(formModel(f0807, pack.units).les.map((l) => l.a.col)).toEqual([9, 10, 11, 12]);
  });
});

describe('pack schema rejections name the wrong field', () => {
  it('an unknown unit', () => {
    const data = packJson();
    const rows = data.forms[3]?.['rows'] as Record<string, unknown>[];
    (rows[1] as Record<string, unknown>)['unit'] = 'tấn';
    expect(errorsOf(data).join('\n')).toMatch(/^forms\[3\]\.rows\[1\]\.unit: đơn vị tính "tấn"/m);
  });

  it('a misspelt key', () => {
    const data = packJson();
    const rows = data.forms[0]?.['rows'] as Record<string, unknown>[];
    const row = rows[2] as Record<string, unknown>;
    row['lable'] = row['label'];
    delete row['label'];
    const errors = errorsOf(data).join('\n');
    expect(errors).toContain('forms[0].rows[2].label');
    expect(errors).toContain('forms[0].rows[2].lable');
  });

  it('a rule part naming a row the form does not have', () => {
    const data = packJson();
    const rules = data.forms[0]?.['rules'] as { parts: { row?: string }[] }[];
    (rules[1]?.parts[2] as { row?: string }).row = '99';
    expect(errorsOf(data)).toContain('forms[0].rules[1].parts[2].row: không có dòng mã số "99"');
  });

  it('columns not numbered 1…n', () => {
    const data = packJson();
    const cols = data.forms[0]?.['columns'] as { no: number }[];
    (cols[2] as { no: number }).no = 7;
    expect(errorsOf(data).join('\n')).toContain('forms[0].columns[2].no: cột thứ 3 phải mang số 3');
  });

  it('a bad row code, form code and version', () => {
    const data = packJson();
    data['version'] = 'v2';
    data.forms[1] = { ...data.forms[1], code: '802' };
    const rows = data.forms[2]?.['rows'] as Record<string, unknown>[];
    (rows[0] as Record<string, unknown>)['code'] = '1';
    const errors = errorsOf(data);
    expect(errors.some((e) => e.startsWith('version: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('forms[1].code: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('forms[2].rows[0].code: '))).toBe(true);
  });

  it('a duplicate form code and a duplicate row code', () => {
    const data = packJson();
    data.forms[5] = { ...data.forms[5], code: '0805' };
    const rows = data.forms[7]?.['rows'] as Record<string, unknown>[];
    (rows[3] as Record<string, unknown>)['code'] = '02';
    const errors = errorsOf(data);
    expect(errors).toContain('forms[5].code: mã biểu "0805" bị trùng');
    expect(errors).toContain('forms[7].rows[3].code: mã số dòng "02" bị trùng');
  });

  it('a rule mixing shapes, and a total among its own parts', () => {
    const data = packJson();
    data.forms[10] = {
      ...data.forms[10],
      rules: [
        { type: 'sum', target: { row: '01' }, parts: [{ row: '02' }, { col: 1 }] },
        { type: 'sum', target: { row: '01' }, parts: [{ row: '01' }, { row: '02' }] },
      ],
    };
    const errors = errorsOf(data);
    expect(errors.some((e) => e.startsWith('forms[10].rules[0].parts[1]: mọi ô của một quy tắc phải cùng dạng'))).toBe(true);
    expect(errors).toContain('forms[10].rules[1].parts[0]: thành phần trùng với ô tổng');
  });

  it('totals that depend on themselves', () => {
    const data = packJson();
    data.forms[10] = {
      ...data.forms[10],
      rules: [
        { type: 'sum', target: { row: '01' }, parts: [{ row: '02' }, { row: '03' }] },
        { type: 'sum', target: { row: '02' }, parts: [{ row: '01' }, { row: '04' }] },
      ],
    };
    expect(errorsOf(data).join('\n')).toMatch(/forms\[10\]\.rules\[\d\]: các công thức tổng phụ thuộc vòng tròn/);
  });

  it('a total over a cell that takes no figure', () => {
    const data = packJson();
    // In 0804, row 02's total (column 1 = 2 + 3) would sum a cell marked "x".
    data.forms[3] = { ...data.forms[3], na: [{ row: '03', col: 1 }, { row: '03', col: 2 }, { row: '02', col: 2 }] };
    expect(errorsOf(data).join('\n')).toContain('forms[3].rules[0].parts[0]: ô dòng 02, cột 2 không có số liệu ("na")');
  });

  it('a reference pack without its notice, and a wrong schema id', () => {
    const data = packJson();
    data['notice'] = null;
    expect(errorsOf(data)).toContain('notice: gói tham khảo phải có lời lưu ý');
    const other = packJson();
    other['schema'] = 'vtlt/form-pack@2';
    expect(errorsOf(other).some((e) => e.startsWith('schema: '))).toBe(true);
  });

  it('JSON that does not parse', () => {
    const loaded = parseFormPackJson('{ "schema": ');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatch(/^\(gốc\): không phải JSON hợp lệ/);
  });

  it('accepts a corrected pack that is not a reference pack', () => {
    const data = packJson();
    data['reference'] = false;
    data['notice'] = null;
    data['version'] = '2.0.0';
    expect(loadFormPack(data).ok).toBe(true);
  });
});
