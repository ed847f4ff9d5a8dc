// The processes a process started, directly or not, and what each uses, read from Linux's /proc (nothing where
// there is none). Used by peak-rss.mjs (each stage's processes) and scripts/build.ts (the whole build at once).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/PID/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function read(path) {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

/** The pids of every process `pid` started that is still running, children before their own. */
export function descendants(pid, out = []) {
  let tasks = [];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { /* gone, or no /proc */ }
  for (const task of tasks) {
    for (const child of read(`/proc/${pid}/task/${task}/children`).trim().split(/\s+/).filter(Boolean)) {
      out.push(child);
      descendants(child, out);
    }
  }
  return out;
}

/**
 * One process's resident memory now and at its peak so far (VmRSS, VmHWM; kept by the kernel, so no peak is
 * missed between two readings), in KB, and the processor time it has used, in seconds (utime + stime).
 */
export function usageOf(pid) {
  const status = read(`/proc/${pid}/status`);
  const kb = (field) => Number(new RegExp(`${field}:\\s*(\\d+)`).exec(status)?.[1] ?? 0);
  // Fields after the command's closing parenthesis: state is field 3, utime 14 and stime 15.
  const stat = read(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return { rssKB: kb('VmRSS'), peakKB: kb('VmHWM'), cpuSeconds: (ticks || 0) / TICKS_PER_SECOND };
}
