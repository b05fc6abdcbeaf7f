/**
 * `npm run pipeline:scale`: the learning pipeline on 100,000 builds and 10,000 teams in a
 * PostgreSQL database of its own (created, then dropped), run as `npm run pipeline:run` runs it
 * (node server/dist/scripts/run-pipeline.js) under /usr/bin/time: wall time and peak RSS.
 * It runs at a tenth of the size first, so the figures show how memory grows with the data
 * (bounded: the pipeline holds one batch of players, not the tables).
 *
 * Template builds are saved through the API from real chat codes (so every column is what the
 * product writes), then cloned in SQL to every generated player. Needs `npm run build`.
 * Variables: SCALE_BUILDS (100000), SCALE_TEAMS (10000), SCALE_PLAYERS (5000).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import realCodes from '../../packages/game/src/codec/real-build-codes.json' with { type: 'json' };
import {
  BENCH_JWT_SECRET,
  REPO,
  createScratchPostgres,
  markdownTable,
  scratchDir,
} from './support/harness.js';
import { graphql, registerUsers } from './support/seed.js';

const BUILDS = Number(process.env.SCALE_BUILDS ?? 100_000);
const TEAMS = Number(process.env.SCALE_TEAMS ?? 10_000);
const PLAYERS = Number(process.env.SCALE_PLAYERS ?? 5_000);
const MODES = ['FRACTALS', 'RAID', 'STRIKES', 'ZERG', 'ROAMING', 'HAVOC'];
/** Team modes and sizes generated in turn (sizes within each mode's limit). */
const TEAM_SHAPES: readonly [string, number][] = [
  ['FRACTALS', 5],
  ['RAID', 10],
  ['STRIKES', 10],
  ['ZERG', 20],
];

interface AppModule {
  createApp(
    config: unknown,
    options: { embeddedDataDir: string | null; logDestination: NodeJS.WritableStream },
  ): Promise<{ listen(): Promise<string>; close(): Promise<void> }>;
}

function serverEnv(databaseUrl: string, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: BENCH_JWT_SECRET,
    CLIENT_DIST_DIR: path.join(dataDir, 'none'),
  };
}

