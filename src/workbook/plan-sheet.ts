/**
 * The editable "Kế hoạch" sheet: a plan as Sở Nội vụ types or pastes it in Excel, and reads back into a plan pack.
 * Top: what the plan says about itself, one labelled row per field (label in B, value in C). Then the appendix
 * columns (TT, Nội dung công việc, Cơ quan chủ trì thực hiện, Cơ quan phối hợp, Thời gian hoàn thành), with section
 * rows (a title alone; "III.1. …"), group headings ("16" with sub-rows "a", "b", "c") and task rows as the plan
 * writes them. The deadline column takes text only and checks that a phrase has one of the shapes the deadline
 * parser reads (a coarse first check as the user types; the import runs the one parser and reports by row).
 */
import type { PlanMeta } from '../domain/plan-import-meta';
import { APPENDIX_SECTION } from '../domain/plan-import';
import { cellKey, type SourceRow } from '../domain/plan-import-table';
import type { PlanPack } from '../domain/plan-pack';
import { rowHeightFor } from './text-metrics';
import { fromExcelSerial, parseUserDate, toIso } from '../domain/calendar';
import { type Grid, type GridValue, gridValue } from './grid';
import type { CellValue, SheetSpec, StyleRange } from './sheet-spec';

export const PLAN_SHEET_NAME = 'Kế hoạch';
export const PLAN_SHEET_COLUMNS = [
  { header: 'TT', width: 8 },
  { header: 'Nội dung công việc', width: 60 },
  { header: 'Cơ quan chủ trì thực hiện', width: 28 },
  { header: 'Cơ quan phối hợp', width: 28 },
  { header: 'Thời gian hoàn thành', width: 22 },
] as const;

type MetaKey = keyof PlanMeta;
/** The labelled rows at the top, in order. */
export const PLAN_META_FIELDS: ReadonlyArray<{ readonly key: MetaKey; readonly label: string }> = [
  { key: 'id', label: 'Mã kế hoạch' },
  { key: 'version', label: 'Phiên bản' },
  { key: 'title', label: 'Tên kế hoạch' },
  { key: 'year', label: 'Năm kế hoạch' },
  { key: 'statisticsYear', label: 'Năm số liệu thống kê' },
  { key: 'province', label: 'Tỉnh' },
  { key: 'issuer', label: 'Cơ quan, người ban hành' },
  { key: 'signer', label: 'Người ký' },
  { key: 'number', label: 'Số văn bản' },
  { key: 'numberSuffix', label: 'Ký hiệu' },
  { key: 'issuedDate', label: 'Ngày ban hành (yyyy-mm-dd)' },
  { key: 'placeAndDate', label: 'Địa danh, ngày tháng năm' },
  { key: 'status', label: 'Tình trạng văn bản' },
  { key: 'legalBases', label: 'Căn cứ (mỗi căn cứ một dòng)' },
  { key: 'trackerSheetName', label: 'Tên trang tính theo dõi' },
  { key: 'reportDeadlineTaskId', label: 'TT nhiệm vụ báo cáo thống kê' },
];

export const DEADLINE_PHRASES_NOTE =
  'Thời gian hoàn thành ghi theo một trong các mẫu: Thường xuyên; Tháng 01/2027; Quý II/2027; Quý III - IV/2027; ' +
  '6 tháng đầu năm 2027; 6 tháng cuối năm 2027; Năm 2027; Giai đoạn 2027 - 2030; Trước ngày 15/3/2027; ' +
  'Chậm nhất ngày 15/3/2027; Ngày 15/10/2027. Cụm từ khác được giữ nguyên nhưng không tính được hạn.';

const FIRST_META_ROW = 3;
export const PLAN_HEADER_ROW = FIRST_META_ROW + PLAN_META_FIELDS.length + 2;
/** Empty rows below the plan, ready for typing. */
const SPARE_ROWS = 100;

/** The first words a readable phrase starts with (lower case), and it ends with a 4-digit year, or is "thường xuyên". */
const PHRASE_STARTS = ['tháng', 'trong', 'quý', 'q', '6 tháng', '06 tháng', 'sáu tháng', 'năm', 'giai đoạn', 'trước', 'chậm nhất', 'ngày', 'vào'];

