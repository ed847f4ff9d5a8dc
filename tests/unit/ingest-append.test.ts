/**
 * A CSV that grew only at its end is read from where the last run stopped (scripts/ingest/append.ts): the outcome
 * must be the one reading the whole file gives, row numbers, reports and rejects included, and anything that could
 * read differently must be read whole.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lineEnds } from '../../scripts/ingest/append.ts';
import { ingestCached, ingestSource, type SourceOptions } from '../../scripts/ingest/source.ts';
import { SourceDescriptorSchema } from '../../src/lib/schemas/source.ts';
import { source, tempFolder } from './helpers.ts';

const HEADER = '行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,处罚类别,罚款金额（万元）,处罚决定日期,处罚机关,备注';
const AUTHORITY = '哈尔滨市道里区市场监督管理局';
/** Row `i`: accepted, but every seventh has no name (rejected), every eleventh another authority (filtered out). */
function row(i: number): string {
  const name = i % 7 === 3 ? '' : `哈尔滨测试商贸${i}有限公司`;
  const authority = i % 11 === 5 ? '哈尔滨市道外区市场监督管理局' : AUTHORITY;
  // A quoted note over two lines, and a category the descriptor's values look up, now and then.
  const note = i % 5 === 0 ? `"第一行\n第二行，含逗号"` : '';
  const category = i % 4 === 0 ? '1' : '法人及非法人组织';
  return `${name},${category},,哈道市监罚〔2026〕${i}号,罚款,${(i % 9) + 1},2026-05-${String((i % 27) + 1).padStart(2, '0')},${authority},${note}`;
}
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => row(from + k));

const desc = (over: Record<string, unknown> = {}) => SourceDescriptorSchema.parse(source({
  id: 'xzcf', kind: 'penalty', location: 'xzcf.csv',
  filter: { 处罚机关: [AUTHORITY] },
  values: { subjectCategory: { 1: '法人及非法人组织', 9: '自然人' } },
  ...over,
}));

/** A file of these lines, each ended by `eol`, in `encoding`. */
const file = (ls: string[], eol = '\n', encoding = 'gbk') => iconv.encode(ls.map((l) => `${l.replaceAll('\n', eol)}${eol}`).join(''), encoding);

