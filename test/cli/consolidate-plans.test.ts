/**
 * Files made from different plans, or different versions of one, are never added up together (issue 11, item 6):
 * the plan of the consolidation (--plan, or the bundled one) decides; the others are set aside naming their plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { insertTracker } from '../../src/app/insert-tracker';
import type { CliIo } from '../../src/cli/io';
import type { PlanPack } from '../../src/domain/plan-pack';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-consolidate-plans-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const NOW = new Date('2026-03-01T08:00:00Z');
const entries = defaultRoster().entries;
const plan2027: PlanPack = { ...defaultPlanPack(), id: 'hn-vtlt-2027', version: '1.2.0', title: 'Kế hoạch 2027 của tỉnh khác' };
/** The bundled plan's id and version with one task's text changed: another plan all the same. */
const edited: PlanPack = { ...defaultPlanPack(), tasks: defaultPlanPack().tasks.map((t, i) => (i === 0 ? { ...t, content: `${t.content} (sửa)` } : t)) };

async function trackerFile(name: string, plan: PlanPack, agency: number): Promise<string> {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack: plan, agency: entries[agency]!, now: NOW, confirm: async () => true });
  const file = path.join(dir, name);
  await writeFile(file, await wb.toBuffer());
  return file;
}

interface Report {
  code: number;
  submitted: string[];
  rejected: Array<{ file: string; reasons: string[] }>;
  otherPlans: Array<{ plan: string; files: string[] }>;
}

async function consolidate(argv: string[], json = true): Promise<Report & { out: string }> {
  const { run } = await import('../../src/cli/main');
  const out: string[] = [];
  const io: CliIo = { lang: 'vi', out: (s) => out.push(s), err: () => undefined, now: () => NOW.getTime() };
  const code = await run(['consolidate', ...argv, ...(json ? ['--json'] : []), '--as-of', '2026-06-30'], io);
  const text = out.join('\n');
  return json ? { code, out: text, ...(JSON.parse(text) as Omit<Report, 'code'>) } : { code, out: text, submitted: [], rejected: [], otherPlans: [] };
}

describe('consolidation by plan', () => {
  it('adds up only the files of the consolidation\'s plan and names the plan of every other one', async () => {
    const a = await trackerFile('a-2026.xlsx', defaultPlanPack(), 0);
    const b = await trackerFile('b-2027.xlsx', plan2027, 1);
    const c = await trackerFile('c-2026-sua.xlsx', edited, 2);
    const r = await consolidate([a, b, c, '--out', path.join(dir, 'tong-hop.xlsx')]);
    expect(r.submitted).toEqual([entries[0]!.code]);
    const reasons = new Map(r.rejected.map((x) => [path.basename(x.file), x.reasons.join(' ')]));
    expect(reasons.get('b-2027.xlsx')).toMatch(/^Sổ lập theo kế hoạch "Kế hoạch 2027 của tỉnh khác" \(hn-vtlt-2027 1\.2\.0 #[0-9a-f]{8}\), khác kế hoạch đang tổng hợp "/);
    const sameVersion = reasons.get('c-2026-sua.xlsx') ?? '';
    expect(sameVersion).toContain(`(${defaultPlanPack().id} ${defaultPlanPack().version} #`);
    expect(sameVersion).toContain('khác kế hoạch đang tổng hợp');
    expect(r.rejected).toHaveLength(2);
    // Grouped by plan, and said so.
    expect(r.otherPlans.map((g) => [g.plan.replace(/ #[0-9a-f]{8}/, ''), g.files.map((f) => path.basename(f))])).toEqual([
      ['"Kế hoạch 2027 của tỉnh khác" (hn-vtlt-2027 1.2.0)', ['b-2027.xlsx']],
      [`"${defaultPlanPack().title}" (${defaultPlanPack().id} ${defaultPlanPack().version})`, ['c-2026-sua.xlsx']],
    ]);
    const d = await trackerFile('d-2027.xlsx', plan2027, 3);
    const text = await consolidate([a, b, d, c, '--out', path.join(dir, 'tong-hop-2.xlsx')], false);
    expect(text.out).toMatch(/Sổ lập theo kế hoạch khác "Kế hoạch 2027 của tỉnh khác" \(hn-vtlt-2027 1\.2\.0 #[0-9a-f]{8}\): 2 sổ để riêng, không cộng chung \(.*b-2027\.xlsx, .*d-2027\.xlsx\)\./);
  });

  it('with --plan, the files of that plan are added up and the others set aside', async () => {
    const json = path.join(dir, 'plan-2027.json');
    await writeFile(json, JSON.stringify(plan2027));
    const a = await trackerFile('a2-2026.xlsx', defaultPlanPack(), 0);
    const b = await trackerFile('b2-2027.xlsx', plan2027, 1);
    const r = await consolidate(['--plan', json, a, b, '--out', path.join(dir, 'tong-hop-2027.xlsx')]);
    expect(r.submitted).toEqual([entries[1]!.code]);
    expect(r.rejected.map((x) => path.basename(x.file))).toEqual(['a2-2026.xlsx']);
    expect(r.rejected[0]!.reasons.join(' ')).toContain(`khác kế hoạch đang tổng hợp "Kế hoạch 2027 của tỉnh khác" (hn-vtlt-2027 1.2.0 #`);
  });
});
