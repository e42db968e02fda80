/** Vietnamese messages: the reference catalog. Every other language must have exactly these keys. */
import { formsVi } from './forms-vi';
import { cliVi } from './cli-vi';
import { paneVi } from './pane-vi';
import { validationVi } from './validation-vi';
import { planImportVi } from './plan-import-vi';
import { reportVi } from './report-vi';

export const vi = {
  ...paneVi,
  ...formsVi,
  ...cliVi,
  ...validationVi,
  ...planImportVi,
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
  'consolidate.reason.unreadable': 'Không đọc được tệp (đã bị xoá, đổi tên hoặc không có quyền đọc).',
  'consolidate.reason.corrupt': 'Không đọc được nội dung sổ làm việc. Mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại.',
  'consolidate.reason.notProduct': 'Không phải sổ báo cáo do phần mềm tạo (không có bảng theo dõi hay biểu báo cáo nhận ra được).',
  'consolidate.reason.unknownAgency': (p: { name: string; code: string }) =>
    `Đơn vị "${p.name}"${p.code ? ` (mã ${p.code})` : ''} không có trong "Danh sách đơn vị". Bổ sung đơn vị vào danh sách nếu đúng.`,
  'consolidate.reason.noAgency': 'Không xác định được đơn vị báo cáo (không có thông tin nhận diện, không có dòng "Đơn vị…").',
  'consolidate.reason.otherYear': (p: { found: number; expected: number }) => `Tệp báo cáo năm ${p.found}, không phải năm ${p.expected}.`,
  'consolidate.reason.unknownPack': (p: { pack: string; version: string }) =>
    `Phiên bản gói dữ liệu không được nhận biết: ${p.pack} ${p.version}. Cập nhật phần mềm hoặc đề nghị đơn vị chèn lại bằng phiên bản hiện hành.`,
  'consolidate.received.unreadable': (p: { sheet: string; cell: string; code: string; text: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): "${p.text}" không phải ngày. Gõ ngày nhận dạng dd/mm/yyyy, ví dụ 27/02/2026; trong khi chờ, hạn nộp được tính theo ngày lưu tệp.`,
  'file.empty': 'Tệp rỗng (0 byte). Đề nghị đơn vị gửi lại tệp .xlsx đầy đủ.',
  'file.tooLarge': (p: { size: string; limit: string }) => `Tệp quá lớn (${p.size}, giới hạn ${p.limit}). Kiểm tra lại tệp: sổ báo cáo thường chỉ vài trăm KB.`,
  'file.xls': 'Tệp Excel 97–2003 (.xls). Mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (*.xlsx)" rồi gửi lại.',
  'file.encrypted': 'Tệp được đặt mật khẩu. Mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → để trống), lưu rồi gửi lại.',
  'file.truncated': 'Tệp bị hỏng hoặc không trọn vẹn (có thể tải về hoặc gửi bị ngắt giữa chừng). Đề nghị đơn vị gửi lại tệp.',
  'file.zipBomb': (p: { size: string; limit: string }) => `Tệp giải nén ra dữ liệu quá lớn (${p.size}, giới hạn ${p.limit}); không mở để bảo vệ máy. Kiểm tra nguồn gốc tệp.`,
  'file.docx': 'Đây là tệp Word (.docx) bị đổi tên, không phải sổ Excel. Chọn đúng tệp .xlsx của biểu báo cáo.',
  'file.pptx': 'Đây là tệp PowerPoint bị đổi tên, không phải sổ Excel. Chọn đúng tệp .xlsx.',
  'file.ods': 'Đây là tệp bảng tính OpenDocument (.ods). Mở bằng Excel hoặc LibreOffice và lưu dạng .xlsx.',
  'file.xlsb': 'Đây là sổ Excel nhị phân (.xlsb). Mở bằng Excel và lưu dạng "Sổ làm việc Excel (*.xlsx)".',
  'file.zipOther': 'Tệp nén (.zip) không chứa sổ làm việc Excel. Giải nén và chọn tệp .xlsx bên trong.',
  'file.pdf': 'Đây là tệp PDF, không phải sổ Excel. Đề nghị đơn vị gửi tệp .xlsx.',
  'file.csv': 'Đây là tệp văn bản (CSV), không phải sổ Excel do phần mềm tạo. Đề nghị gửi tệp .xlsx.',
  'file.html': 'Đây là trang web (HTML) lưu với đuôi Excel. Mở bằng Excel và lưu dạng .xlsx.',
  'file.unknown': 'Không phải tệp Excel .xlsx. Chọn đúng tệp sổ làm việc.',
  'file.corrupt': 'Tệp hỏng: không đọc được nội dung sổ làm việc. Mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại.',
  'file.sheetTooLarge': (p: { sheet: string; rows: number; columns: number }) =>
    `Trang tính "${p.sheet}" quá lớn (${p.rows} dòng × ${p.columns} cột). Xoá các dòng, cột thừa rồi lưu lại.`,
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
export type Catalog = { readonly [K in keyof typeof vi]: Widen<(typeof vi)[K]> };
export type MessageKey = keyof Catalog;
