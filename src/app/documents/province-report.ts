/**
 * Sở Nội vụ's report to the province and the Ministry (plan III.2.i) as a document model, from a consolidation
 * workbook read back: submissions (n/N, missing, late), the province totals of each form, task progress by task
 * (counts by state, as the progress sheet shows them), the overdue tasks by agency with their notes, the findings.
 */
import { formatVn } from '../../domain/calendar';
import type { FormPack } from '../../domain/form-pack';
import type { PlanPack } from '../../domain/plan-pack';
import type { ProgressCell } from '../../workbook/consolidation-read';
import { lateAgencyText } from '../../workbook/consolidation-sheets';
import { figuresTable } from './figures';
import { BLANK, blankPlaceAndDate, documentNumber, heading, paragraph, type Block, type OfficialDocument } from './model';
import { lateRows, missingRows, submittedRows, type ConsolidationData } from './consolidation-data';

export const SNV = { name: 'SỞ NỘI VỤ', abbreviation: 'SNV' } as const;

export const provinceParent = (plan: PlanPack): string => `UBND TỈNH ${plan.province.toLocaleUpperCase('vi')}`;

/** Columns of the progress table: which shown states each counts. */
export const PROGRESS_COLUMNS: readonly { readonly header: string; readonly cells: readonly ProgressCell[] }[] = [
  { header: 'Hoàn thành đúng hạn', cells: ['done-on-time'] },
  { header: 'Hoàn thành quá hạn', cells: ['done-late'] },
  { header: 'Quá hạn', cells: ['overdue'] },
  { header: 'Chưa đến hạn', cells: ['due-soon', 'on-track', 'not-open'] },
  { header: 'Thường xuyên', cells: ['recurring'] },
  { header: 'Không thực hiện', cells: ['not-applicable'] },
  { header: 'Đơn vị chưa nộp', cells: ['not-submitted', 'conflict'] },
];

/** Per task: how many agencies stand in each column's states. */
export function progressCounts(d: ConsolidationData): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const id of d.progress?.taskIds ?? []) {
    out.set(id, PROGRESS_COLUMNS.map((c) => (d.progress?.agencies ?? []).filter((a) => {
      const cell = a.cells.get(id);
      return cell !== undefined && c.cells.includes(cell);
    }).length));
  }
  return out;
}

function submissionSection(d: ConsolidationData): Block[] {
  const total = d.submissions.length;
  const submitted = submittedRows(d);
  const missing = missingRows(d);
  const late = lateRows(d);
  const conflicts = d.submissions.filter((s) => s.state === 'conflict').length;
  const counted = d.submissions.filter((s) => s.inTotals).length;
  const out: Block[] = [
    heading('I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, TỔ CHỨC, ĐƠN VỊ'),
    paragraph(
      `Đến ngày ${d.asOf !== null ? formatVn(d.asOf) : BLANK}, Sở Nội vụ đã nhận báo cáo của ${submitted.length}/${total} cơ quan, tổ chức, đơn vị; ` +
        `${missing.length} đơn vị chưa gửi; ${late.length} đơn vị gửi chậm so với thời hạn${d.deadlineText ? ` (${d.deadlineText})` : ''}. ` +
        `Số liệu của ${counted} đơn vị đạt yêu cầu được đưa vào tổng hợp${conflicts > 0 ? `; ${conflicts} đơn vị gửi nhiều tệp khác nhau cùng thời điểm, chưa tính` : ''}.`,
    ),
  ];
  if (missing.length > 0) out.push(paragraph(`- Các đơn vị chưa gửi báo cáo (${missing.length}): ${missing.map((s) => s.name).join('; ')}.`));
  if (late.length > 0) out.push(paragraph(`- Các đơn vị gửi báo cáo chậm (${late.length}): ${late.map((s) => lateAgencyText(s.name, s.daysLate ?? 0)).join('; ')}.`));
  return out;
}

