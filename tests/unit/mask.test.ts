import { describe, expect, it } from 'vitest';
import { findIdNumber, maskIdNumber, scrubPersonalNumbers } from '../../src/lib/mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of a resident ID', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('re-masks a number the publisher masked more loosely', () => {
    expect(maskIdNumber('522424********0031')).toBe('522424********0031');
    expect(maskIdNumber('5224241980**010031')).toBe('522424********0031');
  });
  it('masks short document numbers too', () => {
    expect(maskIdNumber('E12345678')).toBe('E******78');
  });
});

describe('scrubPersonalNumbers', () => {
  it('masks resident IDs and mobile numbers inside text but leaves other long numbers', () => {
    expect(scrubPersonalNumbers('当事人张三（身份证号11010519491231002X，电话13812345678）')).toBe('当事人张三（身份证号110105********002X，电话138****5678）');
    expect(scrubPersonalNumbers('统一社会信用代码913302127251393512')).toBe('统一社会信用代码913302127251393512');
  });
});

describe('scrubPersonalNumbers on damaged IDs', () => {
  it('masks an ID whose check digit fails or whose tail Excel zeroed, and a 20-character tax number built on one', () => {
    expect(scrubPersonalNumbers('业主513328198909014000经营')).toBe('业主513328********4000经营');
    expect(scrubPersonalNumbers('识别号51332819890901400001')).toBe('识别号513328********4000**');
  });
});

describe('findIdNumber', () => {
  it('finds damaged and 15-digit IDs, and not credit codes or business numbers', () => {
    expect(findIdNumber('{"code":"513328198909014000"}')).toBe('513328198909014000');
    expect(findIdNumber('旧证号 110105491231003 ')).toBe('110105491231003');
    expect(findIdNumber('9133021272513935X8 110108000000016 913301017043065000')).toBeNull();
  });
});

describe('findIdNumber on masked and raw numbers', () => {
  it('finds a raw resident ID anywhere in a text', () => {
    expect(findIdNumber('{"id":"11010519491231002X"}')).toBe('11010519491231002X');
    expect(findIdNumber('{"id":"110105********002X"}')).toBeNull();
  });
});
