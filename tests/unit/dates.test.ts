import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, fromExcelSerial, parseDate, parseYear } from '../../src/lib/dates.ts';

describe('parseDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['2026-03-05T08:00:00+08:00', '2026-03-05'],
    ['46086', '2026-03-05'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });
  it('reads Excel serial numbers and Date objects', () => {
    expect(parseDate(46086)).toBe('2026-03-05');
    expect(parseDate(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
  });
  it.each(['2026-13-45', '2026-02-30', '二〇二六年', '待定', '', '123', '2026'])('refuses %s', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('fromExcelSerial', () => {
  it('counts from 1900-01-01 = 1 with the 1900 leap-year bug', () => {
    expect(fromExcelSerial(1)).toBe('1900-01-01');
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(45000)).toBe('2023-03-15');
  });
});

describe('parseYear', () => {
  it('reads 2018, 2018年 and 2018年度', () => {
    expect(parseYear('2018')).toBe(2018);
    expect(parseYear('2018年度')).toBe(2018);
    expect(parseYear('严素莺')).toBeNull();
  });
});

describe('daysInMonth', () => {
  it('counts the Gregorian calendar: February has 29 days in 2024 and 2000, 28 in 2026 and 1900', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2000, 2), daysInMonth(2026, 2), daysInMonth(1900, 2)]).toEqual([29, 29, 28, 28]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('addMonths', () => {
  it('ends on the corresponding day, or the last day of a shorter month (民法典 第二百零二条)', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('addDays and daysBetween', () => {
  it('cross month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
  });
});
