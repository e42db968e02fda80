/**
 * Vietnamese help of the task pane (the view that taskpane.html#help opens): per section, what it does, the usual
 * steps, and what its messages mean. The messages themselves are quoted from the pane's catalog by key, so the help
 * never shows a wording the pane does not use. Loaded with the help view only (a chunk of its own), not on first load.
 */
import type { HelpTopic } from './help-topics';
import type { MessageKey } from './vi';

export interface HelpTopicShape {
  /** The topic's heading; the sections use their own heading from the pane's catalog instead. */
  readonly title?: string;
  readonly what: string;
  readonly steps: readonly string[];
  /** What each message means and what to do, by the message's key in the pane's catalog. */
  readonly messages: Partial<Readonly<Record<MessageKey, string>>>;
}

export interface HelpShape {
  readonly title: string;
  readonly intro: string;
  readonly contents: string;
  readonly steps: string;
  readonly messages: string;
  readonly topics: Readonly<Record<HelpTopic, HelpTopicShape>>;
}

export const helpVi = {
  title: 'Hướng dẫn sử dụng',
  intro:
    'Bảng điều khiển "Văn thư – Lưu trữ" giúp theo dõi Kế hoạch công tác văn thư, lưu trữ năm 2026 và lập báo cáo thống kê ngay trong Excel. Các việc được chia theo thẻ ở đầu bảng: Theo dõi nhiệm vụ, Biểu báo cáo, Kiểm tra, Tổng hợp (Sở Nội vụ) và Soạn văn bản; Cài đặt mở bằng nút bánh răng. Trong một sổ mới, bảng điều khiển hỏi bạn là văn thư đơn vị (chèn bảng theo dõi và các biểu báo cáo trong một bước) hay Sở Nội vụ (mở thẻ Tổng hợp). Dưới đây, mỗi mục cho biết mục đó làm gì, các bước thường làm và ý nghĩa các thông báo.',
  contents: 'Các mục',
  steps: 'Các bước thường làm',
  messages: 'Thông báo và cách xử lý',
  topics: {
    insert: {
      what: 'Chèn vào sổ làm việc bảng theo dõi các nhiệm vụ của Kế hoạch áp dụng cho đơn vị, có hạn của từng nhiệm vụ, danh sách chọn tình trạng và tô màu theo hạn.',
      steps: [
        'Gõ mã hoặc tên đơn vị vào ô "Đơn vị" (có dấu hay không dấu đều được) rồi chọn đơn vị trong danh sách.',
        'Bấm "Chèn bảng theo dõi". Nếu sổ đã có bảng, bổ trợ hỏi trước khi cập nhật; nội dung đã nhập được giữ nguyên.',
        'Nhập tình trạng, ngày hoàn thành và ghi chú của từng nhiệm vụ vào các cột được mở khoá.',
      ],
      messages: {
        'pane.agency.required': 'Chưa chọn đơn vị. Gõ mã hoặc tên, rồi chọn một dòng trong danh sách gợi ý.',
        'pane.insert.cancelled': 'Bạn đã chọn "Không" ở hộp xác nhận. Không có gì bị thay đổi.',
        'pane.insert.orphans':
          'Có nhiệm vụ đã nhập nội dung nhưng không còn áp dụng cho đơn vị vừa chọn (ví dụ đã đổi đơn vị). Chúng được giữ ở cuối bảng để không mất dữ liệu; xem lại và xoá nếu không cần.',
        'pane.insert.skipped':
          'Excel đang dùng thiếu một số tính năng nên bảng được chèn không có các phần đó; bảng vẫn dùng được. Cập nhật Excel rồi chèn lại để có đủ.',
        'pane.env.oldExcel.title':
          'Excel này không có ExcelApi 1.8 nên không chèn được bảng. Dùng Microsoft 365, Excel 2021 trở lên hoặc Excel trên web; trên máy không nâng cấp được, dùng công cụ dòng lệnh vtlt.',
      },
    },
    summary: {
      what: 'Đếm các nhiệm vụ theo tình trạng hạn (quá hạn, sắp đến hạn, đúng hạn, chưa đến hạn…) và liệt kê các nhiệm vụ cần chú ý, tính theo ngày đối chiếu.',
      steps: [
        'Mở bảng điều khiển: tình hình thực hiện được đọc từ bảng theo dõi.',
        'Sau khi nhập hoặc sửa bảng, bấm "Làm mới" để tính lại.',
        'Chọn một nhiệm vụ trong danh sách để đến dòng của nó trong bảng.',
        'Nút "Làm mới hạn" trên thẻ Trang đầu đánh dấu lại hạn trong bảng mà không cần mở bảng điều khiển.',
      ],
      messages: {
        'pane.summary.none': 'Sổ làm việc chưa có bảng theo dõi. Chèn bảng ở mục "Chèn bảng theo dõi".',
        'pane.summary.unknown': 'Bổ trợ chưa đọc được sổ làm việc (Excel đang bận hoặc đang sửa ô). Bấm "Làm mới".',
        'pane.due.overdue': 'Đã qua hạn mà chưa có ngày hoàn thành. Hoàn thành nhiệm vụ rồi nhập ngày hoàn thành vào bảng.',
        'pane.due.due-soon': 'Hạn còn trong số ngày báo trước (mục Cài đặt). Ưu tiên nhiệm vụ này.',
        'pane.summary.milestone':
          'Nhiệm vụ nhiều năm (ví dụ "Giai đoạn 2026 - 2035") có mốc 31/12 hằng năm: tình trạng hạn tính theo mốc của năm đối chiếu, còn "Hạn" là ngày cuối giai đoạn. Bảng theo dõi ghi mốc này ở cột "Mốc năm".',
        'pane.summary.selectFailed': 'Trang bảng theo dõi vừa bị đổi tên, xoá hoặc đang được bảo vệ. Bấm "Làm mới" rồi chọn lại.',
      },
    },
    forms: {
      what: 'Chèn các biểu báo cáo thống kê năm (0801–0813) vào sổ làm việc, đã điền sẵn tên đơn vị và năm báo cáo, có công thức cộng và kiểm tra dữ liệu nhập.',
      steps: [
        'Chọn đơn vị và nhập năm báo cáo (năm của số liệu).',
        'Chọn các biểu cần chèn (mặc định: tất cả các biểu của gói biểu mẫu).',
        'Bấm "Chèn biểu báo cáo", rồi nhập số liệu vào các ô trắng. Chèn lại bất cứ lúc nào: số liệu đã nhập được giữ nguyên.',
        'Nếu Sở Nội vụ gửi gói biểu mẫu đã hiệu chỉnh (tệp .json), bấm "Chọn gói biểu mẫu (JSON)" trước khi chèn.',
      ],
      messages: {
        'pane.forms.noneSelected': 'Chưa chọn biểu nào. Đánh dấu ít nhất một biểu.',
        'pane.forms.yearInvalid': 'Năm báo cáo phải là số có 4 chữ số, ví dụ 2025.',
        'pane.forms.packInvalid':
          'Tệp đã chọn không đúng cấu trúc gói biểu mẫu; các dòng dưới thông báo chỉ chỗ sai. Xin Sở Nội vụ tệp đúng, hoặc bấm "Dùng gói đi kèm".',
        'pane.forms.kept': 'Biểu đã có trong sổ: số liệu đã nhập được chép sang biểu mới.',
        'pane.forms.unplaced':
          'Biểu mới không còn ô cho một số số liệu cũ (gói biểu mẫu đã đổi). Các số liệu đó được liệt kê để bạn nhập lại nếu cần.',
      },
    },
    check: {
      what: 'Kiểm tra bảng theo dõi và các biểu trong sổ làm việc: ô bắt buộc còn trống, ngày sai, số không hợp lệ, tổng không khớp… Mỗi vấn đề chỉ rõ trang, ô và cách sửa.',
      steps: [
        'Bấm "Kiểm tra".',
        'Chọn một vấn đề trong danh sách để đến ô của nó, sửa, rồi bấm "Kiểm tra" lại.',
        'Bấm "Tô màu lỗi" để tô các ô có vấn đề; "Bỏ tô màu" trả lại đúng màu nền cũ.',
        'Nếu có ô gõ bằng bảng mã cũ (TCVN3/ABC, VNI), bấm "Chuyển sang Unicode": bổ trợ hỏi trước, chuyển cả các ô đó một lần và lưu lại chữ cũ; "Hoàn tác chuyển Unicode" trả lại chữ cũ cho các ô chưa bị sửa sau đó.',
      ],
      messages: {
        'pane.check.error': 'Lỗi: số liệu sai, phải sửa trước khi gửi báo cáo. Tệp còn lỗi không được cộng vào số liệu tổng hợp của Sở Nội vụ.',
        'pane.check.warning':
          'Cảnh báo: số liệu đáng ngờ, nên xem lại; nếu đúng thì giữ nguyên. Khi tổng hợp, Sở Nội vụ chọn có tính các tệp chỉ có cảnh báo hay không.',
        'pane.check.noTracker': 'Sổ chưa có bảng theo dõi nhiệm vụ; chỉ các biểu được kiểm tra.',
        'pane.check.missingForms': 'Sổ còn thiếu các biểu được nêu. Chèn chúng ở mục "Chèn biểu báo cáo".',
        'pane.highlight.needCheck': 'Cần bấm "Kiểm tra" trước để biết ô nào cần tô màu.',
        'pane.highlight.skipped': 'Một số ô không đọc được màu nền (ô gộp hoặc trang đã bị xoá) nên không được tô.',
      },
    },
    consolidate: {
      title: 'Tổng hợp (Sở Nội vụ)',
      what: 'Đọc các sổ làm việc các đơn vị gửi về và ghi vào sổ đang mở: tình hình nộp, số liệu tổng hợp, nhiệm vụ quá hạn, các lỗi kiểm tra và văn bản đôn đốc. Tệp chỉ được đọc trên máy này.',
      steps: [
        'Mở một sổ làm việc dành cho tổng hợp. Danh sách đơn vị lấy từ trang "Danh sách đơn vị" của sổ (nếu chưa có, bổ trợ ghi danh sách mặc định để sửa).',
        'Bấm "Chọn các tệp .xlsx" và chọn các tệp các đơn vị gửi về (chọn được nhiều tệp một lúc).',
        'Kiểm tra ngày đối chiếu, rồi bấm "Tổng hợp". Bấm "Huỷ" để dừng; khi huỷ, sổ không thay đổi.',
        'Xem kết quả; sao chép văn bản đôn đốc gửi các đơn vị chưa nộp hoặc nộp chậm.',
      ],
      messages: {
        'pane.consolidate.needFiles': 'Chưa chọn tệp nào. Bấm "Chọn các tệp .xlsx".',
        'pane.consolidate.rejected':
          'Các tệp này được để riêng, không tính: không đọc được, không phải sổ của bổ trợ, đơn vị không có trong danh sách, khác năm báo cáo… Lý do ghi cạnh từng tệp; đề nghị đơn vị sửa và gửi lại.',
        'pane.consolidate.replaced': 'Một đơn vị gửi nhiều tệp: chỉ tệp lưu sau cùng được dùng.',
        'pane.consolidate.conflicts':
          'Một đơn vị gửi các tệp khác nhau nhưng cùng thời điểm lưu, nên bổ trợ không biết tệp nào đúng và chưa tính đơn vị đó. Bỏ tệp không dùng khỏi các tệp đã chọn rồi tổng hợp lại.',
        'pane.consolidate.datedBySave':
          'Trang "Theo dõi nộp báo cáo" chưa có ngày nhận của các đơn vị này, nên nộp chậm hay không được tạm tính theo ngày lưu tệp. Gõ ngày nhận rồi tổng hợp lại.',
        'pane.consolidate.missing': 'Số đơn vị trong danh sách chưa có tệp. Dùng văn bản đôn đốc để nhắc.',
        'pane.consolidate.late': 'Số đơn vị nộp sau hạn nộp báo cáo.',
        'pane.consolidate.copyFailed': 'Web view của Excel chặn việc sao chép tự động. Văn bản đã được chọn sẵn: nhấn Ctrl+C.',
      },
    },
    documents: {
      what: 'Soạn báo cáo, công văn dạng Word (.docx) theo thể thức của Nghị định 30/2020/NĐ-CP từ số liệu của sổ đang mở: báo cáo của đơn vị (nhiệm vụ 16b) từ sổ của đơn vị; báo cáo tổng hợp của Sở (mục III.2.i) và công văn đôn đốc các đơn vị chưa nộp từ sổ tổng hợp. Số, ngày, người ký và nhiệm vụ năm sau để trống (…) để bạn điền.',
      steps: [
        'Bấm "Đọc sổ để soạn": bổ trợ cho biết sổ đang mở soạn được văn bản nào.',
        'Bấm tên văn bản: tệp .docx được tải xuống (thư mục Tải xuống). Mở bằng Word, điền các chỗ để trống rồi trình ký.',
        'Excel trên Mac và iPad không cho bổ trợ tải tệp xuống: nội dung văn bản hiện ngay trong bảng điều khiển, bấm "Sao chép" rồi dán vào một văn bản Word mới. Các bảng được dán thành các dòng cách nhau bằng Tab: chọn chúng rồi Chèn › Bảng › Chuyển đổi Văn bản thành Bảng.',
      ],
      messages: {
        'pane.documents.loadFailed': 'Phần soạn văn bản được tải khi cần; không tải được thường do mất mạng. Kiểm tra mạng rồi bấm lại.',
        'documents.blockedHost': 'Trên Mac và iPad, Excel chạy bổ trợ trong một khung trình duyệt không nhận tệp tải xuống; bổ trợ không thử tải mà hiện nội dung để sao chép.',
        'documents.blocked': 'Excel từ chối tải tệp xuống (thường do chính sách của máy hoặc của tổ chức). Nội dung văn bản hiện bên dưới để sao chép.',
        'documents.nobodyToRemind': 'Trang "Theo dõi nộp báo cáo" không còn đơn vị chưa nộp hay nộp chậm, nên không có công văn đôn đốc để soạn.',
      },
    },
    settings: {
      what: 'Mở bằng nút bánh răng ở đầu bảng điều khiển ("Quay lại" để trở về thẻ đang dùng). Chọn ngày đối chiếu hạn, số ngày báo trước và cách hiểu "trước ngày X". Cài đặt lưu cùng sổ làm việc.',
      steps: [
        'Chọn "Hôm nay" để bảng tự cập nhật mỗi ngày, hoặc nhập một ngày cố định (dd/mm/yyyy) khi chốt báo cáo.',
        'Nhập số ngày báo trước (0–366).',
        'Bấm "Áp dụng": bảng theo dõi được cập nhật, nội dung đã nhập được giữ nguyên.',
      ],
      messages: {
        'pane.settings.asOfInvalid': 'Ngày phải có thật và viết ngày trước, tháng sau, ví dụ 31/03/2026.',
        'pane.settings.windowInvalid': 'Số ngày báo trước là số nguyên từ 0 đến 366.',
        'pane.settings.needTracker': 'Cài đặt nằm trong bảng theo dõi: chèn bảng trước.',
        'pane.settings.unknownAgency': 'Mã đơn vị ghi trong sổ không có trong danh sách. Chọn lại đơn vị ở mục đầu rồi chèn lại bảng.',
      },
    },
    general: {
      title: 'Thông báo chung',
      what: 'Các thông báo có thể xuất hiện ở bất kỳ mục nào.',
      steps: [],
      messages: {
        'pane.error.cellEdit': 'Con trỏ đang ở trong một ô. Nhấn Enter hoặc Esc rồi thử lại.',
        'pane.error.protected': 'Trang tính đang được bảo vệ. Thẻ Xem lại › Bỏ bảo vệ trang tính, rồi thử lại.',
        'pane.error.busy': 'Excel đang bận hoặc người khác vừa sửa sổ. Chờ vài giây rồi thử lại.',
        'pane.error.notFound': 'Trang tính cần dùng vừa bị đổi tên hoặc xoá. Bấm "Làm mới"; nếu cần, chèn lại.',
        'pane.error.loadFailed': 'Một phần của bổ trợ không tải được qua mạng. Kiểm tra mạng, đóng và mở lại bảng điều khiển.',
        'pane.env.outside.title': 'Trang đang mở ngoài Excel. Mở sổ làm việc bằng Excel rồi mở bảng điều khiển từ thẻ Trang đầu.',
        'pane.env.noOffice.title': 'Máy không tải được thư viện office.js của Microsoft. Kiểm tra mạng và tường lửa.',
      },
    },
  },
} as const satisfies HelpShape;

/** The same help in another language: every topic, and a meaning for exactly the messages the Vietnamese explains. */
export type HelpCatalog = {
  readonly [K in Exclude<keyof typeof helpVi, 'topics'>]: string;
} & {
  readonly topics: {
    readonly [T in HelpTopic]: Omit<HelpTopicShape, 'messages' | 'title'> & {
      readonly messages: { readonly [M in keyof (typeof helpVi)['topics'][T]['messages']]: string };
    } & ('title' extends keyof (typeof helpVi)['topics'][T] ? { readonly title: string } : { readonly title?: never });
  };
};
