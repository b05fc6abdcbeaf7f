import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../src/platform/metrics.js';
import { exportedSeries, metricNames } from './promql.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

interface Target {
  expr?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: Target[];
  gridPos: { x: number; y: number; w: number; h: number };
}
interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface AlertTest {
  alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[];
}

const dashboard = JSON.parse(read('monitoring/dashboards/gw2optimizer-main.json')) as {
  uid: string;
  panels: Panel[];
};
const rules = (
  parse(read('monitoring/alerts.yml')) as { groups: { rules: Rule[] }[] }
).groups.flatMap((g) => g.rules);
const alerts = rules.filter((r): r is Rule & { alert: string } => typeof r.alert === 'string');

let exported: Set<string>;
beforeAll(async () => {
  exported = await exportedSeries(createMetrics().registry);
});

describe('metricNames', () => {
  it('finds metric names and ignores functions, matchers, keywords, numbers and durations', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="api", status=~"5.."}[5m]))) > 1e6',
      ),
    ).toEqual(new Set(['http_request_duration_seconds_bucket']));
    expect(
      metricNames(
        'sum(rate(a_total{x="by (y)"}[$__rate_interval])) / on (instance) group_left sum(b_total offset 1h) and ignoring(z) c unless d or sum(e) without (le) > bool 0.5',
      ),
    ).toEqual(new Set(['a_total', 'b_total', 'c', 'd', 'e']));
    expect(metricNames('100 * up == 0')).toEqual(new Set(['up']));
  });
});

describe('exported series', () => {
  it('include histogram suffixes, counters and Node.js process metrics', () => {
    expect(exported).toContain('http_request_duration_seconds_bucket');
    expect(exported).toContain('http_requests_total');
    expect(exported).toContain('process_cpu_seconds_total');
    expect(exported).not.toContain('http_request_duration_seconds');
  });
});

describe('Grafana dashboard', () => {
  const queries = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr ?? '' })),
  );

  it('queries only metrics the server exports', () => {
    expect(queries.length).toBeGreaterThan(20);
    const unknown = queries.flatMap(({ panel, expr }) =>
      [...metricNames(expr)].filter((n) => !exported.has(n)).map((n) => `${panel}: ${n}`),
    );
    expect(unknown).toEqual([]);
    for (const { panel, expr } of queries) {
      expect(metricNames(expr).size, `${panel} has a query without a metric`).toBeGreaterThan(0);
    }
  });

  it('has the Overview, Application, Business, AI assistant and Alerts rows, with an alert list', () => {
    const rows = dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual(['Overview', 'Application', 'Business', 'AI assistant', 'Alerts']);
    const alertsRowY = dashboard.panels.find((p) => p.type === 'row' && p.title === 'Alerts')!
      .gridPos.y;
    const alertList = dashboard.panels.find((p) => p.type === 'alertlist');
    expect(alertList?.gridPos.y).toBeGreaterThan(alertsRowY);
  });

  it('has unique panel ids and panels that fit the 24-column grid', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
  });

  it('is referenced by the Grafana provisioning', () => {
    const provider = parse(read('monitoring/grafana/provisioning/dashboards/gw2optimizer.yml')) as {
      providers: { options: { path: string } }[];
    };
    expect(provider.providers[0]?.options.path).toBe('/var/lib/grafana/dashboards');
    expect(read('docker-compose.monitoring.yml')).toContain(
      './monitoring/dashboards:/var/lib/grafana/dashboards',
    );
  });
});

describe('alert rules', () => {
  it('include the runbook alerts', () => {
    expect(alerts.map((a) => a.alert)).toEqual(
      expect.arrayContaining([
        'HighErrorRate',
        'HighLatency',
        'InstanceDown',
        'PipelineFailure',
        'HighAICost',
      ]),
    );
  });

  it('select only metrics the server exports', () => {
    const unknown = rules.flatMap((r) =>
      [...metricNames(r.expr)].filter((n) => !exported.has(n)).map((n) => `${r.alert}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it('aggregate before dividing and take quantiles of bucket rates', () => {
    for (const { alert, expr } of alerts) {
      if (expr.includes('histogram_quantile')) {
        expect(expr, alert).toMatch(/sum by \(le\) \(rate\(\w+_bucket/);
      }
      if (expr.includes('/')) expect(expr, alert).toMatch(/^\s*sum\(/);
    }
  });

  it('carry an incident severity, a summary, a description and a runbook link that resolves', () => {
    const runbook = read('docs/RUNBOOK.md');
    const anchors = new Set(
      [...runbook.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
        m[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const a of alerts) {
      expect(a.labels?.severity, a.alert).toMatch(/^sev[1-4]$/);
      expect(a.annotations?.summary, a.alert).toBeTruthy();
      expect(a.annotations?.description, a.alert).toBeTruthy();
      const url = a.annotations?.runbook_url ?? '';
      expect(url, a.alert).toBe(`docs/RUNBOOK.md#${a.alert.toLowerCase()}`);
      expect(anchors, `docs/RUNBOOK.md has no heading for ${a.alert}`).toContain(
        a.alert.toLowerCase(),
      );
    }
  });

  it('are each unit-tested firing and quiet in alerts.test.yml', () => {
    const tests = (
      parse(read('monitoring/alerts.test.yml')) as { tests: AlertTest[] }
    ).tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const { alert } of alerts) {
      const cases = tests.filter((t) => t.alertname === alert);
      expect(
        cases.some((t) => (t.exp_alerts ?? []).length > 0),
        `${alert} has no firing case`,
      ).toBe(true);
      expect(
        cases.some((t) => (t.exp_alerts ?? []).length === 0),
        `${alert} has no quiet case`,
      ).toBe(true);
    }
  });
});
