// Preloaded (node --import) by scripts/build.ts into each stage: on exit, append the process's peak resident
// memory (worker threads included) to the file CREDIT_RSS_FILE names.
import { appendFileSync } from 'node:fs';
const file = process.env.CREDIT_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${Math.round(process.resourceUsage().maxRSS / 1024)}\n`));
