import {
  BOONS,
  eliteRolesFor,
  listRoleOptions,
  listSpecializations,
  majorTraitsFor,
} from '@gw2/game';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const FIREBRAND = 62;

describe('catalog in GraphQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: 'embedded' });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await server.graphql<T>(query, variables);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!;
  }

  it('lists the nine professions in chat-code order with their specializations', async () => {
    const { professions } = await data<{
      professions: Array<{
        id: string;
        code: number;
        specializations: Array<{ name: string; elite: boolean }>;
      }>;
    }>('{ professions { id code specializations(elite: true) { name elite } } }');
    expect(professions.map((p) => p.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(professions[0]?.id).toBe('Guardian');
    const guardian = professions[0]!.specializations;
    expect(guardian.every((s) => s.elite)).toBe(true);
    expect(guardian.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Dragonhunter', 'Firebrand']),
    );
  });

  it('looks a profession up by id or name, ignoring case, and answers null when unknown', async () => {
    const found = await data<{ profession: { id: string; name: string } | null }>(
      '{ profession(id: "guardian") { id name } }',
    );
    expect(found.profession).toEqual({ id: 'Guardian', name: 'Guardian' });
    const missing = await data<{ profession: null }>('{ profession(id: "Bard") { id } }');
    expect(missing.profession).toBeNull();
  });

  it('filters specializations by profession and elite, both optional', async () => {
    const all = await data<{ specializations: Array<{ id: number }> }>(
      '{ specializations { id } }',
    );
    expect(all.specializations).toHaveLength(listSpecializations().length);
    const cores = await data<{ specializations: Array<{ profession: string; elite: boolean }> }>(
      '{ specializations(profession: "Warrior", elite: false) { profession elite } }',
    );
    expect(cores.specializations).toHaveLength(
      listSpecializations({ profession: 'Warrior', elite: false }).length,
    );
    expect(cores.specializations.every((s) => s.profession === 'Warrior' && !s.elite)).toBe(true);
    const result = await server.graphql('{ specializations(profession: "Bard") { id } }');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'profession',
      reason: 'UNKNOWN_PROFESSION',
    });
  });

  it('shows a specialization with its minor and major traits in chat-code order', async () => {
    const { specialization } = await data<{
      specialization: {
        name: string;
        minorTraits: Array<{ slot: string }>;
        majorTraits: Record<
          'adept' | 'master' | 'grandmaster',
          Array<{ id: number; tier: number; grants: Array<{ boon: string }> }>
        >;
      };
    }>(`{ specialization(id: ${FIREBRAND}) {
      name
      minorTraits { slot }
      majorTraits {
        adept { id tier grants { boon duration stacks } }
        master { id tier grants { boon } }
        grandmaster { id tier grants { boon } }
      }
    } }`);
    expect(specialization.name).toBe('Firebrand');
    expect(specialization.minorTraits.every((t) => t.slot === 'MINOR')).toBe(true);
    const majors = majorTraitsFor(FIREBRAND)!;
    expect(specialization.majorTraits.adept.map((t) => t.id)).toEqual(
      majors.adept.map((t) => t.id),
    );
    expect(specialization.majorTraits.grandmaster.map((t) => t.id)).toEqual(
      majors.grandmaster.map((t) => t.id),
    );
    expect(specialization.majorTraits.master.every((t) => t.tier === 2)).toBe(true);
    const boons = Object.values(specialization.majorTraits).flatMap((tier) =>
      tier.flatMap((t) => t.grants.map((g) => g.boon)),
    );
    expect(boons.every((boon) => (BOONS as readonly string[]).includes(boon))).toBe(true);
    const missing = await data<{ specialization: null }>('{ specialization(id: 999999) { id } }');
    expect(missing.specialization).toBeNull();
  });

  it('lists the 12 boons, the role options and the stat prefixes', async () => {
    const result = await data<{
      boons: string[];
      all: Array<{ key: string }>;
      firebrand: Array<{ key: string; context: string; elite: string; provides: string[] }>;
      statPrefixes: Array<{ name: string }>;
    }>(`{
      boons
      all: roles { key }
      firebrand: roles(specialization: ${FIREBRAND}, context: PVE) { key context elite provides }
      statPrefixes { name }
    }`);
    expect(result.boons).toEqual([...BOONS]);
    expect(result.all).toHaveLength(listRoleOptions().length);
    expect(result.firebrand.map((r) => r.key)).toEqual(
      (eliteRolesFor(FIREBRAND).pve ?? []).map((o) => o.key),
    );
    expect(result.firebrand.every((r) => r.context === 'PVE' && r.elite === 'Firebrand')).toBe(
      true,
    );
    const names = result.statPrefixes.map((s) => s.name);
    expect(names).toContain("Berserker's");
    expect(new Set(names).size).toBe(names.length);
  });
});
