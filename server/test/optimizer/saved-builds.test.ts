import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { OPTIMIZE, realCode as code, type PlanResult } from './plan.documents.js';

const CREATE_BUILD = /* GraphQL */ `
  mutation ($input: CreateBuildInput!) {
    createBuild(input: $input) {
      id
    }
  }
`;

const BUILD_ADVICE = /* GraphQL */ `
  query ($buildId: ID!, $gameMode: GameMode!, $roleKey: String) {
    buildAdvice(buildId: $buildId, gameMode: $gameMode, roleKey: $roleKey) {
      buildId
      gameMode
      context
      eliteSpecialization {
        id
        name
      }
      roles {
        key
        label
        provides
      }
      traitBoons
      servedRequirements {
        capability
        scope
        label
        roleKeys
        byTraits
      }
      traitSuggestions {
        specialization
        tier
        tierName
        choice
        currentChoice
        traitId
        traitName
        boons
      }
      statPrefixes {
        roleKey
        roleLabel
        prefixes
        recommendations {
          key
          prefixes
        }
      }
      notes
    }
  }
`;

interface AdviceResult {
  buildAdvice: {
    buildId: string;
    gameMode: string;
    context: string;
    eliteSpecialization: { id: number; name: string } | null;
    roles: Array<{ key: string; label: string; provides: string[] }> | null;
    traitBoons: string[];
    servedRequirements: Array<{ capability: string; roleKeys: string[]; byTraits: boolean }>;
    traitSuggestions: Array<{
      traitId: number;
      boons: string[];
      choice: number;
      currentChoice: number;
    }>;
    statPrefixes: Array<{ roleKey: string; prefixes: string[] }>;
    notes: string[];
  };
}

