/**
 * One GraphQL call over HTTP to a running server, as any client makes it: for seeding through
 * the product's own API (e2e journeys, benchmarks). Self-contained on purpose: e2e imports it
 * and must not pull in server code.
 */
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
