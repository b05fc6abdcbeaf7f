import { createMemoryHistory } from 'vue-router';
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