describe('saved builds in optimizeSquad and buildAdvice', () => {
  let server: TestServer;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  async function createBuild(
    user: RegisteredUser,
    name: string,
    visibility: 'PRIVATE' | 'UNLISTED' | 'PUBLIC',
    roles?: string[],
  ): Promise<string> {
    const result = await server.graphql<{ createBuild: { id: string } }>(
      CREATE_BUILD,
      { input: { name, chatCode: code(name), visibility, ...(roles ? { roles } : {}) } },
      user.headers,
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.createBuild.id;
  }

  /** optimizeSquad for a 10-player raid from a roster of saved builds and chat codes. */
  function planRaidRoster(
    user: RegisteredUser,
    roster: Array<{ playerName: string; buildIds?: string[]; chatCodes?: string[] }>,
  ) {
    return server.graphql<PlanResult>(
      OPTIMIZE,
      { input: { gameMode: 'RAID', size: 10, pool: 'ROSTER', roster } },
      user.headers,
    );
  }

  beforeAll(async () => {
    server = await startTestServer({
      env: { RATE_LIMIT_AI_PER_MINUTE: '1000', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000' },
    });
    alice = await registerUser(server);
    bob = await registerUser(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('plans a roster of saved builds and chat codes, naming each assignment’s build', async () => {
    const berserker = await createBuild(alice, 'Banner Berserker', 'PRIVATE');
    const renegade = await createBuild(alice, 'Power Alac Renegade', 'PRIVATE', ['heal-alacrity']);
    const bobsAmalgam = await createBuild(bob, 'Power (Alac) Amalgam', 'PUBLIC');
    const result = await planRaidRoster(alice, [
      { playerName: 'Alice', buildIds: [berserker, renegade] },
      { playerName: 'Bob', buildIds: [bobsAmalgam] },
      { playerName: 'Carol', chatCodes: [code('Power (Quick) Ritualist')] },
    ]);
    expect(result.body.errors).toBeUndefined();
    const plan = result.body.data!.optimizeSquad;
    expect(plan.assignments).toHaveLength(3);
    const byPlayer = new Map(plan.assignments.map((a) => [a.playerName, a]));
    expect([berserker, renegade]).toContain(byPlayer.get('Alice')?.buildId);
    expect(byPlayer.get('Bob')).toMatchObject({
      buildId: bobsAmalgam,
      chatCode: code('Power (Alac) Amalgam'),
      specialization: 'Amalgam',
      profession: 'Engineer',
    });
    expect(byPlayer.get('Carol')).toMatchObject({ buildId: null, specialization: 'Ritualist' });
    // A declared role narrows the build's options: the Renegade is only offered as a healer.
    if (byPlayer.get('Alice')?.buildId === renegade) {
      expect(byPlayer.get('Alice')?.roleKey).toBe('heal-alacrity');
    }
  });

  it('answers NOT_FOUND for another user’s private build in the roster', async () => {
    const bobsPrivate = await createBuild(bob, 'Power Weaver', 'PRIVATE');
    const result = await planRaidRoster(alice, [{ playerName: 'Alice', buildIds: [bobsPrivate] }]);
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Bob himself may plan with it.
    const own = await planRaidRoster(bob, [{ playerName: 'Bob', buildIds: [bobsPrivate] }]);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?.optimizeSquad.assignments[0]?.buildId).toBe(bobsPrivate);
  });

  it('answers NOT_FOUND for an id that is not a build', async () => {
    const result = await planRaidRoster(alice, [{ playerName: 'Alice', buildIds: ['not-a-uuid'] }]);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('advises a saved build: roles, served requirements, trait suggestions and stat prefixes', async () => {
    const amalgam = await createBuild(alice, 'Power (Alac) Amalgam', 'PRIVATE');
    const result = await server.graphql<AdviceResult>(
      BUILD_ADVICE,
      { buildId: amalgam, gameMode: 'RAID' },
      alice.headers,
    );
    expect(result.body.errors).toBeUndefined();
    const advice = result.body.data!.buildAdvice;
    expect(advice).toMatchObject({
      buildId: amalgam,
      gameMode: 'RAID',
      context: 'PVE',
      eliteSpecialization: { name: 'Amalgam' },
    });
    expect(advice.roles?.map((role) => role.key)).toEqual(['alacrity-dps', 'heal-alacrity']);
    const alacrity = advice.servedRequirements.find((r) => r.capability === 'ALACRITY');
    expect(alacrity?.roleKeys).toEqual(['alacrity-dps', 'heal-alacrity']);
    expect(advice.statPrefixes.map((s) => s.roleKey)).toEqual(['alacrity-dps', 'heal-alacrity']);
    for (const role of advice.statPrefixes) expect(role.prefixes.length).toBeGreaterThan(0);
    for (const suggestion of advice.traitSuggestions) {
      expect(suggestion.boons.length).toBeGreaterThan(0);
      expect(suggestion.choice).not.toBe(suggestion.currentChoice);
    }
  });

  it('advises for one chosen role, and refuses a role the elite does not have', async () => {
    const amalgam = await createBuild(alice, 'Power (Alac) Amalgam', 'PUBLIC');
    const chosen = await server.graphql<AdviceResult>(
      BUILD_ADVICE,
      { buildId: amalgam, gameMode: 'RAID', roleKey: 'heal-alacrity' },
      bob.headers,
    );
    expect(chosen.body.errors).toBeUndefined();
    expect(chosen.body.data?.buildAdvice.statPrefixes.map((s) => s.roleKey)).toEqual([
      'heal-alacrity',
    ]);
    const unknown = await server.graphql<AdviceResult>(
      BUILD_ADVICE,
      { buildId: amalgam, gameMode: 'RAID', roleKey: 'stability-core' },
      bob.headers,
    );
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'roleKey',
      reason: 'UNKNOWN_ROLE',
    });
  });

  it('hides another user’s private build from buildAdvice', async () => {
    const bobsPrivate = await createBuild(bob, 'Power Virtuoso', 'PRIVATE');
    const asAlice = await server.graphql<AdviceResult>(
      BUILD_ADVICE,
      { buildId: bobsPrivate, gameMode: 'ZERG' },
      alice.headers,
    );
    expect(asAlice.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await server.graphql<AdviceResult>(BUILD_ADVICE, {
      buildId: bobsPrivate,
      gameMode: 'ZERG',
    });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
