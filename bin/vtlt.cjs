#!/usr/bin/env node
'use strict';
// The vtlt command. Its code is bundled into lib/ by "npm install" (the prepare script) or "npm run build".
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'lib', 'vtlt.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('Chưa dựng công cụ vtlt. Hãy chạy "npm install" (hoặc "npm run build") trong thư mục dự án.\n');
  process.exit(2);
}
require(bundle);
