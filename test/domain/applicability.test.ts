import { describe, it, expect } from 'vitest';
import { type TaskRole, roleOf } from '../../src/domain/applicability';
import type { PlanTask } from '../../src/domain/plan-pack';
import { type RosterEntry, findAgency } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';

const pack = defaultPlanPack();
const roster = defaultRoster();
const APPENDIX = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '16c'];

function agency(code: string, flags: Partial<Pick<RosterEntry, 'nopLuuLichSu' | 'coCongTrinh'>> = {}): RosterEntry {
  const e = findAgency(roster, code);
  if (!e) throw new Error(`no ${code} in the roster`);
  return { ...e, ...flags };
}

/** Role per appendix row, as a compact map: id → 'lead' | 'coordinating' | null. */
function appendixRoles(a: RosterEntry): Record<string, TaskRole | null> {
  return Object.fromEntries(APPENDIX.map((id) => [id, roleOf(pack.tasks.find((t) => t.id === id) as PlanTask, a)]));
}

function expected(lead: string[], coordinating: string[]): Record<string, TaskRole | null> {
  return Object.fromEntries(APPENDIX.map((id) => [id, lead.includes(id) ? 'lead' : coordinating.includes(id) ? 'coordinating' : null]));
}

// domain.md §2: "Các cơ quan, tổ chức, đơn vị" as lead → every agency; a named body leads its rows and the bodies
// named as coordinating see it as "phối hợp"; rows 6 and 11 only for agencies that transfer to the historical
// archives, row 16c only for agencies with construction projects; leading wins over coordinating.
const ALL_LEAD = ['1', '7', '8', '9', '10', '16a', '16b'];
const ALL_COORDINATING = ['2', '3', '4', '5', '12', '13', '14', '15'];

describe('roleOf for an ordinary xã / phường', () => {
  const xa = roster.entries.find((e) => e.kind === 'xa') as RosterEntry;
  const phuong = roster.entries.find((e) => e.kind === 'phuong') as RosterEntry;

  it('leads rows 1, 7, 8, 9, 10, 16a, 16b; coordinates 2, 3, 4, 5, 12, 13, 14, 15; nothing on 6, 11, 16c', () => {
    expect(xa.nopLuuLichSu).toBe(false);
    expect(xa.coCongTrinh).toBe(false);
    expect(appendixRoles(xa)).toEqual(expected(ALL_LEAD, ALL_COORDINATING));
    expect(appendixRoles(phuong)).toEqual(expected(ALL_LEAD, ALL_COORDINATING));
  });

  it('the roster flag "nộp lưu" adds rows 6 and 11 as lead', () => {
    expect(appendixRoles({ ...xa, nopLuuLichSu: true })).toEqual(expected([...ALL_LEAD, '6', '11'], ALL_COORDINATING));
  });

  it('the roster flag "có công trình" adds row 16c as lead', () => {
    expect(appendixRoles({ ...xa, coCongTrinh: true })).toEqual(expected([...ALL_LEAD, '16c'], ALL_COORDINATING));
    expect(appendixRoles({ ...xa, coCongTrinh: true, nopLuuLichSu: true }))
      .toEqual(expected([...ALL_LEAD, '6', '11', '16c'], ALL_COORDINATING));
  });

  it('section III: leads all III.1 duties, none of III.2 or III.3', () => {
    for (const t of pack.tasks.filter((x) => x.section.startsWith('III.'))) {
      expect(roleOf(t, xa), t.id).toBe(t.section === 'III.1' ? 'lead' : null);
    }
  });
});

