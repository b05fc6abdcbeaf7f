import { decodeBuildCode, eliteRolesFor, encodeBuildCode, isBoon } from '@gw2/game';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Build } from '../../src/modules/builds/build.entity.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type DatabaseTarget, type TestServer } from '../support/test-server.js';

/** Real chat codes (packages/game/src/codec/real-build-codes.json). */
const CODES = {
  dragonhunter: '[&DQEQLio6GzkmDwAAihIAAEgBTAH+ABYBiRI3AQAAAAAAAAAAAAAAAAAAAAA=]',
  berserker: '[&DQIEHzMWEhenAAAAAAAAAKwACgCqAKIBwhKcAAAAAAAAAAAAAAAAAAAAAAA=]',
  amalgam: '[&DQMGNyYvSyYqDyoPhgBfAQcBBwEmAY0Bex2JAQAAAAAAAAAAAAAAAAAAAAADWgA2ADMAAA==]',
  soulbeast: '[&DQQgPx49Nyp5AHkAAAAAAKUBpQG1ALUALhYAADsRFRsAAAAAAAAAAAAAAAA=]',
  renegade: '[&DQkDJg8qPz3cEdwRKxIrEgYSBhLUEdQRyhHKEQUCBAMGEisS1BEGEisS1BE=]',
};
const FIREBRAND = 62;
const HONOR = 49;
const VIRTUES = 46;
const DRAGONHUNTER = 27;
const firebrandRole = (eliteRolesFor(FIREBRAND).pve ?? [])[0]!.key;

const BUILD_FIELDS = /* GraphQL */ `
  id name chatCode visibility gameModes roles statPrefix notes viewerCanEdit createdAt updatedAt
  profession { id }
  specializations { specialization { id name elite } traitChoices majorTraits { id } }
  skills { land { heal utilities elite } water { heal utilities elite } }
  weapons providedBoons suggestedRoles { key context provides }
  owner { id username }
`;
const CREATE = `mutation($input: CreateBuildInput!) { createBuild(input: $input) { ${BUILD_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateBuildInput!) { updateBuild(id: $id, input: $input) { ${BUILD_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteBuild(id: $id) }`;
const GET = `query($id: ID!) { build(id: $id) { ${BUILD_FIELDS} } }`;
const IMPORT = `mutation($codes: [String!]!, $visibility: BuildVisibility! = PRIVATE) {
  importBuilds(codes: $codes, visibility: $visibility) {
    created failed
    results { index chatCode build { id name profession { id } visibility } error { code reason field message } }
  }
}`;
const LIST = `query($first: Int, $after: String, $filter: BuildFilter) {
  builds(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name visibility owner { username } } }
  }
}`;

interface BuildView {
  id: string;
  name: string;
  chatCode: string;
  visibility: string;
  gameModes: string[];
  roles: string[];
  statPrefix: string | null;
  notes: string;
  viewerCanEdit: boolean;
  profession: { id: string };
  specializations: Array<{
    specialization: { id: number; name: string; elite: boolean };
    traitChoices: number[];
    majorTraits: Array<{ id: number }>;
  }>;
  providedBoons: string[];
  suggestedRoles: Array<{ key: string; context: string; provides: string[] }>;
  owner: { id: string; username: string };
  weapons: number[];
}
interface ListView {
  builds: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; name: string; visibility: string } }>;
  };
}
type ErrorView = { message: string; extensions?: Record<string, unknown> };

const targets: DatabaseTarget[] = ['embedded', 'postgres'];

