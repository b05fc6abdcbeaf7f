#!/usr/bin/env node
// Restores an embedded PostgreSQL (PGlite) backup made by scripts/backup-embedded.mjs into
// DATA_DIR/pglite. The tarball is loaded (PGlite's loadDataDir) into a fresh sibling
// directory, checked against the backup's row-count manifest, and only then moved into
// place; an existing database is kept aside as pglite.before-restore-<time>, never deleted.
// Run it while the server is stopped (see backup-embedded.mjs for how "in use" is detected).
//
//   node scripts/restore-embedded.mjs <backup.tar.gz> [--data-dir DIR] [--replace] [--force]
//
//   --data-dir  the server's DATA_DIR (default $DATA_DIR or .data)
//   --replace   allowed to move an existing DIR/pglite aside (otherwise refuse)
//   --force     proceed although DIR/pglite/postmaster.pid exists
// Exit codes: 0 restored, 1 failed (nothing replaced), 2 bad usage or database in use.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { UsageError, assertNotInUse, countRows } from './backup-embedded.mjs';

export async function restoreEmbedded({ backup, dataDir, replace = false, force = false }) {
  if (!existsSync(backup)) throw new UsageError(`no backup at ${backup}`);
  const target = path.join(dataDir, 'pglite');
  if (existsSync(target)) {
    if (!replace) {
      throw new UsageError(`${target} exists: rerun with --replace to move it aside and restore`);
    }
    assertNotInUse(target, force);
  }

  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const staging = path.join(dataDir, `pglite.restoring-${stamp}`);
  await mkdir(dataDir, { recursive: true });
  try {
    const db = await PGlite.create(staging, { loadDataDir: new Blob([await readFile(backup)]) });
    try {
      const manifest = `${backup}.counts.tsv`;
      if (existsSync(manifest)) {
        const [expected, restored] = [await readFile(manifest, 'utf8'), await countRows(db)];
        if (expected !== restored) {
          throw new Error(`restored row counts differ from ${manifest}:\n${restored}`);
        }
      } else {
        console.error(`restore-embedded: no manifest ${manifest}; row counts not checked`);
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  let keptAside;
  if (existsSync(target)) {
    keptAside = path.join(dataDir, `pglite.before-restore-${stamp}`);
    await rename(target, keptAside);
  }
  await rename(staging, target);
  return { target, keptAside };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      replace: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      'usage: restore-embedded.mjs <backup.tar.gz> [--data-dir DIR] [--replace] [--force]',
    );
  }
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data');
  const { target, keptAside } = await restoreEmbedded({
    backup: path.resolve(positionals[0]),
    dataDir,
    replace: values.replace,
    force: values.force,
  });
  if (keptAside) console.error(`restore-embedded: previous database kept at ${keptAside}`);
  console.log(target);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`restore-embedded: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(
      error instanceof UsageError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1,
    );
  });
}
