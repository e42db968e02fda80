// The baseline: read every .xlsx in a folder with ExcelJS and touch every cell value, nothing else.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

async function main() {
  const dir = process.argv[2];
  const files = fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort();
  let cells = 0;
  for (const name of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, name)));
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => { cells++; })));
  }
  process.stdout.write(JSON.stringify({ files: files.length, cells }) + '\n');
}
main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1); });
