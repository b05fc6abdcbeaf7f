/**
 * Two kinds of load: closed loop (autocannon: N connections, each sends its next request when
 * the last one answered, which finds the maximum throughput) and paced (requests started at
 * evenly spaced instants at a fixed rate, which shows latency at a given load). autocannon's own
 * rate option sends each second's requests in a burst at the second boundary, so the paced
 * client is ours: a timer releases every request whose instant has come, and latency counts
 * from that instant, so a slow server cannot hide queueing delay (no coordinated omission).
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { quantile } from './harness.js';

export interface Request {
  readonly path: string;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

export interface ClosedLoopResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export async function closedLoop(
  baseUrl: string,
  request: Request,
  options: { connections: number; seconds: number },
): Promise<ClosedLoopResult> {
  const result = await autocannon({
    url: `${baseUrl}${request.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    rps: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export interface PacedResult {
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export async function paced(
  baseUrl: string,
  request: Request,
  options: { rate: number; seconds: number; maxSockets?: number },
): Promise<PacedResult> {
  const target = new URL(`${baseUrl}${request.path}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 128 });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(request.body)),
    ...request.headers,
  };
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies = new Float64Array(total);
  let errors = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const send = (index: number) => {
      const scheduled = start + index * interval;
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers,
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors += 1;
            latencies[index] = performance.now() - scheduled;
            if (++done === total) resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        latencies[index] = performance.now() - scheduled;
        if (++done === total) resolve();
      });
      req.end(request.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total)
        setTimeout(tick, Math.max(0, Math.min(1, start + sent * interval - performance.now())));
    };
    tick();
  });
  agent.destroy();
  return {
    rate: options.rate,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors,
  };
}
