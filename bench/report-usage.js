// Preloaded into a measured pyhabot process with `node --import`: at exit it writes the process's own CPU time
// and peak resident memory to the file named by BENCH_USAGE_FILE, so the figures cover that process alone.
import { writeFileSync } from 'node:fs';

const usageFile = process.env.BENCH_USAGE_FILE;
if (usageFile) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const { maxRSS } = process.resourceUsage();
    writeFileSync(
      usageFile,
      JSON.stringify({ userMs: cpu.user / 1000, systemMs: cpu.system / 1000, maxRssKb: maxRSS }),
    );
  });
}
