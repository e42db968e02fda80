/**
 * The product's sheets a write leaves alone end protected in Excel too (WriteOptions.keepProtected): a form the user
 * unprotected is protected again by the next tracker or forms insert, in the same number of round trips, with the
 * options the product protects its sheets with; sheets still protected are not protected twice (Excel refuses that).
 */
import { describe, expect, it } from 'vitest';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { PRODUCT_PROTECTION } from '../../../src/hosts/excel/apply-spec';
import { defaultFormPack } from '../../../src/packs/forms';
import { agency, NOW, pack, rig, yes } from './helpers';

const forms = defaultFormPack();
const plan = { id: pack.id, version: pack.version };
const WARD = agency('05455');

async function formsAndTracker() {
  const r = rig();
  await insertTracker(r.workbook, { pack, agency: WARD, now: NOW, confirm: yes });
  const inserted = await insertForms(r.workbook, { pack: forms, agency: WARD, year: 2025, plan, now: NOW, confirm: yes });
  if (!inserted.ok) throw new Error('forms not inserted');
  const f0804 = inserted.forms.find((f) => f.code === '0804');
  const input = f0804?.layout.spec.protection?.unlocked[0]?.split(':')[0];
  if (!input) throw new Error('no input cell on 0804');
  return { ...r, input };
}

/** What the user does with Review › Unprotect Sheet (no password). */
function userUnprotects(r: ReturnType<typeof rig>, name: string): void {
  r.fake.mustSheet(name).protection = { protected: false, options: {} };
}

describe('the product’s sheets stay protected in Excel', () => {
  it('a form the user unprotected is protected again by a tracker insert, in 3 syncs', async () => {
    const r = await formsAndTracker();
    userUnprotects(r, '0804');
    r.fake.resetCounters();
    const again = await insertTracker(r.workbook, { pack, agency: WARD, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    expect(r.fake.syncCount).toBe(3);
    for (const f of forms.forms) expect(r.fake.mustSheet(f.code).protection.protected, f.code).toBe(true);
    expect(r.fake.mustSheet('0804').protection.options).toEqual(PRODUCT_PROTECTION);
    expect(PRODUCT_PROTECTION).toEqual({ allowFormatColumns: true, allowFormatRows: true });
    // Its input cells are still open to the user, the rest is locked again.
    r.fake.typeInto('0804', r.input, [[12]]);
    expect(() => r.fake.typeInto('0804', 'A1', [['x']])).toThrow(/locked/);
  });

  it('forms not rewritten by a forms insert are protected again too, in 3 syncs', async () => {
    const r = await formsAndTracker();
    userUnprotects(r, '0804');
    userUnprotects(r, '0805');
    r.fake.resetCounters();
    const again = await insertForms(r.workbook, { pack: forms, codes: ['0801'], agency: WARD, year: 2025, plan, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    expect(r.fake.syncCount).toBe(3);
    for (const f of forms.forms) expect(r.fake.mustSheet(f.code).protection.protected, f.code).toBe(true);
  });

  it('a sheet to keep protected that is missing or already protected is left as it is', async () => {
    const r = await formsAndTracker();
    const before = { ...r.fake.mustSheet('0804').protection };
    r.fake.resetCounters();
    await r.workbook.write([], { keepProtected: ['0804', 'Không có trang này'] });
    expect(r.fake.syncCount).toBe(2);
    expect(r.fake.mustSheet('0804').protection).toEqual(before);
    expect(r.fake.sheet('Không có trang này')).toBeUndefined();
  });
});
