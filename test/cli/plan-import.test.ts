import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { planImportCommand } from '../../src/cli/plan-import-command';
import { planSheetCommand } from '../../src/cli/plan-sheet-command';
import { loadPlanPack, type PlanPack } from '../../src/domain/plan-pack';
import { defaultPlanPack } from '../../src/packs';
import { plan2027Spec, planDocx, seedPlanSpec } from '../helpers/plan-docx';

const SEED = path.resolve(__dirname, '../../../shared/seed/ke-hoach-vtlt-2026-thai-nguyen.txt');
const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8').normalize('NFC') : null;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-plan-import-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Runs a command as `vtlt` would: a UsageError is exit 2 with its message. */
async function cli(command: Command, argv: string[], lang: 'vi' | 'en' = 'vi'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { lang, out: (s) => out.push(s), err: (s) => err.push(s), now: () => Date.UTC(2027, 2, 1) };
  let code: number;
  try {
    code = await command(argv, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(e.message);
    code = 2;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function readPack(file: string): Promise<PlanPack> {
  const loaded = loadPlanPack(JSON.parse(await readFile(file, 'utf8')));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.value;
}

describe('vtlt plan import / plan sheet', () => {
  it('plan sheet then plan import gives back the bundled plan', async () => {
    const xlsx = path.join(dir, 'ke-hoach.xlsx');
    const json = path.join(dir, 'tu-bang.json');
    const sheet = await cli(planSheetCommand, ['--out', xlsx]);
    expect(sheet).toMatchObject({ code: 0, err: '' });
    expect(sheet.out).toContain('"Kế hoạch"');
    const r = await cli(planImportCommand, [xlsx, '--out', json]);
    expect(r.code).toBe(0);
    expect(await readPack(json)).toEqual(defaultPlanPack());
  });

  it.runIf(seed !== null)('imports the 2026 plan from Word and says what it found', async () => {
    const docx = path.join(dir, 'ke-hoach-2026.docx');
    await writeFile(docx, await planDocx(seedPlanSpec(seed ?? '')));
    const json = path.join(dir, 'ke-hoach-2026.json');
    const r = await cli(planImportCommand, [docx, '--out', json]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã ghi');
    expect(r.out).toContain(`${defaultPlanPack().tasks.length} nhiệm vụ, 1 dòng tiêu đề nhóm, 4 mục`);
    expect(r.out).toContain('Lưu ý: bảng 2, dòng 7 (nhiệm vụ 6): "Trung tâm Lưu trữ lịch sử tỉnh" được ghi nhận với mã TTLTLS');
    const pack = await readPack(json);
    expect(pack.tasks).toEqual(defaultPlanPack().tasks);
  });

  it('imports a 2027 plan of another province, reporting the unreadable phrase and the unmatched body by row', async () => {
    const docx = path.join(dir, 'bac-ninh-2027.docx');
    await writeFile(docx, await planDocx(plan2027Spec()));
    const json = path.join(dir, 'bac-ninh-2027.json');
    const r = await cli(planImportCommand, [docx, '--out', json]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cảnh báo: bảng 2, dòng 10 (nhiệm vụ 7b): không đọc được thời hạn: "Khi có yêu cầu của cấp trên"');
    expect(r.out).toContain('Cảnh báo: bảng 2, dòng 10 (nhiệm vụ 7b), cột "Cơ quan phối hợp": không khớp "Công an tỉnh"');
    expect(r.out).toContain('Thời hạn không đọc được: 1; cơ quan không khớp danh sách: 1');
    const pack = await readPack(json);
    expect(pack).toMatchObject({
      id: 'bn-vtlt-2027', year: 2027, statisticsYear: 2026, province: 'Bắc Ninh', issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      number: '15', numberSuffix: '/KH-UBND', issuedDate: '2027-01-10', reportDeadlineTaskId: '7a', legalBases: ['Luật Lưu trữ năm 2024'],
      title: 'Kế hoạch công tác văn thư, lưu trữ năm 2027', headings: [{ id: '7', content: 'Báo cáo định kỳ' }],
    });
    expect(pack.tasks.map((t) => t.deadlineText)).toEqual([
      'Tháng 02/2027', 'Quý II/2027', 'Trước ngày 15/3/2027', '6 tháng đầu năm 2027', 'Quý III - IV/2027', 'Giai đoạn 2027 - 2030',
      'Ngày 15/10/2027', 'Khi có yêu cầu của cấp trên',
    ]);
    expect(pack.tasks[1]?.coordinating).toEqual([{ type: 'kinds', kinds: ['xa', 'phuong'] }]);
    expect(pack.tasks[3]?.lead).toEqual([{ type: 'kinds', kinds: ['so-ban-nganh'] }]);

    const strictJson = path.join(dir, 'strict.json');
    const strict = await cli(planImportCommand, [docx, '--out', strictJson, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('Lỗi: bảng 2, dòng 10 (nhiệm vụ 7b): không đọc được thời hạn');
    expect(strict.err).toContain('Không nhập Kế hoạch: 2 lỗi');
    expect(existsSync(strictJson)).toBe(false);

    const en = await cli(planImportCommand, [docx, '--out', json, '--json'], 'en');
    const report = JSON.parse(en.out) as { ok: boolean; findings: Array<{ code: string; severity: string; message: string }> };
    expect(report.ok).toBe(true);
    expect(report.findings.find((f) => f.code === 'deadline-unreadable')?.message).toMatch(/^table 2, row 10 \(task 7b\): unreadable deadline/);
  });

  it('refuses what it cannot read, saying what to do', async () => {
    const pdf = path.join(dir, 'ke-hoach.pdf');
    await writeFile(pdf, '%PDF-1.4');
    expect((await cli(planImportCommand, [pdf, '--out', path.join(dir, 'x.json')])).err).toContain('chỉ nhập được văn bản Word .docx');
    const fake = path.join(dir, 'hong.docx');
    await writeFile(fake, 'không phải zip');
    const r = await cli(planImportCommand, [fake, '--out', path.join(dir, 'x.json')]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain('Tệp "' + fake + '": Không phải tệp Word .docx');
    expect((await cli(planImportCommand, [fake, '--out', path.join(dir, 'x.txt')])).err).toContain('phải có đuôi .json');
    expect((await cli(planImportCommand, [fake, '--out', path.join(dir, 'x.json'), '--year', '27'])).err).toContain('Năm "27" không hợp lệ');
    expect((await cli(planImportCommand, ['--out', path.join(dir, 'x.json')])).err).toContain('Cần đúng một tệp');
  });

  it('plan sheet --plan refuses a malformed plan naming the field', async () => {
    const bad = path.join(dir, 'hong.json');
    const pack = JSON.parse(JSON.stringify(defaultPlanPack())) as { tasks: Array<Record<string, unknown>> };
    delete pack.tasks[2]?.content;
    await writeFile(bad, JSON.stringify(pack));
    const r = await cli(planSheetCommand, ['--out', path.join(dir, 'y.xlsx'), '--plan', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tasks[2].content');
    await writeFile(bad, '{ không phải json');
    expect((await cli(planSheetCommand, ['--out', path.join(dir, 'y.xlsx'), '--plan', bad])).err).toContain('không phải JSON hợp lệ');
  });
});

describe('wired into vtlt', () => {
  it('"vtlt plan import" and "vtlt plan sheet" run, are listed in the help, and "vtlt plan" is unchanged', async () => {
    const { run } = await import('../../src/cli/main');
    const runCli = (argv: string[]) => cli((rest, io) => run(rest, io), argv);
    const xlsx = path.join(dir, 'qua-vtlt.xlsx');
    const json = path.join(dir, 'qua-vtlt.json');
    expect((await runCli(['plan', 'sheet', '--out', xlsx])).code).toBe(0);
    expect((await runCli(['plan', 'import', xlsx, '--out', json])).code).toBe(0);
    expect(await readPack(json)).toEqual(defaultPlanPack());
    const help = await runCli(['--help']);
    expect(help.out).toMatch(/plan import\s+Nhập Kế hoạch/);
    expect(help.out).toMatch(/plan sheet\s+Ghi trang tính "Kế hoạch"/);
    expect((await runCli(['plan', 'import', '--help'])).out).toContain('vtlt plan import TỆP.docx|TỆP.xlsx --out KẾ-HOẠCH.json');
    expect((await runCli(['plan', '--json', '--as-of', '2027-03-01'])).code).toBe(0);
    expect((await runCli(['plan', 'nhap'])).code).toBe(2);
  });
});

describe('--plan', () => {
  it('plan, tracker and validate use an imported 2027 plan; a file made from it is not the bundled plan\'s', async () => {
    const { run } = await import('../../src/cli/main');
    const runCli = (argv: string[]) => cli((rest, io) => run(rest, io), argv);
    const docx = path.join(dir, 'plan-flag-2027.docx');
    await writeFile(docx, await planDocx(plan2027Spec()));
    const json = path.join(dir, 'plan-flag-2027.json');
    expect((await runCli(['plan', 'import', docx, '--out', json])).code).toBe(0);

    const listed = await runCli(['plan', '--plan', json, '--json', '--as-of', '2027-07-15']);
    const tasks = (JSON.parse(listed.out) as { plan: { id: string }; tasks: Array<{ id: string; state: string | null }> });
    expect(tasks.plan.id).toBe('bn-vtlt-2027');
    expect(tasks.tasks.map((x) => x.id)).toEqual(['1', '2', '3', '4', '5', '6', '7a', '7b']);
    expect(tasks.tasks.find((x) => x.id === '7b')?.state).toBeNull();

    const xlsx = path.join(dir, 'snv-2027.xlsx');
    const tracker = await runCli(['tracker', '--plan', json, '--agency', 'SNV', '--out', xlsx, '--as-of', '2027-07-15']);
    expect(tracker.code).toBe(0);
    expect(tracker.out).toContain('Theo dõi nhiệm vụ 2027');
    expect((await runCli(['validate', '--plan', json, '--partial', xlsx])).code).toBe(0);
    // Without --plan, the workbook is checked against the plan it carries (issue 11, item 6).
    expect((await runCli(['validate', '--partial', xlsx])).code).toBe(0);

    const out = path.join(dir, 'tong-hop-2027.xlsx');
    const c = await runCli(['consolidate', '--plan', json, xlsx, '--out', out, '--as-of', '2027-07-15', '--json']);
    expect(c.code, c.err).toBe(0);
    const report = JSON.parse(c.out) as { submitted: string[]; rejected: unknown[]; year: number };
    expect(report).toMatchObject({ submitted: ['SNV'], rejected: [], year: 2026 });
    const without = await runCli(['consolidate', xlsx, '--out', path.join(dir, 'tong-hop-2026.xlsx'), '--as-of', '2027-07-15', '--json']);
    expect((JSON.parse(without.out) as { rejected: unknown[] }).rejected).toHaveLength(1);
  });
});
