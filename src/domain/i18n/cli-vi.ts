/** Vietnamese messages of the `vtlt` command line's own lines (part of the vi catalog). */
export const cliVi = {
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
  'cli.usageLine': (p: { usage: string }) => `Cách dùng: ${p.usage}`,
  'cli.usageCommand': 'vtlt <lệnh> [tuỳ chọn]',
  'cli.commandsHeading': 'Lệnh:',
  'cli.commonOptions':
    'Tuỳ chọn chung: -h, --help (trợ giúp; "vtlt <lệnh> --help" cho từng lệnh), --version (phiên bản), -- (các tham số sau đó đều là tên tệp).',
  'cli.endOfOptions': 'kết thúc tuỳ chọn: các tham số sau đó đều là tên tệp (kể cả tên bắt đầu bằng "-")',
  'cli.badYear': (p: { value: string }) => `Năm "${p.value}" không hợp lệ: nhập 4 chữ số, ví dụ 2025.`,
  'cli.file.notFound': 'Không tìm thấy tệp hoặc thư mục. Kiểm tra lại đường dẫn.',
  'cli.file.danglingLink': 'Đường dẫn là liên kết (shortcut) tới một tệp không còn tồn tại. Chọn đúng tệp.',
  'cli.file.isFolder': 'Đây là thư mục, không phải tệp. Chọn tệp .xlsx trong thư mục.',
  'cli.file.notRegular': 'Không phải tệp thông thường (ví dụ ống dẫn hay thiết bị); không đọc để tránh treo máy. Chọn đúng tệp .xlsx.',
  'cli.file.noPermission': 'Không có quyền đọc tệp. Kiểm tra quyền truy cập hoặc chép tệp sang thư mục khác.',
  'cli.file.readError': (p: { code: string }) => `Không đọc được tệp (lỗi ${p.code}). Thử chép tệp sang thư mục khác rồi chạy lại.`,
  'cli.file.damaged': 'Tệp bị hỏng: không đọc được nội dung sổ làm việc. Đề nghị đơn vị mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại.',
  'cli.file.open': (p: { file: string; reason: string }) => `Tệp "${p.file}": ${p.reason}`,
  'cli.file.saveFailed': (p: { file: string; code: string }) =>
    `Không ghi được tệp "${p.file}" (${p.code}). Kiểm tra thư mục và quyền ghi; nếu tệp đang mở trong Excel, hãy đóng lại.`,
  'cli.file.outNotXlsx': (p: { file: string }) => `Tệp ra "${p.file}" phải có đuôi .xlsx.`,
  'cli.globNoMatch': (p: { pattern: string }) => `Không có tệp nào khớp với "${p.pattern}". Kiểm tra lại thư mục và tên tệp.`,
  'cli.emptyFolder': (p: { folder: string }) => `Thư mục "${p.folder}" không có tệp .xlsx nào. Kiểm tra lại thư mục.`,
  'file.tooManyParts': (p: { parts: number; limit: number }) =>
    `Sổ làm việc có quá nhiều phần bên trong (${p.parts} phần, giới hạn ${p.limit}), ví dụ hàng nghìn trang tính; không mở để bảo vệ máy. Xoá các trang tính thừa, lưu lại rồi gửi lại.`,
  'cli.unlistableFolder': (p: { folder: string }) => `Không mở được thư mục "${p.folder}" (không có quyền đọc?). Kiểm tra quyền truy cập.`,
  'cli.needInputs': 'Cần ít nhất một tệp .xlsx hoặc thư mục. Gõ "vtlt <lệnh> --help" để xem cách dùng.',
  'cli.noWorkbooks': 'Không có tệp .xlsx nào trong các thư mục đã cho.',
  'cli.severity.error': 'Lỗi',
  'cli.severity.warning': 'Cảnh báo',
  'cli.value': (p: { value: string }) => `[giá trị: ${p.value}]`,
  'cli.validate.file': (p: { file: string; who: string; errors: number; warnings: number }) =>
    `${p.file}${p.who}: ${p.errors} lỗi, ${p.warnings} cảnh báo`,
  'cli.validate.summary': (p: { total: number; ok: number; bad: number }) => `${p.total} tệp: ${p.ok} đạt, ${p.bad} có lỗi.`,
  'cli.validate.previousUnreadable': (p: { file: string; reason: string }) => `Sổ năm trước "${p.file}": ${p.reason}`,
  'cli.consolidate.needOut': 'Cần --out TỆP.xlsx: sổ tổng hợp ghi ra.',
  'cli.consolidate.rosterUnreadable': (p: { file: string }) => `Không đọc được danh sách đơn vị "${p.file}". Kiểm tra đường dẫn.`,
  'cli.consolidate.rosterInvalid': (p: { file: string; errors: string }) => `Danh sách đơn vị "${p.file}" không hợp lệ:\n${p.errors}`,
  'cli.consolidate.done': (p: { count: number; out: string; asOf: string }) =>
    `Đã tổng hợp ${p.count} tệp vào ${p.out} (ngày đối chiếu ${p.asOf}):`,
  'cli.consolidate.counts': (p: { submitted: number; roster: number; missing: number; late: number }) =>
    `${p.submitted} đơn vị đã nộp / ${p.roster} đơn vị trong danh sách; ${p.missing} chưa nộp; ${p.late} nộp chậm.`,
  'cli.consolidate.files': (p: { replaced: number; rejected: number }) =>
    `${p.replaced} tệp cũ được thay bằng tệp mới hơn của cùng đơn vị; ${p.rejected} tệp bị loại.`,
  'cli.consolidate.tasks': (p: { overdue: number; problems: number }) => `${p.overdue} nhiệm vụ quá hạn; ${p.problems} vấn đề kiểm tra.`,
  'cli.consolidate.replaced': (p: { file: string; by: string }) => `Thay thế: ${p.file} → ${p.by}`,
  'cli.consolidate.conflict': (p: { agency: string; files: string }) =>
    `Trùng tệp (${p.agency}): ${p.files} — khác nhau nhưng cùng thời điểm lưu; chưa tệp nào được tính vào tổng hợp. Bỏ tệp không dùng rồi tổng hợp lại.`,
  'cli.consolidate.rejected': (p: { file: string; reasons: string }) => `Loại: ${p.file}: ${p.reasons}`,
  'cli.consolidate.otherPlan': (p: { plan: string; count: number; files: string }) =>
    `Sổ lập theo kế hoạch khác ${p.plan}: ${p.count} sổ để riêng, không cộng chung (${p.files}).`,
  'cli.consolidate.rosterWarning': (p: { text: string }) => `Cảnh báo danh sách: ${p.text}`,
  'cli.consolidate.unreadable': (p: { file: string; reason: string }) => `Không đọc được: ${p.file}: ${p.reason}`,
  'cli.consolidate.unreadableHint': (p: { count: number }) =>
    `${p.count} tệp hoặc đường dẫn không đọc được (xem trên); số tổng hợp chỉ gồm các tệp đọc được. Sửa đường dẫn hoặc đề nghị gửi lại rồi chạy lại.`,
  'cli.consolidate.reminder': 'Văn bản đôn đốc:',
  'cli.consolidate.admittedByMark': (p: { agency: string; file: string; cell: string }) =>
    `Tính vào tổng hợp theo lựa chọn "Có" của Sở Nội vụ (tệp có cảnh báo, không có lỗi): ${p.agency}: ${p.file} (ô ${p.cell})`,
  'cli.tracker.written': (p: { sheet: string; agency: string; code: string; out: string; tasks: number; asOf: string }) =>
    `Đã ghi "${p.sheet}" cho ${p.agency} (${p.code}) vào ${p.out}: ${p.tasks} nhiệm vụ, ngày đối chiếu ${p.asOf}`,
  'cli.tracker.kept': (p: { count: number }) => `, giữ nội dung đã nhập của ${p.count} nhiệm vụ`,
  'cli.tracker.orphans': (p: { count: number }) => `, ${p.count} nhiệm vụ không còn áp dụng được giữ ở cuối bảng`,
  'cli.tracker.notWritten': 'Không ghi gì. Thêm --force để đồng ý.',
  'cli.fixLegacy.outWithoutFix': 'Tuỳ chọn --out của vtlt validate chỉ dùng cùng --fix-legacy (tệp ghi ra sau khi chuyển sang Unicode).',
  'cli.fixLegacy.oneFile': 'Tuỳ chọn --fix-legacy sửa một tệp mỗi lần: nêu đúng một TỆP.xlsx.',
  'cli.fixLegacy.sameFile': (p: { file: string }) => `Tệp ghi ra (--out) phải khác tệp đang kiểm tra "${p.file}": tệp gốc được giữ nguyên. Chọn tên tệp khác.`,
  'cli.fixLegacy.done': (p: { count: number; out: string }) =>
    `Đã chuyển ${p.count} ô từ bảng mã cũ (TCVN3/VNI) sang Unicode, ghi vào ${p.out}. Chữ cũ được lưu trong tệp: mở tệp trong Excel, mục Kiểm tra, bấm "Hoàn tác chuyển Unicode" nếu cần trả lại.`,
  'cli.fixLegacy.nothing': (p: { file: string }) => `Tệp ${p.file} không có ô nào dùng bảng mã cũ để chuyển; không ghi tệp nào.`,
  'plan.header.milestone': 'Mốc năm',
} as const;

type WidenCli<T> = T extends string ? string : T;
export type CliCatalog = { readonly [K in keyof typeof cliVi]: WidenCli<(typeof cliVi)[K]> };
