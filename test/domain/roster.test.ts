import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AGENCY_KINDS, AGENCY_KIND_LABELS, type Roster, findAgency, findAgencyByName, loadRoster, parseRosterTsv,
} from '../../src/domain/roster';
import { defaultRoster } from '../../src/packs';
import rosterJson from '../../src/packs/roster-thai-nguyen-default.json';

const TSV = path.resolve(__dirname, '../../../shared/data/roster-thai-nguyen-default.tsv');
const tsvText = existsSync(TSV) ? readFileSync(TSV, 'utf8') : null;
if (tsvText === null) console.warn(`[roster.test] ${TSV} not found: the comparison with the shared roster is skipped`);

const meta = { id: 'test', title: 'Thử' };

function errorsOf(r: ReturnType<typeof parseRosterTsv>): string[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
function valueOf(r: ReturnType<typeof parseRosterTsv>): Roster {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

describe('the bundled roster', () => {
  const roster = defaultRoster();

  it('has 106 entries: 14 sở/ban/ngành, 15 phường, 77 xã', () => {
    expect(roster.entries).toHaveLength(106);
    const count = (k: string) => roster.entries.filter((e) => e.kind === k).length;
    expect(count('so-ban-nganh')).toBe(14);
    expect(count('phuong')).toBe(15);
    expect(count('xa')).toBe(77);
  });

  it('codes are unique; names are NFC and non-empty; commune codes are 5-digit national codes', () => {
    const codes = roster.entries.map((e) => e.code.toUpperCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of roster.entries) {
      expect(e.name.normalize('NFC')).toBe(e.name);
      expect(e.name.trim()).not.toBe('');
      if (e.kind === 'xa' || e.kind === 'phuong') {
        expect(e.code).toMatch(/^\d{5}$/);
        expect(e.name.startsWith(e.kind === 'xa' ? 'Xã ' : 'Phường ')).toBe(true);
      }
    }
  });

  it('contains the bodies the plan names', () => {
    expect(findAgency(roster, 'SNV')?.name).toBe('Sở Nội vụ');
    expect(findAgency(roster, 'SKHCN')?.name).toBe('Sở Khoa học và Công nghệ');
    expect(findAgency(roster, 'VPUBND')?.name).toBe('Văn phòng UBND tỉnh');
  });

  it('flags: provincial bodies are preset to transfer to the historical archives; no construction flag is preset', () => {
    for (const e of roster.entries) {
      expect(e.nopLuuLichSu).toBe(e.kind === 'so-ban-nganh');
      expect(e.coCongTrinh).toBe(false);
    }
  });
});

describe.skipIf(tsvText === null)('the bundled roster against shared/data/roster-thai-nguyen-default.tsv', () => {
  const lines = (tsvText ?? '').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');

  it('matches code, name and kind row by row', () => {
    const [header, ...rows] = lines;
    expect(header?.split('\t').slice(0, 3)).toEqual(['code', 'name', 'kind']);
    const entries = defaultRoster().entries;
    expect(rows).toHaveLength(entries.length);
    rows.forEach((line, i) => {
      const [code, name, kind] = line.split('\t');
      expect({ row: i + 2, code: entries[i]?.code, name: entries[i]?.name, kind: entries[i]?.kind })
        .toEqual({ row: i + 2, code, name: name?.normalize('NFC'), kind });
    });
  });

  it('parseRosterTsv of the shared file gives the bundled entries', () => {
    const parsed = valueOf(parseRosterTsv(tsvText ?? '', meta));
    expect(parsed.entries).toEqual(defaultRoster().entries);
  });
});

describe('findAgency', () => {
  const entry = (code: string, name: string): Roster['entries'][number] => ({ code, name, kind: 'xa', nopLuuLichSu: false, coCongTrinh: false });
  it('finds by code whatever its case and surrounding spaces; the first of two alike; undefined for none', () => {
    const withEntries = (entries: Roster['entries']): Roster => ({ ...defaultRoster(), entries });
    const r = withEntries([entry('abc', 'Một'), entry('X1', 'Hai'), entry('ABC', 'Ba')]);
    expect(findAgency(r, ' ABC ')?.name).toBe('Một');
    expect(findAgency(r, 'x1')?.name).toBe('Hai');
    expect(findAgency(r, 'X2')).toBeUndefined();
    // Another roster with the same codes answers from its own entries.
    expect(findAgency(withEntries([entry('ABC', 'Bốn')]), 'abc')?.name).toBe('Bốn');
  });
});

describe('loadRoster', () => {
  const clone = () => JSON.parse(JSON.stringify(rosterJson)) as { entries: Array<Record<string, unknown>> } & Record<string, unknown>;

  it('loads the bundled JSON', () => {
    expect(loadRoster(rosterJson).ok).toBe(true);
  });

  it('rejects a duplicate code (case-insensitively), naming the second entry', () => {
    const r = clone();
    (r.entries[20] as Record<string, unknown>).code = 'snv';
    const loaded = loadRoster(r);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toEqual(['entries[20].code: mã "snv" bị trùng']);
  });

  it('rejects a bad kind, naming its path', () => {
    const r = clone();
    (r.entries[3] as Record<string, unknown>).kind = 'huyen';
    const loaded = loadRoster(r);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]?.startsWith('entries[3].kind: ')).toBe(true);
  });

  it('rejects a missing flag, a bad code, an empty name and an unknown key', () => {
    const r = clone();
    delete (r.entries[0] as Record<string, unknown>).coCongTrinh;
    (r.entries[1] as Record<string, unknown>).code = 'S N V';
    (r.entries[2] as Record<string, unknown>).name = '  ';
    (r.entries[4] as Record<string, unknown>).ghiChu = 'x';
    const loaded = loadRoster(r);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const starts = (p: string) => loaded.errors.some((e) => e.startsWith(p));
    expect(starts('entries[0].coCongTrinh: ')).toBe(true);
    expect(starts('entries[1].code: ')).toBe(true);
    expect(starts('entries[2].name: ')).toBe(true);
    expect(loaded.errors.some((e) => e.includes('entries[4]') && e.includes('ghiChu'))).toBe(true);
  });

  it('rejects an empty roster', () => {
    const r = clone();
    r.entries = [];
    const loaded = loadRoster(r);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatch(/^entries: /);
  });

  it('normalises names to NFC and trims', () => {
    const r = clone();
    (r.entries[0] as Record<string, unknown>).name = '  Sở Nội vụ  '.normalize('NFD');
    const loaded = loadRoster(r);
    expect(loaded.ok && loaded.value.entries[0]?.name).toBe('Sở Nội vụ');
  });
});

