/**
 * Seeds a running project through its own API (so every row is what the product writes).
 */
import { graphqlCall as graphql } from '../../test/support/graphql-http.js';

export { graphql };

/** Real chat codes of several professions (the codec's test fixtures). */
export const CHAT_CODES = [
  '[&DQEQLio6GzkmDwAAihIAAEgBTAH+ABYBiRI3AQAAAAAAAAAAAAAAAAAAAAA=]',
  '[&DQIEHzMWEhenAAAAAAAAAKwACgCqAKIBwhKcAAAAAAAAAAAAAAAAAAAAAAA=]',
  '[&DQMGNyYvSyYqDyoPhgBfAQcBBwEmAY0Bex2JAQAAAAAAAAAAAAAAAAAAAAADWgA2ADMAAA==]',
  '[&DQQgPx49Nyp5AHkAAAAAAKUBpQG1ALUALhYAADsRFRsAAAAAAAAAAAAAAAA=]',
  '[&DQUcPSMbBzmUEoUAVAEvATMBVwGwEjMBDgEOAQAAAAAAAAAAAAAAAAAAAAA=]',
  '[&DQYfLSkaOCcXAXQANRfLAL4BjwBOARwBlwCWAAAAAAAAAAAAAAAAAAAAAAA=]',
  '[&DQcBHQoZQjojDyMP3RqPAY8B3RppAWkB7RIAAAAAAAAAAAAAAAAAAAAAAAADLwAxAFoAAA==]',
  '[&DQg1KTIlTCuHHaIAdQEAAI4dAABVHQAAlQAAAAAAAAAAAAAAAAAAAAAAAAA=]',
  '[&DQkDJg8qPz3cEdwRKxIrEgYSBhLUEdQRyhHKEQUCBAMGEisS1BEGEisS1BE=]',
];

export interface BenchUser {
  readonly id: string;
  readonly username: string;
  readonly token: string;
}

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      user {
        id
        username
      }
    }
  }
`;

export async function registerUsers(
  url: string,
  count: number,
  label: string,
): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  // A few at a time: password hashing is deliberately slow.
  for (let start = 0; start < count; start += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, count - start) }, async (_, offset) => {
        const n = start + offset;
        const username = `${label}${n}`;
        const data = await graphql<{
          register: { accessToken: string; user: { id: string; username: string } };
        }>(url, REGISTER, {
          input: { email: `${username}@bench.example`, username, password: 'bench-password-1234' },
        });
        return { id: data.register.user.id, username, token: data.register.accessToken };
      }),
    );
    users.push(...batch);
  }
  return users;
}

const IMPORT = /* GraphQL */ `
  mutation ($codes: [String!]!, $visibility: BuildVisibility!) {
    importBuilds(codes: $codes, visibility: $visibility) {
      created
      results {
        build {
          id
        }
      }
    }
  }
`;

/** `count` builds of `owner` with the given visibility; returns their ids. */
export async function importBuilds(
  url: string,
  owner: BenchUser,
  count: number,
  visibility: 'PUBLIC' | 'PRIVATE',
): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const codes = Array.from(
      { length: Math.min(50, count - ids.length) },
      (_, i) => CHAT_CODES[(ids.length + i) % CHAT_CODES.length]!,
    );
    const data = await graphql<{
      importBuilds: { created: number; results: Array<{ build: { id: string } | null }> };
    }>(url, IMPORT, { codes, visibility }, owner.token);
    if (data.importBuilds.created !== codes.length)
      throw new Error('a bench chat code failed to import');
    ids.push(...data.importBuilds.results.map((r) => r.build!.id));
  }
  return ids;
}

/** A public team of `size` members playing `buildIds` in turn; returns its id. */
export async function createTeamWithMembers(
  url: string,
  owner: BenchUser,
  options: { gameMode: string; size: number; buildIds: readonly string[] },
): Promise<string> {
  const created = await graphql<{ createTeam: { id: string } }>(
    url,
    `
      mutation ($input: CreateTeamInput!) {
        createTeam(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        name: 'Bench squad',
        gameMode: options.gameMode,
        size: options.size,
        visibility: 'PUBLIC',
      },
    },
    owner.token,
  );
  const teamId = created.createTeam.id;
  for (let i = 0; i < options.size; i += 1) {
    await graphql(
      url,
      `
        mutation ($teamId: ID!, $input: AddTeamMemberInput!) {
          addTeamMember(teamId: $teamId, input: $input) {
            id
          }
        }
      `,
      {
        teamId,
        input: {
          buildId: options.buildIds[i % options.buildIds.length],
          playerName: `Player ${i + 1}`,
        },
      },
      owner.token,
    );
  }
  return teamId;
}

export async function shareTeam(
  url: string,
  owner: BenchUser,
  teamId: string,
  username: string,
  access: 'VIEW' | 'EDIT',
): Promise<void> {
  await graphql(
    url,
    `
      mutation ($teamId: ID!, $username: String!, $access: TeamShareAccess!) {
        shareTeam(teamId: $teamId, username: $username, access: $access) {
          access
        }
      }
    `,
    { teamId, username, access },
    owner.token,
  );
}
