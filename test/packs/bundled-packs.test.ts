/**
 * The bundled packs are loaded as typed data, without the schema library: this is where they are checked. Each must
 * pass its schema and parsing must change nothing (no default filled in, no text trimmed or normalised), so the data
 * the pane and the command line use is exactly what the schema would have given.
 */
import { describe, expect, it } from 'vitest';
import planJson from '../../src/packs/plan-tn-vtlt-2026.json';
import rosterJson from '../../src/packs/roster-thai-nguyen-default.json';
import formsJson from '../../src/packs/forms-reference-2025.json';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { loadPlanPack } from '../../src/domain/plan-pack';
import { loadRoster } from '../../src/domain/roster';
import { loadFormPack } from '../../src/domain/form-pack-schema';

describe('bundled packs', () => {
  it.each([
    ['plan pack', planJson, loadPlanPack, defaultPlanPack],
    ['roster', rosterJson, loadRoster, defaultRoster],
    ['form pack', formsJson, loadFormPack, defaultFormPack],
  ] as const)('the %s passes its schema unchanged, and is what the product uses', (_name, json, load, used) => {
    const loaded = (load as (data: unknown) => { ok: boolean; value?: unknown; errors?: string[] })(json);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.ok).toBe(true);
    expect(loaded.value).toStrictEqual(json);
    expect(used()).toStrictEqual(loaded.value);
  });

  it('would notice a pack that parsing changes (a default filled in)', () => {
    const forms = structuredClone(formsJson) as { forms: Record<string, unknown>[] };
    delete forms.forms[0]!['na'];
    const loaded = loadFormPack(forms);
    expect(loaded.ok && loaded.value).not.toStrictEqual(forms);
  });
});
