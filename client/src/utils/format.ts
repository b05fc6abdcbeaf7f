const UNITS: ReadonlyArray<readonly [label: string, seconds: number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "2 d 3 h" style: the two largest non-zero units, whole numbers, "0 s" for nothing. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [label, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount} ${label}`);
  }
  const shown = parts.slice(0, 2).filter((part) => !part.startsWith('0 '));
  return shown.length > 0 ? shown.join(' ') : '0 s';
}

/** "1 December 2026": a day as the player's browser writes dates, in UTC like the server. */
export function formatDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}