/** The deadline check for the cell `ref`, as an Excel formula without "=". */
export function deadlineCheckFormula(ref: string): string {
  const lower = `LOWER(TRIM(${ref}))`;
  const tail = `RIGHT(TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},".",""),";",""),",","")),4)`;
  const starts = PHRASE_STARTS.map((w) => `LEFT(${lower},${w.length})="${w}"`).join(',');
  return `OR(LEN(TRIM(${ref}))=0,${lower}="thường xuyên",AND(ISNUMBER(-${tail}),OR(${starts})))`;
}

function metaValue(pack: PlanPack | null, key: MetaKey): CellValue {
  if (pack === null) return key === 'version' ? '1.0.0' : null;
  const v = (pack as unknown as Record<string, unknown>)[key];
  if (Array.isArray(v)) return v.join('\n');
  if (typeof v === 'number') return v;
  return typeof v === 'string' ? v : null;
}

/** The rows of the task table: sections, headings before their sub-rows, tasks ("a" for 16a under heading 16). */
function tableRows(pack: PlanPack): { values: CellValue[][]; kinds: Array<'section' | 'heading' | 'task'> } {
  const values: CellValue[][] = [];
  const kinds: Array<'section' | 'heading' | 'task'> = [];
  for (const section of pack.sections) {
    const tasks = pack.tasks.filter((t) => t.section === section.id);
    const titleGivesId = /^([IVXLC]+(?:\.\d+)*)[.)]?\s/.exec(section.title)?.[1] === section.id;
    const first = section === pack.sections[0] && section.id === APPENDIX_SECTION.id;
    values.push([titleGivesId || first ? '' : section.id, section.title, '', '', '']);
    kinds.push('section');
    let parent: string | undefined;
    for (const t of tasks) {
      if (t.parent !== undefined && t.parent !== parent) {
        const h = pack.headings.find((x) => x.id === t.parent);
        if (h) {
          values.push([h.id, h.content, '', '', '']);
          kinds.push('heading');
        }
      }
      parent = t.parent;
      const letter = t.parent !== undefined && /^[a-zđ]$/.test(t.id.slice(t.parent.length)) && t.id.startsWith(t.parent);
      values.push([letter ? t.id.slice(t.parent?.length ?? 0) : t.id, t.content, t.leadText, t.coordinatingText, t.deadlineText]);
      kinds.push('task');
    }
  }
  return { values, kinds };
}

