/**
 * ExcelJS for the `vtlt` bundle, loaded on first use. The CLI build (webpack.config.js) resolves `exceljs` to this
 * module: reading it costs most of the command's start-up (0.18 s), and commands that write or read no workbook
 * (`vtlt plan`, `--help`) never touch it. Any property read (`ExcelJS.Workbook`, …) loads the real module once.
 * Tests and the task pane import the real module directly.
 */
type ExcelJsModule = typeof import('exceljs');

// Left as a plain `require` by webpack: Node loads the installed package at that moment.
declare const __non_webpack_require__: (id: string) => unknown;

let loaded: ExcelJsModule | undefined;

/** The real module, loaded on the first call. */
export function loadExcelJs(): ExcelJsModule {
  loaded ??= __non_webpack_require__('exceljs') as ExcelJsModule;
  return loaded;
}

const lazy = new Proxy({} as ExcelJsModule, {
  get: (_target, key) => Reflect.get(loadExcelJs(), key),
  has: (_target, key) => Reflect.has(loadExcelJs(), key),
});

export default lazy;
