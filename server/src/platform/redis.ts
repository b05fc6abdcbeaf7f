import { Redis } from 'ioredis';

/** Opens an ioredis client that fails fast instead of queueing commands forever. */
export function createRedisClient(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: `gw2-squad-optimizer:${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}

/** Quits politely, then disconnects if the server does not answer. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
