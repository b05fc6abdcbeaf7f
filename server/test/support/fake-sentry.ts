import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One event Sentry sent, from an envelope item of type "event". */
export interface SentryEvent {
  readonly exception?: { values?: Array<{ type?: string; value?: string }> };
  readonly tags?: Record<string, string>;
  readonly user?: { id?: string };
  readonly release?: string;
  readonly environment?: string;
}

/**
 * A Sentry ingestion endpoint on loopback: accepts envelopes at /api/<project>/envelope/ as
 * the real one does and records the events in them.
 */
export async function startFakeSentry(): Promise<{
  dsn: string;
  events: SentryEvent[];
  close(): Promise<void>;
}> {
  const events: SentryEvent[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && /^\/api\/\d+\/envelope\/?/.test(request.url ?? '')) {
        const raw = Buffer.concat(chunks);
        const body = (
          request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
        ).toString('utf8');
        const lines = body.split('\n').filter(Boolean);
        // Envelope: a header line, then (item header, item payload) pairs.
        for (let index = 1; index + 1 < lines.length; index += 2) {
          const itemHeader = JSON.parse(lines[index] ?? '{}') as { type?: string };
          if (itemHeader.type === 'event')
            events.push(JSON.parse(lines[index + 1] ?? '{}') as SentryEvent);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://publickey@127.0.0.1:${port}/42`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
