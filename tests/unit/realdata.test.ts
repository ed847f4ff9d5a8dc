/**
 * Every file under ../shared/realdata is ingested and every one of its rows is accounted for. The row
 * counts are computed here independently of the ingest, from the files themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type RunResult } from '../../scripts/ingest/run.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import { tempDir } from './helpers.ts';

const REAL = join(import.meta.dirname, '../../../shared/realdata');
const SOURCES = join(import.meta.dirname, '../fixtures/realdata/sources.yaml');
const lines = (file: string, enc: string) => iconv.decode(readFileSync(join(REAL, file)), enc).split('\n').filter((l) => l.trim());

let atListing: RunResult;
let now: RunResult;
beforeAll(async () => {
  // On a day inside the 2018 lists' terms, and on 2026-11-22, when all of them have ended.
  atListing = await runIngest({ sourcesFile: SOURCES, outDir: tempDir(), today: '2019-06-01' });
  now = await runIngest({ sourcesFile: SOURCES, outDir: tempDir(), today: '2026-11-22' });
});

const sourceReport = (id: string) => now.report.sources.find((s) => s.id === id)!;

describe('realdata: every row accounted for', () => {
  it('hlj-tax-a-level-2018: all 5,231 data rows of the GBK CSV are read and accepted', () => {
    const expected = lines('hlj-tax-a-level-2018/heilongjiang.csv', 'gbk').length - 1;
    expect(expected).toBe(5231);
    expect(sourceReport('hlj-tax-a-2018')).toMatchObject({ rows: expected, accepted: expected, rejected: 0, unusedColumns: ['编号'] });
  });
  it('jx-tax-a-level-2018: 4,938 rows; the ragged row is rejected with its reason, the rest accepted', () => {
    const expected = lines('jx-tax-a-level-2018/jiangxi.csv', 'gbk').length - 1;
    expect(sourceReport('jx-tax-a-2018')).toMatchObject({ rows: expected, accepted: expected - 1, rejected: 1 });
    const reasons = now.report.rejects.filter((r) => r.source === 'jx-tax-a-2018').map((r) => r.reason).join(' ');
    expect(reasons).toContain('严素莺');
    expect(reasons).toContain('数据可能错位');
  });
  it('qh-major-tax-violation: every key/value case block is one row, all accepted', () => {
    const expected = lines('qh-major-tax-violation/qinghai.csv', 'utf8').filter((l) => l.startsWith('纳税人名称,')).length;
    expect(expected).toBe(136);
    expect(sourceReport('qh-major-tax-violation')).toMatchObject({ rows: expected, accepted: expected, rejected: 0 });
  });
  it('hlj-xzxk-power-list-2018: every catalogue item is read and rejected as not a decision', () => {
    const expected = Object.keys(JSON.parse(readFileSync(join(REAL, 'hlj-xzxk-power-list-2018/db.json'), 'utf8'))).length;
    expect(sourceReport('hlj-xzxk-catalog-2018')).toMatchObject({ rows: expected, accepted: 0, rejected: expected });
    const rejects = now.report.rejects.filter((r) => r.source === 'hlj-xzxk-catalog-2018');
    for (const column of ['行政相对人名称', '许可决定日期']) {
      expect(new Set(rejects.filter((r) => r.column === column).map((r) => r.row)).size).toBe(expected);
    }
  });
  it('balances: accepted = published + withheld + merged + events, on any day', () => {
    for (const { report: r } of [atListing, now]) {
      expect(r.totals.accepted).toBe(r.totals.published + r.totals.withheld + r.totals.merged + r.totals.events);
      for (const s of r.sources) expect(s.accepted + s.rejected).toBe(s.rows);
    }
  });
});

describe('realdata: content', () => {
  const records = () => JSON.parse(atListing.files['records.json']!) as PublishedRecord[];
  it('publishes the 2018 A-level lists in 2019 and nothing of them in 2026, when their term has ended', () => {
    expect(records().filter((r) => r.kind === 'redlist').length).toBeGreaterThan(10_000 - 200);
    expect(now.report.totals.published).toBe(0);
    expect(now.report.totals.byState['已届满']).toBe(now.report.totals.withheld);
  });
  it('cleans the CMS footer from the 江西 tax office names', () => {
    const names = records().filter((r) => r.kind === 'redlist').map((r) => r.authority);
    expect(names.some((n) => n.includes('责任编辑'))).toBe(false);
  });
  it('reads the 青海 case with its split key and fragmented values', () => {
    const qh = records().find((r) => r.kind === 'blacklist' && r.subject.name === '青海办建商贸有限公司');
    expect(qh).toMatchObject({ basis: expect.stringContaining('依照《中华人民共和国税收征收管理法》'), subject: { legalRep: '彭忠进' } });
    expect(JSON.stringify(qh)).not.toContain('0031');
  });
  it('makes one subject of a unit listed by 6 tax offices, merging the office that listed it twice under its old name', () => {
    const subjects = JSON.parse(atListing.files['subjects.json']!) as { id: string; name: string; aliases: string[]; recordIds: string[] }[];
    const unit = subjects.find((s) => s.id === '91231000X063831372');
    expect(unit).toMatchObject({ name: '中国铁路哈尔滨局集团有限公司牡丹江工务段', aliases: ['哈尔滨铁路局牡丹江工务段'] });
    expect(unit!.recordIds).toHaveLength(6);
  });
  it('writes no raw ID number anywhere', () => {
    for (const text of Object.values(atListing.files)) expect(text).not.toMatch(/\d{6}(19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dX](?!\d)/);
  });
});
