import { describe, expect, it } from 'vitest';
import { docNoShards, isDocNoLike, normalizeDocNo } from '../../src/lib/search/docno.ts';
import { initialLetter, letterSlug, namePinyin } from '../../src/lib/search/pinyin.ts';
import { SEARCH_CODES } from '../../src/lib/kinds/index.ts';
import { liveSummary, packCard, packRecords, unpackCard, unpackRecords } from '../../src/lib/search/summary.ts';
import { shardOf } from '../../src/lib/search/codes.ts';

describe('normalizeDocNo', () => {
  it('reads every bracket style, width and spacing as one spelling', () => {
    const spellings = ['哈道市监罚〔2026〕12号', '哈道市监罚[2026]12号', '哈道市监罚(2026)12号', '哈道市监罚（2026）12号', '哈道市监罚【2026】12号',
      '哈道市监罚［２０２６］１２号', '哈道市监罚﹝2026﹞12号', ' 哈道市监罚 〔2026〕 12号 '];
    for (const s of spellings) expect(normalizeDocNo(s)).toBe('哈道市监罚[2026]12');
  });
  it('keeps letters apart by case only in so far as they fold to upper case', () => {
    expect(normalizeDocNo('京a罚〔2025〕3号')).toBe('京A罚[2025]3');
  });
  it('reads the serial after the year as a number: leading zeros, 第 and 号 are the writer\'s', () => {
    for (const s of ['哈道许〔2022〕08772号', '哈道许[2022]8772号', '哈道许〔2022〕第08772号', '哈道许(2022)8772']) expect(normalizeDocNo(s)).toBe('哈道许[2022]8772');
    expect(normalizeDocNo('哈道罚〔2026〕0号')).toBe('哈道罚[2026]0');
    // Other numbers are not touched: a serial not after a bracketed year, or digits inside the prefix.
    expect(normalizeDocNo('DLCN202508260620')).toBe('DLCN202508260620');
    expect(normalizeDocNo('哈0罚〔2026〕012-3号')).toBe('哈0罚[2026]012-3号');
  });
  it('recognises a 文号 by its bracketed year or a number before 号', () => {
    expect(isDocNoLike('哈道市监罚[2026]12号')).toBe(true);
    expect(isDocNoLike('道里税简罚 (2024) 5')).toBe(true);
    expect(isDocNoLike('第0123号')).toBe(true);
    expect(isDocNoLike('哈尔滨商贸')).toBe(false);
    expect(isDocNoLike('9133021272513935X8')).toBe(false);
  });
});

describe('docNoShards', () => {
  it('files each record under its normalised number in the shard the page will ask for', () => {
    const hit = { id: 'cf-1', name: '甲公司', title: '行政处罚 虚假宣传', date: '2026-05-10', end: '2027-05-10' };
    const hit2 = { ...hit, id: 'cf-2', name: '乙公司' };
    const { digits, shards } = docNoShards([['哈道市监罚〔2026〕12号', hit], ['哈道市监罚（2026）12号', hit2]]);
    expect(digits).toBe(1);
    const shard = shards.get(shardOf('哈道市监罚[2026]12', digits))!;
    expect(shard['哈道市监罚[2026]12']).toEqual([hit, hit2]);
  });
});

describe('namePinyin', () => {
  it('gives full pinyin and initials, reading characters in their words', () => {
    expect(namePinyin('哈尔滨银行股份有限公司')).toEqual({ full: 'haerbinyinhanggufenyouxiangongsi', initials: 'hebyhgfyxgs' });
    expect(namePinyin('重庆长安汽车')).toEqual({ full: 'chongqingchanganqiche', initials: 'cqcaqc' });
  });
  it('keeps Latin words and numbers whole and writes ü as v', () => {
    expect(namePinyin('ABC科技（哈尔滨）有限公司').initials).toBe('abckjhebyxgs');
    expect(namePinyin('3M中国有限公司').initials).toBe('3mzgyxgs');
    expect(namePinyin('绿色农业').full).toBe('lvsenongye');
  });
  it('files names under A–Z, or # when they begin with anything else', () => {
    expect(initialLetter('哈尔滨商贸有限公司')).toBe('H');
    expect(initialLetter('吕梁市某厂')).toBe('L');
    expect(initialLetter('3M中国有限公司')).toBe('#');
    expect(letterSlug('#')).toBe('0-9');
    expect(letterSlug('H')).toBe('h');
  });
});

