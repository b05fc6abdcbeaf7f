import { Redis, type RedisOptions } from 'ioredis';

/**
 * Opens an ioredis client that fails fast instead of queueing commands forever. Connection
 * errors are not thrown at the process: ioredis keeps reconnecting, and /ready (and the
 * readiness subscription) report Redis as down meanwhile.
 */
export function createRedisClient(url: string, name: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    connectionName: `gw2-squad-optimizer:${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
    ...options,
  });
  client.on('error', () => {});
  return client;
}

/** Quits politely when connected; otherwise (Redis down) disconnects at once instead of waiting. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/**
 * Once connected, commands fail at once while Redis is unreachable instead of waiting in the
 * offline queue for reconnects (seconds per request during an outage). Before the first
 * connection they still wait, so start-up does not race the handshake.
 */
export function failFastOnceReady(client: Redis): Redis {
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  return client;
}
