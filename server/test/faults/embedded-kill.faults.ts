import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CREATE_BUILD,
  LOGIN,
  REGISTER,
  figures,
  gql,
  myBuildIds,
  sleep,
  spawnServer,
  type ServerProcess,
} from './support.js';

/**
 * kill -9 of the server (and with it the embedded database, which runs in its process) in a
 * loop while writes run: single-row creates and 10-member applySquadPlan transactions. Every
 * acknowledged write must be there after the restart, no transaction may be half there, and
 * every start must succeed, including after a kill during the very first start (initdb).
 */
const CYCLES = Number(process.env.FAULTS_KILL_CYCLES ?? 5);
const FIRST_START_KILLS = Number(process.env.FAULTS_FIRST_START_KILLS ?? 2);

const APPLY = `mutation ($input: ApplySquadPlanInput!) { applySquadPlan(input: $input) { id members { id } } }`;
const MY_TEAMS = `query ($after: String) { teams(first: 100, after: $after) { edges { node { id members { id } } } pageInfo { hasNextPage endCursor } } }`;
const MEMBERS = 10;

describe('embedded database under kill -9', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-faults-embedded-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged write and every transaction whole',
    { timeout: 600_000 },
    async () => {
      const env = { DATA_DIR: dataDir };
      let starts = 0;
      let startFailures = 0;
      const startSeconds: number[] = [];
      const start = async () => {
        const began = Date.now();
        starts++;
        try {
          server = await spawnServer(env);
        } catch (error) {
          startFailures++;
          throw error;
        }
        startSeconds.push((Date.now() - began) / 1000);
        return server;
      };

      // Killed during the very first start (initdb, migrations) at a few moments.
      for (let round = 0; round < FIRST_START_KILLS; round++) {
        let child: ChildProcess | undefined;
        const pending = spawnServer(env, (spawned) => (child = spawned)).then(
          (started) => started.kill(),
          () => undefined,
        );
        await sleep(400 + round * 900);
        child?.kill('SIGKILL');
        await pending;
      }

      const username = `fault_${randomBytes(4).toString('hex')}`;
      const password = `correct horse ${randomBytes(4).toString('hex')}`;
      let url = (await start()).url;
      const registered = await gql<{ register: { accessToken: string } }>(url, REGISTER, {
        input: { username, email: `${username}@example.test`, password },
      });
      let token = registered.data!.register.accessToken;
      const buildIds: string[] = [];
      for (let index = 0; index < MEMBERS; index++) {
        const created = await gql<{ createBuild: { id: string } }>(
          url,
          CREATE_BUILD,
          { input: { name: `member ${index}`, profession: 'Guardian' } },
          token,
        );
        buildIds.push(created.data!.createBuild.id);
      }
      const ackedBuilds = new Set(buildIds);
      const ackedTeams = new Set<string>();

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        if (cycle > 0) {
          url = (await start()).url;
          const login = await gql<{ login: { accessToken: string } }>(url, LOGIN, {
            input: { login: username, password },
          });
          token = login.data!.login.accessToken;
        }
        let running = true;
        const writer = async (kind: 'build' | 'plan', id: number) => {
          for (let n = 0; running; n++) {
            if (kind === 'build') {
              const answer = await gql<{ createBuild: { id: string } }>(
                url,
                CREATE_BUILD,
                { input: { name: `c${cycle} w${id} n${n}`, profession: 'Guardian' } },
                token,
              );
              if (answer.data?.createBuild) ackedBuilds.add(answer.data.createBuild.id);
            } else {
              const answer = await gql<{ applySquadPlan: { id: string; members: unknown[] } }>(
                url,
                APPLY,
                {
                  input: {
                    name: `plan c${cycle} n${n}`,
                    gameMode: 'RAID',
                    size: MEMBERS,
                    assignments: buildIds.map((buildId, index) => ({
                      buildId,
                      playerName: `p${index}`,
                      subgroup: index < 5 ? 1 : 2,
                    })),
                  },
                },
                token,
              );
              if (answer.data?.applySquadPlan) ackedTeams.add(answer.data.applySquadPlan.id);
            }
          }
        };
        const writers = [
          writer('build', 1),
          writer('build', 2),
          writer('plan', 3),
          writer('plan', 4),
        ];
        await sleep(800 + Math.floor(Math.random() * 1500));
        await server!.kill();
        running = false;
        await Promise.all(writers);
      }

      url = (await start()).url;
      const login = await gql<{ login: { accessToken: string } }>(url, LOGIN, {
        input: { login: username, password },
      });
      token = login.data!.login.accessToken;
      const present = await myBuildIds(url, token);
      const lostBuilds = [...ackedBuilds].filter((id) => !present.has(id));
      const teams = new Map<string, number>();
      let after: string | null = null;
      for (;;) {
        const page: Awaited<
          ReturnType<
            typeof gql<{
              teams: {
                edges: Array<{ node: { id: string; members: unknown[] } }>;
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            }>
          >
        > = await gql(url, MY_TEAMS, { after }, token);
        for (const edge of page.data!.teams.edges)
          teams.set(edge.node.id, edge.node.members.length);
        if (!page.data!.teams.pageInfo.hasNextPage) break;
        after = page.data!.teams.pageInfo.endCursor;
      }
      const lostTeams = [...ackedTeams].filter((id) => !teams.has(id));
      const torn = [...teams.values()].filter((count) => count !== MEMBERS).length;
      figures('embedded kill -9', {
        'kill cycles': CYCLES,
        'kills during first start': FIRST_START_KILLS,
        'acknowledged creates': ackedBuilds.size,
        'acknowledged 10-member transactions': ackedTeams.size,
        lost: lostBuilds.length + lostTeams.length,
        'torn transactions': torn,
        starts: `${starts - startFailures}/${starts}`,
        'slowest start s': Math.max(...startSeconds).toFixed(1),
      });
      expect(lostBuilds).toEqual([]);
      expect(lostTeams).toEqual([]);
      expect(torn).toBe(0);
      expect(startFailures).toBe(0);
      expect(ackedBuilds.size).toBeGreaterThan(MEMBERS);
    },
  );
});