function progressSection(d: ConsolidationData, plan: PlanPack): Block[] {
  const counts = progressCounts(d);
  const content = new Map(plan.tasks.map((t) => [t.id, t.content]));
  const out: Block[] = [
    heading('III. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH'),
    paragraph(`Số cơ quan, tổ chức, đơn vị theo tình trạng thực hiện từng nhiệm vụ, tính đến ngày ${d.asOf !== null ? formatVn(d.asOf) : BLANK}:`),
    {
      kind: 'table',
      header: ['Nhiệm vụ', 'Nội dung', ...PROGRESS_COLUMNS.map((c) => c.header)],
      widths: [8, 36, 8, 8, 8, 8, 8, 8, 8],
      numeric: PROGRESS_COLUMNS.map((_, i) => i + 2),
      rows: [...counts].map(([id, n]) => [id, content.get(id) ?? '', ...n.map(String)]),
    },
  ];
  const byAgency = new Map<string, { name: string; lines: string[] }>();
  for (const o of d.overdue) {
    const entry = byAgency.get(o.code) ?? { name: o.name, lines: [] };
    const notes = [o.result !== '' ? `kết quả: ${o.result}` : '', o.note !== '' ? `ghi chú: ${o.note}` : ''].filter((x) => x !== '');
    entry.lines.push(`nhiệm vụ ${o.taskId} quá hạn ${o.daysOverdue} ngày${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
    byAgency.set(o.code, entry);
  }
  out.push(paragraph(`Các nhiệm vụ quá hạn: ${d.overdue.length} nhiệm vụ tại ${byAgency.size} đơn vị${byAgency.size > 0 ? ':' : '.'}`));
  for (const a of byAgency.values()) out.push(paragraph(`- ${a.name}: ${a.lines.join('; ')}.`));
  return out;
}

function problemsSection(d: ConsolidationData): Block[] {
  const errors = d.problems.filter((p) => p.severity === 'error');
  const files = new Map<string, number>();
  for (const p of errors) files.set(p.agency || p.file, (files.get(p.agency || p.file) ?? 0) + 1);
  return [
    heading('IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
    paragraph(`1. Kiểm tra các tệp báo cáo: ${errors.length} lỗi, ${d.problems.length - errors.length} cảnh báo${files.size > 0 ? `; các đơn vị có lỗi: ${[...files].map(([who, n]) => `${who} (${n} lỗi)`).join('; ')}` : ''}.`),
    paragraph(`2. Tồn tại, hạn chế khác: ${BLANK}`),
    paragraph(`3. Nguyên nhân: ${BLANK}`),
  ];
}

export function provinceReport(d: ConsolidationData, plan: PlanPack, forms: FormPack): OfficialDocument {
  const counted = d.submissions.filter((s) => s.inTotals).length;
  const statsYear = d.year ?? plan.statisticsYear;
  return {
    kind: 'report',
    issuer: { parent: provinceParent(plan), name: SNV.name },
    number: documentNumber('BC', SNV.abbreviation),
    placeAndDate: blankPlaceAndDate(plan.province),
    title: { type: 'BÁO CÁO', subject: [`Kết quả thực hiện ${plan.title}`] },
    body: [
      paragraph(`Thực hiện ${plan.title} của ${plan.issuer}, Sở Nội vụ tổng hợp báo cáo của các cơ quan, tổ chức, đơn vị và báo cáo kết quả như sau:`),
      ...submissionSection(d),
      heading('II. SỐ LIỆU THỐNG KÊ TOÀN TỈNH'),
      paragraph(`Tổng hợp số liệu thống kê năm ${statsYear} của ${counted} cơ quan, tổ chức, đơn vị có số liệu đạt yêu cầu ("—": chưa có đơn vị nào ghi số liệu):`),
      figuresTable(forms, d.totals, 'Toàn tỉnh'),
      ...progressSection(d, plan),
      ...problemsSection(d),
      heading(`V. NHIỆM VỤ TRỌNG TÂM NĂM ${plan.year + 1}`),
      paragraph(BLANK),
      heading('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
      paragraph(BLANK),
      paragraph(`Trên đây là báo cáo kết quả thực hiện ${plan.title} của Sở Nội vụ./.`),
    ],
    signature: { position: 'GIÁM ĐỐC', name: BLANK },
    recipients: ['- Bộ Nội vụ (Cục Văn thư và Lưu trữ nhà nước);', `- UBND tỉnh ${plan.province};`, '- Giám đốc Sở;', `- Lưu: VT, ${BLANK}.`],
  };
}
