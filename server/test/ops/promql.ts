import type { Registry } from 'prom-client';

/** Series Prometheus itself creates: scrape health and alert state. */
const PROMETHEUS_SERIES = ['up', 'ALERTS', 'ALERTS_FOR_STATE', 'scrape_duration_seconds'];

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * Metric names a PromQL expression selects. Strings, label matchers, range selectors and
 * grouping clauses are removed first; what is left that looks like an identifier and is not
 * a function call, keyword or number is a metric name.
 */
export function metricNames(expr: string): Set<string> {
  const stripped = expr
    .replace(/#[^\n]*/g, ' ') // comments
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ') // string literals
    .replace(/\{[^{}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // range and subquery selectors, Grafana $__ variables
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/g, ' ');
  const names = new Set<string>();
  // The whole identifier is consumed before looking for "(", so a function name is never
  // shortened into a metric name by backtracking.
  for (const [, name, call] of stripped.matchAll(/(?<![\w.$:])([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    if (name && !call && !KEYWORDS.has(name.toLowerCase())) names.add(name);
  }
  return names;
}

/** Every series name a registry exposes, with histogram and summary suffixes. */
export async function exportedSeries(registry: Registry): Promise<Set<string>> {
  const names = new Set(PROMETHEUS_SERIES);
  for (const metric of await registry.getMetricsAsJSON()) {
    const type = String(metric.type);
    if (type === 'histogram') {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    } else if (type === 'summary') {
      for (const suffix of ['', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    } else {
      names.add(metric.name);
    }
  }
  return names;
}
