/**
 * Newline-delimited JSON, one value per line: the ingest writes records and subjects this way and the build
 * reads them back line by line, so no whole-dataset string is ever made (Node strings stop near 537M
 * characters; a city's records.json was heading past that).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  for await (const { value } of readNdjsonLines<T>(file)) yield value;
}

/** Each value with the line it was read from (what it is, as text, without writing it out again). */
export async function* readNdjsonLines<T>(file: string): AsyncGenerator<{ value: T; line: string }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield { value: JSON.parse(line) as T, line };
}

export async function readAllNdjson<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  for await (const item of readNdjson<T>(file)) out.push(item);
  return out;
}

/** Write values one per line; `check` sees each line before it is written and may throw to stop. */
export async function writeNdjson(file: string, items: Iterable<unknown>, check?: (line: string) => void): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let n = 0;
  try {
    for (const item of items) {
      const line = JSON.stringify(item);
      check?.(line);
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      n++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}

export const toNdjson = (items: Iterable<unknown>) => [...items].map((i) => `${JSON.stringify(i)}\n`).join('');