describe.each(targets)('builds on %s PostgreSQL', (target) => {
  const skip = target === 'postgres' && !postgresAvailable;
  let server: TestServer;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  /** A unique word for names, so listings of public builds see this test's builds only. */
  let tokenCount = 0;
  const token = () => `t${Date.now().toString(36)}x${(tokenCount += 1)}`;

  async function create(user: RegisteredUser, input: Record<string, unknown>): Promise<BuildView> {
    const result = await server.graphql<{ createBuild: BuildView }>(
      CREATE,
      { input },
      user.headers,
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.createBuild;
  }
  async function errorsOf(
    query: string,
    variables: Record<string, unknown>,
    user?: RegisteredUser,
  ): Promise<ErrorView[]> {
    const result = await server.graphql(query, variables, user?.headers);
    expect(result.body.errors, JSON.stringify(result.body.data)).toBeDefined();
    return result.body.errors!;
  }
  async function buildsCreatedMetric(): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^builds_created_total (\d+)/m.exec(text)?.[1] ?? 0);
  }
  async function countBuilds(): Promise<number> {
    return server.app.database.orm.em.fork().count(Build, {});
  }

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({
      database: target,
      env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_HOUR: '1000' },
    });
    alice = await registerUser(server);
    bob = await registerUser(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.skipIf(skip)('create', () => {
    it('derives every field from a chat code and stores the canonical code', async () => {
      const build = await create(alice, {
        name: '  Power Dragonhunter  ',
        chatCode: ` ${CODES.dragonhunter} `,
        gameModes: ['RAID', 'FRACTALS', 'RAID'],
        roles: ['dps'],
        statPrefix: 'berserker',
        notes: '# Rotation\n\nOpen with **Symbol of Energy**.',
        visibility: 'PUBLIC',
      });
      expect(build).toMatchObject({
        name: 'Power Dragonhunter',
        chatCode: CODES.dragonhunter,
        profession: { id: 'Guardian' },
        gameModes: ['FRACTALS', 'RAID'],
        roles: ['dps'],
        statPrefix: "Berserker's",
        visibility: 'PUBLIC',
        viewerCanEdit: true,
        owner: { id: alice.userId, username: alice.username },
      });
      expect(build.specializations.map((line) => line.specialization.name)).toEqual([
        'Radiance',
        'Zeal',
        'Dragonhunter',
      ]);
      expect(build.specializations[1]!.majorTraits.map((trait) => trait.id)).toEqual([
        634, 653, 2017,
      ]);
      expect(build.suggestedRoles.map((role) => role.key)).toEqual(['dps']);
      expect(build.providedBoons).toEqual(expect.any(Array));

      const em = server.app.database.orm.em.fork();
      const stored = await em.findOneOrFail(Build, build.id, { populate: ['owner'] });
      expect(stored.owner.id).toBe(alice.userId);
      expect(stored.profession).toBe('Guardian');
      expect(stored.specializations.map((line) => line.id)).toEqual([16, 42, DRAGONHUNTER]);
      expect(encodeBuildCode(stored.template)).toBe(CODES.dragonhunter);
    });

    it('keeps pets, legends and weapons of the code, byte for byte', async () => {
      for (const code of [CODES.soulbeast, CODES.renegade, CODES.amalgam]) {
        const build = await create(alice, { name: 'Round trip', chatCode: code });
        expect(build.chatCode).toBe(code);
        expect(build.visibility).toBe('PRIVATE');
      }
    });

    it('builds the template from explicit fields checked against the catalog', async () => {
      const build = await create(alice, {
        name: 'Quickness Firebrand',
        profession: 'guardian',
        specializations: [
          { id: HONOR, traitChoices: [1, 2, 3] },
          { id: VIRTUES, traitChoices: [2, 0, 1] },
          { id: FIREBRAND, traitChoices: [3, 3, 3] },
        ],
        skills: { land: { heal: 62, utilities: [4, 5, 6], elite: 7 } },
        weapons: [85, 89],
        roles: [firebrandRole],
        gameModes: ['STRIKES'],
      });
      expect(build.profession.id).toBe('Guardian');
      expect(
        build.specializations.map((line) => [line.specialization.id, line.traitChoices]),
      ).toEqual([
        [HONOR, [1, 2, 3]],
        [VIRTUES, [2, 0, 1]],
        [FIREBRAND, [3, 3, 3]],
      ]);
      expect(build.weapons).toEqual([85, 89]);
      const decoded = decodeBuildCode(build.chatCode);
      expect(decoded.format).toBe('CURRENT');
      expect(decoded.skills.land).toEqual({ heal: 62, utilities: [4, 5, 6], elite: 7 });
      expect(decoded.specializations[2].majorTraitIds.every((id) => id !== null)).toBe(true);
      // The declared role's boons are provided, and the suggestions follow the game mode (PvE).
      const role = build.suggestedRoles.find((option) => option.key === firebrandRole)!;
      expect(role.context).toBe('PVE');
      expect(role.provides.some(isBoon)).toBe(true);
      expect(build.providedBoons).toEqual(expect.arrayContaining(role.provides.filter(isBoon)));
      expect(build.suggestedRoles.every((option) => option.context === 'PVE')).toBe(true);
    });

    it('answers BAD_USER_INPUT with field paths and saves nothing for bad input', async () => {
      const before = await countBuilds();
      const cases: Array<{ input: Record<string, unknown>; field: string; reason?: string }> = [
        {
          input: { name: 'x', chatCode: 'not a code' },
          field: 'input.chatCode',
          reason: 'MISSING_BRACKETS',
        },
        { input: { name: 'x', chatCode: '[&AAAA]' }, field: 'input.chatCode' },
        {
          input: { name: 'x', chatCode: CODES.berserker, profession: 'Warrior' },
          field: 'input.chatCode',
        },
        { input: { name: 'x' }, field: 'input.profession' },
        { input: { name: 'x', profession: 'Bard' }, field: 'input.profession' },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            specializations: [{ id: FIREBRAND, traitChoices: [1, 1, 1] }],
          },
          field: 'input.specializations[0].id',
        },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            specializations: [{ id: 4, traitChoices: [1, 1, 1] }],
          },
          field: 'input.specializations[0].id',
        },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            specializations: [
              { id: HONOR, traitChoices: [1, 1, 1] },
              { id: HONOR, traitChoices: [1, 1, 1] },
            ],
          },
          field: 'input.specializations[1].id',
        },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            specializations: [{ id: HONOR, traitChoices: [1, 4, 1] }],
          },
          field: 'input.specializations[0].traitChoices[1]',
        },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            specializations: [{ id: HONOR, traitChoices: [1, 1] }],
          },
          field: 'input.specializations[0].traitChoices',
        },
        {
          input: {
            name: 'x',
            profession: 'Guardian',
            skills: { land: { heal: 70000, utilities: [0, 0, 0], elite: 0 } },
          },
          field: 'input.skills.land.heal',
        },
        { input: { name: 'x', profession: 'Guardian', weapons: [-1] }, field: 'input.weapons[0]' },
        { input: { name: '   ', chatCode: CODES.berserker }, field: 'input.name' },
        { input: { name: 'y'.repeat(101), chatCode: CODES.berserker }, field: 'input.name' },
        {
          input: { name: 'x', chatCode: CODES.berserker, statPrefix: 'Shiny' },
          field: 'input.statPrefix',
        },
        {
          input: { name: 'x', chatCode: CODES.berserker, roles: ['no-such-role'] },
          field: 'input.roles[0]',
        },
        {
          input: { name: 'x', chatCode: CODES.dragonhunter, notes: 'é'.repeat(5121) },
          field: 'input.notes',
        },
      ];
      for (const { input, field, reason } of cases) {
        const [error] = await errorsOf(CREATE, { input }, alice);
        expect(error?.extensions, JSON.stringify(input)).toMatchObject({
          code: 'BAD_USER_INPUT',
          field,
        });
        if (reason) expect(error?.extensions?.reason).toBe(reason);
        if (!error?.extensions?.reason) {
          expect(error?.extensions?.problems).toEqual(
            expect.arrayContaining([expect.objectContaining({ field })]),
          );
        }
      }
      expect(await countBuilds()).toBe(before);
    });

    it('lists every problem of one input at once', async () => {
      const [error] = await errorsOf(
        CREATE,
        {
          input: {
            name: '',
            profession: 'Guardian',
            specializations: [{ id: FIREBRAND, traitChoices: [0, 0, 9] }],
          },
        },
        alice,
      );
      const problems = error?.extensions?.problems as Array<{ field: string }>;
      expect(problems.map((problem) => problem.field)).toEqual([
        'input.specializations[0].id',
        'input.specializations[0].traitChoices[2]',
        'input.name',
      ]);
    });

    it('asks anonymous callers to sign in', async () => {
      const [error] = await errorsOf(CREATE, { input: { name: 'x', chatCode: CODES.berserker } });
      expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe.skipIf(skip)('read, update and delete', () => {
    it('shows private builds to their owner only, unlisted by id, public to all', async () => {
      const privateBuild = await create(alice, { name: 'Secret', chatCode: CODES.berserker });
      const unlisted = await create(alice, {
        name: 'Unlisted',
        chatCode: CODES.berserker,
        visibility: 'UNLISTED',
      });
      const own = await server.graphql<{ build: BuildView }>(
        GET,
        { id: privateBuild.id },
        alice.headers,
      );
      expect(own.body.data?.build.name).toBe('Secret');
      for (const caller of [bob, undefined]) {
        const [error] = await errorsOf(GET, { id: privateBuild.id }, caller);
        expect(error).toMatchObject({
          message: 'Build not found.',
          extensions: { code: 'NOT_FOUND' },
        });
        const seen = await server.graphql<{ build: BuildView }>(
          GET,
          { id: unlisted.id },
          caller?.headers,
        );
        expect(seen.body.data?.build).toMatchObject({ name: 'Unlisted', viewerCanEdit: false });
      }
      const [missing] = await errorsOf(GET, { id: '00000000-0000-4000-8000-000000000000' }, alice);
      expect(missing?.extensions?.code).toBe('NOT_FOUND');
      const [garbage] = await errorsOf(GET, { id: 'not-a-uuid' }, alice);
      expect(garbage?.extensions?.code).toBe('NOT_FOUND');
    });

    it('updates only the given fields, and only for the owner', async () => {
      const build = await create(alice, {
        name: 'Before',
        chatCode: CODES.dragonhunter,
        notes: 'keep me',
        visibility: 'PUBLIC',
      });
      const result = await server.graphql<{ updateBuild: BuildView }>(
        UPDATE,
        { id: build.id, input: { name: 'After', gameModes: ['ZERG'], visibility: 'UNLISTED' } },
        alice.headers,
      );
      expect(result.body.data?.updateBuild).toMatchObject({
        name: 'After',
        notes: 'keep me',
        gameModes: ['ZERG'],
        visibility: 'UNLISTED',
        chatCode: CODES.dragonhunter,
      });

      // Template fields change the template in place: the other lines stay.
      const retrait = await server.graphql<{ updateBuild: BuildView }>(
        UPDATE,
        {
          id: build.id,
          input: {
            specializations: [
              { id: 16, traitChoices: [1, 1, 1] },
              { id: 42, traitChoices: [1, 1, 1] },
              { id: FIREBRAND, traitChoices: [1, 1, 1] },
            ],
          },
        },
        alice.headers,
      );
      expect(retrait.body.errors).toBeUndefined();
      expect(retrait.body.data?.updateBuild.specializations[2]?.specialization.name).toBe(
        'Firebrand',
      );

      const replaced = await server.graphql<{ updateBuild: BuildView }>(
        UPDATE,
        { id: build.id, input: { chatCode: CODES.berserker } },
        alice.headers,
      );
      expect(replaced.body.data?.updateBuild).toMatchObject({
        chatCode: CODES.berserker,
        profession: { id: 'Warrior' },
      });

      const [forbidden] = await errorsOf(
        UPDATE,
        { id: build.id, input: { name: 'Mine now' } },
        bob,
      );
      expect(forbidden?.extensions?.code).toBe('FORBIDDEN');
      const [anonymous] = await errorsOf(UPDATE, { id: build.id, input: { name: 'Mine now' } });
      expect(anonymous?.extensions?.code).toBe('UNAUTHENTICATED');
      const after = await server.graphql<{ build: BuildView }>(
        GET,
        { id: build.id },
        alice.headers,
      );
      expect(after.body.data?.build.name).toBe('After');
    });

    it('rejects a bad update without changing anything', async () => {
      const build = await create(alice, {
        name: 'Stable',
        chatCode: CODES.dragonhunter,
        roles: ['dps'],
      });
      // "heal-quickness" is not a Dragonhunter role.
      const cases: Array<{ input: Record<string, unknown>; field: string }> = [
        { input: { name: 'Renamed', roles: ['heal-quickness'] }, field: 'input.roles[0]' },
        { input: { name: 'Renamed', chatCode: '[&DQ]' }, field: 'input.chatCode' },
        {
          input: {
            name: 'Renamed',
            profession: 'Warrior',
            specializations: [{ id: 16, traitChoices: [0, 0, 0] }],
          },
          field: 'input.specializations[0].id',
        },
        // A new profession without lines has no elite, so the kept "dps" role no longer fits.
        { input: { profession: 'Warrior' }, field: 'input.roles[0]' },
        { input: { name: 'Renamed', notes: 'x'.repeat(10 * 1024 + 1) }, field: 'input.notes' },
      ];
      for (const { input, field } of cases) {
        const [error] = await errorsOf(UPDATE, { id: build.id, input }, alice);
        expect(error?.extensions, JSON.stringify(input)).toMatchObject({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      const after = await server.graphql<{ build: BuildView }>(
        GET,
        { id: build.id },
        alice.headers,
      );
      expect(after.body.data?.build).toMatchObject({
        name: 'Stable',
        roles: ['dps'],
        chatCode: CODES.dragonhunter,
      });
    });

    it('requires roles to match a new elite when the template changes', async () => {
      const build = await create(alice, {
        name: 'Herald',
        chatCode: CODES.dragonhunter,
        roles: ['dps'],
      });
      // Firebrand has no "dps" role: the kept roles no longer fit the new elite.
      const [error] = await errorsOf(
        UPDATE,
        { id: build.id, input: { specializations: [{ id: FIREBRAND, traitChoices: [0, 0, 0] }] } },
        alice,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const fixed = await server.graphql<{ updateBuild: BuildView }>(
        UPDATE,
        {
          id: build.id,
          input: {
            specializations: [
              { id: 0, traitChoices: [0, 0, 0] },
              { id: 0, traitChoices: [0, 0, 0] },
              { id: FIREBRAND, traitChoices: [0, 0, 0] },
            ],
            roles: [firebrandRole],
          },
        },
        alice.headers,
      );
      expect(fixed.body.errors).toBeUndefined();
      expect(fixed.body.data?.updateBuild.roles).toEqual([firebrandRole]);
    });

    it('deletes for the owner only; a private build stays hidden from others', async () => {
      const publicBuild = await create(alice, {
        name: 'Doomed',
        chatCode: CODES.berserker,
        visibility: 'PUBLIC',
      });
      const privateBuild = await create(alice, { name: 'Hidden', chatCode: CODES.berserker });
      const [forbidden] = await errorsOf(DELETE, { id: publicBuild.id }, bob);
      expect(forbidden?.extensions?.code).toBe('FORBIDDEN');
      const [hidden] = await errorsOf(DELETE, { id: privateBuild.id }, bob);
      expect(hidden?.extensions?.code).toBe('NOT_FOUND');

      const deleted = await server.graphql<{ deleteBuild: string }>(
        DELETE,
        { id: publicBuild.id },
        alice.headers,
      );
      expect(deleted.body.data?.deleteBuild).toBe(publicBuild.id);
      const [gone] = await errorsOf(GET, { id: publicBuild.id }, alice);
      expect(gone?.extensions?.code).toBe('NOT_FOUND');
      const [again] = await errorsOf(DELETE, { id: publicBuild.id }, alice);
      expect(again?.extensions?.code).toBe('NOT_FOUND');
    });

    it('previews a chat code without saving it', async () => {
      const before = await countBuilds();
      const result = await server.graphql<{
        decodeBuildCode: {
          chatCode: string;
          profession: { id: string };
          specializations: Array<{ specialization: { name: string } }>;
          suggestedRoles: Array<{ key: string }>;
        };
      }>(
        `query($code: String!) { decodeBuildCode(code: $code) { chatCode profession { id } specializations { specialization { name } } suggestedRoles { key } } }`,
        { code: CODES.berserker },
      );
      expect(result.body.data?.decodeBuildCode).toMatchObject({
        chatCode: CODES.berserker,
        profession: { id: 'Warrior' },
        specializations: [
          { specialization: { name: 'Strength' } },
          { specialization: { name: 'Discipline' } },
          { specialization: { name: 'Berserker' } },
        ],
      });
      expect(result.body.data?.decodeBuildCode.suggestedRoles.map((role) => role.key)).toContain(
        'quickness-dps',
      );
      const [error] = await errorsOf(`query { decodeBuildCode(code: "[&DQEQ]") { chatCode } }`, {});
      expect(error?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'code',
        reason: 'TRUNCATED',
      });
      expect(await countBuilds()).toBe(before);
    });
  });

  describe.skipIf(skip)('import', () => {
    it('saves the codes that decode and reports each one that does not', async () => {
      const carol = await registerUser(server);
      const codes = [CODES.dragonhunter, 'garbage', CODES.soulbeast, '[&DQEQ]', CODES.renegade];
      const metricBefore = await buildsCreatedMetric();
      const result = await server.graphql<{
        importBuilds: {
          created: number;
          failed: number;
          results: Array<{
            index: number;
            build: { name: string; profession: { id: string }; visibility: string } | null;
            error: { code: string; reason: string; field: string } | null;
          }>;
        };
      }>(IMPORT, { codes, visibility: 'UNLISTED' }, carol.headers);
      expect(result.body.errors).toBeUndefined();
      const payload = result.body.data!.importBuilds;
      expect(payload).toMatchObject({ created: 3, failed: 2 });
      expect(payload.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
      expect(payload.results[0]?.build).toMatchObject({
        name: 'Dragonhunter build',
        profession: { id: 'Guardian' },
        visibility: 'UNLISTED',
      });
      expect(payload.results[1]).toMatchObject({
        build: null,
        error: { code: 'BAD_USER_INPUT', reason: 'MISSING_BRACKETS', field: 'codes[1]' },
      });
      expect(payload.results[3]).toMatchObject({
        build: null,
        error: { reason: 'TRUNCATED', field: 'codes[3]' },
      });
      const mine = await server.graphql<ListView>(LIST, { filter: { owner: 'ME' } }, carol.headers);
      expect(mine.body.data?.builds.totalCount).toBe(3);
      expect(await buildsCreatedMetric()).toBe(metricBefore + 3);
    });

    it('refuses more than 50 codes and saves none of them', async () => {
      const before = await countBuilds();
      const [error] = await errorsOf(
        IMPORT,
        { codes: Array.from({ length: 51 }, () => CODES.berserker) },
        alice,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'codes' });
      const [empty] = await errorsOf(IMPORT, { codes: [] }, alice);
      expect(empty?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'codes' });
      const [anonymous] = await errorsOf(IMPORT, { codes: [CODES.berserker] });
      expect(anonymous?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await countBuilds()).toBe(before);
    });
  });

  describe.skipIf(skip)('listing', () => {
    it('pages newest first through every build exactly once', async () => {
      const dave = await registerUser(server);
      const imported = await server.graphql(
        IMPORT,
        { codes: Array.from({ length: 23 }, (_, i) => Object.values(CODES)[i % 5]) },
        dave.headers,
      );
      expect(imported.body.errors).toBeUndefined();
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: { body: { data?: ListView | null } } = await server.graphql<ListView>(
          LIST,
          { first: 10, after, filter: { owner: 'ME' } },
          dave.headers,
        );
        const builds = page.body.data!.builds;
        expect(builds.totalCount).toBe(23);
        seen.push(...builds.edges.map((edge) => edge.node.id));
        pages += 1;
        if (!builds.pageInfo.hasNextPage) break;
        after = builds.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);

      const em = server.app.database.orm.em.fork();
      const stored = await em.find(
        Build,
        { owner: dave.userId },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      expect(seen).toEqual(stored.map((build) => build.id));
    });

    it('rejects a bad page request', async () => {
      for (const variables of [
        { first: 0 },
        { first: 101 },
        { after: 'bm9wZQ' },
        { after: '!!' },
      ]) {
        const [error] = await errorsOf(LIST, variables);
        expect(error?.extensions, JSON.stringify(variables)).toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      }
      const [me] = await errorsOf(LIST, { filter: { owner: 'ME' } });
      expect(me?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const [filter, field] of [
        [{ specialization: 999_999 }, 'filter.specialization'],
        [{ search: 'x'.repeat(101) }, 'filter.search'],
      ] as const) {
        const [error] = await errorsOf(LIST, { filter });
        expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const [profession] = await errorsOf(LIST, { filter: { profession: 'Bard' } });
      expect(profession?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.profession',
      });
    });

    it('lists public builds to everyone and adds my own private ones', async () => {
      const word = token();
      const mine = await create(alice, { name: `${word} private`, chatCode: CODES.berserker });
      await create(alice, {
        name: `${word} unlisted`,
        chatCode: CODES.berserker,
        visibility: 'UNLISTED',
      });
      const shared = await create(alice, {
        name: `${word} public`,
        chatCode: CODES.berserker,
        visibility: 'PUBLIC',
      });
      const names = async (user?: RegisteredUser) => {
        const result = await server.graphql<ListView>(
          LIST,
          { filter: { search: word } },
          user?.headers,
        );
        expect(result.body.errors).toBeUndefined();
        return result.body.data!.builds.edges.map((edge) => edge.node.id);
      };
      expect(await names()).toEqual([shared.id]);
      expect(await names(bob)).toEqual([shared.id]);
      const own = await names(alice);
      expect(own).toContain(mine.id);
      expect(own).toContain(shared.id);
      expect(own).toHaveLength(3);
    });

    it('filters by profession, specialization, game mode, role and name, combined', async () => {
      const word = token();
      const erin = await registerUser(server);
      const dh = await create(erin, {
        name: `${word} Alpha`,
        chatCode: CODES.dragonhunter,
        gameModes: ['RAID'],
        roles: ['dps'],
        visibility: 'PUBLIC',
      });
      const bers = await create(erin, {
        name: `${word} Beta 50%_off`,
        chatCode: CODES.berserker,
        gameModes: ['RAID', 'ZERG'],
        roles: ['quickness-dps'],
        visibility: 'PUBLIC',
      });
      const soul = await create(erin, {
        name: `${word} Gamma`,
        chatCode: CODES.soulbeast,
        gameModes: ['ROAMING'],
        visibility: 'PUBLIC',
      });
      const ids = async (filter: Record<string, unknown>) => {
        const result = await server.graphql<ListView>(LIST, {
          filter: { search: word, ...filter },
        });
        expect(result.body.errors, JSON.stringify(filter)).toBeUndefined();
        const builds = result.body.data!.builds;
        expect(builds.totalCount).toBe(builds.edges.length);
        return builds.edges.map((edge) => edge.node.id);
      };
      expect(await ids({})).toEqual([soul.id, bers.id, dh.id]);
      expect(await ids({ profession: 'guardian' })).toEqual([dh.id]);
      expect(await ids({ specialization: 18 })).toEqual([bers.id]);
      expect(await ids({ specialization: 16 })).toEqual([dh.id]);
      expect(await ids({ gameMode: 'RAID' })).toEqual([bers.id, dh.id]);
      expect(await ids({ gameMode: 'RAID', profession: 'Warrior' })).toEqual([bers.id]);
      expect(await ids({ role: 'dps' })).toEqual([dh.id]);
      expect(await ids({ role: 'quickness-dps', gameMode: 'ZERG' })).toEqual([bers.id]);
      expect(await ids({ search: `${word} gAMMa` })).toEqual([soul.id]);
      // LIKE wildcards in the search are plain characters.
      expect(await ids({ search: `${word} Beta 50%_` })).toEqual([bers.id]);
      expect(await ids({ search: `${word} %` })).toEqual([]);
      expect(await ids({ search: `${word} _eta` })).toEqual([]);
      expect(await ids({ gameMode: 'FRACTALS' })).toEqual([]);
      const mine = await server.graphql<ListView>(
        LIST,
        { filter: { owner: 'ME', profession: 'Ranger' } },
        erin.headers,
      );
      expect(mine.body.data?.builds.edges.map((edge) => edge.node.id)).toEqual([soul.id]);
    });
  });

  describe.skipIf(skip)('database constraints', () => {
    it('refuses notes over 10 kB and unknown visibilities even past the service', async () => {
      const build = await create(alice, { name: 'Constrained', chatCode: CODES.berserker });
      const connection = server.app.database.orm.em.getConnection();
      await expect(
        connection.execute(`update builds set notes = repeat('x', 10241) where id = ?`, [build.id]),
      ).rejects.toThrow(/check constraint/);
      await expect(
        connection.execute(`update builds set visibility = 'SECRET' where id = ?`, [build.id]),
      ).rejects.toThrow(/check constraint/);
      await connection.execute(`update builds set notes = repeat('x', 10240) where id = ?`, [
        build.id,
      ]);
    });
  });

  describe.skipIf(skip)('SQL statements', () => {
    it('lists 50 builds with their owners in a constant number of statements', async () => {
      const owners = await Promise.all(Array.from({ length: 5 }, () => registerUser(server)));
      for (const owner of owners) {
        const result = await server.graphql(
          IMPORT,
          { codes: Array.from({ length: 12 }, () => CODES.berserker), visibility: 'PUBLIC' },
          owner.headers,
        );
        expect(result.body.errors).toBeUndefined();
      }
      const query = `{ builds(first: 50) { edges { node { owner { username } } } } }`;
      const statements: string[] = [];
      // The readiness monitor pings (`select 1`) on its own timer; it is not part of the request.
      const stop = server.app.database.observeQueries((event) => {
        if (event.sql.trim() !== 'select 1') statements.push(event.sql);
      });
      try {
        for (const headers of [undefined, alice.headers]) {
          statements.length = 0;
          const result = await server.graphql<{
            builds: { edges: Array<{ node: { owner: { username: string } } }> };
          }>(query, undefined, headers);
          expect(result.body.errors).toBeUndefined();
          expect(result.body.data?.builds.edges).toHaveLength(50);
          const usernames = new Set(
            result.body.data?.builds.edges.map((edge) => edge.node.owner.username),
          );
          expect(usernames.size).toBeGreaterThan(1);
          expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(3);
        }
        // totalCount is one more statement, asked for only when selected.
        statements.length = 0;
        const counted = await server.graphql<{ builds: { totalCount: number } }>(
          `{ builds(first: 50) { totalCount edges { node { owner { username } } } } }`,
        );
        expect(counted.body.data?.builds.totalCount).toBeGreaterThanOrEqual(60);
        expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(3);
      } finally {
        stop();
      }
    });
  });
});
