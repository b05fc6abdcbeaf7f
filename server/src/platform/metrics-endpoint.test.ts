import { describe, expect, it } from 'vitest';
import { isAuthorizedScrape, serveMetrics } from './metrics-endpoint.js';
import { createMetrics } from './metrics.js';

describe('isAuthorizedScrape', () => {
  it('accepts anything without a token and only the exact bearer token with one', () => {
    expect(isAuthorizedScrape(undefined, undefined)).toBe(true);
    expect(isAuthorizedScrape('Bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorizedScrape('Bearer s3cre', 's3cret')).toBe(false);
    expect(isAuthorizedScrape('Bearer s3crex', 's3cret')).toBe(false);
    expect(isAuthorizedScrape(undefined, 's3cret')).toBe(false);
  });
});

describe('serveMetrics', () => {
  it('serves /metrics behind the bearer token and closes cleanly', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.buildCreated();
    const server = await serveMetrics(m, { port: 0, host: '127.0.0.1', token: 't0ken' });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/other`)).status).toBe(404);
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer t0ken' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await ok.text()).toMatch(/^builds_created_total 1$/m);
    } finally {
      await server.close();
    }
  });
});
