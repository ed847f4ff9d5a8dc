import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replace the output folder as a whole: the new files are written to a staging folder beside it, which
 * is then swapped in. A run that fails before this leaves the last good output untouched.
 */
export async function writeOutputs(outDir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(outDir)}.staging-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    await mkdir(dirname(join(staging, name)), { recursive: true });
    await writeFile(join(staging, name), body);
  }
  let hadOld = true;
  try {
    await rename(outDir, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    hadOld = false;
  }
  await rename(staging, outDir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
