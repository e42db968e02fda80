/**
 * The agency's yearly report (plan row 16b, "Báo cáo tình hình thực hiện công tác văn thư, lưu trữ năm 2026 và nhiệm
 * vụ trọng tâm năm 2027") as a document model: the tasks by how they stand, the forms' key figures, the check's
 * findings, and the 2027 priorities — the tasks that continue, then blanks for what the agency decides.
 */
import { formatVn } from '../../domain/calendar';
import type { FormPack } from '../../domain/form-pack';
import type { PlanPack } from '../../domain/plan-pack';
import type { AgencyKind } from '../../domain/roster';
import { lowerFirst } from '../../domain/text';
import type { AgencyReportData, AgencyTask } from './agency-data';
import { figuresTable } from './figures';
import { BLANK, blankPlaceAndDate, documentNumber, heading, paragraph, type Block, type Issuer, type OfficialDocument } from './model';

/** The most findings listed one by one; the rest are counted. */
export const MAX_FINDINGS_LISTED = 30;

/**
 * The issuer's lines (Appendix I, II.2): a provincial department shows the provincial People's Committee above its
 * name; a commune or ward issues as its People's Committee, with no parent line; for other kinds (public service
 * units, enterprises, central agencies) the parent depends on the agency and is left blank.
 */
export function issuerOf(name: string, kind: AgencyKind | null, province: string): Issuer {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  if (kind === 'xa' || kind === 'phuong') return { parent: null, name: `ỦY BAN NHÂN DÂN\n${upper(name.replace(/^\s*(UBND|Ủy ban nhân dân)\s+/iu, ''))}` };
  return { parent: kind === 'so-ban-nganh' ? `UBND TỈNH ${upper(province)}` : BLANK, name: upper(name) };
}

/** The place of issue (Appendix I, II.4): the province for provincial bodies, the commune or ward for its own. */
export function placeOf(name: string, kind: AgencyKind | null, province: string): string {
  if (kind === 'xa' || kind === 'phuong') return name.replace(/^\s*(UBND\s+|Ủy ban nhân dân\s+)?(xã|phường)\s+/iu, '').trim() || province;
  return province;
}


/** A task's content as a clause: its own closing full stop dropped, so the line ends with one. */
const clause = (s: string): string => s.trim().replace(/[.;,:]+$/u, '');

