import { graphqlCall } from '../../server/test/support/graphql-http.js';
import type { NewUser } from './data.js';

export { graphqlCall };

/** Seeds data through the server's own GraphQL API (what the product writes), as one player. */
export interface ApiPlayer {
  readonly username: string;
  call<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
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
