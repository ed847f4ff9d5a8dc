import { describe, expect, it } from 'vitest';
import { cleanCell, displayName, headerKey, nameKey, normalizeCode, toHalfWidth } from '../../src/lib/text.ts';

describe('cleanCell', () => {
  it('removes CMS footers, HTML and odd spaces', () => {
    expect(cleanCell('国家税务总局寻乌县税务局  (责任编辑：admin)')).toBe('国家税务总局寻乌县税务局');
    expect(cleanCell('经查<br/>当事人&nbsp;经营')).toBe('经查当事人 经营');
    expect(cleanCell('\u2002,走逃（失联）')).toBe(',走逃（失联）');
    expect(cleanCell('移送司法机关。⠼/span>')).toBe('移送司法机关。');
  });
  it('cleans a cell whose only oddity is one of the characters it looks for first', () => {
    expect(cleanCell('哈尔滨\u200b商贸')).toBe('哈尔滨商贸');
    expect(cleanCell('哈尔滨\ufffd商贸')).toBe('哈尔滨商贸');
    expect(cleanCell('哈尔滨\u00a0商贸')).toBe('哈尔滨 商贸');
    expect(cleanCell('哈尔滨\t\t商贸')).toBe('哈尔滨 商贸');
    expect(cleanCell('哈尔滨  商贸')).toBe('哈尔滨 商贸');
    expect(cleanCell('哈尔滨&amp;商贸')).toBe('哈尔滨&商贸');
    expect(cleanCell(' 哈尔滨商贸有限公司 ')).toBe('哈尔滨商贸有限公司');
  });
  it('turns null and numbers into text', () => {
    expect(cleanCell(null)).toBe('');
    expect(cleanCell(0.2)).toBe('0.2');
  });
});

describe('toHalfWidth and normalizeCode', () => {
  it('folds full-width digits and letters', () => {
    expect(toHalfWidth('９１Ａ（）')).toBe('91A()');
    expect(toHalfWidth('哈尔滨\u3000商贸')).toBe('哈尔滨 商贸');
    expect(toHalfWidth('哈尔滨商贸')).toBe('哈尔滨商贸');
    expect(normalizeCode(' 91630104MA75232D2N ')).toBe('91630104MA75232D2N');
  });
});

describe('nameKey', () => {
  it('treats bracket and dot styles as the same name', () => {
    expect(nameKey('约翰．迪尔（佳木斯）农业机械有限公司')).toBe(nameKey('约翰.迪尔(佳木斯)农业机械有限公司'));
  });
});

describe('displayName', () => {
  it('uses full-width brackets as company names do', () => {
    expect(displayName('迪尔(佳木斯)有限公司')).toBe('迪尔（佳木斯）有限公司');
  });
});

describe('headerKey', () => {
  it('matches header spellings that differ in bracket width and spaces', () => {
    expect(headerKey('罚款金额（万元）')).toBe(headerKey('罚款金额 (万元)'));
  });
});
