import { describe, expect, it } from 'vitest';
import { codeHash, codeShards, lookupCodes, shardDigits, shardOf } from '../../src/lib/search/codes.ts';

describe('codeHash', () => {
  it('is FNV-1a 32-bit: the published reference values', () => {
    // FNV-1a test vectors (Fowler/Noll/Vo): "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect(codeHash('')).toBe('811c9dc5');
    expect(codeHash('a')).toBe('e40c292c');
    expect(codeHash('foobar')).toBe('bf9cf968');
  });
});

describe('shardDigits', () => {
  it('keeps about a hundred codes a shard as the portal grows', () => {
    expect(shardDigits(50)).toBe(1);
    expect(shardDigits(2_400)).toBe(2);
    expect(shardDigits(130_000)).toBe(3);
    expect(shardDigits(1_300_000)).toBe(4);
  });
});

describe('codeShards', () => {
  const subjects = [
    { id: '9133021272513935X8', name: '甲公司', codes: { uscc: '9133021272513935X8', regNo: '110108000000016' } },
    { id: 'n-000000000001', name: '乙商店', codes: { uscc: '913301017043065000' } },
    { id: 'n-000000000002', name: '丙商店', codes: { uscc: '913301017043065000' } },
    { id: 'p-000000000003', name: '张三', codes: { idMasked: '110105********002X', idType: '身份证' } },
  ];
  it('puts every business code in the shard its hash names, with every subject that carries it', () => {
    const { digits, shards } = codeShards(subjects);
    expect(digits).toBe(1);
    expect(shards.get(shardOf('110108000000016', 1))!['110108000000016']).toEqual([['9133021272513935X8', '甲公司']]);
    expect(shards.get(shardOf('913301017043065000', 1))!['913301017043065000']).toEqual([['n-000000000001', '乙商店'], ['n-000000000002', '丙商店']]);
  });
  it('never makes an ID number a lookup code', () => {
    expect(lookupCodes(subjects[3]!)).toEqual([]);
    expect(JSON.stringify([...codeShards(subjects).shards.values()])).not.toContain('110105');
  });
});
