/**
 * "Danh sách đơn vị": the roster as a sheet of the consolidation workbook, seeded from the default and edited by
 * Sở Nội vụ in Excel; consolidation reads it back from there.
 */
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind } from '../domain/roster-lookup';
import type { Roster, RosterEntry } from '../domain/roster';
import { normaliseName } from '../domain/text';
import { cellRef } from './a1';
import { type Grid, gridText, isEmptyValue } from './grid';
import type { SheetSpec, Validation } from './sheet-spec';
import { ROSTER_SHEET } from './consolidation-names';

export { ROSTER_SHEET };
/** A very hidden, protected sheet holding the roster's drop-down lists (one list per column, from row 1). */
export const LISTS_SHEET = '_vtlt_lists';
export const ROSTER_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Nộp lưu vào Lưu trữ lịch sử', 'Có công trình xây dựng', 'Ghi chú'] as const;
const HEADER_ROW = 3;

const YES = 'Có';
const NO = 'Không';

const KIND_LABELS = AGENCY_KINDS.map((k) => AGENCY_KIND_LABELS[k]);

/**
 * The lists the roster's drop-downs refer to. The agency kinds go in cells, not in a literal "a,b,c" source: Excel
 * and LibreOffice split a literal source on every comma, so "Sở, ban, ngành" would become three items.
 */
