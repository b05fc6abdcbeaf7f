import { expect } from 'vitest';
import type { RegisteredUser } from '../support/accounts.js';
import type { Client as WsClient } from 'graphql-ws';
import type { TestServer } from '../support/test-server.js';

/** Elite specialization ids with their professions (packages/game/src/data). */
export const ELITES = {
  Firebrand: { id: 62, profession: 'Guardian' },
  Scrapper: { id: 43, profession: 'Engineer' },
  Scourge: { id: 60, profession: 'Necromancer' },
  Spellbreaker: { id: 61, profession: 'Warrior' },
  Herald: { id: 52, profession: 'Revenant' },
  Chronomancer: { id: 40, profession: 'Mesmer' },
  Weaver: { id: 56, profession: 'Elementalist' },
  Berserker: { id: 18, profession: 'Warrior' },
  Reaper: { id: 34, profession: 'Necromancer' },
} as const;
export type EliteName = keyof typeof ELITES;

const CREATE_BUILD = /* GraphQL */ `
  mutation ($input: CreateBuildInput!) {
    createBuild(input: $input) {
      id
    }
  }
`;

/** A build with only its elite line set (no traits): what it brings comes from its role. */
export async function createBuild(
  server: TestServer,
  user: RegisteredUser,
  elite: EliteName,
  options: { visibility?: 'PRIVATE' | 'UNLISTED' | 'PUBLIC'; name?: string; roles?: string[] } = {},
): Promise<string> {
  const { id, profession } = ELITES[elite];
  const empty = { id: 0, traitChoices: [0, 0, 0] };
  const result = await server.graphql<{ createBuild: { id: string } }>(
    CREATE_BUILD,
    {
      input: {
        name: options.name ?? elite,
        profession,
        specializations: [empty, empty, { id, traitChoices: [0, 0, 0] }],
        visibility: options.visibility ?? 'PRIVATE',
        ...(options.roles ? { roles: options.roles } : {}),
      },
    },
    user.headers,
  );
  expect(result.body.errors, 'createBuild').toBeUndefined();
  return result.body.data!.createBuild.id;
}

export const TEAM_FIELDS = /* GraphQL */ `
  id name gameMode size visibility version viewerAccess
  owner { id username }
  members { id subgroup position playerName roleKey label provides role { key } build { id name } }
`;

export interface MemberView {
  id: string;
  subgroup: number;
  position: number;
  playerName: string | null;
  roleKey: string | null;
  label: string;
  provides: string[];
  role: { key: string } | null;
  build: { id: string; name: string } | null;
}

export interface TeamView {
  id: string;
  name: string;
  gameMode: string;
  size: number;
  visibility: string;
  version: number;
  viewerAccess: string;
  owner: { id: string; username: string };
  members: MemberView[];
}

export const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { ${TEAM_FIELDS} } }`;
export const UPDATE_TEAM = `mutation ($id: ID!, $input: UpdateTeamInput!, $v: Int) { updateTeam(id: $id, input: $input, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
export const DELETE_TEAM = `mutation ($id: ID!, $v: Int) { deleteTeam(id: $id, expectedVersion: $v) }`;
export const ADD_MEMBER = `mutation ($teamId: ID!, $input: AddTeamMemberInput!, $v: Int) { addTeamMember(teamId: $teamId, input: $input, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
export const UPDATE_MEMBER = `mutation ($id: ID!, $input: UpdateTeamMemberInput!, $v: Int) { updateTeamMember(memberId: $id, input: $input, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
export const MOVE_MEMBER = `mutation ($id: ID!, $subgroup: Int!, $position: Int!, $v: Int) { moveTeamMember(memberId: $id, subgroup: $subgroup, position: $position, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation ($id: ID!, $v: Int) { removeTeamMember(memberId: $id, expectedVersion: $v) { ${TEAM_FIELDS} } }`;
export const SHARE_TEAM = `mutation ($teamId: ID!, $username: String!, $access: TeamShareAccess!) { shareTeam(teamId: $teamId, username: $username, access: $access) { access user { username } } }`;
export const UNSHARE_TEAM = `mutation ($teamId: ID!, $username: String!) { unshareTeam(teamId: $teamId, username: $username) }`;
export const GET_TEAM = `query ($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`;

export type ErrorView = { message: string; extensions?: Record<string, unknown> };

/** Runs an operation that must succeed and returns its data. */
export async function ok<T>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  user?: RegisteredUser,
): Promise<T> {
  const result = await server.graphql<T>(query, variables, user?.headers);
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data as T;
}

/** Runs an operation that must fail and returns its first error. */
export async function fails(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  user?: RegisteredUser,
): Promise<ErrorView> {
  const result = await server.graphql(query, variables, user?.headers);
  expect(result.body.errors, JSON.stringify(result.body.data)).toBeDefined();
  return result.body.errors![0]!;
}

export async function createTeam(
  server: TestServer,
  user: RegisteredUser,
  input: { name?: string; gameMode: string; size: number; visibility?: string },
): Promise<TeamView> {
  const data = await ok<{ createTeam: TeamView }>(
    server,
    CREATE_TEAM,
    { input: { name: 'Squad', ...input } },
    user,
  );
  return data.createTeam;
}

export async function addMember(
  server: TestServer,
  user: RegisteredUser,
  teamId: string,
  input: Record<string, unknown>,
): Promise<TeamView> {
  const data = await ok<{ addTeamMember: TeamView }>(server, ADD_MEMBER, { teamId, input }, user);
  return data.addTeamMember;
}

export interface LiveEvent {
  data?: { teamUpdated: { version: number } & Record<string, unknown> } | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * A subscription read one event at a time. `next()` resolves with the next event (or the
 * stream's error/completion); `afterVersion` skips events up to a version.
 */
export function liveSubscription(
  client: WsClient,
  query: string,
  variables: Record<string, unknown>,
) {
  const queue: Array<LiveEvent | { done: true } | { error: unknown }> = [];
  const waiters: Array<() => void> = [];
  const push = (item: (typeof queue)[number]) => {
    queue.push(item);
    waiters.splice(0).forEach((wake) => wake());
  };
  const dispose = client.subscribe<LiveEvent['data']>(
    { query, variables },
    {
      next: (value) => push(value as LiveEvent),
      error: (error) => push({ error }),
      complete: () => push({ done: true }),
    },
  );
  async function take(): Promise<(typeof queue)[number]> {
    while (queue.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return queue.shift()!;
  }
  return {
    take,
    /** The next event about a version above `version` (earlier ones are dropped). */
    async afterVersion(version: number): Promise<LiveEvent> {
      for (;;) {
        const item = await take();
        if (!('data' in item) && !('errors' in item))
          throw new Error(`stream ended: ${JSON.stringify(item)}`);
        const event = item as LiveEvent;
        if (event.errors) return event;
        if ((event.data?.teamUpdated.version ?? 0) > version) return event;
      }
    },
    /** Whether an event arrives within `ms`, without reading it. */
    arrivesWithin(ms: number): Promise<boolean> {
      if (queue.length > 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(wake), 1);
          resolve(false);
        }, ms);
        waiters.push(wake);
      });
    },
    dispose,
  };
}

/**
 * graphql-ws does not acknowledge a subscription, so a change made right after subscribing can
 * be missed. This repeats a harmless change until one reaches the subscriber and returns the
 * version of the last change made: later events are about later changes.
 */
export async function untilLive(
  live: ReturnType<typeof liveSubscription>,
  change: () => Promise<number>,
): Promise<number> {
  for (;;) {
    const version = await change();
    if (await live.arrivesWithin(250)) return version;
  }
}
