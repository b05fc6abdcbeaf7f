import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

async function script(name: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(root, 'scripts', name), ...args],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout: stdout.trim(), stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: failed.code ?? -1,
      stdout: failed.stdout?.trim() ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

describe('embedded database backup and restore', () => {
  let work: string;
  let dataDir: string;
  let outDir: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'gw2-embedded-backup-'));
    dataDir = path.join(work, 'data');
    outDir = path.join(work, 'backups');
    await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create(path.join(dataDir, 'pglite'));
    await db.exec(`
      CREATE TABLE build (id serial PRIMARY KEY, name text NOT NULL);
      INSERT INTO build (name) SELECT 'build ' || g FROM generate_series(1, 250) g;
      CREATE SCHEMA audit;
      CREATE TABLE audit."Event" (at timestamptz DEFAULT now());
      INSERT INTO audit."Event" DEFAULT VALUES;`);
    await db.close();
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes a tarball and a row-count manifest, and restores both into a fresh directory', async () => {
    const backup = await script('backup-embedded.mjs', ['--data-dir', dataDir, '--out', outDir]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/pglite_\d{8}T\d{6}Z\.tar\.gz$/);
    expect(await readFile(`${backup.stdout}.counts.tsv`, 'utf8')).toBe(
      'audit.Event\t1\npublic.build\t250\n',
    );

    const restoredDir = path.join(work, 'restored');
    const restore = await script('restore-embedded.mjs', [
      backup.stdout,
      '--data-dir',
      restoredDir,
    ]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toBe(path.join(restoredDir, 'pglite'));

    const db = await PGlite.create(path.join(restoredDir, 'pglite'));
    try {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM build');
      expect(rows[0]?.n).toBe(250);
    } finally {
      await db.close();
    }
  });

  it('refuses a data directory that a process holds, unless forced', async () => {
    const pidFile = path.join(dataDir, 'pglite', 'postmaster.pid');
    await writeFile(pidFile, '-42\n');
    try {
      const refused = await script('backup-embedded.mjs', ['--data-dir', dataDir, '--out', outDir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/in use/);
    } finally {
      await rm(pidFile, { force: true });
    }
  });

  it('never overwrites an existing database: it needs --replace and keeps the old one aside', async () => {
    const [latest] = (await readdir(outDir)).filter((f) => f.endsWith('.tar.gz'));
    const backup = path.join(outDir, latest!);
    const target = path.join(work, 'replace');
    expect((await script('restore-embedded.mjs', [backup, '--data-dir', target])).code).toBe(0);

    const refused = await script('restore-embedded.mjs', [backup, '--data-dir', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--replace/);

    const replaced = await script('restore-embedded.mjs', [
      backup,
      '--data-dir',
      target,
      '--replace',
    ]);
    expect(replaced.code, replaced.stderr).toBe(0);
    const entries = await readdir(target);
    expect(entries).toContain('pglite');
    expect(entries.some((e) => e.startsWith('pglite.before-restore-'))).toBe(true);
  });

  it('rejects a backup whose contents do not match its manifest, leaving nothing behind', async () => {
    const [latest] = (await readdir(outDir)).filter((f) => f.endsWith('.tar.gz'));
    const backup = path.join(outDir, latest!);
    const tampered = path.join(work, 'tampered.tar.gz');
    await writeFile(tampered, await readFile(backup));
    await writeFile(`${tampered}.counts.tsv`, 'audit.Event\t1\npublic.build\t999\n');
    const target = path.join(work, 'tampered-target');
    const result = await script('restore-embedded.mjs', [tampered, '--data-dir', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row counts differ/);
    expect(existsSync(path.join(target, 'pglite'))).toBe(false);
    expect(await readdir(target)).toEqual([]);
  });

  it('deletes its own backups older than RETENTION_DAYS and keeps other files', async () => {
    const old = path.join(outDir, 'pglite_20200101T000000Z.tar.gz');
    const unrelated = path.join(outDir, 'notes.txt');
    await writeFile(old, 'old');
    await writeFile(unrelated, 'keep');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    await utimes(old, longAgo, longAgo);
    await utimes(unrelated, longAgo, longAgo);

    const result = await script('backup-embedded.mjs', ['--data-dir', dataDir, '--out', outDir], {
      RETENTION_DAYS: '30',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(existsSync(result.stdout)).toBe(true);
  });
});
