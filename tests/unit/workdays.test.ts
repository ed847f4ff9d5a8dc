import { describe, expect, it } from 'vitest';
import { DEADLINES, addWorkdays, objectionDue, repairDecisionBy } from '../../src/lib/workdays.ts';

describe('addWorkdays', () => {
  it('skips weekends and the National Day holiday', () => {
    // 2026-10-01..07 is the National Day break; 10 working days from Monday 2026-09-28 end on 2026-10-16.
    expect(addWorkdays('2026-09-28', 10)).toBe('2026-10-16');
    expect(addWorkdays('2026-10-03', 0)).toBe('2026-10-08');
  });
  it('answers each date and count for itself when asked again (its answers are kept)', () => {
    expect(addWorkdays('2026-09-28', 10)).toBe('2026-10-16');
    expect(addWorkdays('2026-09-28', 0)).toBe('2026-09-28');
    expect(addWorkdays('2026-09-28', 1)).toBe('2026-09-29');
    expect(addWorkdays('2026-09-28', 10)).toBe('2026-10-16');
  });
});

describe('repairDecisionBy', () => {
  it('gives 信用中国 10 working days from acceptance, citing what that rests on', () => {
    expect(repairDecisionBy('2026-09-28')).toBe('2026-10-16');
    expect(DEADLINES.repairDecision.cite).toContain('国办发〔2025〕22号');
  });
  it('starts counting from the next working day when accepted on a holiday', () => {
    expect(repairDecisionBy('2026-10-03')).toBe(addWorkdays('2026-10-08', 10));
  });
});

describe('objectionDue', () => {
  it('counts the working days a district configured from the day the objection was received', () => {
    expect(objectionDue('2026-11-02', 20)).toBe('2026-11-30');
    expect(objectionDue('2026-11-02', 5)).toBe('2026-11-09');
  });
});
