/** One ingest run in this process; prints its figures as JSON (the parent measures many of these). */
import { runIngest } from '../scripts/ingest/run.ts';
import { idSecret, loadDistrict } from '../src/lib/district.ts';
import { writeOutputs } from '../scripts/ingest/write.ts';

const [sourcesFile, outDir, today] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
// The district's own disclosure settings and secret, as `npm run ingest` uses them.
const district = loadDistrict();
const result = await runIngest({ sourcesFile, outDir, today, allowShrink: true, config: district.disclosure, secret: idSecret(district) });
await writeOutputs(outDir, result);
const { report } = result;
const ms = performance.now() - t0;
console.log(JSON.stringify({
  ms: Math.round(ms),
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  sources: report.sources.map((s) => ({ id: s.id, rows: s.rows, accepted: s.accepted, rejected: s.rejected })),
  totals: report.totals,
}));