describe('parseRosterTsv', () => {
  it('reads code/name/kind without flag columns (flags default: provincial bodies transfer, no construction)', () => {
    const r = valueOf(parseRosterTsv('code\tname\tkind\nSNV\tSở Nội vụ\tso-ban-nganh\n05455\tPhường Quyết Thắng\tphuong\n', meta));
    expect(r.id).toBe('test');
    expect(r.title).toBe('Thử');
    expect(r.entries).toEqual([
      { code: 'SNV', name: 'Sở Nội vụ', kind: 'so-ban-nganh', nopLuuLichSu: true, coCongTrinh: false },
      { code: '05455', name: 'Phường Quyết Thắng', kind: 'phuong', nopLuuLichSu: false, coCongTrinh: false },
    ]);
  });

  it('reads the flag columns (có/không, x, 1/0, empty), in any column order, with a BOM and CRLF', () => {
    const text = '\uFEFFkind\tcong_trinh\tcode\tnop_luu\tname\r\n'
      + 'xa\tcó\t01\tkhông\tXã Một\r\n'
      + 'xa\tx\t02\t1\tXã Hai\r\n'
      + 'don-vi-su-nghiep\t\t03\tCÓ\tTrung tâm Ba\r\n'
      + 'doanh-nghiep-nha-nuoc\t0\t04\tfalse\tCông ty Bốn\r\n';
    const r = valueOf(parseRosterTsv(text, meta));
    expect(r.entries.map((e) => [e.code, e.kind, e.nopLuuLichSu, e.coCongTrinh])).toEqual([
      ['01', 'xa', false, true],
      ['02', 'xa', true, true],
      ['03', 'don-vi-su-nghiep', true, false],
      ['04', 'doanh-nghiep-nha-nuoc', false, false],
    ]);
  });

  it('accepts Vietnamese headers', () => {
    const r = valueOf(parseRosterTsv('Mã\tTên đơn vị\tLoại\tNộp lưu\tCông trình\nSXD\tSở Xây dựng\tso-ban-nganh\tx\tx\n', meta));
    expect(r.entries[0]).toEqual({ code: 'SXD', name: 'Sở Xây dựng', kind: 'so-ban-nganh', nopLuuLichSu: true, coCongTrinh: true });
  });

  it('names line 1 when a required column is missing', () => {
    const errors = errorsOf(parseRosterTsv('code\tname\nSNV\tSở Nội vụ\n', meta));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^dòng 1: /);
  });

  it('names the line and column of a bad flag', () => {
    const text = 'code\tname\tkind\tnop_luu\tcong_trinh\nA\tA\txa\tcó\tkhông\nB\tB\txa\tmaybe\t\nC\tC\txa\t\t??\n';
    const errors = errorsOf(parseRosterTsv(text, meta));
    expect(errors).toEqual([
      'dòng 3, cột nop_luu: "maybe" không phải có/không',
      'dòng 4, cột cong_trinh: "??" không phải có/không',
    ]);
  });

  it('names the line of a bad kind or an empty name', () => {
    const text = 'code\tname\tkind\nA\tA\txa\nB\tB\thuyen\nC\t\tphuong\n';
    const errors = errorsOf(parseRosterTsv(text, meta));
    expect(errors.some((e) => e.startsWith('dòng 3, kind'))).toBe(true);
    expect(errors.some((e) => e.startsWith('dòng 4, name'))).toBe(true);
    expect(errors.every((e) => !e.includes('entries['))).toBe(true);
  });

  it('names the line of a duplicate code', () => {
    const errors = errorsOf(parseRosterTsv('code\tname\tkind\nA\tA\txa\nB\tB\txa\na\tA2\txa\n', meta));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^dòng 4, code: /);
  });

  it('line numbers stay right when blank lines come before the faulty one', () => {
    const text = 'code\tname\tkind\n\nA\tA\txa\n\n\nB\tB\thuyen\n';
    const errors = errorsOf(parseRosterTsv(text, meta));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^dòng 6, kind/);
  });

  it('skips blank lines and rejects a file with no entries', () => {
    expect(valueOf(parseRosterTsv('code\tname\tkind\n\nA\tA\txa\n\n', meta)).entries).toHaveLength(1);
    expect(parseRosterTsv('code\tname\tkind\n', meta).ok).toBe(false);
  });
});

