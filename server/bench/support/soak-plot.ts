/** One 10-second sample of the soak run. */
export interface Sample {
  readonly elapsed: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  readonly lagP99Ms: number;
  readonly requests: number;
  readonly errorRate: number;
  readonly serverErrors: number;
  readonly p99LatencyMs: number;
}

const WIDTH = 1000;
const HEIGHT = 640;

interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** A panel: lines over elapsed minutes, its own y scale from 0. */
function panel(
  top: number,
  height: number,
  title: string,
  unit: string,
  xs: readonly number[],
  series: readonly Series[],
): string {
  const left = 70;
  const right = WIDTH - 20;
  const maxX = Math.max(...xs, 1);
  const maxY = Math.max(...series.flatMap((line) => line.values.filter(Number.isFinite)), 1) * 1.1;
  const x = (value: number) => left + ((right - left) * value) / maxX;
  const y = (value: number) => top + height - (height * value) / maxY;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((share) => {
      const value = maxY * share;
      return `<line x1="${left}" x2="${right}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/><text x="${left - 6}" y="${y(value) + 4}" text-anchor="end" font-size="11">${value.toFixed(value < 10 ? 1 : 0)}</text>`;
    })
    .join('');
  const lines = series
    .map((line) => {
      const points = line.values
        .map((value, index) => (Number.isFinite(value) ? `${x(xs[index]!)},${y(value)}` : ''))
        .filter(Boolean)
        .join(' ');
      return `<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${points}"/>`;
    })
    .join('');
  const legend = series
    .map(
      (line, index) =>
        `<rect x="${left + 10 + index * 170}" y="${top + 6}" width="12" height="12" fill="${line.color}"/><text x="${left + 28 + index * 170}" y="${top + 16}" font-size="12">${line.label}</text>`,
    )
    .join('');
  return `<text x="${left}" y="${top - 8}" font-size="14" font-weight="bold">${title} (${unit})</text>${grid}<line x1="${left}" x2="${left}" y1="${top}" y2="${top + height}" stroke="#888"/>${lines}${legend}`;
}

/** The soak's samples as an SVG: memory, event-loop lag, and error rate over time. */
export function renderPlot(samples: readonly Sample[], title: string): string {
  const xs = samples.map((row) => row.elapsed / 60);
  const memory = panel(60, 250, 'Memory', 'MB', xs, [
    { label: 'RSS', color: '#c0392b', values: samples.map((row) => row.rssMb) },
    { label: 'V8 heap used', color: '#2980b9', values: samples.map((row) => row.heapUsedMb) },
    { label: 'external', color: '#8e44ad', values: samples.map((row) => row.externalMb) },
  ]);
  const lag = panel(360, 90, 'Event-loop lag p99', 'ms', xs, [
    { label: 'lag p99', color: '#16a085', values: samples.map((row) => row.lagP99Ms) },
  ]);
  const errors = panel(500, 90, 'Error rate', '%', xs, [
    { label: 'errors', color: '#d35400', values: samples.map((row) => row.errorRate * 100) },
  ]);
  const axis = `<text x="${WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="12">elapsed minutes (0 to ${Math.max(...xs, 0).toFixed(0)})</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/><text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${title}</text>${memory}${lag}${errors}${axis}</svg>`;
}