describe('search summary', () => {
  const packed = 'cf-1,P,2026-05-10,2027-05-10;hm-2,B,2025-03-01,2026-11-30;hh-3,R,2024-01-01,2026-12-31';
  it('round-trips the packed records', () => {
    expect(packRecords(unpackRecords(packed, SEARCH_CODES), SEARCH_CODES)).toBe(packed);
    expect(unpackRecords(packed, SEARCH_CODES)[1]).toEqual({ id: 'hm-2', kind: 'blacklist', date: '2025-03-01', end: '2026-11-30' });
  });
  it('counts what is public on the day asked, the last day included', () => {
    const onLastDay = liveSummary(unpackRecords(packed, SEARCH_CODES), '2026-11-30');
    expect(onLastDay.blacklisted).toBe(true);
    expect(onLastDay.counts.penalty).toBe(1);
    const after = liveSummary(unpackRecords(packed, SEARCH_CODES), '2026-12-01');
    expect(after.blacklisted).toBe(false);
    expect(after.redlisted).toBe(true);
    expect([...after.live]).toEqual(['cf-1', 'hh-3']);
    expect(liveSummary(unpackRecords(packed, SEARCH_CODES), '2027-05-11').live.size).toBe(0);
  });
  it('refuses a kind it does not know', () => {
    expect(() => unpackRecords('x-1,Q,2026-01-01,2027-01-01', SEARCH_CODES)).toThrow(/unknown record kind Q/);
  });
});

describe('search card', () => {
  const list = [
    { id: 'cf-1', kind: 'penalty' as const, date: '2026-05-10', end: '2027-05-10', authority: '哈尔滨市道里区市场监督管理局', title: '虚假宣传' },
    { id: 'xk-2', kind: 'license' as const, date: '2025-01-02', end: '9999-12-31', authority: '哈尔滨市道里区行政服务中心', title: '食品经营许可证' },
    { id: 'cf-3', kind: 'penalty' as const, date: '2024-03-04', end: '2026-12-31', authority: '哈尔滨市道里区市场监督管理局', title: '未按规定公示年度报告' },
  ];
  it('holds the code, each authority once and each record with the place of its authority and its title', () => {
    expect(packCard('9133021272513935X8', list, SEARCH_CODES)).toBe('card:9133021272513935X8|哈尔滨市道里区市场监督管理局~哈尔滨市道里区行政服务中心|cf-1,P,2026-05-10,2027-05-10,0,虚假宣传;xk-2,L,2025-01-02,9999-12-31,1,食品经营许可证;cf-3,P,2024-03-04,2026-12-31,0,未按规定公示年度报告');
  });
  it('is read back from the result’s anchors, whatever else they hold', () => {
    const anchors = [{ id: 'cf-1' }, { id: packCard('9133021272513935X8', list, SEARCH_CODES) }];
    expect(unpackCard(anchors, {}, SEARCH_CODES)).toEqual({ code: '9133021272513935X8', recs: list });
  });
  it('keeps its separators and the spaces Pagefind drops from ids out of names and titles, in forms that read alike', () => {
    const odd = [{ ...list[0]!, authority: '某 局|二~三', title: '甲,乙;丙  丁' }];
    expect(packCard(undefined, odd, SEARCH_CODES)).toBe('card:|某·局｜二～三|cf-1,P,2026-05-10,2027-05-10,0,甲，乙；丙·丁');
    expect(unpackCard([{ id: packCard(undefined, odd, SEARCH_CODES) }], {}, SEARCH_CODES).recs[0]).toMatchObject({ authority: '某·局｜二～三', title: '甲，乙；丙·丁' });
  });
  it('reads an index built before the card from its metadata, without authorities', () => {
    const card = unpackCard([], { code: '9133021272513935X8', recs: 'cf-1,P,2026-05-10,2027-05-10' }, SEARCH_CODES);
    expect(card).toEqual({ code: '9133021272513935X8', recs: [{ id: 'cf-1', kind: 'penalty', date: '2026-05-10', end: '2027-05-10' }] });
  });
  it('a subject with no public record has an empty list', () => {
    expect(unpackCard([{ id: 'card:X|' }], {}, SEARCH_CODES)).toEqual({ code: 'X', recs: [] });
  });
});
