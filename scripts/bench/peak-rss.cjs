// Preloaded into a measured process: reports its peak resident memory when it exits.
'use strict';
process.on('exit', () => {
  const kb = process.resourceUsage().maxRSS;
  process.stderr.write(`\nBENCH_PEAK_RSS_KB=${kb}\n`);
});
