import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addMember, createBuild, createTeam, fails, ok, type EliteName } from './support.js';

interface CapabilityView {
  capability: string;
  required: boolean;
  minSources: number | null;
  score: number | null;
  providers: Array<{ memberId: string; label: string }>;
}
interface CoverageView {
  score: number;
  requirementsVersion: string;
  gaps: Array<{ subgroup: number | null; capability: string; message: string }>;
  subgroups: Array<{
    subgroup: number;
    memberIds: string[];
    score: number;
    capabilities: CapabilityView[];
  }>;
  squad: Array<CapabilityView & { count: number }>;
}

const COVERAGE = /* GraphQL */ `
  query ($id: ID!) {
    team(id: $id) {
      coverage {
        score
        requirementsVersion
        gaps {
          subgroup
          capability
          message
        }
        subgroups {
          subgroup
          memberIds
          score
          capabilities {
            capability
            required
            minSources
            score
            providers {
              memberId
              label
            }
          }
        }
        squad {
          capability
          count
          required
          minSources
          score
          providers {
            memberId
            label
          }
        }
      }
    }
  }
`;

let server: TestServer;
let alice: RegisteredUser;

beforeAll(async () => {
  server = await startTestServer({ database: 'embedded' });
  alice = await registerUser(server);
});
afterAll(async () => {
  await server?.close();
});

async function teamOf(
  gameMode: string,
  size: number,
  members: Array<{ elite: EliteName; subgroup?: number; roleKey?: string; playerName?: string }>,
) {
  const team = await createTeam(server, alice, { gameMode, size });
  const builds = new Map<EliteName, string>();
  for (const member of members) {
    if (!builds.has(member.elite))
      builds.set(member.elite, await createBuild(server, alice, member.elite));
    await addMember(server, alice, team.id, {
      buildId: builds.get(member.elite),
      subgroup: member.subgroup,
      roleKey: member.roleKey,
      playerName: member.playerName ?? member.elite,
    });
  }
  const data = await ok<{ team: { coverage: CoverageView } }>(
    server,
    COVERAGE,
    { id: team.id },
    alice,
  );
  return data.team.coverage;
}

const labelsFor = (subgroup: CoverageView['subgroups'][number], capability: string) =>
  subgroup.capabilities.find((c) => c.capability === capability)!.providers.map((p) => p.label);

describe('team.coverage', () => {
  it('a zerg party of Firebrand, Scrapper, Scourge, Spellbreaker and Herald has stability, healing, cleanse and strip', async () => {
    // Bare elite builds show no role markers: each member's chosen role says what it brings.
    const coverage = await teamOf('ZERG', 5, [
      { elite: 'Firebrand', roleKey: 'stability-core' },
      { elite: 'Scrapper', roleKey: 'heal' },
      { elite: 'Scourge', roleKey: 'dps-strip' },
      { elite: 'Spellbreaker', roleKey: 'dps-strip' },
      { elite: 'Herald', roleKey: 'stability-partner' },
    ]);
    const [party] = coverage.subgroups;
    expect(party!.memberIds).toHaveLength(5);
    expect(labelsFor(party!, 'STABILITY')).toEqual(['Firebrand', 'Herald']);
    expect(labelsFor(party!, 'HEALING')).toEqual(['Scrapper']);
    expect(labelsFor(party!, 'CONDITION_CLEANSE')).toEqual(['Firebrand', 'Scrapper', 'Scourge']);
    expect(labelsFor(party!, 'BOON_STRIP')).toEqual(['Scourge', 'Spellbreaker']);
    for (const capability of ['STABILITY', 'HEALING', 'CONDITION_CLEANSE', 'BOON_STRIP']) {
      const entry = party!.capabilities.find((c) => c.capability === capability)!;
      expect(entry, capability).toMatchObject({ required: true, score: 1 });
    }
    expect(coverage.gaps.map((g) => g.capability)).not.toEqual(
      expect.arrayContaining(['STABILITY', 'HEALING', 'CONDITION_CLEANSE', 'BOON_STRIP']),
    );
    expect(coverage.requirementsVersion).not.toBe('');
  });

  it('names the missing alacrity source of a raid subgroup', async () => {
    const coverage = await teamOf('RAID', 10, [
      // Subgroup 1: quickness and alacrity from a Chronomancer; subgroup 2: quickness only.
      { elite: 'Chronomancer', subgroup: 1, roleKey: 'heal-quickness-alacrity' },
      { elite: 'Weaver', subgroup: 1 },
      { elite: 'Berserker', subgroup: 2, roleKey: 'heal-quickness' },
      { elite: 'Weaver', subgroup: 2 },
    ]);
    const alacrityGaps = coverage.gaps.filter((g) => g.capability === 'ALACRITY');
    expect(alacrityGaps).toEqual([
      {
        subgroup: 2,
        capability: 'ALACRITY',
        message: expect.stringMatching(/^Subgroup 2 has no alacrity/),
      },
    ]);
    expect(coverage.subgroups[0]!.score).toBeGreaterThan(coverage.subgroups[1]!.score);
    expect(coverage.score).toBeGreaterThan(0);
    expect(coverage.score).toBeLessThan(100);
  });

  it('covers every subgroup the size calls for, empty ones included', async () => {
    const coverage = await teamOf('ZERG', 12, [{ elite: 'Firebrand' }]);
    expect(coverage.subgroups.map((s) => s.subgroup)).toEqual([1, 2, 3]);
    expect(coverage.gaps.some((g) => g.subgroup === 3)).toBe(true);
  });
});

