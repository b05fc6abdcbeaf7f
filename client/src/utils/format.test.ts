import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [59.9, '59 s'],
    [60, '1 min'],
    [3_600, '1 h'],
    [3_725, '1 h 2 min'],
    [3_601, '1 h'],
    [90_061, '1 d 1 h'],
    [172_800 + 59, '2 d'],
  ])('%s seconds reads "%s"', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatDate', () => {
  it('writes the UTC day in the given locale', () => {
    expect(formatDate('2026-12-01T23:30:00.000Z', 'en-GB')).toBe('1 December 2026');
    expect(formatDate('2026-12-01T23:30:00.000Z', 'en-US')).toBe('December 1, 2026');
  });
});