/** Saves one build per real chat code for one player, through the API. */
async function saveTemplates(databaseUrl: string, dataDir: string): Promise<string> {
  const { loadConfig } = (await import(path.join(REPO, 'server/dist/platform/config.js'))) as {
    loadConfig(env: Record<string, string>): unknown;
  };
  const { createApp } = (await import(path.join(REPO, 'server/dist/app.js'))) as AppModule;
  const app = await createApp(loadConfig(serverEnv(databaseUrl, dataDir)), {
    embeddedDataDir: null,
    logDestination: process.stderr,
  });
  const url = await app.listen();
  try {
    const [seed] = await registerUsers(url, 1, `scaleseed${Date.now().toString(36)}`);
    let saved = 0;
    for (const [index, { code, name }] of realCodes.codes.entries()) {
      await graphql(
        url,
        `
          mutation ($input: CreateBuildInput!) {
            createBuild(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            name: name.slice(0, 100),
            chatCode: code,
            gameModes: [MODES[index % MODES.length]],
          },
        },
        seed!.token,
      );
      saved += 1;
    }
    console.log(`saved ${saved} template builds through the API`);
    return seed!.id;
  } finally {
    await app.close();
  }
}

/** Grows the data to `builds` builds and `teams` teams over PLAYERS generated players. */
async function grow(
  client: pg.Client,
  seedId: string,
  builds: number,
  teams: number,
): Promise<void> {
  const [{ count: haveUsers }] = (
    await client.query(`select count(*)::int from users where username like 'scale-%'`)
  ).rows as [{ count: number }];
  if (haveUsers === 0) {
    await client.query(
      `insert into users (id, email, username, username_key, password_hash, role, created_at, updated_at)
       select gen_random_uuid(), 'scale-' || g || '@example.test', 'scale-' || g, 'scale-' || g, 'x', 'USER', now(), now()
       from generate_series(1, $1::int) g`,
      [PLAYERS],
    );
  }
  const [{ count: haveBuilds }] = (
    await client.query(`select count(*)::int from builds where owner_id <> $1`, [seedId])
  ).rows as [{ count: number }];
  await client.query(
    `with players as (select id, row_number() over (order by id) - 1 as n from users where username like 'scale-%'),
          templates as (select *, row_number() over (order by id) - 1 as n from builds where owner_id = $1),
          t_count as (select count(*) as c from templates)
     insert into builds (id, owner_id, name, profession, specializations, skills, weapons, template, chat_code,
                         game_modes, roles, stat_prefix, notes, visibility, created_at, updated_at)
     select gen_random_uuid(), p.id, t.name, t.profession, t.specializations, t.skills, t.weapons, t.template,
            t.chat_code, t.game_modes, t.roles, t.stat_prefix, '', 'PRIVATE', now(), now()
     from generate_series($2::int, $3::int - 1) g
     join players p on p.n = g % $4::int
     join templates t on t.n = (g * 7) % (select c from t_count)`,
    [seedId, haveBuilds, builds, PLAYERS],
  );
  const [{ count: haveTeams }] = (await client.query(`select count(*)::int from teams`)).rows as [
    { count: number },
  ];
  const shapes = TEAM_SHAPES.map(([mode]) => `'${mode}'`).join(', ');
  const sizes = TEAM_SHAPES.map(([, size]) => size).join(', ');
  await client.query(
    `with players as (select id, row_number() over (order by id) - 1 as n from users where username like 'scale-%')
     insert into teams (id, owner_id, name, game_mode, size, visibility, version, created_at, updated_at)
     select gen_random_uuid(), p.id, 'scale team ' || g, (array[${shapes}])[1 + g % ${TEAM_SHAPES.length}],
            (array[${sizes}])[1 + g % ${TEAM_SHAPES.length}], 'PRIVATE', 1, now(), now()
     from generate_series($1::int, $2::int - 1) g join players p on p.n = (g * 13) % $3::int`,
    [haveTeams, teams, PLAYERS],
  );
  // Each new team fields its owner's builds in order, five per subgroup, up to its size.
  await client.query(
    `with owned as (select id, owner_id, row_number() over (partition by owner_id order by id) - 1 as k from builds),
          fresh as (select t.id, t.owner_id, t.size from teams t where not exists (select 1 from team_members m where m.team_id = t.id))
     insert into team_members (id, team_id, build_id, player_name, role_key, subgroup, position, created_at)
     select gen_random_uuid(), f.id, o.id, null, null, o.k / 5 + 1, o.k % 5 + 1, now()
     from fresh f join owned o on o.owner_id = f.owner_id and o.k < f.size`,
  );
  await client.query('analyze');
}

interface Measured {
  readonly label: string;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly summary: string;
}

/** `npm run pipeline:run` as an operator runs it, under /usr/bin/time -v. */
function runPipeline(label: string, databaseUrl: string, dataDir: string): Measured {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, path.join(REPO, 'server/dist/scripts/run-pipeline.js')],
    { env: { ...process.env, ...serverEnv(databaseUrl, dataDir) }, encoding: 'utf8' },
  );
  const summary = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !summary.startsWith('learning pipeline succeeded')) {
    throw new Error(`the pipeline did not succeed: ${result.stdout}\n${result.stderr}`);
  }
  const field = (name: string) =>
    result.stderr
      .split('\n')
      .find((line) => line.trim().startsWith(name))
      ?.split(': ')
      .at(-1) ?? '';
  // "h:mm:ss" or "m:ss.ss"
  const wallSeconds = field('Elapsed (wall clock) time')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
  const peakRssMb = Number(field('Maximum resident set size (kbytes)')) / 1024;
  return { label, wallSeconds, peakRssMb, summary };
}

async function main(): Promise<void> {
  const database = await createScratchPostgres('meta_scale');
  const dataDir = scratchDir('gw2-pipeline-scale-');
  console.log(`database ${new URL(database.url).pathname.slice(1)} (dropped at the end)`);
  const client = new pg.Client({ connectionString: database.url });
  try {
    const seedId = await saveTemplates(database.url, dataDir);
    await client.connect();
    const results: Measured[] = [];
    for (const fraction of [0.1, 1]) {
      const builds = Math.round(BUILDS * fraction);
      const teams = Math.round(TEAMS * fraction);
      const started = performance.now();
      await grow(client, seedId, builds, teams);
      const [counts] = (
        await client.query(
          `select (select count(*) from builds)::int as builds, (select count(*) from teams)::int as teams,
                  (select count(*) from team_members)::int as members, (select count(*) from users)::int as users`,
        )
      ).rows as [{ builds: number; teams: number; members: number; users: number }];
      console.log(
        `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
      );
      // A new snapshot for the same day: the previous run's is removed first.
      await client.query('delete from meta_pipeline_runs; delete from meta_snapshots');
      results.push(
        runPipeline(
          `${counts.builds} builds, ${counts.teams} teams, ${counts.members} members, ${counts.users} players`,
          database.url,
          dataDir,
        ),
      );
      console.log(results.at(-1)!.summary);
    }
    console.log(
      markdownTable(
        ['data', 'wall time', 'peak RSS'],
        results.map((r) => [
          r.label,
          `${r.wallSeconds.toFixed(1)} s`,
          `${r.peakRssMb.toFixed(0)} MB`,
        ]),
      ),
    );
    const [small, full] = results;
    console.log(
      `peak RSS ratio full / tenth: ${(full!.peakRssMb / small!.peakRssMb).toFixed(2)} (data ×10)`,
    );
    console.log(
      `wall time ratio full / tenth: ${(full!.wallSeconds / small!.wallSeconds).toFixed(2)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await database.drop();
  }
}

await main();