function written(t: AgencyTask): string {
  const parts = [t.result !== '' ? `kết quả: ${t.result}` : '', t.note !== '' ? `ghi chú: ${t.note}` : ''].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function taskLine(t: AgencyTask, detail: string): Block {
  return paragraph(`- Nhiệm vụ ${t.task.id}: ${clause(t.task.content)}${detail}${written(t)}.`);
}

const GROUPS: readonly { readonly title: string; readonly states: readonly (string | null)[]; readonly detail: (t: AgencyTask) => string }[] = [
  { title: 'Nhiệm vụ hoàn thành đúng hạn', states: ['done-on-time'], detail: (t) => (t.completion !== null ? `, hoàn thành ngày ${formatVn(t.completion)}` : '') },
  {
    title: 'Nhiệm vụ hoàn thành quá hạn', states: ['done-late'],
    detail: (t) => `${t.completion !== null ? `, hoàn thành ngày ${formatVn(t.completion)}` : ''}${t.due !== null ? `, hạn ${formatVn(t.due)}` : ''}`,
  },
  { title: 'Nhiệm vụ quá hạn, chưa hoàn thành', states: ['overdue'], detail: (t) => `, quá hạn ${t.days ?? 0} ngày${t.due !== null ? ` (hạn ${formatVn(t.due)})` : ''}` },
  {
    title: 'Nhiệm vụ đang thực hiện, chưa đến hạn', states: ['due-soon', 'on-track', 'not-open'],
    detail: (t) => `${t.due !== null ? `, hạn ${formatVn(t.due)}` : ''}${t.status !== '' ? `, ${lowerFirst(t.status)}` : ''}`,
  },
  { title: 'Nhiệm vụ không thực hiện', states: ['not-applicable'], detail: () => '' },
  { title: 'Nhiệm vụ thực hiện thường xuyên', states: ['recurring'], detail: (t) => (t.status !== '' ? `, ${lowerFirst(t.status)}` : '') },
  { title: 'Nhiệm vụ chưa xác định được thời hạn', states: [null], detail: (t) => ` (thời gian theo Kế hoạch: ${t.task.deadlineText})` },
];

export function countByState(tasks: readonly AgencyTask[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.state ?? 'unknown', (counts.get(t.state ?? 'unknown') ?? 0) + 1);
  return counts;
}

function resultsSection(data: AgencyReportData): Block[] {
  const n = (s: string) => countByState(data.tasks).get(s) ?? 0;
  const out: Block[] = [
    heading('I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ'),
    paragraph(
      `Tính đến ngày ${formatVn(data.asOf)}, ${data.agency.name} được giao thực hiện ${data.tasks.length} nhiệm vụ theo Kế hoạch, trong đó: ` +
        `${n('done-on-time')} nhiệm vụ hoàn thành đúng hạn; ${n('done-late')} nhiệm vụ hoàn thành quá hạn; ${n('overdue')} nhiệm vụ quá hạn chưa hoàn thành; ` +
        `${n('due-soon') + n('on-track') + n('not-open')} nhiệm vụ đang thực hiện, chưa đến hạn; ${n('recurring')} nhiệm vụ thực hiện thường xuyên; ` +
        `${n('not-applicable')} nhiệm vụ không thực hiện.`,
    ),
  ];
  let no = 0;
  for (const g of GROUPS) {
    const tasks = data.tasks.filter((t) => g.states.includes(t.state));
    if (tasks.length === 0) continue;
    out.push(paragraph(`${++no}. ${g.title} (${tasks.length} nhiệm vụ):`), ...tasks.map((t) => taskLine(t, g.detail(t))));
  }
  return out;
}

function findingsSection(data: AgencyReportData): Block[] {
  const errors = data.findings.filter((f) => f.severity === 'error').length;
  const out: Block[] = [heading('III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN')];
  if (data.findings.length === 0) out.push(paragraph('1. Kiểm tra sổ báo cáo bằng phần mềm: không phát hiện lỗi về số liệu và cách ghi.'));
  else {
    out.push(paragraph(`1. Kiểm tra sổ báo cáo bằng phần mềm: ${errors} lỗi, ${data.findings.length - errors} cảnh báo cần rà soát:`));
    for (const f of data.findings.slice(0, MAX_FINDINGS_LISTED)) out.push(paragraph(`- ${f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}${f.where ? ` tại ${f.where}` : ''}: ${f.message}`));
    if (data.findings.length > MAX_FINDINGS_LISTED) out.push(paragraph(`- Và ${data.findings.length - MAX_FINDINGS_LISTED} phát hiện khác (xem kết quả kiểm tra trong sổ).`));
  }
  out.push(paragraph(`2. Tồn tại, hạn chế khác: ${BLANK}`), paragraph(`3. Nguyên nhân: ${BLANK}`));
  return out;
}

function prioritiesSection(data: AgencyReportData): Block[] {
  const next = data.planYear + 1;
  const continuing = data.tasks.filter((t) => t.state === 'overdue' || t.state === 'due-soon' || t.state === 'on-track' || t.state === 'not-open' || t.state === 'recurring');
  return [
    heading(`IV. NHIỆM VỤ TRỌNG TÂM NĂM ${next}`),
    paragraph(`1. Các nhiệm vụ năm ${data.planYear} tiếp tục thực hiện (${continuing.length} nhiệm vụ):`),
    ...continuing.map((t) => paragraph(`- Nhiệm vụ ${t.task.id}: ${clause(t.task.content)}${t.state === 'overdue' ? ' (quá hạn, cần hoàn thành ngay)' : ''}.`)),
    paragraph(`2. Nhiệm vụ trọng tâm khác năm ${next}: ${BLANK}`),
    heading('V. ĐỀ XUẤT, KIẾN NGHỊ'),
    paragraph(BLANK),
  ];
}

export function agencyReport(data: AgencyReportData, plan: PlanPack, forms: FormPack): OfficialDocument {
  const name = data.agency.name;
  return {
    kind: 'report',
    issuer: issuerOf(name, data.agency.kind, plan.province),
    number: documentNumber('BC', null),
    placeAndDate: blankPlaceAndDate(placeOf(name, data.agency.kind, plan.province)),
    title: {
      type: 'BÁO CÁO',
      subject: [`Tình hình thực hiện công tác văn thư, lưu trữ năm ${data.planYear}`, `và nhiệm vụ trọng tâm năm ${data.planYear + 1}`],
    },
    body: [
      paragraph(`Thực hiện ${plan.title} của ${plan.issuer}, ${name} báo cáo tình hình thực hiện công tác văn thư, lưu trữ năm ${data.planYear} và nhiệm vụ trọng tâm năm ${data.planYear + 1} như sau:`),
      ...resultsSection(data),
      heading('II. SỐ LIỆU THỐNG KÊ CHỦ YẾU'),
      paragraph(`Số liệu tại các biểu báo cáo thống kê trong sổ báo cáo của đơn vị ("—": đơn vị chưa ghi số liệu):`),
      figuresTable(forms, data.figures, 'Số liệu'),
      ...findingsSection(data),
      ...prioritiesSection(data),
      paragraph(`Trên đây là báo cáo tình hình thực hiện công tác văn thư, lưu trữ năm ${data.planYear} và nhiệm vụ trọng tâm năm ${data.planYear + 1} của ${name}./.`),
    ],
    signature: { position: BLANK, name: BLANK },
    recipients: [`- UBND tỉnh ${plan.province} (qua Sở Nội vụ);`, `- Lưu: VT, ${BLANK}.`],
  };
}
