#!/usr/bin/env node
// npm start — runs the add-in for development.
//   Windows, macOS: office-addin-debugging starts the development server and sideloads manifest.xml into Excel.
//   Linux and elsewhere (no desktop Excel): starts the development server (https://localhost:3000) and explains how
//   to load the add-in into Excel on the web.
// Node built-ins only.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const DEV_URL = 'https://localhost:3000/taskpane.html';

/** The JavaScript file of an installed package's command (from its package.json "bin"). */
function packageBin(pkg, command = pkg) {
  let packageJson;
  try {
    packageJson = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  } catch {
    throw new Error(`Chưa cài gói ${pkg}: hãy chạy "npm install". / Package ${pkg} is not installed: run "npm install".`);
  }
  const { bin } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin && bin[command];
  if (!relative) throw new Error(`Gói ${pkg} không có lệnh ${command}. / Package ${pkg} has no command ${command}.`);
  return path.join(path.dirname(packageJson), relative);
}

/** Runs a package's command with Node, sharing this terminal; exits with its exit code. */
function runPackageCommand(pkg, args, command) {
  let script;
  try {
    script = packageBin(pkg, command);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  // Ctrl+C reaches the child too (same terminal); wait for it to finish rather than leaving it behind.
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => {});
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  child.on('error', (e) => {
    console.error(`Không chạy được ${pkg}: ${e.message} / Could not run ${pkg}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

function printWebSideloadHelp() {
  const manifest = MANIFEST;
  console.log(
    [
      '',
      '──────────────────────────────────────────────────────────────────────────────',
      'Máy chủ phát triển đang khởi động tại https://localhost:3000.',
      'Nạp bổ trợ vào Excel trên web:',
      `  1. Mở ${DEV_URL} một lần trong trình duyệt và chấp nhận chứng chỉ`,
      '     (chứng chỉ tự ký của máy chủ phát triển).',
      '  2. Mở một sổ làm việc trong Excel trên web: Trang đầu > Bổ trợ > Cài đặt khác / Nâng cao',
      '     > Tải lên Bổ trợ của tôi > chọn tệp:',
      `       ${manifest}`,
      '  Dừng máy chủ: Ctrl+C.',
      '',
      'The development server is starting at https://localhost:3000.',
      'To load the add-in into Excel on the web:',
      `  1. Open ${DEV_URL} once in the browser and accept the certificate`,
      "     (the development server's self-signed certificate).",
      '  2. Open a workbook in Excel on the web: Home > Add-ins > More Settings / Advanced',
      '     > Upload My Add-in > choose the file:',
      `       ${manifest}`,
      '  Stop the server: Ctrl+C.',
      '──────────────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

function main() {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    runPackageCommand('office-addin-debugging', ['start', MANIFEST, 'desktop', '--app', 'excel']);
    return;
  }
  printWebSideloadHelp();
  runPackageCommand('webpack', ['serve', '--mode', 'development', '--config-name', 'taskpane'], 'webpack');
}

module.exports = { packageBin, runPackageCommand };

if (require.main === module) main();
