import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrations } from '../../src/platform/db/migrations/index.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer } from '../support/test-server.js';

const logger = pino({ level: 'silent' });

describe('embedded PostgreSQL (PGlite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the migrations once and keeps data across a restart', async () => {
    const first = await openDatabase({ url: undefined, embeddedDataDir: dataDir, logger });
    expect(first.kind).toBe('EMBEDDED');
    const connection = first.orm.em.getConnection();
    await connection.execute(
      `insert into users (id, email, username, username_key, password_hash, created_at, updated_at)
       values ('00000000-0000-4000-8000-000000000001', 'keep@example.com', 'Keeper', 'keeper', 'x', now(), now())`,
    );
    await first.close();

    const second = await openDatabase({ url: undefined, embeddedDataDir: dataDir, logger });
    const rows = await second.orm.em
      .getConnection()
      .execute<Array<{ username: string }>>('select username from users');
    expect(rows).toEqual([{ username: 'Keeper' }]);
    const applied = await second.orm.getMigrator().getExecutedMigrations();
    expect(applied.map((migration) => migration.name)).toEqual(
      migrations.map((migration) => migration.name),
    );
    expect(await second.orm.getMigrator().getPendingMigrations()).toEqual([]);
    await second.close();
  });

  it('serves a server end to end and reports EMBEDDED', async () => {
    const server = await startTestServer({ embeddedDataDir: path.join(dataDir, 'server') });
    try {
      const result = await server.graphql<{ serverInfo: { database: string } }>(
        '{ serverInfo { database } }',
      );
      expect(result.body.data?.serverInfo.database).toBe('EMBEDDED');
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!postgresAvailable)('real PostgreSQL', () => {
  it('migrates a fresh database, reports POSTGRES and answers /ready', async () => {
    const scratch = await createScratchDatabase('foundation');
    try {
      const server = await startTestServer({ databaseUrl: scratch.url });
      try {
        const result = await server.graphql<{ serverInfo: { database: string } }>(
          '{ serverInfo { database } }',
        );
        expect(result.body.data?.serverInfo.database).toBe('POSTGRES');
        expect((await fetch(`${server.url}/ready`)).status).toBe(200);
        const tables = await server.app.database.orm.em
          .getConnection()
          .execute<Array<{ table_name: string }>>(
            `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
          );
        expect(tables.map((table) => table.table_name)).toEqual(
          expect.arrayContaining(['mikro_orm_migrations', 'users']),
        );
      } finally {
        await server.close();
      }
    } finally {
      await scratch.drop();
    }
  });

  it('answers /ready 503 naming the database when it is gone', async () => {
    const scratch = await createScratchDatabase('readiness');
    const server = await startTestServer({ databaseUrl: scratch.url });
    try {
      await scratch.drop(); // `with (force)` ends the server's connections too
      const response = await fetch(`${server.url}/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; failed: string[] };
      expect(body).toMatchObject({ status: 'unavailable', failed: ['database'] });
    } finally {
      await server.close();
    }
  });
});
