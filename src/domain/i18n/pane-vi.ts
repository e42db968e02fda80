/** Vietnamese messages of the pane area (part of the vi catalog). */
export const paneVi = {
  // Header and start-up.
  'pane.loading': 'Đang tải…',
  'pane.reading': 'Đang đọc sổ làm việc…',
  'pane.asOf': (p: { date: string; fixed: boolean }) => `Ngày đối chiếu: ${p.date} (${p.fixed ? 'cố định' : 'hôm nay'})`,
  'pane.agencyLine': (p: { name: string; code: string }) => `Đơn vị: ${p.name} (mã ${p.code})`,
  'pane.lang.switch': 'English',
  'pane.lang.switchLabel': 'Chuyển giao diện sang tiếng Anh',
  'pane.footer': (p: { version: string }) =>
    `Phiên bản ${p.version}. Bổ trợ không gửi dữ liệu ra ngoài sổ làm việc.`,

  // Where the pane runs.
  'pane.env.outside.title': 'Hãy mở trong Excel',
  'pane.env.outside.body':
    'Bổ trợ này chạy bên trong Microsoft Excel. Mở sổ làm việc bằng Excel (trên máy tính hoặc trên web), rồi chọn thẻ Trang đầu › Văn thư – Lưu trữ › Theo dõi nhiệm vụ.',
  'pane.env.otherHost.body': (p: { host: string }) =>
    `Bổ trợ này chỉ dùng với Excel (đang mở trong ${p.host}). Hãy mở sổ làm việc bằng Excel.`,
  'pane.env.noOffice.title': 'Không tải được thư viện Office',
  'pane.env.noOffice.body':
    'Không tải được thư viện office.js của Microsoft. Kiểm tra kết nối mạng, rồi đóng và mở lại bảng điều khiển.',
  'pane.env.oldExcel.title': 'Phiên bản Excel này chưa chèn được bảng theo dõi',
  'pane.env.oldExcel.body':
    'Cần Excel hỗ trợ ExcelApi 1.8: Microsoft 365 (Windows, Mac), Excel 2021 hoặc 2024, Excel 2019 trên Mac, Excel trên web hoặc trên iPad. Bạn vẫn xem được tình hình thực hiện của bảng đã có.',

  // Section 1: insert.
  'pane.insert.heading': 'Chèn bảng theo dõi',
  'pane.insert.intro':
    'Chọn đơn vị rồi chèn bảng theo dõi nhiệm vụ vào sổ làm việc. Chèn lại bất cứ lúc nào: nội dung đã nhập được giữ nguyên.',
  'pane.agency.label': 'Đơn vị',
  'pane.agency.placeholder': 'Tìm theo mã hoặc tên, ví dụ SNV',
  'pane.agency.hint': (p: { count: number }) => `Gõ mã hoặc tên (có dấu hay không dấu đều được); ${p.count} đơn vị trong danh sách.`,
  'pane.agency.matches': (p: { count: number }) => (p.count === 0 ? 'Không có đơn vị nào khớp.' : `${p.count} đơn vị khớp.`),
  'pane.agency.noMatch': 'Không có đơn vị nào khớp.',
  'pane.agency.selected': (p: { name: string; code: string; kind: string }) => `Đã chọn: ${p.name} (mã ${p.code}, ${p.kind})`,
  'pane.agency.none': 'Chưa chọn đơn vị.',
  'pane.agency.required': 'Chọn một đơn vị trong danh sách trước khi chèn.',
  'pane.kind.so-ban-nganh': 'Sở, ban, ngành',
  'pane.kind.don-vi-su-nghiep': 'Đơn vị sự nghiệp',
  'pane.kind.doanh-nghiep-nha-nuoc': 'Doanh nghiệp nhà nước',
  'pane.kind.co-quan-trung-uong': 'Cơ quan Trung ương',
  'pane.kind.xa': 'Xã',
  'pane.kind.phuong': 'Phường',
  'pane.insert.button': 'Chèn bảng theo dõi',
  'pane.insert.busy': 'Đang chèn bảng theo dõi…',
  'pane.insert.done': (p: { agency: string; tasks: number; kept: number }) =>
    `Đã chèn bảng theo dõi cho ${p.agency}: ${p.tasks} nhiệm vụ${p.kept > 0 ? `; giữ nội dung đã nhập của ${p.kept} nhiệm vụ` : ''}.`,
  'pane.insert.orphans': (p: { count: number }) =>
    `${p.count} nhiệm vụ không còn áp dụng cho đơn vị được giữ ở cuối bảng cùng nội dung đã nhập.`,
  'pane.insert.cancelled': 'Đã huỷ. Sổ làm việc không thay đổi.',
  'pane.insert.skipped': (p: { features: string }) =>
    `Phiên bản Excel này chưa hỗ trợ nên đã bỏ qua: ${p.features}. Bảng theo dõi vẫn dùng được.`,
  'pane.feature.dataValidation': 'danh sách chọn và kiểm tra dữ liệu nhập',
  'pane.feature.conditionalFormats': 'tô màu theo tình trạng hạn và thanh tiến độ',
  'pane.feature.pageLayout': 'thiết lập trang in',
  'pane.feature.protection': 'bảo vệ trang tính',
  'pane.feature.freezePanes': 'cố định dòng tiêu đề',
  'pane.feature.visibility': 'ẩn trang thông tin của sổ làm việc',
  'pane.feature.tabColor': 'màu thẻ trang tính',
  'pane.feature.indent': 'thụt lề chữ',
  'pane.feature.other': (p: { name: string }) => `tính năng "${p.name}"`,

  // Confirmation dialog.
  'pane.confirm.title': 'Xác nhận',
  'pane.confirm.yes': 'Có',
  'pane.confirm.no': 'Không',

  // Section 2: summary.
  'pane.summary.heading': 'Tình hình thực hiện',
  'pane.summary.refresh': 'Làm mới',
  'pane.summary.refreshing': 'Đang tính lại tình hình thực hiện…',
  'pane.summary.updated': 'Đã cập nhật tình hình thực hiện.',
  'pane.summary.none': 'Sổ làm việc chưa có bảng theo dõi. Chọn đơn vị và bấm "Chèn bảng theo dõi".',
  'pane.summary.unknown': 'Chưa đọc được sổ làm việc. Bấm "Làm mới" để thử lại.',
  'pane.summary.countsLabel': 'Số nhiệm vụ theo tình trạng hạn',
  'pane.summary.total': (p: { count: number }) => `Tổng số: ${p.count} nhiệm vụ`,
  'pane.summary.attention': 'Quá hạn và sắp đến hạn',
  'pane.summary.attentionHint': 'Chọn một nhiệm vụ để đến dòng của nó trong bảng.',
  'pane.summary.nothingDue': 'Không có nhiệm vụ quá hạn hoặc sắp đến hạn.',
  'pane.summary.due': (p: { date: string }) => `Hạn ${p.date}`,
  'pane.summary.selectFailed': 'Không chọn được dòng của nhiệm vụ. Bấm "Làm mới" rồi thử lại.',
  'pane.due.overdue': (p: { days: number }) => `Quá hạn (${p.days} ngày)`,
  'pane.due.due-soon': (p: { days: number }) => `Sắp đến hạn (còn ${p.days} ngày)`,

  // Section 3: settings.
  'pane.settings.heading': 'Cài đặt',
  'pane.settings.intro': 'Lưu cùng sổ làm việc. Khi áp dụng, bảng theo dõi được cập nhật và nội dung đã nhập được giữ nguyên.',
  'pane.settings.asOf': 'Ngày đối chiếu',
  'pane.settings.asOfToday': 'Hôm nay (tự cập nhật mỗi ngày)',
  'pane.settings.asOfFixed': 'Ngày cố định (chốt báo cáo)',
  'pane.settings.asOfInput': 'Ngày cố định, dạng dd/mm/yyyy',
  'pane.settings.asOfRequired': 'Nhập ngày đối chiếu dạng dd/mm/yyyy, ví dụ 31/03/2026.',
  'pane.settings.asOfInvalid': (p: { value: string }) =>
    `"${p.value}" không phải một ngày có thật. Nhập ngày trước, tháng sau (dd/mm/yyyy), ví dụ 31/03/2026.`,
  'pane.settings.window': 'Báo trước (ngày)',
  'pane.settings.windowHint': 'Nhiệm vụ còn từ 0 đến số ngày này đến hạn thì báo "Sắp đến hạn".',
  'pane.settings.windowRequired': 'Nhập số ngày báo trước: một số nguyên từ 0 đến 366.',
  'pane.settings.windowInvalid': (p: { value: string }) =>
    `"${p.value}" không hợp lệ: số ngày báo trước là một số nguyên từ 0 đến 366.`,
  'pane.settings.before': '"Trước ngày X" được hiểu là',
  'pane.settings.beforeStrict': 'Hạn là ngày X − 1 (mặc định)',
  'pane.settings.beforeInclusive': 'Được hoàn thành trong ngày X',
  'pane.settings.apply': 'Áp dụng',
  'pane.settings.applying': 'Đang áp dụng cài đặt…',
  'pane.settings.applied': 'Đã áp dụng cài đặt. Bảng theo dõi đã cập nhật, nội dung đã nhập được giữ nguyên.',
  'pane.settings.fixErrors': 'Kiểm tra lại các ô được đánh dấu.',
  'pane.settings.needTracker': 'Chưa có bảng theo dõi để áp dụng cài đặt. Hãy chèn bảng ở mục "Chèn bảng theo dõi" trước.',
  'pane.settings.unknownAgency': (p: { name: string; code: string }) =>
    `Không tìm thấy đơn vị "${p.name}" (mã ${p.code}) trong danh sách đơn vị. Chọn đơn vị ở mục "Chèn bảng theo dõi" rồi chèn lại bảng.`,

  // Section: report forms.
  'pane.forms.heading': 'Chèn biểu báo cáo',
  'pane.forms.intro':
    'Chèn các biểu báo cáo thống kê năm vào sổ làm việc. Chèn lại bất cứ lúc nào: số liệu đã nhập được giữ nguyên.',

  // Section: check.
  'pane.check.heading': 'Kiểm tra',
  'pane.check.intro': 'Kiểm tra bảng theo dõi và các biểu đã có trong sổ làm việc; mỗi vấn đề chỉ rõ ô và cách sửa.',

  // Section: consolidation.
  'pane.consolidate.heading': 'Tổng hợp (Sở Nội vụ)',
  'pane.consolidate.intro':
    'Chọn các sổ làm việc các đơn vị gửi về. Kết quả (tình hình nộp, số liệu tổng hợp, nhiệm vụ quá hạn, các vấn đề, văn bản đôn đốc) được ghi vào sổ làm việc đang mở.',

  // Failures.
  'pane.error.generic': 'Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại bảng điều khiển.',
  'pane.error.code': (p: { code: string }) => `Mã lỗi của Excel: ${p.code}.`,
  'pane.error.cellEdit': 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô, rồi thử lại.',
  'pane.error.protected':
    'Trang tính hoặc sổ làm việc đang được bảo vệ nên không ghi được. Bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính), rồi thử lại.',
  'pane.error.busy': 'Excel đang bận hoặc sổ làm việc vừa được người khác sửa. Chờ giây lát rồi thử lại.',
  'pane.error.notFound': 'Không tìm thấy trang tính hoặc vùng cần dùng; có thể nó vừa bị đổi tên hoặc xoá. Bấm "Làm mới" rồi thử lại.',
  'pane.error.tooLarge': 'Dữ liệu gửi cho Excel quá lớn. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.',
  'pane.error.unsupported': 'Phiên bản Excel này không hỗ trợ thao tác vừa chọn. Hãy cập nhật Excel hoặc dùng Excel trên web.',
  'pane.error.loadFailed':
    'Không tải được một phần của bổ trợ (biểu báo cáo, kiểm tra). Kiểm tra kết nối mạng, rồi đóng và mở lại bảng điều khiển.',
  'pane.error.badPack': 'Dữ liệu Kế hoạch hoặc danh sách đơn vị đi kèm bổ trợ bị hỏng. Hãy báo cho bộ phận hỗ trợ.',
  'pane.error.sheetPassword': (p: { name: string }) =>
    `Trang "${p.name}" đang được bảo vệ bằng mật khẩu: hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính; Excel tiếng Anh: Review → Unprotect Sheet) rồi thử lại. Bổ trợ chưa ghi gì vào sổ.`,
  'pane.error.sheetTooLarge': (p: { name: string; address: string; cells: string }) =>
    `Trang "${p.name}" có vùng dữ liệu quá lớn để đọc (${p.address}, ${p.cells} ô; Excel đọc tối đa 5.000.000 ô một lần), thường do có ô được gõ ở xa bảng. Hãy xoá các hàng, cột thừa ở cuối trang (chọn chúng, chuột phải › Xoá), lưu sổ rồi thử lại.`,
  'pane.command.title': 'Làm mới hạn',
  'pane.command.close': 'Đóng',
  'pane.command.noTracker': 'Sổ này chưa có trang theo dõi Kế hoạch nên không có gì để làm mới. Mở bảng điều khiển Văn thư – Lưu trữ và chèn trang theo dõi trước.',
  'pane.command.declined':
    'Đã tính lại hạn nhưng không chèn lại trang theo dõi: có ô được gõ ngoài bảng sẽ bị xoá. Mở bảng điều khiển và bấm "Chèn lại" để chọn giữ hay xoá các ô đó.',
  'pane.command.unknownAgency':
    'Đã tính lại hạn nhưng không chèn lại trang theo dõi: mã đơn vị ghi trong sổ không có trong danh sách đơn vị. Mở bảng điều khiển để chọn đơn vị.',
  'pane.command.failed': 'Làm mới hạn không thành công.',

  // Help (taskpane.html#help).
  'pane.help.open': 'Hướng dẫn',
  'pane.help.openLabel': 'Mở hướng dẫn sử dụng',
  'pane.help.back': 'Quay lại',
  'pane.help.backLabel': 'Đóng hướng dẫn, quay lại bảng điều khiển',
  'pane.help.loadFailed': 'Không tải được phần hướng dẫn. Kiểm tra kết nối mạng, rồi mở lại hướng dẫn.',
  'pane.help.section': (p: { section: string }) => `Hướng dẫn mục "${p.section}"`,

  // Documents ("Soạn văn bản").
  'pane.documents.heading': 'Soạn văn bản',
  'pane.documents.intro': 'Soạn báo cáo, công văn (.docx, Nghị định 30/2020/NĐ-CP) từ số liệu của sổ đang mở. Số, ngày, người ký để trống để bạn điền.',
  'pane.documents.open': 'Đọc sổ để soạn',
  'pane.documents.loadFailed': 'Không tải được phần soạn văn bản. Kiểm tra kết nối mạng rồi thử lại.',

  // Views: the tabs, the settings behind the gear, the first run.
  'pane.tab.listLabel': 'Các việc của bảng điều khiển',
  'pane.tab.tracker': 'Theo dõi nhiệm vụ',
  'pane.tab.trackerShort': 'Theo dõi',
  'pane.tab.forms': 'Biểu báo cáo',
  'pane.tab.formsShort': 'Biểu',
  'pane.tab.check': 'Kiểm tra',
  'pane.tab.checkShort': 'Kiểm tra',
  'pane.tab.consolidate': 'Tổng hợp',
  'pane.tab.consolidateShort': 'Tổng hợp',
  'pane.tab.documents': 'Soạn văn bản',
  'pane.tab.documentsShort': 'Văn bản',
  'pane.view.settings': 'Cài đặt',
  'pane.summary.milestone': (p: { date: string; days: number }) =>
    p.days < 0 ? `Mốc năm ${p.date} (đã qua ${-p.days} ngày)` : `Mốc năm ${p.date} (còn ${p.days} ngày)`,
} as const;

type WidenPane<T> = T extends string ? string : T;
export type PaneCatalog = { readonly [K in keyof typeof paneVi]: WidenPane<(typeof paneVi)[K]> };
