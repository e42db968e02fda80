/**
 * One bad file never costs a batch: ≥30 damaged variants of a good workbook, a dangling link, a FIFO named .xlsx, a
 * folder named .xlsx and a missing path, in one batch with good files. No exit 3, every input reported, the good
 * files' results as when checked alone, exit 2.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../../src/domain/roster';
import { defaultRoster } from '../../src/packs';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { runCli } from '../helpers/run-cli';

const root = mkdtempSync(path.join(tmpdir(), 'vtlt-damaged-'));
const batch = path.join(root, 'nop-ve');
mkdirSync(batch);
const f = (name: string) => path.join(batch, name);
const NOW = Date.UTC(2026, 10, 23, 3);

async function vtlt(...argv: string[]) {
  return runCli(argv, { now: NOW });
}

/** Damaged copies of a zip: bytes flipped anywhere, cut short, and a central directory that lies. */
export function damagedVariants(good: Uint8Array): Map<string, Uint8Array> {
  const variants = new Map<string, Uint8Array>();
  const copy = () => new Uint8Array(good);
  for (let k = 1; k <= 14; k++) {
    const at = Math.floor((good.length * k) / 15);
    const b = copy();
    b[at] = b[at]! ^ 0xff;
    variants.set(`flip-${String(k).padStart(2, '0')}-at-${at}.xlsx`, b);
  }
  for (const at of [1, 3, 10, 20]) {
    const b = copy();
    b[at] = b[at]! ^ 0x5a;
    variants.set(`flip-header-${at}.xlsx`, b);
  }
  for (let k = 1; k <= 8; k++) variants.set(`truncated-${k}of9.xlsx`, good.subarray(0, Math.floor((good.length * k) / 9)));
  variants.set('truncated-last-byte.xlsx', good.subarray(0, good.length - 1));
  const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
  let eocd = -1;
  for (let i = good.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  expect(eocd).toBeGreaterThan(0);
  const cdStart = view.getUint32(eocd + 16, true);
  const entries: number[] = [];
  for (let p = cdStart; p < eocd && view.getUint32(p, true) === 0x02014b50; ) {
    entries.push(p);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  expect(entries.length).toBeGreaterThan(5);
  const lie = (name: string, edit: (v: DataView) => void) => {
    const b = copy();
    edit(new DataView(b.buffer, b.byteOffset, b.byteLength));
    variants.set(name, b);
  };
  for (const [i, p] of entries.slice(0, entries.length).filter((_, i) => i % Math.ceil(entries.length / 3) === 0).entries()) {
    lie(`cd-compressed-size-${i}.xlsx`, (v) => v.setUint32(p + 20, v.getUint32(p + 20, true) + 1000, true));
    lie(`cd-uncompressed-size-${i}.xlsx`, (v) => v.setUint32(p + 24, Math.floor(v.getUint32(p + 24, true) / 2), true));
    lie(`cd-local-offset-${i}.xlsx`, (v) => v.setUint32(p + 42, v.getUint32(p + 42, true) + 7, true));
    lie(`cd-crc-${i}.xlsx`, (v) => v.setUint32(p + 16, v.getUint32(p + 16, true) ^ 0x1234, true));
  }
  lie('eocd-count.xlsx', (v) => v.setUint16(eocd + 10, v.getUint16(eocd + 10, true) + 3, true));
  lie('eocd-cd-offset.xlsx', (v) => v.setUint32(eocd + 16, v.getUint32(eocd + 16, true) - 5, true));
  lie('eocd-cd-size.xlsx', (v) => v.setUint32(eocd + 12, 0xffff_fff0, true));
  const zeroed = copy();
  zeroed.fill(0, Math.floor(good.length / 3), Math.floor(good.length / 3) + 4096);
  variants.set('zeroed-4k.xlsx', zeroed);
  return variants;
}

interface FileJson {
  file: string; agency: string | null; readable: boolean; errors: number; warnings: number;
  issues: { rule: string; message: string }[];
}

let variants: Map<string, Uint8Array>;
const goodNames = ['tot-snv.xlsx', 'tot-stc.xlsx'];

beforeAll(async () => {
  const roster = defaultRoster();
  const snv = await agencyWorkbook(findAgency(roster, 'SNV')!, new Date(Date.UTC(2026, 1, 10)), 7);
  const stc = await agencyWorkbook(findAgency(roster, 'STC')!, new Date(Date.UTC(2026, 1, 11)), 8);
  // Fixed creation and save times: the damaged variants flip bytes at fixed offsets, and the compressed docProps/core.xml
  // (and every entry after it) would otherwise move with the clock, so each run would damage other bytes.
  const stamp = (a: typeof snv, ms: number) => {
    a.workbook.workbook.created = new Date(ms);
    return a.workbook.toBuffer(new Date(ms));
  };
  const snvBytes = new Uint8Array(await stamp(snv, Date.UTC(2026, 1, 10, 9)));
  writeFileSync(f(goodNames[0]!), snvBytes);
  writeFileSync(f(goodNames[1]!), new Uint8Array(await stamp(stc, Date.UTC(2026, 1, 11, 9))));
  variants = damagedVariants(snvBytes);
  for (const [name, bytes] of variants) writeFileSync(f(`hong-${name}`), bytes);
  symlinkSync(path.join(root, 'khong-con.xlsx'), f('lien-ket-hong.xlsx'));
  execFileSync('mkfifo', [f('ong-dan.xlsx')]);
  mkdirSync(f('thu-muc.xlsx'));
}, 60_000);

describe('a batch with damaged files, odd paths and good files', () => {
  it('has at least 30 damaged variants', () => {
    expect(variants.size).toBeGreaterThanOrEqual(30);
  });

  it('validate reports every file, keeps the good ones intact, never exits 3 and exits 2', async () => {
    const alone = JSON.parse((await vtlt('validate', f(goodNames[0]!), f(goodNames[1]!), '--json')).stdout) as { files: FileJson[] };
    const missing = path.join(root, 'khong-co.xlsx');
    const named = [...[...variants.keys()].map((n) => f(`hong-${n}`)), f('lien-ket-hong.xlsx'), f('ong-dan.xlsx'), f('thu-muc.xlsx'), missing, ...goodNames.map(f)];
    const r = await vtlt('validate', ...named, '--json');
    expect(r.stderr).not.toContain('Lỗi không mong đợi');
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files.map((x) => x.file)).toEqual(named);
    const byName = new Map(files.map((x) => [path.basename(x.file), x]));
    for (const [i, name] of goodNames.entries()) expect(byName.get(name)).toEqual(alone.files[i]);
    expect(byName.get('tot-snv.xlsx')).toMatchObject({ agency: 'SNV', errors: 0, readable: true });
    const message = (name: string) => byName.get(name)!.issues.map((i) => i.message).join(' ');
    expect(message('lien-ket-hong.xlsx')).toContain('liên kết');
    expect(message('ong-dan.xlsx')).toContain('Không phải tệp thông thường');
    expect(message('thu-muc.xlsx')).toContain('không có tệp .xlsx');
    expect(message('khong-co.xlsx')).toContain('Không tìm thấy');
    // Each damaged variant is reported: unreadable, or read with findings naming what is wrong (a flip may land in a
    // byte no reader uses, e.g. a comment field; then the file reads as the original).
    const damaged = files.filter((x) => path.basename(x.file).startsWith('hong-'));
    const unreadable = damaged.filter((x) => !x.readable);
    expect(damaged).toHaveLength(variants.size);
    expect(unreadable.length).toBeGreaterThanOrEqual(20);
    // A variant read at all reads as the original: damage is never taken in as different figures or findings.
    const original = alone.files[0]!;
    for (const x of damaged.filter((d) => d.readable)) {
      expect({ ...x, file: original.file }, path.basename(x.file)).toEqual(original);
    }
    console.info(`damaged variants: ${damaged.length}; refused as damaged ${unreadable.length}; read as the original (damage in bytes no reader uses) ${damaged.length - unreadable.length}: ${damaged.filter((x) => x.readable).map((x) => path.basename(x.file)).join(' ')}`);
  }, 120_000);

  it('consolidate takes in the good files, names every file it could not read, and exits 2', async () => {
    const aloneOut = path.join(root, 'tong-hop-tot.xlsx');
    const alone = await vtlt('consolidate', ...goodNames.map(f), '--out', aloneOut, '--as-of', '2026-11-23', '--json');
    expect(alone.code).toBe(0);
    const out = path.join(root, 'tong-hop.xlsx');
    const r = await vtlt('consolidate', batch, path.join(root, 'khong-co-thu-muc'), '--out', out, '--as-of', '2026-11-23', '--json');
    expect(r.stderr).not.toContain('Lỗi không mong đợi');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { submitted: string[]; totals: unknown; unreadable: { file: string; reason: string }[] };
    const ok = JSON.parse(alone.stdout) as { submitted: string[]; totals: unknown };
    expect(json.submitted.sort()).toEqual(['SNV', 'STC']);
    expect(json.totals).toEqual(ok.totals);
    const named = new Set(json.unreadable.map((u) => path.basename(u.file)));
    for (const n of ['lien-ket-hong.xlsx', 'ong-dan.xlsx', 'khong-co-thu-muc']) expect(named).toContain(n);
    // The consolidation workbook gives the same precise reason as the command's output.
    const rejected = new Map((JSON.parse(r.stdout) as { rejected: { file: string; reasons: string[] }[] }).rejected.map((x) => [path.basename(x.file), x.reasons.join(' ')]));
    expect(rejected.get('ong-dan.xlsx')).toContain('Không phải tệp thông thường');
    expect(rejected.get('lien-ket-hong.xlsx')).toContain('liên kết');
    expect(readFileSync(out).length).toBeGreaterThan(0);
  }, 120_000);

  it('a quoted glob is expanded, and one matching nothing is reported', async () => {
    const r = await vtlt('validate', path.join(batch, 'tot-*.xlsx'), path.join(batch, 'khong-khop-*.xlsx'), '--json');
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: FileJson[] }).files;
    expect(files.map((x) => path.basename(x.file))).toEqual(['tot-snv.xlsx', 'tot-stc.xlsx', 'khong-khop-*.xlsx']);
    expect(files[2]!.issues[0]!.message).toContain('Không có tệp nào khớp');
  });
});