/** The outcome as the cache keeps it (JSON), so that a read from the cache and one in memory compare. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

async function twoRuns(first: Uint8Array, second: Uint8Array, d = desc()) {
  const cacheDir = tempFolder();
  const appended: [string, number][] = [];
  const opts: SourceOptions = { cacheDir, onAppended: (s, n) => appended.push([s, n]) };
  await ingestCached(d, first, opts);
  const outcome = await ingestCached(d, second, opts);
  return { outcome, appended, opts, d };
}

describe('a CSV that grew at its end', () => {
  it('reads only the rows appended, and gives what reading the whole file gives', async () => {
    const before = [HEADER, ...lines(1, 60)];
    // The appended part repeats the header (two exports joined), and has a blank line and a ragged row.
    const after = [...before, ...lines(60, 75), HEADER, '', `${row(75)},多出的一列`, ...lines(76, 80)];
    const { outcome, appended, d } = await twoRuns(file(before), file(after));
    expect(appended).toEqual([['xzcf', 21]]);
    const whole = await ingestSource(d, file(after), {});
    expect(plain(outcome)).toEqual(plain(whole));
    // Checks that the comparison has something to compare: rows of both parts, rejects and exclusions after the join.
    expect(whole.report.rows).toBe(80);
    expect(whole.rejects.some((r) => r.row > 60)).toBe(true);
    expect(whole.report.exclusions.map((e) => e.reason)).toContain('重复表头');
    expect(whole.accepted.at(-1)!.row).toBeGreaterThan(80);
  });

  it('keeps reading only what is appended, run after run, with CRLF line ends and in UTF-8', async () => {
    const cacheDir = tempFolder();
    const appended: number[] = [];
    const opts: SourceOptions = { cacheDir, onAppended: (_s, n) => appended.push(n) };
    const d = desc();
    const at = (n: number) => file([HEADER, ...lines(1, n)], '\r\n', 'utf-8');
    for (const n of [40, 45, 52]) await ingestCached(d, at(n), opts);
    const last = await ingestCached(d, at(60), opts);
    expect(appended).toEqual([5, 7, 8]);
    expect(plain(last)).toEqual(plain(await ingestSource(d, at(60), {})));
  });

  it('reads the whole file when the appended rows could read differently, or it changed before its end', async () => {
    const before = [HEADER, ...lines(1, 40)];
    const cases: [string, Uint8Array, Uint8Array, Record<string, unknown>?][] = [
      ['a row before the end changed', file(before), file([HEADER, row(2), row(1), ...lines(3, 45)])],
      ['the last run ended without a line feed', file(before).subarray(0, -1), file([...before, ...lines(40, 45)])],
      ['LF before, CRLF after', file(before), Buffer.concat([file(before), file(lines(40, 45), '\r\n')])],
      ['UTF-8 before, GBK appended (the whole is read as GB18030)', file(before, '\n', 'utf-8'), Buffer.concat([file(before, '\n', 'utf-8'), file(lines(40, 45))])],
      ['fewer than 30 rows before: the header could be found further down', file(before.slice(0, 20)), file(before)],
      ['another descriptor', file(before), file([...before, ...lines(40, 45)]), { minRows: 1 }],
    ];
    for (const [what, first, second, over] of cases) {
      const cacheDir = tempFolder();
      const appended: number[] = [];
      const opts: SourceOptions = { cacheDir, onAppended: (_s, n) => appended.push(n) };
      await ingestCached(desc(), first, opts);
      const d = desc(over);
      // The UTF-8 file with GBK appended cannot be read at all: then both ways fail alike.
      const read = (p: Promise<unknown>) => p.then(plain, (e: Error) => `error: ${e.message}`);
      const outcome = await read(ingestCached(d, second, opts));
      expect({ what, appended }).toEqual({ what, appended: [] });
      expect({ what, outcome }).toEqual({ what, outcome: await read(ingestSource(d, second, {})) });
    }
  });

  it('tells the line ends of bytes apart, and counts their line feeds', () => {
    expect(lineEnds(Buffer.from('a\nb\n'))).toEqual({ eol: 'lf', lines: 2 });
    expect(lineEnds(Buffer.from('a\r\nb\r\n'))).toEqual({ eol: 'crlf', lines: 2 });
    expect(lineEnds(Buffer.from('a,b'))).toEqual({ eol: 'none', lines: 0 });
    expect(lineEnds(Buffer.from('a\r\nb\n')).eol).toBe('mixed');
    expect(lineEnds(Buffer.from('a\rb\n')).eol).toBe('mixed');
  });

  it('keeps no tail for a file it could not read from the middle, such as JSON', async () => {
    const cacheDir = tempFolder();
    const appended: number[] = [];
    const d = SourceDescriptorSchema.parse(source({ id: 'xk', kind: 'license', location: 'xk.json' }));
    const json = (n: number) => Buffer.from(`${JSON.stringify(Array.from({ length: n }, (_, i) => ({ XK_XDR_MC: `哈尔滨测试${i}有限公司`, XK_WSH: `哈许〔2026〕${i}号`, XK_JDRQ: '2026-05-01', XK_XKJG: '哈尔滨市道里区行政审批局' })))}\n`);
    const opts: SourceOptions = { cacheDir, onAppended: (_s, n) => appended.push(n) };
    await ingestCached(d, json(40), opts);
    const outcome = await ingestCached(d, json(45), opts);
    expect(appended).toEqual([]);
    expect(outcome.report.rows).toBe(45);
    expect(existsSync(join(cacheDir, 'xk.tail.json'))).toBe(false);
    expect(existsSync(join(cacheDir, 'xk.key'))).toBe(true);
  });
});
