import type { NewUser } from './data.js';

/** Seeds data through the server's own GraphQL API (what the product writes), as one player. */
export interface ApiPlayer {
  readonly username: string;
  call<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function graphqlCall<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

export async function registerThroughApi(baseUrl: string, user: NewUser): Promise<ApiPlayer> {
  const { register } = await graphqlCall<{ register: { accessToken: string } }>(
    baseUrl,
    `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
    { input: user },
  );
  return {
    username: user.username,
    call: (query, variables) => graphqlCall(baseUrl, query, variables, register.accessToken),
  };
}
