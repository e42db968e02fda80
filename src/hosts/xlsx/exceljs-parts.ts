/**
 * ExcelJS's classes the streamed output needs, loaded each from its own module in the vtlt bundle: the whole library
 * (its CSV, stream reader and unzip modules besides) takes about twice as long to load and ~10 MB more memory, spent
 * when the consolidation writes, the other cores idle. Run from the sources (tests), the library as imported.
 */
import ExcelJS from 'exceljs';

/** Node's `require`, with its module cache. */
interface NodeRequire {
  (id: string): unknown;
  resolve(id: string): string;
  readonly cache: Record<string, unknown>;
}

// The vtlt bundle's own `require` (webpack leaves it as is); undefined when run from the sources.
declare const __non_webpack_require__: NodeRequire | undefined;

function part<T>(path: string, whole: () => T): T {
  return typeof __non_webpack_require__ === 'function' ? (__non_webpack_require__(`exceljs/lib/${path}`) as T) : whole();
}

/** The streaming workbook writer. */
export function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  if (typeof __non_webpack_require__ === 'function') standInForArchiver(__non_webpack_require__);
  return part('stream/xlsx/workbook-writer', () => ExcelJS.stream.xlsx.WorkbookWriter);
}

/**
 * The writer's module loads a general zip library (archiver) for the zip writer it makes, which the streamed workbook
 * replaces at once with its own (package-zip.ts). In the bundle, unless something loaded it already, the module is
 * given a stand-in making a zip writer that takes the first parts and writes nowhere: the library's load (about a
 * third of the writer's, on the one busy core once the files are read) is saved.
 */
function standInForArchiver(req: NodeRequire): void {
  let id: string;
  try {
    id = req.resolve('archiver');
  } catch {
    return;
  }
  if (req.cache[id] !== undefined) return;
  const inert = { pipe: (dest: unknown) => dest, append: () => inert, on: () => inert, finalize: () => undefined };
  req.cache[id] = { id, filename: id, loaded: true, children: [], paths: [], exports: () => inert };
}

/** The in-memory workbook (the sheets an existing output keeps are loaded with it). */
export function workbookClass(): typeof ExcelJS.Workbook {
  return part('doc/workbook', () => ExcelJS.Workbook);
}
