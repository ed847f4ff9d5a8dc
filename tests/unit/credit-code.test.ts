import { describe, expect, it } from 'vitest';
import { classifyCode, idShape, isPersonalId, isResidentId, isValidRegNo, orgCodeCheckChar, usccCheckChar } from '../../src/lib/credit-code.ts';

describe('usccCheckChar', () => {
  it('gives 8 for the GB 32100 worked example 9133021272513935X8', () => {
    expect(usccCheckChar('9133021272513935X8')).toBe('8');
  });
  it('returns null when a character is outside the 31-symbol alphabet', () => {
    expect(usccCheckChar('91330212725139I5X8')).toBeNull();
  });
});

describe('orgCodeCheckChar', () => {
  it('computes the GB 11714 check of the example organisation code 72513935-X', () => {
    expect(orgCodeCheckChar('72513935')).toBe('X');
  });
});

describe('isValidRegNo', () => {
  it('accepts a 15-digit 注册号 whose ISO 7064 MOD 11,10 check holds and rejects a changed digit', () => {
    // 110108000000016 is the published example of the 工商注册号 standard (GS15-2006).
    expect(isValidRegNo('110108000000016')).toBe(true);
    expect(isValidRegNo('110108000000017')).toBe(false);
  });
});

describe('isResidentId', () => {
  it('recognises a well-formed resident ID and rejects an impossible birth date', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491331002X')).toBe(false);
  });
});

describe('idShape and isPersonalId', () => {
  it('sees the shape of an ID whatever its check digit: province, then a real birth date', () => {
    expect(idShape('513328198909014000')).toBe(18);
    expect(idShape('11010519491331002X')).toBeNull();
    expect(idShape('913301017043065000')).toBeNull();
    expect(idShape('110105491231003')).toBe(15);
  });
  it('leaves valid business numbers alone: a checked USCC, a 注册号, a 税务登记号 with a valid organisation code', () => {
    expect(isPersonalId('110108000000016')).toBe(false);
    expect(isPersonalId('110105491231003')).toBe(true);
    expect(isPersonalId('513328198909014000')).toBe(true);
  });
});

describe('classifyCode', () => {
  it('accepts a valid USCC without warning, whatever its width or spacing', () => {
    expect(classifyCode('９１３３０２１２７２５１３９３５Ｘ８')).toEqual({ type: 'uscc', value: '9133021272513935X8' });
    expect(classifyCode(' 9133 0212 7251 3935 X8 ')).toEqual({ type: 'uscc', value: '9133021272513935X8' });
  });
  it('keeps a USCC with a bad check character, marked as no identity, and says what it should be', () => {
    const c = classifyCode('9133021272513935X9');
    expect(c).toMatchObject({ type: 'uscc', invalidCheck: true, warning: expect.stringContaining('应为 8') });
  });
  it('recognises Excel’s scientific notation as a lost code', () => {
    expect(classifyCode('9.14E+17')).toMatchObject({ type: 'damaged', warning: expect.stringContaining('科学计数法') });
    expect(classifyCode('9.12301E+17')?.type).toBe('damaged');
  });
  it('treats an ID whose tail Excel zeroed as a person’s number, never as a code', () => {
    expect(classifyCode('513328198909014000')).toEqual({ type: 'residentId', value: '513328198909014000' });
  });
  it('recognises legacy codes: 注册号, 组织机构代码, 15-digit 税务登记号', () => {
    expect(classifyCode('110108000000016')?.type).toBe('regNo');
    expect(classifyCode('72513935-X')).toEqual({ type: 'orgCode', value: '72513935X' });
    expect(classifyCode('360206550875725')?.type).toBe('taxNo');
  });
  it('treats a resident ID, or a 20-character tax number built on one, as a person ID', () => {
    expect(classifyCode('11010519491231002X')?.type).toBe('residentId');
    expect(classifyCode('11010519491231002X01')).toEqual({ type: 'residentId', value: '11010519491231002X' });
  });
  it('keeps codes it cannot place, with a warning', () => {
    const c = classifyCode('L91233000660234398F');
    expect(c?.type).toBe('other');
    expect(c?.warning).toContain('19 位');
  });
  it('returns null for blanks and placeholders', () => {
    expect(classifyCode('')).toBeNull();
    expect(classifyCode('无')).toBeNull();
    expect(classifyCode('/')).toBeNull();
  });
});
