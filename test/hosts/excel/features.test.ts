import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALL_FEATURES,
  detectExcelFeatures,
  detectHostPlatform,
  EXCEL_FEATURES,
  FEATURE_REQUIREMENT,
  featuresFrom,
  featuresUpTo,
  MANIFEST_MIN_EXCEL_API,
  NO_FEATURES,
} from '../../../src/hosts/excel/features';
import { readFileSync } from 'node:fs';

const g = globalThis as { Office?: unknown };
const saved = g.Office;
afterEach(() => {
  g.Office = saved;
});

/**
 * An Office global reporting ExcelApi up to `max`, built with office-addin-mock. (Its scalars read as "not loaded"
 * until load() and sync(), like Excel proxies; Office.context.platform is a plain value, so platform tests use a
 * plain object.)
 */
function officeStub(max: string): unknown {
  const [maxMajor = 0, maxMinor = 0] = max.split('.').map(Number);
  return new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: function (name: string, version: string): boolean {
          const [major = 0, minor = 0] = version.split('.').map(Number);
          return name === 'ExcelApi' && (major < maxMajor || (major === maxMajor && minor <= maxMinor));
        },
      },
    },
  });
}

describe('feature → requirement set', () => {
  it('maps each feature to the ExcelApi set that brings it', () => {
    expect(FEATURE_REQUIREMENT).toEqual({
      visibility: '1.2',
      protection: '1.2',
      conditionalFormats: '1.6',
      freezePanes: '1.7',
      tabColor: '1.7',
      standardSizes: '1.7',
      dataValidation: '1.8',
      pageLayout: '1.9',
      indent: '1.9',
      fillTint: '1.9',
    });
    expect(Object.keys(FEATURE_REQUIREMENT).sort()).toEqual([...EXCEL_FEATURES].sort());
  });

  it('featuresFrom asks once per feature with that set', () => {
    const asked: string[] = [];
    const f = featuresFrom((v) => {
      asked.push(v);
      return v <= '1.7';
    });
    expect(asked.sort()).toEqual(Object.values(FEATURE_REQUIREMENT).sort());
    expect(f).toMatchObject({ detected: true, freezePanes: true, tabColor: true, dataValidation: false, pageLayout: false });
  });

  it('ALL_FEATURES and NO_FEATURES', () => {
    expect(EXCEL_FEATURES.every((f) => ALL_FEATURES[f])).toBe(true);
    expect(EXCEL_FEATURES.some((f) => NO_FEATURES[f])).toBe(false);
    expect(NO_FEATURES.detected).toBe(false);
  });
});

describe('detectExcelFeatures', () => {
  it('outside Office (no global) reports nothing supported and does not throw', () => {
    delete g.Office;
    expect(detectExcelFeatures()).toEqual(NO_FEATURES);
    expect(detectHostPlatform()).toBe('unknown');
  });

  it('reads Office.context.requirements (Excel 2016: ExcelApi 1.8)', () => {
    g.Office = officeStub('1.8');
    const f = detectExcelFeatures();
    expect(f.detected).toBe(true);
    expect(f.dataValidation).toBe(true);
    expect(f.conditionalFormats).toBe(true);
    expect(f.pageLayout).toBe(false);
    expect(f.indent).toBe(false);
  });

  it('reads a recent Excel as supporting everything', () => {
    g.Office = officeStub('1.17');
    expect(detectExcelFeatures()).toEqual(ALL_FEATURES);
  });

  it('treats a throwing isSetSupported as unsupported', () => {
    const f = detectExcelFeatures({
      isSetSupported: () => {
        throw new Error('not ready');
      },
    });
    expect(f.detected).toBe(true);
    expect(EXCEL_FEATURES.some((x) => f[x])).toBe(false);
  });

  it('an Office global without requirements is treated as no Office', () => {
    g.Office = { context: {} };
    expect(detectExcelFeatures()).toEqual(NO_FEATURES);
  });
});

describe('detectHostPlatform', () => {
  it('tells the web from the desktop', () => {
    const on = (platform: string) => (g.Office = { context: { platform } });
    on('OfficeOnline');
    expect(detectHostPlatform()).toBe('web');
    on('PC');
    expect(detectHostPlatform()).toBe('desktop');
    on('Mac');
    expect(detectHostPlatform()).toBe('desktop');
    on('Android');
    expect(detectHostPlatform()).toBe('unknown');
  });
});

describe('featuresUpTo', () => {
  it('compares versions as numbers', () => {
    expect(featuresUpTo('1.9').pageLayout).toBe(true);
    expect(featuresUpTo('1.10').pageLayout).toBe(true);
    expect(featuresUpTo('1.8')).toMatchObject({ dataValidation: true, pageLayout: false, detected: false });
  });

  it('the assumed minimum is the one manifest.xml requires', () => {
    const manifest = readFileSync(new URL('../../../manifest.xml', import.meta.url), 'utf8');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MANIFEST_MIN_EXCEL_API}"/>`);
  });
});
