import { reactive, readonly } from 'vue';
import { createMemoryHistory } from 'vue-router';
import type { Capability } from '../gql/graphql';
import { authKey, type Auth, type AuthUser } from '../composables/useAuth';
import { createAppRouter } from '../router';

/** A real chat code (Power Dragonhunter, from the codec's published examples). */
export const DRAGONHUNTER_CODE = '[&DQEQLio6GzkmDwAAihIAAEgBTAH+ABYBiRI3AQAAAAAAAAAAAAAAAAAAAAA=]';

const GUARDIAN = {
  __typename: 'Profession' as const,
  id: 'Guardian',
  name: 'Guardian',
  icon: 'https://render.guildwars2.com/file/guardian.png',
};

function specialization(id: number, name: string, elite: boolean) {
  return {
    __typename: 'Specialization' as const,
    id,
    name,
    icon: `https://render.guildwars2.com/file/${id}.png`,
    elite,
  };
}

/** A build as `BuildCard_build` reads it. */
export function buildCardData(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Build' as const,
    id,
    name,
    chatCode: DRAGONHUNTER_CODE,
    gameModes: ['RAID' as const],
    visibility: 'PUBLIC' as const,
    providedBoons: ['MIGHT' as const, 'FURY' as const],
    owner: { __typename: 'BuildOwner' as const, id: 'u1', username: 'logan' },
    profession: GUARDIAN,
    specializations: [
      {
        __typename: 'BuildSpecialization' as const,
        specialization: specialization(42, 'Radiance', false),
      },
      {
        __typename: 'BuildSpecialization' as const,
        specialization: specialization(65, 'Zeal', false),
      },
      {
        __typename: 'BuildSpecialization' as const,
        specialization: specialization(27, 'Dragonhunter', true),
      },
    ],
    ...overrides,
  };
}

function trait(id: number, name: string, tier: number) {
  return {
    __typename: 'Trait' as const,
    id,
    name,
    icon: null,
    tier,
    description: `${name} does things.`,
  };
}

/** A build as `BuildPage` reads it. */
export function buildPageData(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Build' as const,
    id: 'b1',
    name: 'Power Dragonhunter',
    chatCode: DRAGONHUNTER_CODE,
    gameModes: ['RAID' as const, 'STRIKES' as const],
    roles: ['power-dps'],
    statPrefix: 'Berserker',
    notes: 'Trap on pull.',
    visibility: 'PUBLIC' as const,
    updatedAt: '2026-11-24T10:00:00.000Z',
    viewerCanEdit: true,
    providedBoons: ['MIGHT' as const, 'AEGIS' as const],
    owner: { __typename: 'BuildOwner' as const, id: 'u1', username: 'logan' },
    profession: GUARDIAN,
    specializations: [
      {
        __typename: 'BuildSpecialization' as const,
        traitChoices: [2, 2, 2],
        specialization: specialization(42, 'Radiance', false),
        majorTraits: [
          trait(1, 'Right-Hand Strength', 1),
          trait(2, 'Radiant Fire', 2),
          trait(3, 'Retribution', 3),
        ],
      },
      {
        __typename: 'BuildSpecialization' as const,
        traitChoices: [1, 0, 0],
        specialization: specialization(27, 'Dragonhunter', true),
        majorTraits: [trait(4, 'Piercing Light', 1)],
      },
    ],
    suggestedRoles: [
      {
        __typename: 'RoleOption' as const,
        key: 'power-dps',
        label: 'Power DPS',
        kind: 'DPS' as const,
        context: 'PVE' as const,
        provides: ['DAMAGE' as const],
        notes: null,
      },
    ],
    ...overrides,
  };
}

/** The app's router on in-memory history, already at `path`. */
export async function routerAt(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  return router;
}

interface MemberSpec {
  id: string;
  label: string;
  subgroup: number;
  position: number;
  provides?: Capability[];
  role?: { key: string; label: string } | null;
}

