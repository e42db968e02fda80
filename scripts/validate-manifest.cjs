#!/usr/bin/env node
// npm run validate [-- path/to/manifest.xml] — checks a manifest (default: manifest.xml of the project; a built one:
// npm run validate -- dist/manifest.xml):
//   1. the project's own checks (scripts/manifest-checks.cjs); icons are looked up in assets/ next to the manifest;
//   2. XSD validation with xmllint against ../shared/schemas/office-manifest, when both are available.
// Prints the results in Vietnamese; exits with 1 if anything fails. The production build runs the same function on
// dist/manifest.xml (scripts/deploy-build.cjs).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const checks = require('./manifest-checks.cjs');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_DIR = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');

/**
 * Runs every check on a manifest file. options.assetsDir: where its icons are (default: assets/ beside it);
 * options.baseUrl: the add-in's address (default: the folder of its SourceLocation).
 * Returns { errors, warnings, lines } — lines is the Vietnamese report, one entry per line.
 */
function validateManifestFile(file, options = {}) {
  const lines = [];
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) {
    return { errors: 1, warnings: 0, lines: [`✗ Không tìm thấy ${file} / Not found: ${file}`] };
  }
  const xml = fs.readFileSync(file, 'utf8');
  const assetsDir = options.assetsDir || path.join(path.dirname(file), 'assets');
  let errors = 0;
  let warnings = 0;

  lines.push(`Kiểm tra ${shown}`);
  for (const result of checks.runAllChecks(xml, { assetsDir, baseUrl: options.baseUrl })) {
    const failed = result.issues.filter((i) => i.severity === 'error');
    const warned = result.issues.filter((i) => i.severity !== 'error');
    errors += failed.length;
    warnings += warned.length;
    lines.push(`  ${failed.length > 0 ? '✗' : '✓'} ${result.title}`);
    for (const i of failed) lines.push(`      lỗi: ${i.message}`);
    for (const i of warned) lines.push(`      cảnh báo: ${i.message}`);
  }

  if (!fs.existsSync(SCHEMA)) {
    lines.push(`  – Bỏ qua kiểm tra theo lược đồ XSD: không có thư mục ${path.relative(ROOT, SCHEMA_DIR)}`);
  } else if (!checks.hasXmllint()) {
    lines.push('  – Bỏ qua kiểm tra theo lược đồ XSD: không tìm thấy xmllint (cài gói libxml2-utils, ví dụ: apt-get install -y libxml2-utils)');
  } else {
    const xsd = checks.validateWithXsd(path.resolve(file), SCHEMA);
    lines.push(`  ${xsd.ok ? '✓' : '✗'} Đúng lược đồ XSD (xmllint --schema ${path.relative(ROOT, SCHEMA)})`);
    if (!xsd.ok) {
      errors++;
      for (const line of xsd.output.split('\n')) if (line.trim()) lines.push(`      ${line}`);
    }
  }

  const name = path.basename(file);
  if (errors > 0) lines.push(`Kết quả: ${name} KHÔNG hợp lệ — ${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ''}.`);
  else lines.push(`Kết quả: ${name} hợp lệ${warnings ? ` (${warnings} cảnh báo)` : ''}.`);
  return { errors, warnings, lines };
}

function main(args) {
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error('Cách dùng: npm run validate [-- đường/dẫn/manifest.xml] / Usage: npm run validate [-- path/to/manifest.xml]');
    return 2;
  }
  // npm runs scripts in the project folder; INIT_CWD is where the user typed the command.
  const file = args[0] ? path.resolve(process.env.INIT_CWD || process.cwd(), args[0]) : path.join(ROOT, 'manifest.xml');
  const result = validateManifestFile(file);
  for (const line of result.lines) console.log(line);
  return result.errors > 0 ? 1 : 0;
}

module.exports = { validateManifestFile };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