describe('roleOf for the named bodies', () => {
  it('Sở Nội vụ leads 2, 4, 5, 13, 14, 15 besides the rows of every agency; coordinates 3 and 12', () => {
    const snv = agency('SNV');
    expect(snv.nopLuuLichSu).toBe(true); // the bundled roster presets provincial bodies
    // with the flag set, SNV leads its own transfer (rows 6, 11): leading wins over coordinating
    expect(appendixRoles(snv)).toEqual(expected([...ALL_LEAD, '2', '4', '5', '13', '14', '15', '6', '11'], ['3', '12', '16c']));
  });

  it('Sở Nội vụ without the transfer flag coordinates rows 6, 11 and 16c', () => {
    const snv = agency('SNV', { nopLuuLichSu: false, coCongTrinh: false });
    expect(appendixRoles(snv)).toEqual(expected([...ALL_LEAD, '2', '4', '5', '13', '14', '15'], ['3', '6', '11', '12', '16c']));
  });

  it('Sở Khoa học và Công nghệ leads 3 and 12 and coordinates the rows of Sở Nội vụ', () => {
    const skhcn = agency('SKHCN', { nopLuuLichSu: false });
    expect(appendixRoles(skhcn)).toEqual(expected([...ALL_LEAD, '3', '12'], ['2', '4', '5', '13', '14', '15']));
  });

  it('Văn phòng UBND tỉnh leads row 8 (as an agency) although it is also named as coordinating there', () => {
    const vp = agency('VPUBND', { nopLuuLichSu: false });
    expect(roleOf(pack.tasks.find((t) => t.id === '8') as PlanTask, vp)).toBe('lead');
    expect(appendixRoles(vp)).toEqual(expected(ALL_LEAD, ALL_COORDINATING));
  });

  it('section III: III.2 only for Sở Nội vụ, III.3 only for Sở Khoa học và Công nghệ', () => {
    const snv = agency('SNV');
    const skhcn = agency('SKHCN');
    const stc = agency('STC');
    for (const t of pack.tasks) {
      if (t.section === 'III.2') {
        expect(roleOf(t, snv)).toBe('lead');
        expect(roleOf(t, skhcn)).toBeNull();
        expect(roleOf(t, stc)).toBeNull();
      }
      if (t.section === 'III.3') {
        expect(roleOf(t, skhcn)).toBe('lead');
        expect(roleOf(t, snv)).toBeNull();
      }
      if (t.section === 'III.1') for (const a of [snv, skhcn, stc]) expect(roleOf(t, a)).toBe('lead');
    }
  });

  it('codes match without regard to case', () => {
    const lower = { ...agency('SNV', { nopLuuLichSu: false }), code: 'snv' };
    expect(roleOf(pack.tasks.find((t) => t.id === '2') as PlanTask, lower)).toBe('lead');
  });

  it('Trung tâm Lưu trữ lịch sử tỉnh (added by the user) leads row 15 and coordinates rows 6 and 11', () => {
    const tt: RosterEntry = { code: 'TTLTLS', name: 'Trung tâm Lưu trữ lịch sử tỉnh', kind: 'don-vi-su-nghiep', nopLuuLichSu: false, coCongTrinh: false };
    expect(appendixRoles(tt)).toEqual(expected([...ALL_LEAD, '15'], ['2', '3', '4', '5', '6', '11', '12', '13', '14']));
  });
});

describe('roleOf with custom audiences', () => {
  const task = (lead: PlanTask['lead'], coordinating: PlanTask['coordinating']) => ({ lead, coordinating });
  const xa = roster.entries.find((e) => e.kind === 'xa') as RosterEntry;

  it('lead wins over coordinating; no match is null', () => {
    expect(roleOf(task([{ type: 'all' }], [{ type: 'all' }]), xa)).toBe('lead');
    expect(roleOf(task([{ type: 'bodies', codes: ['SNV'] }], [{ type: 'all' }]), xa)).toBe('coordinating');
    expect(roleOf(task([{ type: 'bodies', codes: ['SNV'] }], []), xa)).toBeNull();
    expect(roleOf(task([{ type: 'flag', flag: 'coCongTrinh' }], [{ type: 'flag', flag: 'nopLuuLichSu' }]), { ...xa, nopLuuLichSu: true }))
      .toBe('coordinating');
    expect(roleOf(task([{ type: 'bodies', codes: ['X', xa.code] }], []), xa)).toBe('lead');
  });

  it('every agency of the roster has a role in every "all" task and in III.1', () => {
    for (const a of roster.entries) {
      for (const t of pack.tasks) {
        const r = roleOf(t, a);
        if (t.lead.some((x) => x.type === 'all')) expect(r).toBe('lead');
        else if (t.coordinating.some((x) => x.type === 'all')) expect(r).not.toBeNull();
      }
    }
  });
});
