import net from 'node:net';

/**
 * The real PostgreSQL and Redis of this machine. With CI=true a test that needs them fails
 * when they are missing; elsewhere it is skipped with a visible reason, never silently.
 */
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

async function availability(name: string, url: string): Promise<boolean> {
  const ok = await reachable(url);
  if (!ok && process.env.CI)
    throw new Error(`${name} is required in CI but ${url} does not answer`);
  if (!ok) console.warn(`[tests] ${name} at ${url} does not answer: its tests are skipped`);
  return ok;
}

export const postgresAvailable = await availability('PostgreSQL', POSTGRES_ADMIN_URL);
export const redisAvailable = await availability('Redis', REDIS_URL);
