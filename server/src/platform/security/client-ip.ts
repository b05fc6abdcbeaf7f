import type { IncomingMessage } from 'node:http';

/**
 * The client address of a websocket upgrade, as Fastify computes `request.ip` for HTTP: with
 * TRUST_PROXY the left-most X-Forwarded-For entry (nginx sets it), otherwise the peer. Without
 * this, every socket behind the proxy would share the proxy's address and one rate-limit budget.
 */
export function upgradeClientIp(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const header = request.headers['x-forwarded-for'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  return first || peer;
}
