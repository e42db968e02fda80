/** Vietnamese messages for validation findings: what is wrong and what to do. */
import type { IssueParams, RuleCode } from '../validation/issue';

export type IssueMessages = { readonly [K in RuleCode as `issue.${K}`]: (p: IssueParams) => string };

const task = (p: IssueParams) => (p['task'] ? `Nhiệm vụ ${p['task']}: ` : '');

const num = (v: unknown): string => (typeof v === 'number' ? v.toLocaleString('vi-VN') : String(v ?? ''));

const DAMAGE_VI: Readonly<Record<string, string>> = {
  directory: 'mục lục của tệp nén bị mất hoặc sai (tệp có thể bị cắt cụt khi tải về hoặc gửi)',
  'local-header': 'phần {part} không nằm ở chỗ mục lục tệp nén ghi',
  missing: 'thiếu phần {part}',
  method: 'phần {part} dùng cách nén không được hỗ trợ',
  inflate: 'dữ liệu nén của phần {part} không giải nén được',
  size: 'phần {part} giải nén ra không đúng kích thước ghi trong tệp',
  crc: 'phần {part} sai mã kiểm tra CRC-32 (dữ liệu đã bị thay đổi)',
  xml: 'nội dung phần {part} không đọc được',
};
const damageVi = (p: IssueParams): string =>
  (DAMAGE_VI[String(p['damage'] ?? '')] ?? 'nội dung không đọc được').replace('{part}', String(p['part'] || 'sổ làm việc'));

