import { expect } from 'vitest';
import type { RegisteredUser } from '../support/accounts.js';
import type { TestServer } from '../support/test-server.js';
import { addMember, createTeam } from '../teams/support.js';

/** Elite specialization ids (packages/game/src/data). */
const ELITES = {
  Firebrand: { id: 62, profession: 'Guardian' },
  Weaver: { id: 56, profession: 'Elementalist' },
  Tempest: { id: 48, profession: 'Elementalist' },
} as const;

/** A build through the real API: its elite line only, with declared roles and game modes. */
export async function saveBuild(
  server: TestServer,
  user: RegisteredUser,
  elite: keyof typeof ELITES,
  roles: string[],
  gameModes: string[],
): Promise<string> {
  const { id, profession } = ELITES[elite];
  const empty = { id: 0, traitChoices: [0, 0, 0] };
  const result = await server.graphql<{ createBuild: { id: string } }>(
    `mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }`,
    {
      input: {
        name: `${elite} ${roles.join(' ')}`,
        profession,
        specializations: [empty, empty, { id, traitChoices: [0, 0, 0] }],
        roles,
        gameModes,
      },
    },
    user.headers,
  );
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data!.createBuild.id;
}

/** A team with members given as [buildId, subgroup, roleKey]. */
export async function saveTeam(
  server: TestServer,
  user: RegisteredUser,
  gameMode: string,
  size: number,
  members: [string, number, string][],
): Promise<string> {
  const team = await createTeam(server, user, { gameMode, size });
  for (const [buildId, subgroup, roleKey] of members) {
    await addMember(server, user, team.id, { buildId, subgroup, roleKey });
  }
  return team.id;
}

/**
 * The dataset the pipeline tests share (expected numbers are worked out in pipeline.test.ts):
 * A saves a raid Firebrand and a Weaver without a mode, and fields a 10-player raid team;
 * B saves a raid+fractals Firebrand and a raid Tempest, and fields a 5-player raid team;
 * C has only an empty team.
 */
export async function seedMeta(server: TestServer, [a, b, c]: RegisteredUser[]): Promise<void> {
  const fbA = await saveBuild(server, a!, 'Firebrand', ['heal-quickness'], ['RAID']);
  const weaverA = await saveBuild(server, a!, 'Weaver', ['dps'], []);
  await saveTeam(server, a!, 'RAID', 10, [
    [fbA, 1, 'heal-quickness'],
    [weaverA, 1, 'dps'],
    [weaverA, 2, 'dps'],
  ]);
  const fbB = await saveBuild(server, b!, 'Firebrand', ['heal-quickness'], ['RAID', 'FRACTALS']);
  const tempestB = await saveBuild(server, b!, 'Tempest', ['alacrity-dps'], ['RAID']);
  await saveTeam(server, b!, 'RAID', 5, [
    [fbB, 1, 'heal-quickness'],
    [tempestB, 1, 'alacrity-dps'],
  ]);
  await saveTeam(server, c!, 'RAID', 10, []);
}
