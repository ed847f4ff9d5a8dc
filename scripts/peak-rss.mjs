// Preloaded (node --import) by scripts/build.ts into each stage: on exit, append to the file CREDIT_RSS_FILE names
// one line, "peak-MB processor-seconds", for the stage's process and the processes it started.
//
// The process's own figures (worker threads included) come from getrusage. Those of the processes it started
// (Pagefind's indexer is a binary of its own; Astro's build starts esbuild) are read from /proc every quarter
// second while they run (proc-usage.mjs): each one's peak (the kernel's high-water mark, so none is missed between
// readings) and its processor time as last read. Their peaks are added to the stage's own, as if all had come at
// once: an upper bound. Where there is no /proc, only the process's own figures are given.
import { appendFileSync } from 'node:fs';
import { descendants, usageOf } from './proc-usage.mjs';

const file = process.env.CREDIT_RSS_FILE;
/** pid → the largest peak (KB) and processor time (s) read of every process this one started. */
const started = new Map();

function sample() {
  for (const pid of descendants(process.pid)) {
    const { peakKB, cpuSeconds } = usageOf(pid);
    const [kb, s] = started.get(pid) ?? [0, 0];
    started.set(pid, [Math.max(kb, peakKB), Math.max(s, cpuSeconds)]);
  }
}

if (file) {
  setInterval(sample, 250).unref();
  process.on('exit', () => {
    sample();
    const usage = process.resourceUsage();
    let peakKB = usage.maxRSS;
    let seconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    for (const [kb, s] of started.values()) { peakKB += kb; seconds += s; }
    appendFileSync(file, `${Math.round(peakKB / 1024)} ${seconds.toFixed(2)}\n`);
  });
}
