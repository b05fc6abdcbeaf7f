import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gw2-config-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('has working defaults on a bare machine', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      introspection: true,
      bodyLimitBytes: 1024 * 1024,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('generates a development JWT secret once and keeps it under the data dir', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /JWT_SECRET: required in production/,
    );
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL: must start with postgres/],
    ['REDIS_URL', 'http://localhost', /REDIS_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['JWT_SECRET', 'short', /JWT_SECRET: must be at least 32 characters/],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), [name]: value })).toThrow(message);
  });

  it('treats empty strings as unset and parses lists and flags', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: '',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      TRUST_PROXY: 'true',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(true);
    expect(config.introspection).toBe(false);
  });
});