export const validationVi: IssueMessages = {
  'issue.file-unreadable': (p) => `${p['reason'] ?? 'Không đọc được tệp.'}`,
  'issue.stamp-missing': () =>
    'Sổ làm việc không có thông tin nhận diện của phần mềm (trang ẩn _vtlt_meta); đơn vị được nhận theo dòng "Đơn vị…" trên trang tính. Nên chèn lại bảng bằng bổ trợ hoặc vtlt.',
  'issue.stamp-invalid': (p) => `Thông tin nhận diện của sổ làm việc bị hỏng (mục sai: ${p['detail'] ?? ''}). Chèn lại bảng theo dõi hoặc biểu báo cáo bằng bổ trợ để ghi lại.`,
  'issue.stamp-mismatch': (p) =>
    `Thông tin nhận diện ghi đơn vị "${p['stamped'] ?? ''}" nhưng trang tính ghi "${p['shown'] ?? ''}". Kiểm tra đúng đơn vị rồi chèn lại bảng để cập nhật.`,
  'issue.pack-unknown': (p) =>
    `Gói dữ liệu "${p['pack'] ?? ''}" phiên bản ${p['version'] ?? '?'} không được phần mềm này nhận biết. Cập nhật phần mềm hoặc chèn lại bảng bằng phiên bản hiện hành.`,
  'issue.year-unexpected': (p) => `Năm báo cáo là ${p['found'] ?? '?'} nhưng đang kiểm tra cho năm ${p['expected'] ?? '?'}. Kiểm tra đúng tệp của năm cần báo cáo.`,
  'issue.sheet-missing': (p) => `Thiếu trang tính "${p['name'] ?? ''}". Chèn ${p['what'] ?? 'trang tính này'} bằng bổ trợ hoặc vtlt rồi điền số liệu.`,
  'issue.not-product-workbook': () =>
    'Sổ làm việc này không do phần mềm tạo: không có bảng theo dõi hay biểu báo cáo nào nhận ra được. Chèn bảng bằng bổ trợ hoặc vtlt.',
  'issue.legacy-encoding': (p) =>
    `Chữ trong ô dùng bảng mã cũ ${p['encoding'] ?? ''} ("${p['sample'] ?? ''}"). Chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại.`,
  'issue.agency-unknown': (p) =>
    `Đơn vị "${p['name'] ?? ''}"${p['code'] ? ` (mã ${p['code']})` : ''} không có trong danh sách đơn vị; Sở Nội vụ sẽ không nhận tệp này vào tổng hợp. Kiểm tra mã đơn vị rồi chèn lại bảng bằng bổ trợ hoặc vtlt (hoặc bổ sung đơn vị vào danh sách nếu đúng).`,
  'issue.status-unknown': (p) => `${task(p)}trạng thái không có trong danh sách. Chọn một trong: ${p['allowed'] ?? ''}.`,
  'issue.done-no-date': (p) => `${task(p)}đã chọn "Hoàn thành" nhưng chưa có ngày hoàn thành. Nhập ngày hoàn thành (dd/mm/yyyy).`,
  'issue.done-after-as-of': (p) =>
    `${task(p)}ngày hoàn thành ${p['date'] ?? ''} sau ngày đối chiếu ${p['asOf'] ?? ''}. Kiểm tra lại ngày (ngày trước, tháng sau) hoặc ngày đối chiếu.`,
  'issue.skipped-no-reason': (p) => `${task(p)}chọn "Không thực hiện" thì cần ghi lý do ở cột "Ghi chú".`,
  'issue.percent-range': (p) => `${task(p)}tiến độ phải từ 0 đến 100 (%). Sửa lại số.`,
  'issue.percent-100-not-done': (p) => `${task(p)}tiến độ 100% nhưng trạng thái chưa là "Hoàn thành". Chọn "Hoàn thành" và nhập ngày, hoặc sửa tiến độ.`,
  'issue.date-as-text': (p) =>
    `${task(p)}ngày đang ở dạng chữ, Excel không tính được. Nhập lại thành ngày ${p['meant'] ?? ''} (ô định dạng ngày dd/mm/yyyy).`,
  'issue.date-invalid': (p) => `${task(p)}không phải ngày hợp lệ. Nhập ngày có thật theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 20/01/2026.`,
  'issue.number-as-text': (p) =>
    `${task(p)}số đang ở dạng chữ. Nhập lại thành số ${p['meant'] ?? ''} (chỉ gõ chữ số, dùng dấu phẩy cho phần thập phân, không gõ dấu chấm ngăn cách hàng nghìn hay đơn vị).`,
  'issue.not-a-number': (p) => `${task(p)}ô này cần một số. Xoá chữ và nhập số (để trống nếu chưa có số liệu).`,
  'issue.required': (p) => `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: bắt buộc phải nhập. Nhập số liệu (0 nếu không có).`,
  'issue.negative': (p) => `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: số liệu không được âm. Sửa lại số.`,
  'issue.not-whole': (p) => `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: ${p['unit'] ?? 'đơn vị này'} phải là số nguyên. Sửa lại số.`,
  'issue.sum-mismatch': (p) =>
    `Tổng không khớp: ${p['target'] ?? ''} = ${p['found'] ?? ''} nhưng tổng các thành phần (${p['parts'] ?? ''}) = ${p['expected'] ?? ''}. Kiểm tra lại các số thành phần.`,
  'issue.greater-than': (p) => `${p['a'] ?? ''} (${p['found'] ?? ''}) không được lớn hơn ${p['b'] ?? ''} (${p['limit'] ?? ''}). Kiểm tra lại hai số này.`,
  'issue.change-large': (p) =>
    `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: ${p['found'] ?? ''} so với ${p['previous'] ?? ''} năm trước (gấp ${p['ratio'] ?? ''} lần). Đề nghị giải thích ở phần ghi chú hoặc kiểm tra lại.`,
  'issue.file-damaged': (p) =>
    `Tệp ${p['file'] ? `"${p['file']}" ` : ''}bị hỏng: ${damageVi(p)}. Đề nghị đơn vị gửi lại tệp (mở bằng Excel, lưu lại dạng .xlsx rồi gửi).`,
  'issue.sheet-too-large': (p) =>
    `${p['file'] ? `Tệp "${p['file']}": ` : ''}trang tính "${p['sheet'] ?? ''}" có quá nhiều ô dữ liệu (hơn ${num(p['limit'])} ô), tệp không được đọc để bảo vệ máy. Xoá các hàng, cột thừa (kể cả ô nằm xa bảng: bấm Ctrl+End để tìm) rồi lưu và gửi lại.`,
  'issue.formula-in-input': (p) =>
    `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: ô nhập số liệu có công thức (${p['formula'] ?? ''}): dùng giá trị ${p['found'] ?? ''}; nên gõ số thay cho công thức.`,
  'issue.plan-stored-damaged': (p) =>
    `Kế hoạch lưu kèm sổ làm việc bị hỏng (${p['detail'] ?? ''}), nên sổ được kiểm tra theo kế hoạch "${p['plan'] ?? ''}". Chèn lại bảng theo dõi bằng bổ trợ để ghi lại kế hoạch, hoặc chỉ rõ kế hoạch bằng --plan.`,
  'issue.formula-no-value': (p) =>
    `Chỉ tiêu ${p['row'] ?? ''}, cột ${p['col'] ?? ''}: ô nhập số liệu có công thức (${p['formula'] ?? ''}) nhưng tệp không lưu kết quả (hoặc kết quả trống), nên không biết số liệu. Xoá công thức và gõ số.`,
};
