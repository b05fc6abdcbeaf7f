/**
 * The runbook's off-peak rule ("if is_off_peak_hours(): return the fallback composition"):
 * inside a configured window of hours the assistant answers from the optimizer and templates
 * without calling the model.
 */
export interface OffPeakWindow {
  /** Hour the window starts (0-23), inclusive. */
  readonly startHour: number;
  /** Hour the window ends (0-23), exclusive; smaller than `startHour` wraps past midnight. */
  readonly endHour: number;
  /** IANA time zone the hours are read in. */
  readonly timeZone: string;
}

/** "22-6" or "22:00-06:00"; throws on anything else, naming what was expected. */
export function parseOffPeakHours(value: string, timeZone = 'UTC'): OffPeakWindow {
  const match = /^\s*(\d{1,2})(?::00)?\s*-\s*(\d{1,2})(?::00)?\s*$/.exec(value);
  const startHour = Number(match?.[1]);
  const endHour = Number(match?.[2]);
  if (!match || startHour > 23 || endHour > 23 || startHour === endHour)
    throw new Error('expected two different hours like "22-6" or "22:00-06:00"');
  // Throws RangeError for an unknown zone.
  new Intl.DateTimeFormat('en-GB', { timeZone }).format(0);
  return { startHour, endHour, timeZone };
}

function hourIn(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone })
    .formatToParts(now)
    .find((part) => part.type === 'hour')?.value;
  return Number(hour);
}

export function isOffPeak(now: Date, window: OffPeakWindow | undefined): boolean {
  if (!window) return false;
  const hour = hourIn(now, window.timeZone);
  return window.startHour < window.endHour
    ? hour >= window.startHour && hour < window.endHour
    : hour >= window.startHour || hour < window.endHour;
}
