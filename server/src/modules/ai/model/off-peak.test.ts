import { describe, expect, it } from 'vitest';
import { isOffPeak, parseOffPeakHours } from './off-peak.js';

describe('off-peak window', () => {
  it('wraps past midnight and reads hours in its time zone', () => {
    const night = parseOffPeakHours('22-6');
    expect(isOffPeak(new Date('2026-12-01T23:30:00Z'), night)).toBe(true);
    expect(isOffPeak(new Date('2026-12-01T05:59:00Z'), night)).toBe(true);
    expect(isOffPeak(new Date('2026-12-01T06:00:00Z'), night)).toBe(false);
    expect(isOffPeak(new Date('2026-12-01T12:00:00Z'), night)).toBe(false);
    const paris = parseOffPeakHours('01:00-07:00', 'Europe/Paris');
    // 00:30 UTC is 01:30 in Paris in winter.
    expect(isOffPeak(new Date('2026-12-01T00:30:00Z'), paris)).toBe(true);
    expect(isOffPeak(new Date('2026-12-01T06:30:00Z'), paris)).toBe(false);
    expect(isOffPeak(new Date(), undefined)).toBe(false);
  });

  it('refuses windows it cannot read', () => {
    expect(() => parseOffPeakHours('night')).toThrow(/expected two different hours/);
    expect(() => parseOffPeakHours('5-5')).toThrow();
    expect(() => parseOffPeakHours('2-25')).toThrow();
    expect(() => parseOffPeakHours('2-5', 'Mars/Olympus')).toThrow(RangeError);
  });
});
