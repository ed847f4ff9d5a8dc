/**
 * The real files' shapes, on the excerpts kept in the repository (tests/fixtures/realdata/excerpts): these
 * run in every clone. Counts come from the excerpt files themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIdNumber } from '../../src/lib/mask.ts';
import { EXCERPTS, fileLines, ingestReal, type RealRun } from './realdata-helpers.ts';

const file = (name: string) => join(EXCERPTS, name);
let run: RealRun;
beforeAll(async () => {
  run = await ingestReal('2025-06-01', 'excerpts');
});

describe('realdata excerpts: every row accounted for', () => {
  it('黑龙江 A级: the TAB-broken header is replaced and every row accepted', () => {
    const rows = fileLines(file('heilongjiang.csv'), 'gbk').length - 1;
    expect(run.source('hlj-tax-a-2018')).toMatchObject({ rows, accepted: rows, rejected: 0 });
  });
  it('江西 A级: the ragged row is rejected as misaligned, the CMS footer is cleaned from the rest', () => {
    const rows = fileLines(file('jiangxi.csv'), 'gbk').length - 1;
    expect(run.source('jx-tax-a-2018')).toMatchObject({ rows, accepted: rows - 1, rejected: 1 });
    expect(run.report.rejects.filter((r) => r.source === 'jx-tax-a-2018').map((r) => r.reason).join(' ')).toContain('数据可能错位');
    expect(run.files['records.ndjson']).not.toContain('责任编辑');
  });
  it('青海 key/value dump: each case block is one row', () => {
    const rows = fileLines(file('qinghai.csv'), 'utf8').filter((l) => l.startsWith('纳税人名称,')).length;
    expect(run.source('qh-major-tax-violation')).toMatchObject({ rows, accepted: rows });
  });
  it('权力清单: every catalogue item is rejected as not a decision', () => {
    const rows = Object.keys(JSON.parse(readFileSync(file('db.json'), 'utf8'))).length;
    expect(run.source('hlj-xzxk-catalog-2018')).toMatchObject({ rows, accepted: 0, rejected: rows });
  });
  it('交通运输部 ratings: grades below A excluded; firms sharing a damaged code stay apart', () => {
    const rows = fileLines(file('mot-highway-credit.csv'), 'gbk').slice(1).map((l) => l.split(','));
    const top = rows.filter((r) => r[4] === 'AA' || r[4] === 'A');
    expect(run.source('mot-highway-credit')).toMatchObject({ rows: rows.length, accepted: top.length, excluded: rows.length - top.length });
    const sharing = new Set(top.filter((r) => r[1] === '9.111E+17').map((r) => r[0]));
    expect(sharing.size).toBe(3);
    expect(run.subjects.filter((s) => sharing.has(s.name))).toHaveLength(3);
    expect(run.files['subjects.ndjson']).not.toContain('E+17');
  });
  it('柳工 licences: the headerless first line is data; rows without date or authority are rejected', () => {
    const rows = readFileSync(file('liugong-xzxk-tianyancha.csv'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('|'));
    const bad = rows.filter((r) => r[2] === '-' || r[4] === '-').length;
    expect(run.source('liugong-xzxk')).toMatchObject({ rows: rows.length, accepted: rows.length - bad, rejected: bad });
  });
  it('balances every source and writes nothing of resident-ID shape', () => {
    for (const s of run.report.sources) expect(s.accepted + s.rejected + s.excluded).toBe(s.rows);
    expect(findIdNumber(Object.values(run.files).join('\n'))).toBeNull();
  });
});
