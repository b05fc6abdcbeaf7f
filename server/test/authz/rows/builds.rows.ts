import { expect } from 'vitest';
import type { RegisteredUser } from '../../support/accounts.js';
import type { TestServer } from '../../support/test-server.js';
import type { Actor, AuthzFixture, AuthzRow } from '../authz-table.js';

const CODE = '[&DQIEHzMWEhenAAAAAAAAAKwACgCqAKIBwhKcAAAAAAAAAAAAAAAAAAAAAAA=]';
const GET = 'query ($id: ID!) { build(id: $id) { id name } }';

type Visibility = 'PRIVATE' | 'UNLISTED' | 'PUBLIC';

async function createBuild(
  server: TestServer,
  owner: RegisteredUser,
  visibility: Visibility,
  name = `Row build ${visibility}`,
): Promise<string> {
  const result = await server.graphql<{ createBuild: { id: string } }>(
    'mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }',
    { input: { name, chatCode: CODE, visibility } },
    owner.headers,
  );
  const id = result.body.data?.createBuild.id;
  if (!id) throw new Error(`createBuild failed: ${JSON.stringify(result.body.errors)}`);
  return id;
}

/** The owner's build as the owner reads it back (null once deleted). */
async function ownersView(fixture: AuthzFixture, id: string) {
  const result = await fixture.server.graphql<{ build: { name: string } }>(
    GET,
    { id },
    fixture.owner.headers,
  );
  return result.body.data?.build ?? null;
}

function readRow(visibility: Visibility, others: 'OK' | 'NOT_FOUND'): AuthzRow {
  return {
    operation: 'build',
    document: GET,
    variables: async ({ server, owner }) => ({ id: await createBuild(server, owner, visibility) }),
    expectations: { anonymous: others, otherUser: others, owner: 'OK' },
  };
}

function changeRows(visibility: 'PRIVATE' | 'PUBLIC'): AuthzRow[] {
  // A stranger may see a public build but not change it; a private one does not exist for them.
  const stranger = visibility === 'PUBLIC' ? 'FORBIDDEN' : 'NOT_FOUND';
  const unchanged = async (fixture: AuthzFixture, actor: Actor, id: string) => {
    const build = await ownersView(fixture, id);
    if (actor === 'owner') return build;
    expect(build?.name, `the ${visibility} build is intact after ${actor}`).toBe(
      `Row build ${visibility}`,
    );
    return build;
  };
  let lastId = '';
  return [
    {
      operation: 'updateBuild',
      document:
        'mutation ($id: ID!, $input: UpdateBuildInput!) { updateBuild(id: $id, input: $input) { id } }',
      variables: async ({ server, owner }) => {
        lastId = await createBuild(server, owner, visibility);
        return { id: lastId, input: { name: 'Taken over' } };
      },
      expectations: { anonymous: 'UNAUTHENTICATED', otherUser: stranger, owner: 'OK' },
      async verify(fixture, actor) {
        const build = await unchanged(fixture, actor, lastId);
        if (actor === 'owner') expect(build?.name).toBe('Taken over');
      },
    },
    {
      operation: 'deleteBuild',
      document: 'mutation ($id: ID!) { deleteBuild(id: $id) }',
      variables: async ({ server, owner }) => {
        lastId = await createBuild(server, owner, visibility);
        return { id: lastId };
      },
      expectations: { anonymous: 'UNAUTHENTICATED', otherUser: stranger, owner: 'OK' },
      async verify(fixture, actor) {
        const build = await unchanged(fixture, actor, lastId);
        if (actor === 'owner') expect(build).toBeNull();
      },
    },
  ];
}

const LIST = `query ($filter: BuildFilter) { builds(first: 100, filter: $filter) { edges { node { id } } } }`;
let listed: { privateId: string; publicId: string } = { privateId: '', publicId: '' };

/** Builds: private ones are the owner's alone, unlisted ones readable by id, public ones listed. */
export const buildRows: readonly AuthzRow[] = [
  readRow('PRIVATE', 'NOT_FOUND'),
  readRow('UNLISTED', 'OK'),
  readRow('PUBLIC', 'OK'),
  {
    operation: 'builds',
    document: LIST,
    variables: async ({ server, owner }) => {
      const word = `listed${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      listed = {
        privateId: await createBuild(server, owner, 'PRIVATE', `${word} private`),
        publicId: await createBuild(server, owner, 'PUBLIC', `${word} public`),
      };
      return { filter: { owner: 'ANY', search: word } };
    },
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
    async verify(_fixture, actor, result) {
      const data = result.body.data?.builds as { edges: Array<{ node: { id: string } }> };
      const ids = data.edges.map((edge) => edge.node.id);
      expect(ids).toContain(listed.publicId);
      if (actor === 'owner') expect(ids).toContain(listed.privateId);
      else expect(ids).not.toContain(listed.privateId);
    },
  },
  {
    operation: 'builds',
    document: LIST,
    variables: async ({ server, owner }) => {
      listed = { privateId: await createBuild(server, owner, 'PRIVATE'), publicId: '' };
      return { filter: { owner: 'ME' } };
    },
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
    async verify(_fixture, actor, result) {
      if (actor === 'anonymous') return;
      const data = result.body.data?.builds as { edges: Array<{ node: { id: string } }> };
      const ids = data.edges.map((edge) => edge.node.id);
      expect(ids.includes(listed.privateId)).toBe(actor === 'owner');
    },
  },
  {
    operation: 'createBuild',
    document: 'mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }',
    variables: async () => ({ input: { name: 'New', chatCode: CODE } }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'importBuilds',
    document: 'mutation ($codes: [String!]!) { importBuilds(codes: $codes) { created } }',
    variables: async () => ({ codes: [CODE] }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
  },
  ...changeRows('PUBLIC'),
  ...changeRows('PRIVATE'),
  {
    operation: 'decodeBuildCode',
    document: 'query ($code: String!) { decodeBuildCode(code: $code) { chatCode } }',
    variables: async () => ({ code: CODE }),
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'professions',
    document: '{ professions { id specializations { id } } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'specialization',
    document: '{ specialization(id: 62) { name minorTraits { id } majorTraits { adept { id } } } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
];
