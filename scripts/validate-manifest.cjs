#!/usr/bin/env node
// npm run validate — checks manifest.xml:
//   1. the project's own checks (scripts/manifest-checks.cjs);
//   2. XSD validation with xmllint against ../shared/schemas/office-manifest, when both are available.
// Prints the results in Vietnamese; exits with 1 if anything fails.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const checks = require('./manifest-checks.cjs');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA_DIR = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');

function main() {
  if (!fs.existsSync(MANIFEST)) {
    console.error(`✗ Không tìm thấy ${MANIFEST}`);
    return 1;
  }
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  let errors = 0;
  let warnings = 0;

  console.log(`Kiểm tra ${path.relative(process.cwd(), MANIFEST) || 'manifest.xml'}`);
  for (const result of checks.runAllChecks(xml, { assetsDir: path.join(ROOT, 'assets') })) {
    const failed = result.issues.filter((i) => i.severity === 'error');
    const warned = result.issues.filter((i) => i.severity !== 'error');
    errors += failed.length;
    warnings += warned.length;
    console.log(`  ${failed.length > 0 ? '✗' : '✓'} ${result.title}`);
    for (const i of failed) console.log(`      lỗi: ${i.message}`);
    for (const i of warned) console.log(`      cảnh báo: ${i.message}`);
  }

  const relativeSchema = path.relative(ROOT, SCHEMA);
  if (!fs.existsSync(SCHEMA)) {
    console.log(`  – Bỏ qua kiểm tra theo lược đồ XSD: không có thư mục ${path.relative(ROOT, SCHEMA_DIR)}`);
  } else if (!checks.hasXmllint()) {
    console.log('  – Bỏ qua kiểm tra theo lược đồ XSD: không tìm thấy xmllint (cài gói libxml2-utils, ví dụ: apt-get install -y libxml2-utils)');
  } else {
    const xsd = checks.validateWithXsd('manifest.xml', relativeSchema, ROOT);
    console.log(`  ${xsd.ok ? '✓' : '✗'} Đúng lược đồ XSD (xmllint --schema ${relativeSchema})`);
    if (!xsd.ok) {
      errors++;
      for (const line of xsd.output.split('\n')) if (line.trim()) console.log(`      ${line}`);
    }
  }

  if (errors > 0) {
    console.log(`Kết quả: manifest.xml KHÔNG hợp lệ — ${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ''}.`);
    return 1;
  }
  console.log(`Kết quả: manifest.xml hợp lệ${warnings ? ` (${warnings} cảnh báo)` : ''}.`);
  return 0;
}

process.exitCode = main();
