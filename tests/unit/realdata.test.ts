/**
 * Every file under ../shared/realdata is ingested and every one of its rows is accounted for. The counts
 * are computed here from the files themselves, independently of the ingest. In a clone without ../shared
 * these tests are skipped (and say so); realdata-excerpts.test.ts checks the same shapes on the excerpts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIdNumber } from '../../src/lib/mask.ts';
import { SHARED_REALDATA as REAL, fileLines, hasShared, ingestReal, type RealRun } from './realdata-helpers.ts';

if (!hasShared) console.warn(`realdata.test.ts: ${REAL} is absent — the full real-data tests are skipped; the excerpts still run.`);

const file = (p: string) => join(REAL, p);

describe.skipIf(!hasShared)('realdata (whole files): every row accounted for', () => {
  let atListing: RealRun;
  let inRating: RealRun;
  let now: RealRun;
  beforeAll(async () => {
    // Inside the 2018 tax lists' terms; inside the highway ratings' year; and 2026-11-22, when all have ended.
    atListing = await ingestReal('2019-06-01', 'shared');
    inRating = await ingestReal('2025-06-01', 'shared');
    now = await ingestReal('2026-11-22', 'shared');
  }, 120_000);

  it('hlj-tax-a-level-2018: all 5,231 data rows of the GBK CSV are read and accepted', () => {
    const expected = fileLines(file('hlj-tax-a-level-2018/heilongjiang.csv'), 'gbk').length - 1;
    expect(expected).toBe(5231);
    expect(now.source('hlj-tax-a-2018')).toMatchObject({ rows: expected, accepted: expected, rejected: 0, excluded: 0, unusedColumns: ['编号'] });
  });
  it('jx-tax-a-level-2018: 4,938 rows; the ragged row is rejected with its reason, the rest accepted', () => {
    const expected = fileLines(file('jx-tax-a-level-2018/jiangxi.csv'), 'gbk').length - 1;
    expect(now.source('jx-tax-a-2018')).toMatchObject({ rows: expected, accepted: expected - 1, rejected: 1 });
    const reasons = now.report.rejects.filter((r) => r.source === 'jx-tax-a-2018').map((r) => r.reason).join(' ');
    expect(reasons).toContain('数据可能错位');
  });
  it('qh-major-tax-violation: every key/value case block is one row, all accepted', () => {
    const expected = fileLines(file('qh-major-tax-violation/qinghai.csv'), 'utf8').filter((l) => l.startsWith('纳税人名称,')).length;
    expect(expected).toBe(136);
    expect(now.source('qh-major-tax-violation')).toMatchObject({ rows: expected, accepted: expected, rejected: 0 });
  });
  it('hlj-xzxk-power-list-2018: every catalogue item is read and rejected as not a decision', () => {
    const expected = Object.keys(JSON.parse(readFileSync(file('hlj-xzxk-power-list-2018/db.json'), 'utf8'))).length;
    expect(now.source('hlj-xzxk-catalog-2018')).toMatchObject({ rows: expected, accepted: 0, rejected: expected });
  });
  it('mot-highway-credit: 14,640 rows; grades below A are excluded with their reason, the rest accepted', () => {
    const rows = fileLines(file('mot-highway-credit/mot-highway-credit.csv'), 'gbk').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(14640);
    const top = rows.filter((r) => r[4] === 'AA' || r[4] === 'A');
    expect(now.source('mot-highway-credit')).toMatchObject({
      rows: 14640, accepted: top.length, rejected: 0, excluded: 14640 - top.length,
      exclusions: [{ reason: 'evaGrade不是 AA、A（描述文件 filter）', rows: 14640 - top.length }],
    });
  });
  it('mot-highway-credit: no C or D firm is a 守信激励 entry, and no code Excel rewrote is shown', () => {
    const names = new Set(inRating.records.filter((r) => r.sources[0]!.source === 'mot-highway-credit').map((r) => r.kind === 'redlist' && r.listName));
    expect(names).toEqual(new Set(['公路建设市场信用评价AA级', '公路建设市场信用评价A级']));
    // The report names the damaged codes (to say what Excel did); the published files never show them.
    expect(inRating.files['records.ndjson']).not.toMatch(/\d\.\d*E\+\d/);
    expect(inRating.files['subjects.ndjson']).not.toMatch(/\d\.\d*E\+\d/);
    const damaged = fileLines(file('mot-highway-credit/mot-highway-credit.csv'), 'gbk').slice(1).map((l) => l.split(','))
      .filter((r) => (r[4] === 'AA' || r[4] === 'A') && /E\+/.test(r[1]!)).length;
    expect(inRating.source('mot-highway-credit').warnings.filter((w) => w.reason.includes('科学计数法'))).toHaveLength(damaged);
  });
  it('mot-highway-credit: firms that share one damaged code stay separate subjects', () => {
    const sharing = new Set(fileLines(file('mot-highway-credit/mot-highway-credit.csv'), 'gbk').slice(1).map((l) => l.split(','))
      .filter((r) => r[1] === '9.111E+17' && (r[4] === 'AA' || r[4] === 'A')).map((r) => r[0]));
    expect(sharing.size).toBeGreaterThan(2);
    const subjects = inRating.subjects.filter((s) => sharing.has(s.name));
    expect(subjects).toHaveLength(sharing.size);
  });
  it('liugong-xzxk: 263 headerless rows; those without a date or authority are rejected, the rest accepted', () => {
    const rows = readFileSync(file('liugong-xzxk/liugong-xzxk-tianyancha.csv'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('|'));
    expect(rows).toHaveLength(263);
    const bad = rows.filter((r) => r[2] === '-' || r[4] === '-').length;
    expect(now.source('liugong-xzxk')).toMatchObject({ rows: 263, accepted: 263 - bad, rejected: bad });
    expect(new Set(now.subjects.filter((s) => s.recordIds.some((id) => id.startsWith('xk-'))).map((s) => s.name))).toEqual(new Set(['广西柳工机械股份有限公司']));
  });
  it('balances: accepted = published + withheld + merged + events, and rows = accepted + rejected + excluded, on any day', () => {
    for (const { report: r } of [atListing, inRating, now]) {
      expect(r.totals.accepted).toBe(r.totals.published + r.totals.withheld + r.totals.merged + r.totals.events);
      for (const s of r.sources) expect(s.accepted + s.rejected + s.excluded).toBe(s.rows);
    }
  });
  it('publishes the 2018 tax lists in 2019 and the ratings in 2025, and only licences in 2026', () => {
    expect(atListing.records.filter((r) => r.kind === 'redlist' && r.sources[0]!.source.endsWith('tax-a-2018')).length).toBeGreaterThan(9800);
    expect(inRating.records.filter((r) => r.sources[0]!.source === 'mot-highway-credit').length).toBeGreaterThan(1000);
    expect(new Set(now.records.map((r) => r.kind))).toEqual(new Set(['license']));
  });
  it('reads the 青海 case with its split key and fragmented values, showing only the masked ID', () => {
    const company = atListing.subjects.find((s) => s.name === '青海办建商贸有限公司');
    expect(company).toMatchObject({ legalRep: '彭忠进' });
    const qh = atListing.records.find((r) => r.kind === 'blacklist' && r.subjectId === company!.id);
    expect(qh).toMatchObject({ basis: expect.stringContaining('依照《中华人民共和国税收征收管理法》') });
    expect(JSON.stringify([qh, company])).not.toContain('0031');
  });
  it('makes one subject of a unit listed by 6 tax offices, under its current name, with the old name as alias', () => {
    const unit = atListing.subjects.find((s) => s.id === '91231000X063831372');
    expect(unit).toMatchObject({ name: '中国铁路哈尔滨局集团有限公司牡丹江工务段', aliases: ['哈尔滨铁路局牡丹江工务段'] });
    expect(unit!.recordIds).toHaveLength(6);
  });
  it('writes nothing of resident-ID shape anywhere, on any day', () => {
    for (const run of [atListing, inRating, now]) expect(findIdNumber(Object.values(run.files).join('\n'))).toBeNull();
  });
});
