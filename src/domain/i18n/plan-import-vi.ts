/** Vietnamese messages of the plan import (issue 11): what an import reports, by row (part of the vi catalog). */
export const planImportVi = {
  'planImport.where.table': (p: { table: number; row: number }) => `bảng ${p.table}, dòng ${p.row}`,
  'planImport.where.row': (p: { row: number }) => `dòng ${p.row}`,
  'planImport.where.paragraph': (p: { paragraph: number }) => `đoạn ${p.paragraph} (mục Tổ chức thực hiện)`,
  'planImport.finding.no-header':
    'Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (các cột "TT", "Nội dung công việc", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Thời gian hoàn thành"). Kiểm tra tên các cột rồi nhập lại.',
  'planImport.finding.no-plan-sheet': (p: { sheets: string }) =>
    `Không có trang tính "Kế hoạch" (hay trang tính nào có bảng nhiệm vụ với các cột "TT", "Nội dung công việc", "Cơ quan chủ trì thực hiện", "Thời gian hoàn thành"). Các trang tính hiện có: ${p.sheets}. Tạo trang bằng "vtlt plan sheet" rồi điền bảng.`,
  'planImport.finding.no-tasks': 'Bảng nhiệm vụ không có nhiệm vụ nào dưới dòng tiêu đề.',
  'planImport.finding.no-year': 'Không xác định được năm của Kế hoạch (không có trong tên kế hoạch hay trong thời hạn). Dùng --year, ví dụ --year 2027.',
  'planImport.finding.year-differs': (p: { given: number; found: number }) =>
    `Năm đã cho (${p.given}) khác năm ghi trong văn bản (${p.found}); dùng năm đã cho.`,
  'planImport.finding.duplicate-id': (p: { where: string; id: string }) =>
    `${p.where}: số thứ tự "${p.id}" bị trùng với một dòng trước. Sửa cột TT rồi nhập lại.`,
  'planImport.finding.missing-content': (p: { where: string; id: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): cột "Nội dung công việc" để trống. Điền nội dung rồi nhập lại.`,
  'planImport.finding.missing-tt': (p: { where: string; id: string }) =>
    `${p.where}: không có số thứ tự (TT); tạm đặt mã "${p.id}".`,
  'planImport.finding.missing-lead': (p: { where: string; id: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): cột "Cơ quan chủ trì thực hiện" để trống. Điền cơ quan chủ trì rồi nhập lại.`,
  'planImport.finding.deadline-unreadable': (p: { where: string; id: string; text: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): không đọc được thời hạn: "${p.text}". Nhiệm vụ được giữ, không có hạn (không tính quá hạn hay trong hạn). Ghi theo mẫu "Quý II/2027", "Trước ngày 15/3/2027", "6 tháng đầu năm 2027"… nếu cần tính hạn.`,
  'planImport.finding.deadline-before-year': (p: { where: string; id: string; text: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): thời hạn "${p.text}" rơi vào trước năm của Kế hoạch. Kiểm tra lại năm.`,
  'planImport.finding.body-unmatched': (p: { where: string; id: string; column: string; text: string }) =>
    `${p.where} (nhiệm vụ ${p.id}), cột "${p.column}": không khớp "${p.text}" với đơn vị nào trong danh sách đơn vị. Sửa tên cho đúng danh sách hoặc bổ sung đơn vị vào danh sách.`,
  'planImport.finding.body-not-in-roster': (p: { where: string; id: string; text: string; body: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): "${p.text}" được ghi nhận với mã ${p.body} nhưng chưa có trong danh sách đơn vị; bổ sung vào danh sách để đơn vị này thấy nhiệm vụ.`,
  'planImport.finding.applies-to-no-one': (p: { where: string; id: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): nhiệm vụ không áp dụng cho đơn vị nào trong danh sách đơn vị.`,
  'planImport.finding.led-by-no-one': (p: { where: string; id: string }) =>
    `${p.where} (nhiệm vụ ${p.id}): chưa có đơn vị nào trong danh sách chủ trì nhiệm vụ này (ví dụ chưa đánh dấu đơn vị "có công trình xây dựng").`,
  'planImport.finding.invalid-pack': (p: { detail: string }) => `Kế hoạch nhập được không hợp lệ: ${p.detail}`,
  'planImport.column.lead': 'Cơ quan chủ trì thực hiện',
  'planImport.column.coordinating': 'Cơ quan phối hợp',
  'planImport.severity.notice': 'Lưu ý',
  'planImport.docx.not-zip': 'Không phải tệp Word .docx (không đọc được cấu trúc tệp). Mở bằng Word và lưu lại dạng .docx.',
  'planImport.docx.legacy-doc': 'Tệp Word dạng cũ (.doc). Mở bằng Word, chọn Lưu thành… dạng "Word Document (.docx)" rồi nhập lại.',
  'planImport.docx.not-docx': 'Không phải văn bản Word .docx. Chọn đúng tệp Kế hoạch (.docx) hoặc sổ làm việc có trang "Kế hoạch" (.xlsx).',
  'planImport.docx.damaged': 'Tệp .docx bị hỏng: không đọc được nội dung văn bản. Mở bằng Word, lưu lại rồi nhập lại.',
  'planImport.docx.too-large': 'Văn bản quá lớn để đọc. Chỉ giữ phần Kế hoạch và Phụ lục rồi nhập lại.',
  'cli.planImport.needFile':
    'Cần đúng một tệp: văn bản Kế hoạch (.docx) hoặc sổ làm việc có trang "Kế hoạch" (.xlsx). Ví dụ: vtlt plan import KE-HOACH-2027.docx --out ke-hoach-2027.json',
  'cli.planImport.badExtension': (p: { file: string }) =>
    `Tệp "${p.file}": chỉ nhập được văn bản Word .docx hoặc sổ làm việc Excel .xlsx (tệp .doc, .pdf: mở bằng Word và lưu lại dạng .docx).`,
  'cli.planImport.badId': (p: { value: string }) => `Mã kế hoạch "${p.value}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ tn-vtlt-2027.`,
  'cli.planImport.outNotJson': (p: { file: string }) => `Tệp ra "${p.file}" phải có đuôi .json.`,
  'cli.planImport.source': (p: { file: string; sheet: string }) => `Tệp "${p.file}"${p.sheet === '' ? '' : `, trang tính "${p.sheet}"`}:`,
  'cli.planImport.refused': (p: { count: number; strict: boolean }) =>
    `Không nhập Kế hoạch: ${p.count} lỗi ở trên${p.strict ? ' (với --strict, thời hạn không đọc được và cơ quan không khớp danh sách cũng là lỗi)' : ''}. Sửa rồi chạy lại.`,
  'cli.planImport.written': (p: { out: string; title: string; year: number; id: string; tasks: number; headings: number; sections: number }) =>
    `Đã ghi "${p.out}": ${p.title} (năm ${p.year}, mã ${p.id}): ${p.tasks} nhiệm vụ, ${p.headings} dòng tiêu đề nhóm, ${p.sections} mục.`,
  'cli.planImport.counts': (p: { unreadable: number; unmatched: number; noOne: number }) =>
    `Thời hạn không đọc được: ${p.unreadable}; cơ quan không khớp danh sách: ${p.unmatched}; nhiệm vụ không áp dụng cho đơn vị nào: ${p.noOne}.`,
  'cli.planFile.unreadable': (p: { file: string; reason: string }) => `Không đọc được tệp kế hoạch "${p.file}": ${p.reason}`,
  'cli.planFile.notJson': (p: { file: string }) =>
    `Tệp kế hoạch "${p.file}" không phải JSON hợp lệ. Tạo lại bằng "vtlt plan import" hoặc sửa tệp cho đúng cú pháp JSON.`,
  'cli.planFile.invalid': (p: { file: string; errors: string }) => `Tệp kế hoạch "${p.file}" không hợp lệ:\n${p.errors}`,
  'cli.planSheet.written': (p: { out: string; sheet: string; title: string; tasks: number }) =>
    `Đã ghi trang tính "${p.sheet}" vào "${p.out}" từ ${p.title} (${p.tasks} nhiệm vụ). Sửa hoặc dán bảng rồi nhập lại bằng "vtlt plan import ${p.out} --out KE-HOACH.json".`,
  'cli.planSheet.writtenEmpty': (p: { out: string; sheet: string }) =>
    `Đã ghi trang tính "${p.sheet}" trống vào "${p.out}". Dán bảng Phụ lục của Kế hoạch rồi nhập bằng "vtlt plan import ${p.out} --out KE-HOACH.json".`,
} as const;

type Widen<T> = T extends string ? string : T;
export type PlanImportCatalog = { readonly [K in keyof typeof planImportVi]: Widen<(typeof planImportVi)[K]> };
