import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import {
  redisServerAvailable,
  startPrivateRedis,
  type PrivateRedis,
} from '../support/private-redis.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { UPDATE_TEAM, createTeam } from '../teams/support.js';
import { UNLIMITED, figures, sleep } from './support.js';

/**
 * Redis killed (-9) and restarted a few times with two API instances and subscribers on both,
 * while a team is renamed in a loop on both instances. Writes never fail for it, and once
 * Redis is back every subscriber catches up to the team's last version.
 */
const OUTAGES = Number(process.env.FAULTS_REDIS_OUTAGES ?? 3);
const SUBSCRIBERS_PER_INSTANCE = 5;
const LIVE = `subscription ($teamId: ID!) { teamUpdated(teamId: $teamId) { id version name } }`;

describe.skipIf(!postgresAvailable || !redisServerAvailable)(
  'Redis killed and restarted with two instances and subscribers',
  () => {
    let redis: PrivateRedis;
    let scratch: ScratchDatabase;
    let servers: TestServer[];
    let owner: RegisteredUser;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      scratch = await createScratchDatabase('faults_redis');
      const options = { databaseUrl: scratch.url, env: { REDIS_URL: redis.url, ...UNLIMITED } };
      servers = [await startTestServer(options), await startTestServer(options)];
      owner = await registerUser(servers[0]!);
    });
    afterAll(async () => {
      for (const server of servers ?? []) await server.close();
      await scratch?.drop();
      await redis?.stop();
    });

    it('every subscriber catches up after each outage; no write fails', async () => {
      const team = await createTeam(servers[0]!, owner, {
        gameMode: 'RAID',
        size: 10,
        visibility: 'PUBLIC',
      });
      // What each subscriber saw last.
      const seen: number[] = [];
      const subscriptions = servers.flatMap((server) =>
        Array.from({ length: SUBSCRIBERS_PER_INSTANCE }, () => {
          const index = seen.push(0) - 1;
          return server.websocket({ Authorization: `Bearer ${owner.accessToken}` }).subscribe(
            { query: LIVE, variables: { teamId: team.id } },
            {
              next: (value) => {
                const version = (value.data?.teamUpdated as { version: number } | undefined)
                  ?.version;
                if (version !== undefined) seen[index] = Math.max(seen[index]!, version);
              },
              error: () => {},
              complete: () => {},
            },
          );
        }),
      );
      let latest = team.version;
      let writes = 0;
      let failedWrites = 0;
      let running = true;
      const writer = async (server: TestServer) => {
        for (let n = 0; running; n++) {
          writes++;
          const result = await server.graphql<{ updateTeam: { version: number } }>(
            UPDATE_TEAM,
            { id: team.id, input: { name: `rename ${n}` } },
            owner.headers,
          );
          const version = result.body.data?.updateTeam.version;
          if (version === undefined) failedWrites++;
          else latest = Math.max(latest, version);
          await sleep(40);
        }
      };
      /** Seconds until every subscriber saw `target` (NaN if not within the deadline). */
      const caughtUp = async (target: number, deadlineMs = 30_000) => {
        const began = Date.now();
        while (Date.now() - began < deadlineMs) {
          if (seen.every((version) => version >= target)) return (Date.now() - began) / 1000;
          await sleep(50);
        }
        return Number.NaN;
      };
      // Everyone live first.
      await caughtUp(team.version);
      const writers = servers.map(writer);
      const catchUps: number[] = [];
      for (let outage = 0; outage < OUTAGES; outage++) {
        await sleep(700);
        await redis.kill();
        await sleep(1500);
        await redis.start();
        // Writes made during the outage: every subscriber must reach them once it is back.
        catchUps.push(await caughtUp(latest));
      }
      running = false;
      await Promise.all(writers);
      const finalCatchUp = await caughtUp(latest);
      const missed = seen.reduce((sum, version) => sum + Math.max(0, latest - version), 0);
      figures('Redis kill -9 with two instances', {
        outages: OUTAGES,
        subscribers: seen.length,
        writes,
        'failed writes': failedWrites,
        'last version': latest,
        'subscribers at last version': seen.filter((version) => version >= latest).length,
        'events missed at the end': missed,
        'catch-up s per outage': catchUps.map((s) => s.toFixed(2)).join(' / '),
      });
      for (const dispose of subscriptions) dispose();
      expect(failedWrites).toBe(0);
      expect(Number.isNaN(finalCatchUp)).toBe(false);
      expect(missed).toBe(0);
      expect(catchUps.every((seconds) => !Number.isNaN(seconds))).toBe(true);
    });
  },
);
