/** Vietnamese messages about agency files and why one is left out of consolidation (part of the vi catalog). */
export const filesVi = {
  'consolidate.reason.unreadable': 'Không đọc được tệp (đã bị xoá, đổi tên hoặc không có quyền đọc).',
  'consolidate.reason.corrupt': 'Không đọc được nội dung sổ làm việc. Mở bằng Excel, lưu lại dạng .xlsx rồi gửi lại.',
  'consolidate.reason.notProduct': 'Không phải sổ báo cáo do phần mềm tạo (không có bảng theo dõi hay biểu báo cáo nhận ra được).',
  'consolidate.reason.unknownAgency': (p: { name: string; code: string }) =>
    `Đơn vị "${p.name}"${p.code ? ` (mã ${p.code})` : ''} không có trong "Danh sách đơn vị". Bổ sung đơn vị vào danh sách nếu đúng.`,
  'consolidate.reason.noAgency': 'Không xác định được đơn vị báo cáo (không có thông tin nhận diện, không có dòng "Đơn vị…").',
  'consolidate.reason.otherYear': (p: { found: number; expected: number }) => `Tệp báo cáo năm ${p.found}, không phải năm ${p.expected}.`,
  'consolidate.reason.unknownPack': (p: { pack: string; version: string }) =>
    `Phiên bản gói dữ liệu không được nhận biết: ${p.pack} ${p.version}. Cập nhật phần mềm hoặc đề nghị đơn vị chèn lại bằng phiên bản hiện hành.`,
  'consolidate.reason.otherPlan': (p: { found: string; expected: string }) =>
    `Sổ lập theo kế hoạch ${p.found}, khác kế hoạch đang tổng hợp ${p.expected}: không cộng chung. Tổng hợp riêng các sổ của kế hoạch ấy (vtlt consolidate --plan KẾ-HOẠCH.json).`,
  'consolidate.received.unreadable': (p: { sheet: string; cell: string; code: string; text: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): "${p.text}" không phải ngày. Gõ ngày nhận dạng dd/mm/yyyy, ví dụ 27/02/2026; trong khi chờ, hạn nộp được tính theo ngày lưu tệp.`,
  'consolidate.mark.errors': (p: { sheet: string; cell: string; code: string; file: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): tệp ${p.file} có lỗi nên không tính vào tổng hợp, dù đã chọn "Có" (chỉ tệp có cảnh báo, không có lỗi, mới chọn được). Đề nghị đơn vị sửa các lỗi ghi ở trang "Lỗi kiểm tra" rồi gửi lại.`,
  'consolidate.mark.newerFile': (p: { sheet: string; cell: string; code: string; file: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): "Có" được chọn cho tệp trước; đơn vị đã gửi tệp khác (${p.file}) nên lựa chọn không còn áp dụng và đã được bỏ. Xem cảnh báo của tệp mới ở trang "Lỗi kiểm tra" rồi chọn lại "Có" nếu chấp nhận.`,
  'consolidate.mark.newFindings': (p: { sheet: string; cell: string; code: string; file: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): tệp ${p.file} vẫn như khi chọn "Có", nhưng lần kiểm tra này thấy cảnh báo khác trước (do phần mềm đã được cập nhật, hoặc tệp được kiểm tra theo ngày đối chiếu khác) nên lựa chọn đã được bỏ. Xem các cảnh báo ở trang "Lỗi kiểm tra" rồi chọn lại "Có" nếu chấp nhận.`,
  'consolidate.mark.missing': (p: { sheet: string; cell: string; code: string; file: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): đơn vị chưa nộp tệp nên "Có" chưa có tác dụng. Khi tệp về, xem cảnh báo của tệp rồi chọn lại "Có".`,
  'consolidate.mark.conflict': (p: { sheet: string; cell: string; code: string; file: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): đơn vị có nhiều tệp khác nhau cùng thời điểm lưu (${p.file}) nên chưa tệp nào được tính. Bỏ tệp không dùng ra khỏi thư mục, tổng hợp lại rồi chọn lại "Có".`,
  'consolidate.mark.unreadable': (p: { sheet: string; cell: string; code: string; text: string }) =>
    `"${p.sheet}"!${p.cell} (đơn vị ${p.code}): "${p.text}" không phải lựa chọn của cột "Cho tính vào tổng hợp", nên không được áp dụng. Chọn "Có" trong danh sách để tính tệp có cảnh báo của đơn vị vào tổng hợp, hoặc xoá nội dung ô.`,
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
} as const;
