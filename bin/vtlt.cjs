#!/usr/bin/env node
'use strict';
// The vtlt command. Its code is bundled into lib/ by "npm install" (the prepare script) or "npm run build".
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'lib', 'vtlt.cjs');
if (!fs.existsSync(bundle)) {
  const english = (process.env.VTLT_LANG || '').toLowerCase().startsWith('en');
  process.stderr.write(
    english
      ? 'The vtlt tool is not built yet. Run "npm install" (or "npm run build") in the project folder.\n'
      : 'Chưa dựng công cụ vtlt. Hãy chạy "npm install" (hoặc "npm run build") trong thư mục dự án.\n',
  );
  process.exit(2);
}
require(bundle);
