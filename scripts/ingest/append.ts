/**
 * A CSV that grew only at its end: its rows read up to the last run's length are the last run's, so only what was
 * appended needs reading and mapping (source.ts). Publishers of 双公示 data add each week's decisions to the end
 * of one yearly file: at 100,000 subjects a week's change appended 797 rows to 42 MB of penalties, and reading the
 * whole file again was half the rebuild's ingest.
 *
 * Taken only where the appended rows cannot change how the first part reads, checked on the bytes:
 * - a CSV (not the key/value layout) in an encoding where a line feed byte is always a line feed (UTF-8, GBK,
 *   GB18030), whose last run ended with a line feed: a quoted field cannot run on across the join;
 * - one kind of line end throughout (LF, or CRLF), in both parts: the parser counts and splits lines the same;
 * - a header found within the first part (its first 30 rows were read, or the descriptor says where it is) and
 *   the delimiter the first part gave;
 * - the appended part decodes on its own as the whole would (valid UTF-8 for a UTF-8 file; no BOM at its start).
 * Anything else is read whole. Tests compare this with reading the whole file (tests/unit/ingest-append.test.ts).
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { formatOf, type ReadTable } from './read.ts';
import { readCsv } from './readers/csv.ts';
import { isBlank, type GridRow } from './readers/grid.ts';

/** What the next run needs to know of a CSV read whole (or whole and appended), kept beside its outcome. */
export interface Tail {
  /** The outcome key (cache.ts) its rows are kept under, and the descriptor, code and ID key it was made with. */
  key: string;
  context: string;
  /** The bytes read: their length and SHA-256. */
  length: number;
  sha256: string;
  encoding: string;
  delimiter: string;
  eol: 'lf' | 'crlf';
  /** Line feeds in the bytes read: the line the appended part starts on, less one. */
  lines: number;
  header: string[];
  headerRow: number;
}

const LF = 0x0a;
const CR = 0x0d;
/** Encodings (as readTable reports them) in which bytes 0x0A and 0x0D stand only for line feed and carriage return. */
const LINE_SAFE = new Set(['utf-8', 'utf8', 'utf-8-bom', 'gb18030', 'gbk', 'gb2312', 'cp936']);

/**
 * The line ends of some bytes (none, all LF, all CRLF, or a mix: a lone CR, or LF both with and without CR) and how
 * many line feeds they hold, in one pass over the line feeds.
 */
export function lineEnds(bytes: Uint8Array): { eol: 'none' | 'lf' | 'crlf' | 'mixed'; lines: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let crlf = 0;
  let lf = 0;
  for (let at = buf.indexOf(LF); at >= 0; at = buf.indexOf(LF, at + 1)) {
    if (at > 0 && buf[at - 1] === CR) crlf++;
    else lf++;
  }
  let crs = 0;
  for (let at = buf.indexOf(CR); at >= 0; at = buf.indexOf(CR, at + 1)) crs++;
  const eol = crs !== crlf || (crlf && lf) ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : 'none';
  return { eol, lines: crlf + lf };
}

/** The Tail of a source just read whole, or undefined where its appended rows could not be read alone. */
export function tailOf(desc: SourceDescriptor, bytes: Uint8Array, table: ReadTable, key: string, context: string): Tail | undefined {
  if (formatOf(desc) !== 'csv' || desc.layout === 'keyvalue' || !table.csv || !table.encoding || !LINE_SAFE.has(table.encoding)) return undefined;
  if (bytes.length === 0 || bytes[bytes.length - 1] !== LF) return undefined;
  const headerSettled = desc.headerRow === undefined ? table.csv.gridRows >= 30 : desc.headerRow === 0 || table.headerRow === desc.headerRow;
  if (!headerSettled) return undefined;
  const { eol, lines } = lineEnds(bytes);
  if (eol !== 'lf' && eol !== 'crlf') return undefined;
  return {
    key, context, length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: table.encoding,
    delimiter: table.csv.delimiter, eol, lines, header: table.header, headerRow: table.headerRow,
  };
}

/**
 * The rows appended to the bytes `tail` describes, numbered as in the whole file, blank ones left out as a whole
 * read leaves them; with the Tail of the whole. Undefined where `bytes` is not those bytes with more after them,
 * or the part after cannot be read alone (above). The Tail's key is still the last run's: the caller sets it.
 */
export function appendedRows(bytes: Uint8Array, tail: Tail, context: string): { rows: GridRow[]; tail?: Tail } | undefined {
  if (tail.context !== context || bytes.length <= tail.length || bytes[tail.length - 1] !== LF) return undefined;
  const hash = createHash('sha256').update(bytes.subarray(0, tail.length));
  if (hash.copy().digest('hex') !== tail.sha256) return undefined;
  const added = bytes.subarray(tail.length);
  const ends = lineEnds(added);
  if (ends.eol !== 'none' && ends.eol !== tail.eol) return undefined;
  let text: string;
  try {
    text = tail.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }).decode(added)
      : tail.encoding === 'utf-8-bom' ? new TextDecoder('utf-8').decode(added)
        : iconv.decode(Buffer.from(added), tail.encoding);
  } catch {
    // Not UTF-8 after all: read whole, the file is then read as GB18030.
    return undefined;
  }
  if (text.startsWith('\ufeff')) return undefined;
  const rows = readCsv(text, tail.delimiter).rows.map((r) => ({ row: r.row + tail.lines, cells: r.cells })).filter((r) => !isBlank(r));
  return {
    rows,
    // A last row without a line feed: the next run reads the file whole.
    tail: bytes[bytes.length - 1] !== LF ? undefined : { ...tail, length: bytes.length, sha256: hash.update(added).digest('hex'), lines: tail.lines + ends.lines },
  };
}
