/**
 * The reminder letter (công văn đôn đốc) from Sở Nội vụ to the agencies whose report has not arrived, from a
 * consolidation workbook read back. Addressed to them by name after "Kính gửi" when they are few; when they are many,
 * "Kính gửi" names them as a group, "Nơi nhận" says "Như trên" and the list is attached — the usual form. Every agency
 * marked "Chưa nộp" is named, and none whose file was received (a file in conflict was received). Agencies that sent
 * late are named in their own sentence noting the missed deadline.
 */
import { formatVn } from '../../domain/calendar';
import type { PlanPack } from '../../domain/plan-pack';
import { lowerFirst } from '../../domain/text';
import type { SubmissionRead } from '../../workbook/consolidation-read';
import { lateAgencyText } from '../../workbook/consolidation-sheets';
import { lateRows, missingRows, type ConsolidationData } from './consolidation-data';
import { BLANK, SHORT_BLANK, blankPlaceAndDate, documentNumber, paragraph, type OfficialDocument } from './model';
import { provinceParent, SNV } from './province-report';

/** Up to this many agencies are named after "Kính gửi"; more go to the attached list. */
export const MAX_NAMED_ADDRESSEES = 5;

export const ANNEX_TITLE = 'DANH SÁCH CÁC CƠ QUAN, TỔ CHỨC, ĐƠN VỊ CHƯA GỬI BÁO CÁO';


export type ReminderResult = { readonly ok: true; readonly document: OfficialDocument } | { readonly ok: false; readonly reason: 'nobody-to-remind' };

function reportOf(plan: PlanPack) {
  const task = plan.tasks.find((t) => t.id === plan.reportDeadlineTaskId);
  return { name: task?.content ?? `Báo cáo thống kê năm ${plan.statisticsYear}`, deadline: task?.deadlineText ?? '' };
}

function lateSentence(late: readonly SubmissionRead[]): string {
  const names = late.map((s) => lateAgencyText(s.name, s.daysLate ?? 0)).join('; ');
  return `Các cơ quan, tổ chức, đơn vị sau đã gửi báo cáo nhưng chậm so với thời hạn quy định: ${names}. Đề nghị các đơn vị nêu trên rút kinh nghiệm, bảo đảm thời hạn trong các kỳ báo cáo tiếp theo.`;
}

export function reminderLetter(d: ConsolidationData, plan: PlanPack): ReminderResult {
  const missing = missingRows(d);
  const late = lateRows(d);
  if (missing.length === 0 && late.length === 0) return { ok: false, reason: 'nobody-to-remind' };
  const report = reportOf(plan);
  const many = missing.length > MAX_NAMED_ADDRESSEES;
  const addressees = missing.length === 0
    ? late.map((s) => s.name)
    : many ? ['Các cơ quan, tổ chức, đơn vị có tên tại danh sách kèm theo'] : missing.map((s) => s.name);
  const asOf = d.asOf !== null ? formatVn(d.asOf) : BLANK;
  const body = [
    paragraph(`Thực hiện ${plan.title} của ${plan.issuer}, các cơ quan, tổ chức, đơn vị gửi ${lowerFirst(report.name)} về Sở Nội vụ ${lowerFirst(report.deadline)}.`),
  ];
  if (missing.length > 0) {
    const who = many ? 'có tên tại danh sách kèm theo Công văn này' : `sau: ${missing.map((s) => s.name).join('; ')}`;
    body.push(
      paragraph(`Đến ngày ${asOf}, Sở Nội vụ chưa nhận được báo cáo của ${missing.length} cơ quan, tổ chức, đơn vị ${who}.`),
      paragraph(
        `Sở Nội vụ đề nghị Thủ trưởng các cơ quan, tổ chức, đơn vị chưa gửi báo cáo khẩn trương chỉ đạo hoàn thành, gửi báo cáo về Sở Nội vụ qua Hệ thống quản lý văn bản và điều hành của tỉnh trước ngày ${SHORT_BLANK}/${SHORT_BLANK}/${SHORT_BLANK} để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.`,
      ),
    );
  }
  if (late.length > 0) body.push(paragraph(lateSentence(late)));
  body.push(paragraph(`Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Sở Nội vụ (số điện thoại: ${BLANK}) để được hướng dẫn./.`));
  return {
    ok: true,
    document: {
      kind: 'letter',
      issuer: { parent: provinceParent(plan), name: SNV.name },
      number: documentNumber('CV', SNV.abbreviation),
      letterSubject: `V/v đôn đốc gửi ${lowerFirst(report.name)}`,
      placeAndDate: blankPlaceAndDate(plan.province),
      addressees,
      body,
      signature: { position: 'GIÁM ĐỐC', name: BLANK },
      recipients: [
        '- Như trên;',
        ...(missing.length > 0 && late.length > 0 ? ['- Các đơn vị gửi báo cáo chậm (để biết);'] : []),
        `- UBND tỉnh ${plan.province} (để báo cáo);`,
        '- Giám đốc Sở (để báo cáo);',
        `- Lưu: VT, ${BLANK}.`,
      ],
      ...(many
        ? {
            annex: {
              title: [ANNEX_TITLE, `(Kèm theo Công văn số ${SHORT_BLANK}/${SNV.abbreviation}-${SHORT_BLANK} ngày ${SHORT_BLANK} của Sở Nội vụ)`],
              blocks: [{
                kind: 'table' as const,
                header: ['STT', 'Mã đơn vị', 'Tên cơ quan, tổ chức, đơn vị'],
                widths: [10, 20, 70],
                rows: missing.map((s, i) => [String(i + 1), s.code, s.name]),
              }],
            },
          }
        : {}),
    },
  };
}
