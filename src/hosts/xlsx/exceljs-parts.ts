/**
 * ExcelJS's classes the streamed output needs, loaded each from its own module in the vtlt bundle: the whole library
 * (its CSV, stream reader and unzip modules besides) takes about twice as long to load and ~10 MB more memory, spent
 * when the consolidation writes, the other cores idle. Run from the sources (tests), the library as imported.
 */
import ExcelJS from 'exceljs';

// The vtlt bundle's own `require` (webpack leaves it as is); undefined when run from the sources.
declare const __non_webpack_require__: ((id: string) => unknown) | undefined;

function part<T>(path: string, whole: () => T): T {
  return typeof __non_webpack_require__ === 'function' ? (__non_webpack_require__(`exceljs/lib/${path}`) as T) : whole();
}

/** The streaming workbook writer. */
export function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return part('stream/xlsx/workbook-writer', () => ExcelJS.stream.xlsx.WorkbookWriter);
}

/** The in-memory workbook (the sheets an existing output keeps are loaded with it). */
export function workbookClass(): typeof ExcelJS.Workbook {
  return part('doc/workbook', () => ExcelJS.Workbook);
}
