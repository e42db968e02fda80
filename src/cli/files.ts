/** Reading and writing workbook files for the CLI, with Vietnamese messages for whatever can go wrong. */
import { readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../hosts/xlsx/open';
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
  const opened = await openWorkbookBytes(bytes);
  if (!opened.ok) throw new UsageError(`Tệp "${file}": ${opened.reason}`);
  return opened.workbook;
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
