/**
 * What the running Excel can do, asked once through the requirement sets instead of by trial and error.
 *
 * The mapping from a feature to its ExcelApi requirement set is pure data; detection reads
 * `Office.context.requirements` and is safe outside Excel (no `Office` global): every feature is then reported
 * unsupported and `detected` is false, so nothing throws in a browser page, the CLI or a test.
 */

export const EXCEL_FEATURES = [
  'visibility',
  'protection',
  'conditionalFormats',
  'freezePanes',
  'tabColor',
  'standardSizes',
  'dataValidation',
  'pageLayout',
  'indent',
  'fillTint',
] as const;
export type ExcelFeature = (typeof EXCEL_FEATURES)[number];

/** The ExcelApi requirement set that brings each feature (from the Excel JavaScript API reference). */
export const FEATURE_REQUIREMENT: Readonly<Record<ExcelFeature, string>> = {
  /** Reading Worksheet.visibility is 1.1; setting it (hidden, very hidden) is 1.2. */
  visibility: '1.2',
  /** WorksheetProtection.protect/unprotect, Range.format.protection.locked. */
  protection: '1.2',
  /** Range.conditionalFormats: custom formula rules, data bars, stopIfTrue, priority. */
  conditionalFormats: '1.6',
  /** Worksheet.freezePanes. */
  freezePanes: '1.7',
  /** Worksheet.tabColor. */
  tabColor: '1.7',
  /** RangeFormat.useStandardWidth / useStandardHeight: put column widths and row heights back to the default. */
  standardSizes: '1.7',
  /** Range.dataValidation: list/whole/decimal/date rules with prompt and error alert. */
  dataValidation: '1.8',
  /** Worksheet.pageLayout: paper, orientation, fit to width, print titles, margins, centring. */
  pageLayout: '1.9',
  /** RangeFormat.indentLevel. */
  indent: '1.9',
  /**
   * RangeFill.tintAndShade: the only way to tell a cell without fill from one filled white (both report the colour
   * "#FFFFFF"; tintAndShade is null without fill).
   */
  fillTint: '1.9',
};

export type ExcelFeatures = Readonly<Record<ExcelFeature, boolean>> & {
  /** False when no Office runtime answered (outside Excel): the flags are then all false. */
  readonly detected: boolean;
};

/** The part of `Office.context.requirements` that detection uses. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function featuresFrom(isSupported: (version: string) => boolean, detected = true): ExcelFeatures {
  const flags = Object.fromEntries(EXCEL_FEATURES.map((f) => [f, safely(() => isSupported(FEATURE_REQUIREMENT[f]))])) as Record<
    ExcelFeature,
    boolean
  >;
  return { ...flags, detected };
}

/** Compares requirement-set versions numerically ("1.10" is after "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The features of an Excel that supports ExcelApi up to `version`, without asking it. */
export function featuresUpTo(version: string, detected = false): ExcelFeatures {
  return featuresFrom((v) => compareVersions(v, version) <= 0, detected);
}

/**
 * The lowest ExcelApi set the manifest requires (manifest.xml, Requirements): Excel does not load the add-in
 * without it, so it is what a host may assume when Office cannot be asked.
 */
export const MANIFEST_MIN_EXCEL_API = '1.8';

/** Every feature supported: for tests and for hosts known to be current. */
export const ALL_FEATURES: ExcelFeatures = featuresFrom(() => true);
/** Nothing known: what detection returns outside Excel. */
export const NO_FEATURES: ExcelFeatures = featuresFrom(() => false, false);

function safely(check: () => boolean): boolean {
  try {
    return check() === true;
  } catch {
    return false;
  }
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Asks the running Office which ExcelApi sets it supports. */
export function detectExcelFeatures(requirements?: RequirementChecker): ExcelFeatures {
  const checker = requirements ?? (safelyGet(() => officeGlobal()?.context?.requirements) as RequirementChecker | undefined);
  if (!checker || typeof checker.isSetSupported !== 'function') return NO_FEATURES;
  return featuresFrom((version) => checker.isSetSupported('ExcelApi', version));
}

export type HostPlatform = 'web' | 'desktop' | 'unknown';

/** Excel on the web limits each request and response to 5 MB; desktop Excel documents no such limit. */
export function detectHostPlatform(): HostPlatform {
  const platform = safelyGet(() => officeGlobal()?.context?.platform) as string | undefined;
  if (platform === undefined || platform === null) return 'unknown';
  if (platform === 'OfficeOnline') return 'web';
  if (platform === 'PC' || platform === 'Mac' || platform === 'iOS' || platform === 'Universal') return 'desktop';
  return 'unknown';
}

function safelyGet<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
