/**
 * The identity stamp is checked by hand (so the pane starts without the schema library). Here the schema library is
 * the oracle: for every record below, the hand check and the schema the stamp was defined by agree on what is
 * accepted, on the values read, and on the keys at fault.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGENCY_KINDS } from '../../src/domain/roster-lookup';
import { IDENTITY_SCHEMA, readIdentity } from '../../src/workbook/identity';
import type { Grid } from '../../src/workbook/grid';

const years = z.coerce.number().int().min(2000).max(2100);
const Oracle = z
  .object({
    schema: z.literal(IDENTITY_SCHEMA),
    agencyCode: z.string().min(1),
    agencyName: z.string().min(1),
    agencyKind: z.enum(AGENCY_KINDS),
    reportingYear: years,
    planYear: years.optional(),
    reportingPeriod: z.string().min(1),
    planPackId: z.string().min(1),
    planPackVersion: z.string().min(1),
    formPackId: z.string().optional(),
    formPackVersion: z.string().optional(),
    productVersion: z.string().min(1),
    generatedAt: z.string().datetime({ offset: true }),
    inclusiveBefore: z.enum(['true', 'false']).optional(),
  })
  .strict();

const GOOD: Record<string, string> = {
  schema: IDENTITY_SCHEMA,
  agencyCode: 'SNV',
  agencyName: 'Sở Nội vụ',
  agencyKind: 'so-ban-nganh',
  reportingYear: '2025',
  reportingPeriod: 'Năm 2025',
  planPackId: 'tn-vtlt-2026',
  planPackVersion: '1.0.0',
  productVersion: '0.1.0',
  generatedAt: '2026-02-27T08:15:00.000Z',
};

const CASES: Record<string, string>[] = [
  GOOD,
  { ...GOOD, planYear: '2026', formPackId: 'bnv', formPackVersion: '1.0.0', inclusiveBefore: 'false' },
  { ...GOOD, formPackId: '', planYear: '2026.0' },
  { ...GOOD, generatedAt: '2026-02-27T15:15:00+07:00' },
  { ...GOOD, generatedAt: '2026-02-27T15:15+07:00' },
  { ...GOOD, generatedAt: '2026-02-27T15:15:00' },
  { ...GOOD, generatedAt: '2026-02-30T15:15:00Z' },
  { ...GOOD, generatedAt: '2024-02-29T00:00:00Z' },
  { ...GOOD, generatedAt: '2025-02-29T00:00:00Z' },
  { ...GOOD, generatedAt: '2026-13-01T00:00:00Z' },
  { ...GOOD, generatedAt: '2026-01-01T24:00:00Z' },
  { ...GOOD, generatedAt: '27/02/2026' },
  { ...GOOD, reportingYear: '' },
  { ...GOOD, reportingYear: 'năm 2025' },
  { ...GOOD, reportingYear: '2025.5' },
  { ...GOOD, reportingYear: '1999' },
  { ...GOOD, planYear: '' },
  { ...GOOD, agencyKind: 'xã' },
  { ...GOOD, agencyKind: 'xa' },
  { ...GOOD, inclusiveBefore: 'có' },
  { ...GOOD, schema: 'vtlt/identity@2' },
  { ...GOOD, agencyName: '' },
  { ...GOOD, extra: '1', other: '2' },
  Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== 'agencyCode' && k !== 'generatedAt')),
  {},
];

function gridOf(record: Record<string, string>): Grid {
  const values = [['key', 'value', 'mô tả'], ...Object.entries(record).map(([k, v]) => [k, v, ''])];
  return { name: '_vtlt_meta', values };
}

describe('the identity stamp, checked by hand', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('agrees with the schema on record %i', (_i, record) => {
    const read = readIdentity(gridOf(record));
    const oracle = Oracle.safeParse(record);
    if (oracle.success) {
      expect(read).toEqual({ ok: true, identity: oracle.data });
    } else {
      const keys = oracle.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.')]));
      expect(read.ok).toBe(false);
      expect(read.ok === false && read.reason === 'invalid' && [...read.errors].sort()).toEqual([...new Set(keys)].sort());
    }
  });

  it('a missing sheet is told apart from a wrong one', () => {
    expect(readIdentity(null)).toEqual({ ok: false, reason: 'missing' });
  });
});