/** The sheet, empty or filled from a plan. */
export function planSheetSpec(pack: PlanPack | null): SheetSpec {
  const last = 'E';
  const blocks: Array<{ at: string; rows: CellValue[][] }> = [
    { at: 'A1', rows: [['KẾ HOẠCH — bảng nhiệm vụ (điền hoặc dán bảng Phụ lục của Kế hoạch, rồi chạy "vtlt plan import")']] },
    { at: `B${FIRST_META_ROW}`, rows: PLAN_META_FIELDS.map((f) => [f.label, metaValue(pack, f.key)]) },
    { at: `A${PLAN_HEADER_ROW - 1}`, rows: [[DEADLINE_PHRASES_NOTE]] },
    { at: `A${PLAN_HEADER_ROW}`, rows: [PLAN_SHEET_COLUMNS.map((c) => c.header)] },
  ];
  const styleRanges: StyleRange[] = [
    { range: `A1:${last}1`, style: 'title' },
    { range: `B${FIRST_META_ROW}:B${FIRST_META_ROW + PLAN_META_FIELDS.length - 1}`, style: 'label' },
    { range: `C${FIRST_META_ROW}:${last}${FIRST_META_ROW + PLAN_META_FIELDS.length - 1}`, style: 'text' },
    { range: `A${PLAN_HEADER_ROW - 1}:${last}${PLAN_HEADER_ROW - 1}`, style: 'note' },
    { range: `A${PLAN_HEADER_ROW}:${last}${PLAN_HEADER_ROW}`, style: 'header' },
  ];
  const merges = [`A1:${last}1`, `A${PLAN_HEADER_ROW - 1}:${last}${PLAN_HEADER_ROW - 1}`,
    ...PLAN_META_FIELDS.map((_f, i) => `C${FIRST_META_ROW + i}:${last}${FIRST_META_ROW + i}`)];
  const first = PLAN_HEADER_ROW + 1;
  const body = pack ? tableRows(pack) : { values: [], kinds: [] };
  if (body.values.length > 0) blocks.push({ at: `A${first}`, rows: body.values });
  const end = first + body.values.length + SPARE_ROWS - 1;
  styleRanges.push({ range: `A${first}:${last}${end}`, style: 'text' }, { range: `A${first}:A${end}`, style: 'tt' });
  body.kinds.forEach((k, i) => {
    if (k !== 'task') styleRanges.push({ range: `A${first + i}:${last}${first + i}`, style: k });
  });
  const rowHeights = body.values.map((v, i) => ({
    row: first + i,
    height: rowHeightFor(v.map((x, c) => ({ text: typeof x === 'string' ? x : '', width: PLAN_SHEET_COLUMNS[c]?.width ?? 10 }))),
  }));
  rowHeights.push({ row: PLAN_HEADER_ROW - 1, height: rowHeightFor([{ text: DEADLINE_PHRASES_NOTE, width: 146 }]) });
  return {
    name: PLAN_SHEET_NAME,
    columns: PLAN_SHEET_COLUMNS.map((c) => ({ width: c.width })),
    rowHeights,
    blocks,
    styles: {
      title: { bold: true, fontSize: 13 },
      label: { bold: true, hAlign: 'right', vAlign: 'top' },
      text: { wrap: true, vAlign: 'top', numberFormat: '@', border: 'thin' },
      tt: { hAlign: 'center' },
      note: { italic: true, wrap: true, fontColor: '#555555' },
      header: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, fill: '#D9E1F2', border: 'thin' },
      section: { bold: true, fill: '#EDEDED' },
      heading: { bold: true },
    },
    styleRanges,
    merges,
    validations: [{
      range: `E${first}:E${end}`,
      rule: { type: 'custom', formula: deadlineCheckFormula(`E${first}`) },
      allowBlank: true,
      prompt: { title: 'Thời gian hoàn thành', message: 'Ví dụ: Quý II/2027; Trước ngày 15/3/2027; 6 tháng đầu năm 2027; Thường xuyên.' },
      error: { title: 'Thời hạn không đọc được', message: DEADLINE_PHRASES_NOTE },
    }],
    conditionalFormats: [],
    freeze: { rows: PLAN_HEADER_ROW, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: `${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}` },
    activeCell: `A${first}`,
  };
}

/** A date typed as a date (a serial), as dd/mm/yyyy or as yyyy-mm-dd, in ISO; anything else as typed (the schema says). */
function issuedDate(raw: GridValue, text: string): string {
  const d = typeof raw === 'number' ? fromExcelSerial(raw) : parseUserDate(text);
  return d === null ? text : toIso(d);
}

function cellText(grid: Grid, row: number, col: number): string {
  const v = gridValue(grid, row, col);
  return v === null ? '' : String(v).normalize('NFC');
}

/** What the labelled rows above the table say (wherever they are), and every row as text for the table reader. */
export function readPlanSheet(grid: Grid): { rows: SourceRow[]; meta: PlanMeta } {
  const rows: SourceRow[] = grid.values.map((r, i) => ({ where: { row: i + 1 }, cells: r.map((_v, c) => cellText(grid, i + 1, c + 1)) }));
  const labels = new Map(PLAN_META_FIELDS.map((f) => [cellKey(f.label), f.key]));
  const meta: Record<string, unknown> = {};
  for (const r of rows) {
    const at = r.cells.findIndex((c) => labels.has(cellKey(c)));
    if (at < 0) continue;
    const key = labels.get(cellKey(r.cells[at] ?? '')) as MetaKey;
    const raw = gridValue(grid, r.where.row, at + 2);
    const text = (r.cells[at + 1] ?? '').trim();
    if (raw === null || text === '') continue;
    if (key === 'year' || key === 'statisticsYear') meta[key] = typeof raw === 'number' ? raw : Number(text);
    else if (key === 'legalBases') meta[key] = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    else if (key === 'issuedDate') meta[key] = issuedDate(raw, text);
    else meta[key] = text;
  }
  return { rows, meta: meta as PlanMeta };
}
