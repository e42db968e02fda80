/**
 * Vietnamese messages: the reference catalog. Every other language must have exactly these keys.
 * Some parts of the reference are not in this object: the command line's own lines (cli-vi.ts) and its plan import's
 * (plan-import-vi.ts), which only the command line loads, and the messages of the pane's tools (validation findings,
 * report forms, agency files: validation-vi.ts, forms-vi.ts, files-vi.ts), loaded with the chunks that show them
 * (tool-messages.ts). The command line and the tests load them all (all.ts).
 */
import type { formsVi } from './forms-vi';
import type { filesVi } from './files-vi';
import type { cliVi } from './cli-vi';
import { paneVi } from './pane-vi';
import type { validationVi } from './validation-vi';
import type { planImportVi } from './plan-import-vi';
import { reportVi } from './report-vi';

export const vi = {
  ...paneVi,
  ...reportVi,
  'app.title': 'Văn thư – Lưu trữ 2026',
  'cli.unknownCommand': (p: { command: string }) =>
    `Không có lệnh "${p.command}". Gõ "vtlt --help" để xem các lệnh.`,
  'cli.unknownOption': (p: { option: string }) =>
    `Không có tuỳ chọn "${p.option}". Gõ "vtlt <lệnh> --help" để xem các tuỳ chọn.`,
  'cli.missingValue': (p: { option: string }) => `Tuỳ chọn ${p.option} cần một giá trị.`,
  'cli.repeatedOption': (p: { option: string }) => `Tuỳ chọn ${p.option} chỉ được dùng một lần.`,
  'cli.unexpectedArgument': (p: { value: string }) => `Không hiểu tham số "${p.value}".`,
  'cli.badAsOf': (p: { value: string }) =>
    `Ngày đối chiếu "${p.value}" không hợp lệ: cần một ngày có thật, viết YYYY-MM-DD (ví dụ 2026-03-31) hoặc dd/mm/yyyy (ví dụ 31/03/2026).`,
  'cli.badWindow': (p: { value: string }) =>
    `Số ngày báo trước "${p.value}" không hợp lệ: cần một số nguyên không âm (ví dụ --window 14).`,
  'cli.unknownAgency': (p: { code: string }) =>
    `Không tìm thấy đơn vị có mã "${p.code}" trong danh sách đơn vị. Kiểm tra lại mã (ví dụ SNV, STC, 05455).`,
  'cli.internalError': (p: { detail: string }) =>
    `Lỗi không mong đợi: ${p.detail}. Vui lòng báo lại cho bộ phận hỗ trợ kèm lệnh đã chạy.`,
  'tracker.question.agency': (p: { fromName: string; fromCode: string; toName: string; toCode: string }) =>
    `Sổ làm việc này đang mang thông tin của đơn vị "${p.fromName}" (mã ${p.fromCode}). Chuyển sang đơn vị "${p.toName}" (mã ${p.toCode})?`,
  'tracker.question.notTracker': (p: { sheet: string }) =>
    `Trang tính "${p.sheet}" đã có dữ liệu nhưng không phải bảng theo dõi. Ghi đè toàn bộ trang tính này?`,
  'tracker.question.foreign': (p: { sheet: string; count: number; cells: string }) =>
    `Trang tính "${p.sheet}" có ${p.count} ô do người dùng nhập ngoài bảng (${p.cells}); các ô này sẽ bị xoá khi làm mới. Tiếp tục?`,
  'plan.header.id': 'TT',
  'plan.header.content': 'Nội dung công việc',
  'plan.header.lead': 'Chủ trì',
  'plan.header.deadline': 'Thời gian (theo KH)',
  'plan.header.due': 'Hạn',
  'plan.header.state': 'Tình trạng hạn',
  'plan.summary': (p: { title: string; asOf: string; window: number; inclusive: boolean }) =>
    `${p.title} — ngày đối chiếu ${p.asOf}; báo trước ${p.window} ngày; "trước ngày X": ${p.inclusive ? 'tính cả ngày X' : 'hạn là ngày X − 1'}`,
  'plan.agency': (p: { name: string; code: string }) => `Đơn vị: ${p.name} (${p.code})`,
  'plan.role.coordinating': 'phối hợp',
  'plan.unparsed': 'không đọc được thời hạn',
  'plan.noDeadline': '(không nêu)',
  'plan.counts': 'Tổng hợp:',
  'state.overdue': 'Quá hạn',
  'state.due-soon': 'Sắp đến hạn',
  'state.on-track': 'Trong hạn',
  'state.not-open': 'Chưa đến kỳ',
  'state.recurring': 'Thường xuyên',
  'state.done-on-time': 'Hoàn thành đúng hạn',
  'state.done-late': 'Hoàn thành quá hạn',
  'state.not-applicable': 'Không áp dụng',
} as const;

type Widen<T> = T extends string ? string : T;
type Reference = typeof vi & typeof cliVi & typeof validationVi & typeof planImportVi & typeof formsVi & typeof filesVi;
export type Catalog = { readonly [K in keyof Reference]: Widen<Reference[K]> };
export type MessageKey = keyof Catalog;
/** The messages every host holds: all but the command line's own lines (its plan import's included). */
export type CoreCatalog = Omit<Catalog, keyof typeof cliVi | keyof typeof planImportVi>;