const SYNERGY = /* GraphQL */ `
  query ($input: AnalyzeSynergyInput!) {
    analyzeSynergy(input: $input) {
      gameMode
      score
      summary
      sharedBoons
      sharedCapabilities
      coveredRequirements {
        capability
        have
      }
      missingRequirements {
        capability
        label
        have
      }
      entries {
        name
        basis
        provides
        role {
          key
        }
        note
      }
    }
  }
`;

describe('analyzeSynergy', () => {
  it('scores specializations as one subgroup, with shared and missing boons and a summary', async () => {
    const data = await ok<{
      analyzeSynergy: {
        score: number;
        summary: string;
        sharedBoons: string[];
        coveredRequirements: Array<{ capability: string }>;
        missingRequirements: Array<{ capability: string }>;
        entries: Array<{ name: string; basis: string; role: { key: string } | null }>;
      };
    }>(server, SYNERGY, {
      input: {
        gameMode: 'ZERG',
        entries: [
          { specialization: 'Firebrand' },
          { specialization: 'herald' },
          { specialization: '43' },
        ],
      },
    });
    const result = data.analyzeSynergy;
    expect(result.entries.map((e) => [e.name, e.basis])).toEqual([
      ['Firebrand', 'ROLE'],
      ['Herald', 'ROLE'],
      ['Scrapper', 'ROLE'],
    ]);
    expect(result.sharedBoons).toContain('STABILITY');
    expect(result.coveredRequirements.map((r) => r.capability)).toEqual(
      expect.arrayContaining(['STABILITY', 'HEALING', 'CONDITION_CLEANSE']),
    );
    expect(result.missingRequirements.map((r) => r.capability)).toContain('BOON_STRIP');
    expect(result.summary).toMatch(/Firebrand/);
    expect(result.summary).toMatch(/Still needed/);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(100);
  });

  it('credits a profession alone with its elites’ roles and says so', async () => {
    const data = await ok<{ analyzeSynergy: { entries: Array<{ basis: string; note: string }> } }>(
      server,
      SYNERGY,
      {
        input: {
          gameMode: 'RAID',
          entries: [{ profession: 'Mesmer' }, { specialization: 'Firebrand' }],
        },
      },
    );
    expect(data.analyzeSynergy.entries[0]).toMatchObject({ basis: 'PROFESSION_UNION' });
  });

  it('answers BAD_USER_INPUT for fewer than 2 or more than 5 entries and unknown names', async () => {
    const one = await fails(server, SYNERGY, {
      input: { gameMode: 'RAID', entries: [{ specialization: 'Firebrand' }] },
    });
    expect(one.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ENTRY_COUNT',
      field: 'input.entries',
    });
    const six = await fails(server, SYNERGY, {
      input: {
        gameMode: 'RAID',
        entries: Array.from({ length: 6 }, () => ({ specialization: 'Firebrand' })),
      },
    });
    expect(six.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ENTRY_COUNT' });
    const unknown = await fails(server, SYNERGY, {
      input: {
        gameMode: 'RAID',
        entries: [{ specialization: 'Firebrand' }, { specialization: 'Kitten' }],
      },
    });
    expect(unknown.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_SPECIALIZATION',
      field: 'input.entries[1].specialization',
    });
  });
});