export function rosterListsSheet(): SheetSpec {
  return {
    name: LISTS_SHEET,
    visibility: 'veryHidden',
    columns: [{ width: 30 }],
    blocks: [{ at: 'A1', rows: KIND_LABELS.map((label) => [label]) }],
    styles: { text: { numberFormat: '@' } },
    styleRanges: [{ range: `A1:A${KIND_LABELS.length}`, style: 'text' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: { unlocked: [] },
  };
}

/** Rows below the last one the drop-downs reach, for rows the user adds. */
const SPARE_ROWS = 500;

/** The agency-kind drop-down: column C from below the header to `last` + SPARE_ROWS, its items on the lists sheet. */
function kindValidation(headerRow: number, last: number): Validation {
  return {
    range: `C${headerRow + 1}:C${last + SPARE_ROWS}`,
    rule: { type: 'list', values: KIND_LABELS, source: { sheet: LISTS_SHEET, range: `A1:A${KIND_LABELS.length}` } },
    allowBlank: true,
    error: { title: 'Loại đơn vị', message: 'Chọn loại đơn vị trong danh sách.' },
  };
}

/**
 * The kind drop-down set again on a roster sheet kept from an earlier run (the sheet itself is never rewritten: it
 * holds Sở Nội vụ's rows). Versions before the lists sheet wrote the kinds as a literal "Sở, ban, ngành,Đơn vị sự
 * nghiệp,…", which Excel and LibreOffice split on every comma; so every validation of the kind column below the
 * header is cleared, then the range-source one is set over the rows in use and SPARE_ROWS more. Null when the
 * sheet has no header row to go by.
 */
export function rosterRevalidation(grid: Grid): { sheet: string; clear: string[]; validations: Validation[] } | null {
  const headerRow = findHeaderRow(grid);
  if (headerRow === 0) return null;
  const last = Math.max(grid.values.length, headerRow + 1);
  return { sheet: ROSTER_SHEET, clear: [`C${headerRow + 1}:C${EXCEL_ROWS}`], validations: [kindValidation(headerRow, last)] };
}

/** Excel's last row. */
const EXCEL_ROWS = 1_048_576;

/** The row of the roster's headers (the first 20 rows are searched), 0 when there is none. */
function findHeaderRow(grid: Grid): number {
  for (let r = 1; r <= Math.min(grid.values.length, 20); r++) {
    if (normaliseName(gridText(grid, r, 1)) === normaliseName(ROSTER_HEADERS[0]) && normaliseName(gridText(grid, r, 2)) === normaliseName(ROSTER_HEADERS[1])) return r;
  }
  return 0;
}

export function rosterSheet(roster: Roster): SheetSpec {
  const body = roster.entries.map((e) => [e.code, e.name, AGENCY_KIND_LABELS[e.kind], e.nopLuuLichSu ? YES : NO, e.coCongTrinh ? YES : NO, null]);
  const last = HEADER_ROW + Math.max(1, body.length);
  return {
    name: ROSTER_SHEET,
    tabColor: '#5C2E91',
    columns: [{ width: 12 }, { width: 42 }, { width: 20 }, { width: 16 }, { width: 16 }, { width: 30 }],
    rowHeights: [{ row: HEADER_ROW, height: 32 }],
    blocks: [
      { at: 'A1', rows: [['DANH SÁCH CƠ QUAN, TỔ CHỨC, ĐƠN VỊ BÁO CÁO']] },
      { at: 'A2', rows: [[`${roster.note} Thêm, sửa hoặc xoá dòng ngay trên trang tính này; lần tổng hợp sau đọc lại danh sách từ đây.`]] },
      { at: `A${HEADER_ROW}`, rows: [[...ROSTER_HEADERS]] },
      { at: `A${HEADER_ROW + 1}`, rows: body },
    ],
    styles: {
      title: { bold: true, fontSize: 13, fontColor: '#0F3D73' },
      note: { italic: true, fontSize: 9, wrap: true, vAlign: 'top' },
      header: { bold: true, fill: '#5C2E91', fontColor: '#FFFFFF', wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin' },
      body: { border: 'thin', fontSize: 10 },
      code: { numberFormat: '@' },
    },
    styleRanges: [
      { range: 'A1:F1', style: 'title' },
      { range: 'A2:F2', style: 'note' },
      { range: `A${HEADER_ROW}:F${HEADER_ROW}`, style: 'header' },
      { range: `A${HEADER_ROW + 1}:F${last}`, style: 'body' },
      { range: `A${HEADER_ROW + 1}:A${last + SPARE_ROWS}`, style: 'code' },
    ],
    merges: ['A1:F1', 'A2:F2'],
    validations: [
      kindValidation(HEADER_ROW, last),
      {
        range: `D${HEADER_ROW + 1}:E${last + SPARE_ROWS}`,
        rule: { type: 'list', values: [YES, NO] },
        allowBlank: true,
        error: { title: 'Có hoặc Không', message: 'Chọn "Có" hoặc "Không".' },
      },
    ],
    conditionalFormats: [],
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}

export interface RosterRead {
  readonly roster: Roster;
  /** Rows that could not be read, with why (the row is skipped, the user is told). */
  readonly problems: readonly { readonly cell: string; readonly message: string }[];
}

const kindByLabel = new Map<string, AgencyKind>([
  ...AGENCY_KINDS.map((k) => [normaliseName(AGENCY_KIND_LABELS[k]), k] as [string, AgencyKind]),
  ...AGENCY_KINDS.map((k) => [k, k] as [string, AgencyKind]),
]);

/** Reads the roster back from its sheet, finding the header row by its texts. */
export function readRosterSheet(grid: Grid, meta: { id: string; version: string; title: string; note: string }): RosterRead | null {
  const headerRow = findHeaderRow(grid);
  if (headerRow === 0) return null;
  const problems: { cell: string; message: string }[] = [];
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  for (let r = headerRow + 1; r <= grid.values.length; r++) {
    const row = grid.values[r - 1] ?? [];
    if (row.slice(0, 5).every((v) => isEmptyValue(v))) continue;
    const code = gridText(grid, r, 1).trim();
    const name = gridText(grid, r, 2).trim();
    const kindText = normaliseName(gridText(grid, r, 3));
    const kind = kindByLabel.get(kindText);
    const flag = (c: number): boolean | null => {
      const t = normaliseName(gridText(grid, r, c));
      if (t === '' || t === 'không' || t === 'khong' || t === '0') return false;
      if (t === 'có' || t === 'co' || t === 'x' || t === '1') return true;
      return null;
    };
    const nop = flag(4);
    const cong = flag(5);
    const bad = (c: number, message: string) => problems.push({ cell: cellRef(r, c), message });
    if (!/^[0-9A-Za-z_-]{1,20}$/.test(code)) { bad(1, `Mã đơn vị "${code}" không hợp lệ (chữ, số, "-" hoặc "_", tối đa 20 ký tự); dòng này bị bỏ qua.`); continue; }
    if (seen.has(code.toUpperCase())) { bad(1, `Mã đơn vị "${code}" bị trùng; dòng này bị bỏ qua.`); continue; }
    if (name === '') { bad(2, `Đơn vị mã "${code}" chưa có tên; dòng này bị bỏ qua.`); continue; }
    if (!kind) { bad(3, `Loại đơn vị "${gridText(grid, r, 3)}" không có trong danh sách; dòng này bị bỏ qua.`); continue; }
    if (nop === null) { bad(4, 'Cột "Nộp lưu vào Lưu trữ lịch sử" cần "Có" hoặc "Không"; dòng này bị bỏ qua.'); continue; }
    if (cong === null) { bad(5, 'Cột "Có công trình xây dựng" cần "Có" hoặc "Không"; dòng này bị bỏ qua.'); continue; }
    seen.add(code.toUpperCase());
    entries.push({ code, name: name.normalize('NFC'), kind, nopLuuLichSu: nop, coCongTrinh: cong });
  }
  // Each row kept was checked above as the roster's schema checks an entry (code, name, kind, flags, no repeated
  // code), without loading the schema library into the pane's consolidation; a roster needs one entry at least.
  const roster: Roster = { schema: 'vtlt/roster@1', ...meta, entries };
  if (entries.length === 0) return { roster, problems: [...problems, { cell: '', message: 'Trang không có dòng đơn vị nào đọc được.' }] };
  return { roster, problems };
}
