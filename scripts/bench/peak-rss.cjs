// Preloaded into a measured process: reports its peak resident memory (worker threads included: one process) and the
// CPU time it used (all threads) when it exits.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_PEAK_RSS_KB=${u.maxRSS}\nBENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
});