describe('findAgency and findAgencyByName', () => {
  const roster = defaultRoster();

  it('finds by code without regard to case or surrounding spaces', () => {
    expect(findAgency(roster, 'snv')?.code).toBe('SNV');
    expect(findAgency(roster, ' SkHcN ')?.code).toBe('SKHCN');
    expect(findAgency(roster, '05455')?.name).toBe('Phường Quyết Thắng');
    expect(findAgency(roster, 'NOPE')).toBeUndefined();
    expect(findAgency(roster, '')).toBeUndefined();
  });

  it('finds by name: NFC, case- and whitespace-insensitive', () => {
    expect(findAgencyByName(roster, 'sở  nội VỤ')?.code).toBe('SNV');
    expect(findAgencyByName(roster, ' Sở Khoa học và Công nghệ '.normalize('NFD'))?.code).toBe('SKHCN');
    expect(findAgencyByName(roster, 'Sở Nội')).toBeUndefined();
  });
});

describe('agency kinds', () => {
  it('every kind has a Vietnamese label', () => {
    expect(AGENCY_KINDS).toHaveLength(6);
    for (const k of AGENCY_KINDS) expect(AGENCY_KIND_LABELS[k]).toMatch(/\S/);
    expect(AGENCY_KIND_LABELS.xa).toBe('Xã');
    expect(AGENCY_KIND_LABELS.phuong).toBe('Phường');
  });
});
