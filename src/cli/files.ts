/** Reading and writing workbook files for the CLI, with Vietnamese messages for whatever can go wrong. */
import { readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { UsageError } from './args';

export async function openWorkbookFile(file: string): Promise<FileWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `Không tìm thấy tệp "${file}". Kiểm tra lại đường dẫn.`
        : `Không mở được tệp "${file}" (${code ?? 'lỗi đọc'}). Kiểm tra quyền đọc tệp.`,
    );
  }
  const kind = sniffFile(bytes);
  if (kind !== 'zip') throw new UsageError(`Tệp "${file}": ${describeNonXlsx(kind)}`);
  try {
    return await FileWorkbook.load(bytes);
  } catch {
    throw new UsageError(`Tệp "${file}" không đọc được như một sổ Excel .xlsx (tệp hỏng hoặc không phải .xlsx). Mở tệp bằng Excel rồi lưu lại dạng .xlsx.`);
  }
}

export type FileKind = 'zip' | 'empty' | 'ole' | 'other';

/** What a file is, from its first bytes. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'other';
}

export function describeNonXlsx(kind: Exclude<FileKind, 'zip'>): string {
  switch (kind) {
    case 'empty':
      return 'tệp rỗng (0 byte). Gửi lại tệp .xlsx đầy đủ.';
    case 'ole':
      return 'tệp Excel 97–2003 (.xls) hoặc tệp được đặt mật khẩu. Mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu dạng "Sổ làm việc Excel (.xlsx)".';
    case 'other':
      return 'không phải tệp Excel .xlsx. Chọn đúng tệp sổ làm việc .xlsx.';
  }
}

/** Writes atomically: a half-written file never replaces a good one. */
export async function saveWorkbookFile(wb: FileWorkbook, file: string): Promise<void> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UsageError(`Tệp ra "${file}" phải có đuôi .xlsx.`);
  }
  const bytes = await wb.toBuffer();
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`Không ghi được tệp "${file}" (${code ?? 'lỗi ghi'}). Kiểm tra thư mục và quyền ghi; nếu tệp đang mở trong Excel, hãy đóng lại.`);
  }
}
