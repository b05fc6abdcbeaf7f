#!/usr/bin/env node
// Backs up the embedded PostgreSQL (PGlite, used when DATABASE_URL is unset) into a gzipped
// tarball with PGlite's dumpDataDir(), next to a row-count manifest. Run it while the server
// is stopped: PGlite is single-process, and its data directory holds postmaster.pid while a
// process has it open (PGlite removes the file on a clean close), so a present file means
// "in use or not shut down cleanly" and the backup refuses unless --force.
//
//   node scripts/backup-embedded.mjs [--data-dir DIR] [--out DIR] [--force]
//
//   --data-dir  the server's DATA_DIR (default $DATA_DIR or .data); the database is DIR/pglite
//   --out       where backups go (default $BACKUP_DIR or DIR/backups)
//   --force     back up although postmaster.pid exists (only after checking no server runs)
// RETENTION_DAYS (default 30): older pglite_*.tar.gz backups in --out are deleted afterwards.
// Prints the backup's path. Exit codes: 0 done, 1 failed, 2 bad usage, in use or no database.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

export class UsageError extends Error {}

/** Row counts of every user table as "schema.table<TAB>rows" lines (as scripts/backup-db.sh). */
export async function countRows(db) {
  const tables = await db.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
       AND table_schema NOT LIKE 'pg_toast%' AND table_schema NOT LIKE 'pg_temp%'
     ORDER BY 1, 2`,
  );
  const lines = [];
  for (const { schema, name } of tables.rows) {
    const quoted = (id) => `"${id.replaceAll('"', '""')}"`;
    const { rows } = await db.query(
      `SELECT count(*)::text AS n FROM ${quoted(schema)}.${quoted(name)}`,
    );
    lines.push(`${schema}.${name}\t${rows[0].n}`);
  }
  return lines.sort().join('\n') + (lines.length ? '\n' : '');
}

/** Throws UsageError when a process appears to hold the PGlite directory. */
export function assertNotInUse(pgliteDir, force) {
  const pidFile = path.join(pgliteDir, 'postmaster.pid');
  if (existsSync(pidFile) && !force) {
    throw new UsageError(
      `${pgliteDir} is in use (${pidFile} exists): stop the server first. If no server runs ` +
        'and it crashed, rerun with --force.',
    );
  }
}

export async function backupEmbedded({ dataDir, outDir, force = false, retentionDays = 30 }) {
  const pgliteDir = path.join(dataDir, 'pglite');
  if (!existsSync(path.join(pgliteDir, 'PG_VERSION'))) {
    throw new UsageError(`no embedded database in ${pgliteDir}`);
  }
  assertNotInUse(pgliteDir, force);
  await mkdir(outDir, { recursive: true });

  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(outDir, `pglite_${stamp}.tar.gz`);
  const db = await PGlite.create(pgliteDir);
  try {
    const counts = await countRows(db);
    const dump = await db.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Written under a temporary name, so a crash never leaves a truncated "newest" backup.
    await writeFile(`${file}.partial`, bytes, { mode: 0o600 });
    await writeFile(`${file}.counts.tsv`, counts, { mode: 0o600 });
    await rename(`${file}.partial`, file);
  } finally {
    await db.close();
  }
  await chmod(file, 0o600);

  const cutoff = Date.now() - retentionDays * 24 * 60 * 60 * 1000;
  for (const name of await readdir(outDir)) {
    if (!/^pglite_\d{8}T\d{6}Z\.tar\.gz(\.counts\.tsv)?$/.test(name)) continue;
    const full = path.join(outDir, name);
    if ((await stat(full)).mtimeMs < cutoff) {
      await rm(full);
      console.error(`removed expired backup: ${full}`);
    }
  }
  return file;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data');
  const outDir = path.resolve(
    values.out ?? process.env.BACKUP_DIR ?? path.join(dataDir, 'backups'),
  );
  const retentionDays = Number(process.env.RETENTION_DAYS ?? 30);
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new UsageError('RETENTION_DAYS must be a whole number of days');
  }
  console.log(await backupEmbedded({ dataDir, outDir, force: values.force, retentionDays }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`backup-embedded: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(
      error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1,
    );
  });
}
