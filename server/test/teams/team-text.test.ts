import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addMember, createBuild, createTeam, fails, ok } from './support.js';

const TEAM_TEXT = /* GraphQL */ `
  query ($id: ID!) {
    team(id: $id) {
      chat: asText(format: SQUAD_CHAT)
      discord: asText(format: DISCORD)
      members {
        playerName
        subgroup
        role {
          label
        }
      }
      coverage {
        gaps {
          subgroup
          capability
        }
      }
    }
  }
`;

interface TeamText {
  team: {
    chat: string;
    discord: string;
    members: { playerName: string | null; subgroup: number; role: { label: string } | null }[];
    coverage: { gaps: { subgroup: number | null; capability: string }[] };
  };
}

let server: TestServer;
let alice: RegisteredUser;
let bob: RegisteredUser;

beforeAll(async () => {
  server = await startTestServer({ database: 'embedded' });
  [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
});
afterAll(async () => {
  await server?.close();
});

const words = (capability: string) => capability.toLowerCase().replace(/_/g, ' ');

describe('team asText', () => {
  it('writes the squad for squad chat and for Discord: players, builds, roles, gaps', async () => {
    const team = await createTeam(server, alice, {
      name: 'Reset night',
      gameMode: 'ZERG',
      size: 10,
    });
    const firebrand = await createBuild(server, alice, 'Firebrand', { name: 'Stab FB' });
    const berserker = await createBuild(server, alice, 'Berserker', { name: 'Banner bers' });
    await addMember(server, alice, team.id, {
      buildId: firebrand,
      playerName: 'Fira',
      subgroup: 1,
    });
    await addMember(server, alice, team.id, { buildId: berserker, subgroup: 1 });

    const { team: read } = await ok<TeamText>(server, TEAM_TEXT, { id: team.id }, alice);
    const fira = read.members.find((member) => member.playerName === 'Fira')!;
    const bers = read.members.find((member) => member.playerName === null)!;
    const gapsOf = (subgroup: number) =>
      read.coverage.gaps
        .filter((gap) => gap.subgroup === subgroup)
        .map((gap) => words(gap.capability));
    expect(gapsOf(2).length).toBeGreaterThan(0);

    const chat = read.chat.split('\n');
    expect(chat[0]).toBe('Reset night — WvW zerg, 2/10');
    const firaPart = `Fira (Firebrand${fira.role ? `, ${fira.role.label}` : ''})`;
    const bersPart = `Banner bers (Berserker${bers.role ? `, ${bers.role.label}` : ''})`;
    expect(chat[1]).toContain(`G1: ${firaPart} | ${bersPart}`);
    for (const gap of gapsOf(1)) expect(chat[1]).toContain(gap);
    expect(chat[2]).toBe(`G2: empty | NEEDS ${gapsOf(2).join(', ')}`);

    expect(read.discord).toContain('## Reset night\nWvW zerg · 2/10 players');
    expect(read.discord).toContain('**Subgroup 1** (2/5)\n- **Fira** — Firebrand');
    expect(read.discord).toContain('· Stab FB');
    expect(read.discord).toContain(
      `**Subgroup 2** (0/5)\n- *empty*\n> ⚠️ Missing: ${gapsOf(2).join(', ')}`,
    );
  });

  it('is read like the team: others get NOT_FOUND, a wrong format BAD_USER_INPUT', async () => {
    const team = await createTeam(server, alice, { name: 'Private', gameMode: 'RAID', size: 10 });
    const hidden = await fails(server, TEAM_TEXT, { id: team.id }, bob);
    expect(hidden.extensions?.code).toBe('NOT_FOUND');
    const wrong = await fails(
      server,
      `query ($id: ID!) { team(id: $id) { asText(format: SLACK) } }`,
      { id: team.id },
      alice,
    );
    expect(wrong.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