/** A team member as `SquadMemberCard_member` and `SquadGrid_team` read it. */
export function memberData({
  id,
  label,
  subgroup,
  position,
  provides = ['QUICKNESS'],
  role = { key: 'quickness-dps', label: 'Quickness DPS' },
}: MemberSpec) {
  return {
    __typename: 'TeamMember' as const,
    id,
    label,
    playerName: label,
    roleKey: null,
    subgroup,
    position,
    provides,
    roleSource: 'DECLARED' as const,
    role: role && { __typename: 'RoleOption' as const, ...role },
    roleInference: {
      __typename: 'RoleInference' as const,
      role: role && { __typename: 'RoleOption' as const, ...role, provides },
      alternatives: [
        {
          __typename: 'RoleCandidate' as const,
          role: {
            __typename: 'RoleOption' as const,
            key: 'heal',
            label: 'Heal',
            provides: ['HEALING'] as Capability[],
          },
        },
      ],
    },
    build: {
      __typename: 'Build' as const,
      id: `build-${id}`,
      name: `${label}'s build`,
      profession: GUARDIAN,
      specializations: [
        {
          __typename: 'BuildSpecialization' as const,
          specialization: specialization(62, 'Firebrand', true),
        },
      ],
    },
  };
}

function capability(name: string, required: boolean, providers: string[], minSources = 1) {
  return {
    __typename: 'CapabilityCoverage' as const,
    capability: name,
    required,
    minSources: required ? minSources : null,
    score: required ? Math.min(1, providers.length / minSources) : null,
    providers: providers.map((label) => ({
      __typename: 'CoverageProvider' as const,
      memberId: label,
      label,
    })),
  };
}

/** Coverage with one covered and one missing requirement per subgroup. */
export function coverageData(groups: { quickness: string[]; alacrity: string[] }[]) {
  const gaps = groups.flatMap((group, index) =>
    group.alacrity.length === 0
      ? [
          {
            __typename: 'CoverageGap' as const,
            subgroup: index + 1,
            capability: 'ALACRITY',
            scope: 'SUBGROUP',
            have: 0,
            need: 1,
            message: `Subgroup ${index + 1} has no alacrity source`,
          },
        ]
      : [],
  );
  return {
    __typename: 'TeamCoverage' as const,
    score: 50,
    gaps,
    subgroups: groups.map((group, index) => ({
      __typename: 'SubgroupCoverage' as const,
      subgroup: index + 1,
      score: (group.quickness.length > 0 ? 0.5 : 0) + (group.alacrity.length > 0 ? 0.5 : 0),
      capabilities: [
        capability('QUICKNESS', true, group.quickness),
        capability('ALACRITY', true, group.alacrity),
        capability('MIGHT', false, group.quickness),
      ],
    })),
  };
}

/** A team as `TeamPage_team` reads it. */
export function teamData(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Team' as const,
    id: 't1',
    name: 'Raid night',
    gameMode: 'RAID' as const,
    size: 10,
    version: 3,
    visibility: 'PRIVATE' as const,
    viewerAccess: 'OWNER' as const,
    owner: { __typename: 'UserProfile' as const, id: 'u1', username: 'logan' },
    shares: [],
    members: [
      memberData({ id: 'm1', label: 'Anna', subgroup: 1, position: 1 }),
      memberData({ id: 'm2', label: 'Bert', subgroup: 1, position: 2, provides: ['ALACRITY'] }),
    ],
    coverage: coverageData([
      { quickness: ['Anna'], alacrity: ['Bert'] },
      { quickness: [], alacrity: [] },
    ]),
    ...overrides,
  };
}

/** A signed-in (or signed-out) viewer for pages that read `useAuth()`; no network. */
export function fakeAuth(user: AuthUser | null = SIGNED_IN): Auth {
  const state = reactive({ user, restoring: false });
  return {
    state: readonly(state),
    signIn: async () => undefined,
    register: async () => undefined,
    refresh: async () => user !== null,
    signOut: async () => {
      state.user = null;
    },
    forget: async () => {
      state.user = null;
    },
    dispose: () => undefined,
  };
}

export const SIGNED_IN: AuthUser = { id: 'u1', username: 'logan', email: 'logan@example.org' };

/** `global.provide` entries for a page test: the mocked Apollo client and a viewer. */
export function provideFor(
  apollo: { global: { provide: Record<symbol, unknown> } },
  user: AuthUser | null = SIGNED_IN,
) {
  return { ...apollo.global.provide, [authKey]: fakeAuth(user) };
}
