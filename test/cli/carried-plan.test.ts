/**
 * `vtlt validate` without --plan checks each workbook against the plan it carries (issue 11, item 6); a damaged stored
 * plan is a warning naming what is wrong, and the bundled plan is used instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { insertTracker } from '../../src/app/insert-tracker';
import type { CliIo } from '../../src/cli/io';
import { validateCommand } from '../../src/cli/validate-command';
import type { PlanPack } from '../../src/domain/plan-pack';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-carried-plan-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const NOW = new Date('2027-03-01T08:00:00Z');
const snv = defaultRoster().entries.find((e) => e.code === 'SNV')!;
export function plan2027(): PlanPack {
  return { ...defaultPlanPack(), id: 'hn-vtlt-2027', version: '1.2.0', year: 2027, trackerSheetName: 'Theo dõi nhiệm vụ 2027' };
}

async function trackerFile(name: string, plan: PlanPack, damage = false): Promise<string> {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack: plan, agency: snv, now: NOW, confirm: async () => true });
  if (damage) wb.workbook.getWorksheet(PLAN_SHEET)!.getCell('A3').value = '{"sửa tay": true}';
  const file = path.join(dir, name);
  await writeFile(file, await wb.toBuffer());
  return file;
}

async function validate(argv: string[]): Promise<{ code: number; rules: string[]; out: string }> {
  const out: string[] = [];
  const io: CliIo = { lang: 'vi', out: (s) => out.push(s), err: () => undefined, now: () => NOW.getTime() };
  const code = await validateCommand([...argv, '--json'], io);
  const report = JSON.parse(out.join('\n')) as { files: Array<{ issues: Array<{ rule: string; message: string }> }> };
  return { code, rules: report.files.flatMap((f) => f.issues.map((i) => i.rule)), out: out.join('\n') };
}

describe('validate with the plan the workbook carries', () => {
  it('a tracker made from a 2027 plan validates without --plan', async () => {
    const file = await trackerFile('snv-2027.xlsx', plan2027());
    const r = await validate(['--partial', file]);
    expect(r.rules).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a damaged stored plan is a warning naming the plan used, and the bundled plan is used', async () => {
    const file = await trackerFile('snv-2027-hong.xlsx', plan2027(), true);
    const r = await validate(['--partial', file]);
    expect(r.rules).toContain('plan-stored-damaged');
    expect(r.out).toContain(`Kế hoạch lưu kèm sổ làm việc bị hỏng (fingerprint), nên sổ được kiểm tra theo kế hoạch \\"${defaultPlanPack().id}`);
    // Checked against the bundled 2026 plan: the stamp's 2027 plan is not one it knows.
    expect(r.rules).toEqual(['plan-stored-damaged', 'pack-unknown']);
    expect(r.code).toBe(1);
  });
});
