/** The CLI keeps its word: help from the option tables, -h, --, messages in the user's language, the roster checked. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main';
import { parseArgs, usage } from '../../src/cli/args';
import type { Lang } from '../../src/domain/i18n';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { runCli } from '../helpers/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-usage-'));
const f = (name: string) => path.join(dir, name);
const NOW = Date.UTC(2026, 10, 23, 3);

async function vtlt(lang: Lang, ...argv: string[]) {
  return runCli(argv, { now: NOW, lang });
}

function setStamp(wb: FileWorkbook, key: string, value: string): void {
  wb.workbook.getWorksheet(IDENTITY_SHEET)!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
}

async function edit(file: string, fn: (wb: FileWorkbook) => void): Promise<void> {
  const wb = await FileWorkbook.load(readFileSync(file));
  fn(wb);
  writeFileSync(file, await wb.toBuffer());
}

beforeAll(async () => {
  for (const name of ['stc', 'unknown', 'badstamp']) {
    expect((await vtlt('vi', 'tracker', '--agency', 'STC', '--out', f(`${name}.xlsx`), '--as-of', '2026-06-30')).code).toBe(0);
  }
  await edit(f('unknown.xlsx'), (wb) => {
    setStamp(wb, 'agencyCode', 'XYZ');
    setStamp(wb, 'agencyName', 'Sở Không Có');
  });
  await edit(f('badstamp.xlsx'), (wb) => setStamp(wb, 'generatedAt', 'hôm qua'));
});

describe('help', () => {
  it('vtlt --help lists every command, in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const r = await vtlt(lang, '--help');
      expect(r.code).toBe(0);
      for (const [def] of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${def.name} +${def.summary[lang].replace(/[()]/g, '.')}$`, 'm'));
    }
    expect(COMMANDS.map(([d]) => d.name)).toEqual(['plan', 'plan import', 'plan sheet', 'tracker', 'forms', 'validate', 'consolidate', 'report']);
  });

  it('-h equals --help on every command, and the help names every option the parser accepts', async () => {
    for (const [def] of COMMANDS) {
      const long = await vtlt('vi', def.name, '--help');
      const short = await vtlt('vi', def.name, '-h');
      expect(long.code).toBe(0);
      expect(short).toEqual(long);
      expect(long.stdout).toBe(usage(def, 'vi'));
      for (const o of def.options) {
        expect(long.stdout).toContain(`--${o.name}`);
        const argv = o.kind === 'flag' ? [`--${o.name}`] : [`--${o.name}`, 'x'];
        expect(() => parseArgs(argv, def, 'vi')).not.toThrow();
      }
      // An option not in the table is refused (the help cannot promise what the parser refuses, nor the reverse).
      expect(() => parseArgs(['--no-such-option'], def, 'vi')).toThrow(/--no-such-option/);
      expect((await vtlt('en', def.name, '--help')).stdout).toMatch(/^Usage: vtlt /);
    }
  });

  it('-- ends the options: what follows is a file name even when it starts with "-"', async () => {
    const def = COMMANDS.find(([d]) => d.name === 'validate')![0];
    expect(parseArgs(['--json', '--', '--help', '-x.xlsx'], def, 'vi')).toMatchObject({ help: false, positional: ['--help', '-x.xlsx'] });
    expect(() => parseArgs(['-x.xlsx'], def, 'vi')).toThrow();
    const r = await vtlt('vi', 'validate', '--json', '--', '-khong-co.xlsx');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0].file).toBe('-khong-co.xlsx');
  });
});

describe('validate', () => {
  it('checks the agency against the roster, as consolidation does', async () => {
    const r = await vtlt('vi', 'validate', f('unknown.xlsx'), f('stc.xlsx'), '--partial', '--json');
    const files = JSON.parse(r.stdout).files as { file: string; issues: { rule: string; message: string }[] }[];
    expect(files[0]!.issues.map((i) => i.rule)).toContain('agency-unknown');
    expect(files[0]!.issues.find((i) => i.rule === 'agency-unknown')!.message).toContain('XYZ');
    expect(files[1]!.issues.map((i) => i.rule)).not.toContain('agency-unknown');
    expect(r.code).toBe(1);
    // A roster given with --roster is used instead of the bundled one.
    writeFileSync(f('roster.tsv'), 'code\tname\tkind\nXYZ\tSở Không Có\tso-ban-nganh\n');
    const withRoster = await vtlt('vi', 'validate', f('unknown.xlsx'), '--partial', '--roster', f('roster.tsv'), '--json');
    expect(withRoster.stderr).toBe('');
    expect(JSON.parse(withRoster.stdout).files[0].issues.map((i: { rule: string }) => i.rule)).not.toContain('agency-unknown');
  });

  it('speaks English everywhere with VTLT_LANG=en, the damaged stamp included', async () => {
    const r = await vtlt('en', 'validate', f('badstamp.xlsx'), f('khong-co.xlsx'), '--partial');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('The workbook identity is damaged (wrong entries: generatedAt)');
    expect(r.stdout).toMatch(/1 error, 0 warnings/);
    expect(r.stdout).toMatch(/2 files: 0 passed, 2 with errors\./);
    expect(r.stdout).toContain('No such file or folder');
    expect(r.stdout).not.toMatch(/lỗi|cảnh báo|Không|Invalid|ISO/);
    const vi = await vtlt('vi', 'validate', f('badstamp.xlsx'), '--partial');
    expect(vi.stdout).toContain('bị hỏng (mục sai: generatedAt)');
    expect(vi.stdout).not.toMatch(/Invalid|datetime/);
  });
});

describe('consolidate', () => {
  it('exits 2 for a mistyped folder, after writing what could be read, and names it', async () => {
    const out = f('tong-hop.xlsx');
    const r = await vtlt('vi', 'consolidate', f('stc.xlsx'), f('nop-ve-sai'), '--out', out, '--as-of', '2026-11-23');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Không đọc được: ${f('nop-ve-sai')}: Không tìm thấy`);
    expect(readFileSync(out).length).toBeGreaterThan(0);
    const en = await vtlt('en', 'consolidate', f('stc.xlsx'), f('nop-ve-sai'), '--out', out, '--as-of', '2026-11-23');
    expect(en.code).toBe(2);
    expect(en.stdout).toMatch(/^Consolidated 2 files into /);
    expect(en.stdout).toContain(`Cannot read: ${f('nop-ve-sai')}: No such file or folder`);
    expect(en.stdout).toContain('Reminder letter:');
    expect(en.stderr).toContain('could not be read');
  });

  it('refuses a usage mistake in English with VTLT_LANG=en', async () => {
    const r = await vtlt('en', 'consolidate', f('stc.xlsx'));
    expect(r).toMatchObject({ code: 2, stderr: 'Give --out FILE.xlsx: the consolidation workbook to write.' });
  });
});

describe('files the other commands read', () => {
  it('a FIFO given as --pack, --in or --roster is refused with a reason, never waited on', async () => {
    execFileSync('mkfifo', [f('ong.json')]);
    const pack = await vtlt('vi', 'forms', '--agency', 'STC', '--year', '2025', '--out', f('x.xlsx'), '--pack', f('ong.json'));
    expect(pack.code).toBe(2);
    expect(pack.stderr).toContain('Không phải tệp thông thường');
    const input = await vtlt('vi', 'tracker', '--agency', 'STC', '--out', f('x.xlsx'), '--in', f('ong.json'));
    expect(input.code).toBe(2);
    expect(input.stderr).toContain('Không phải tệp thông thường');
    const roster = await vtlt('en', 'validate', f('stc.xlsx'), '--roster', f('ong.json'));
    expect(roster.code).toBe(2);
    expect(roster.stderr).toContain('Cannot read the roster');
    const missing = await vtlt('vi', 'forms', '--agency', 'STC', '--year', '2025', '--out', f('x.xlsx'), '--pack', f('khong-co.json'));
    expect(missing.stderr).toContain('Không tìm thấy gói biểu mẫu');
  });
});

describe('files checked against a schema', () => {
  it('a roster file with a wrong agency kind is explained in Vietnamese, without the schema library\'s English', async () => {
    writeFileSync(f('roster-sai.tsv'), 'code\tname\tkind\nXYZ\tSở Không Có\tSở, ngành\n');
    const r = await vtlt('vi', 'validate', f('stc.xlsx'), '--roster', f('roster-sai.tsv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dòng 2');
    expect(r.stderr).toContain('kind');
    expect(r.stderr).not.toMatch(/Invalid|expected/);
  });
});
