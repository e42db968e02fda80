/**
 * The last-saved time of a workbook file (dcterms:modified in docProps/core.xml), set or removed directly in the zip,
 * so a test says when "the agency saved it" whatever the program that wrote the file stamps there.
 */
import { inflateRawSync } from 'node:zlib';
import { entryData, zipDirectory } from '../../src/hosts/xlsx/zip';
import { makeZip } from './zip';

const CORE = 'docProps/core.xml';
const MODIFIED = /<dcterms:modified\b[^>]*>[^<]*<\/dcterms:modified>|<dcterms:modified\b[^>]*\/>/;

function coreXml(modified: string | null): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    modified === null ? '' : `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/** Every entry of a zip, inflated. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = zipDirectory(bytes);
  if (!entries) throw new Error('not a zip file');
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) throw new Error(`damaged zip entry ${e.name}`);
    out.set(e.name, e.method === 8 ? new Uint8Array(inflateRawSync(data)) : new Uint8Array(data));
  }
  return out;
}

/** Returns the workbook bytes with dcterms:modified set to `iso` (or removed when null). */
export function withSavedAt(bytes: Uint8Array, iso: string | null): Uint8Array {
  const parts = unzip(bytes);
  const core = parts.get(CORE);
  const element = iso === null ? '' : `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>`;
  let xml: string;
  if (!core) xml = coreXml(iso);
  else {
    const old = new TextDecoder().decode(core);
    if (MODIFIED.test(old)) xml = old.replace(MODIFIED, element);
    else xml = old.replace('</cp:coreProperties>', `${element}</cp:coreProperties>`);
    if (iso !== null && !xml.includes('xmlns:xsi=')) xml = xml.replace('<cp:coreProperties', '<cp:coreProperties xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
  }
  parts.set(CORE, new TextEncoder().encode(xml));
  return makeZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
}

/** The dcterms:modified a workbook file records, or null. */
export function savedAtOf(bytes: Uint8Array): string | null {
  const core = unzip(bytes).get(CORE);
  const xml = core ? new TextDecoder().decode(core) : '';
  const m = /<dcterms:modified\b[^>]*>([^<]*)<\/dcterms:modified>/.exec(xml);
  return m ? (m[1] ?? null) : null;
}
