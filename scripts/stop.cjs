#!/usr/bin/env node
// npm run stop — ends a development session started with npm start.
//   Windows, macOS: office-addin-debugging stops the development server and removes the sideloaded add-in.
//   Linux and elsewhere: the server runs in the terminal of npm start; Ctrl+C there stops it.
'use strict';

const path = require('node:path');
const { runPackageCommand } = require('./start.cjs');

const MANIFEST = path.resolve(__dirname, '..', 'manifest.xml');

if (process.platform === 'win32' || process.platform === 'darwin') {
  runPackageCommand('office-addin-debugging', ['stop', MANIFEST]);
} else {
  console.log('Nhấn Ctrl+C trong cửa sổ đang chạy "npm start" để dừng máy chủ phát triển.');
  console.log('Press Ctrl+C in the terminal running "npm start" to stop the development server.');
}
