/** Entry point of the bundled `vtlt` command. */
import { run } from './main';

const lang = (process.env['VTLT_LANG'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';

void run(process.argv.slice(2), {
  lang,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => Date.now(),
  columns: process.stdout.columns,
}).then((code) => {
  process.exitCode = code;
});
