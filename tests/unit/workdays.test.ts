import { describe, expect, it } from 'vitest';
import { addWorkdays, objectionDue, repairTimeline } from '../../src/lib/workdays.ts';

describe('addWorkdays', () => {
  it('skips weekends and the National Day holiday', () => {
    // 2026-10-01..07 is the National Day break; 10 working days from Monday 2026-09-28 end on 2026-10-16.
    expect(addWorkdays('2026-09-28', 10)).toBe('2026-10-16');
    expect(addWorkdays('2026-10-03', 0)).toBe('2026-10-08');
  });
});

describe('repairTimeline', () => {
  it('gives 10 working days for the decision and 3 more for this portal to follow', () => {
    expect(repairTimeline('2026-09-28')).toEqual({ decisionBy: '2026-10-16', takenDownBy: '2026-10-21' });
  });
  it('starts counting from the next working day when applying on a holiday', () => {
    expect(repairTimeline('2026-10-03').decisionBy).toBe(addWorkdays('2026-10-08', 10));
  });
});

describe('objectionDue', () => {
  it('is 20 working days after the objection was received', () => {
    expect(objectionDue('2026-11-02')).toBe('2026-11-30');
  });
});
