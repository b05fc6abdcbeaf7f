import fc from 'fast-check';

/** One raw HTTP request to /graphql (or next to it). */
export interface RawRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
  /** A mutation that must not have run (GET mutations, batched writes...). */
  readonly mayNotWrite: boolean;
}

const CREATE_TEAM =
  'mutation { createTeam(input: { name: "fuzz-raw", gameMode: FRACTALS, size: 5 }) { id } }';
const QUERY = '{ serverInfo { version } }';

const json = { 'content-type': 'application/json' };

const contentTypes = fc.constantFrom(
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/graphql',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  '',
  '*/*',
);

const bodies = fc.oneof(
  fc.constantFrom(
    'null',
    '123',
    '"query"',
    '[]',
    '{}',
    '{"query": 42}',
    '{"query": null}',
    '{"query": ["{ boons { name } }"]}',
    `{"query": ${JSON.stringify(QUERY)}, "variables": "x"}`,
    `{"query": ${JSON.stringify(QUERY)}, "variables": [1]}`,
    `{"query": ${JSON.stringify(QUERY)}, "operationName": 5}`,
    `{"query": ${JSON.stringify(QUERY)}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`,
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    '{"query": "{ boons { name } }"',
    '{"query": "\\u0000"}',
    '{"__proto__": {"query": "{ boons { name } }"}}',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
);

export const rawRequest: fc.Arbitrary<RawRequest> = fc.oneof(
  // Mutations over GET: refused (CSRF preflight, or "mutations need POST"), nothing written.
  fc.boolean().map((preflight): RawRequest => ({
    label: `GET mutation${preflight ? ' with preflight' : ''}`,
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(CREATE_TEAM)}`,
    headers: (preflight ? { 'apollo-require-preflight': 'true' } : {}) as Record<string, string>,
    mayNotWrite: true,
  })),
  fc
    .constantFrom<Omit<RawRequest, 'mayNotWrite'>>(
      {
        label: 'GET without query',
        method: 'GET',
        path: '/graphql',
        headers: { 'apollo-require-preflight': 'true' } as Record<string, string>,
      },
      {
        label: 'GET variables not JSON',
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(QUERY)}&variables=%7B`,
        headers: { 'apollo-require-preflight': 'true' },
      },
      {
        label: 'GET two queries',
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(QUERY)}&query=x`,
        headers: { 'apollo-require-preflight': 'true' },
      },
      {
        label: 'PUT',
        method: 'PUT',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: QUERY }),
      },
      { label: 'DELETE', method: 'DELETE', path: '/graphql', headers: {} },
      { label: 'PATCH', method: 'PATCH', path: '/graphql', headers: json, body: '{}' },
      { label: 'unknown route', method: 'POST', path: '/graphql/x', headers: json, body: '{}' },
      { label: 'path traversal', method: 'GET', path: '/graphql/../../etc/passwd', headers: {} },
      {
        label: 'OPTIONS',
        method: 'OPTIONS',
        path: '/graphql',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      },
    )
    .map((request): RawRequest => ({ ...request, mayNotWrite: false })),
  // Batched arrays: refused as a whole, nothing in them runs.
  fc.integer({ min: 1, max: 50 }).map((count): RawRequest => ({
    label: 'batched array',
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: JSON.stringify(Array.from({ length: count }, () => ({ query: CREATE_TEAM }))),
    mayNotWrite: true,
  })),
  // Wrong content types: a mutation that must not run.
  contentTypes.map((type): RawRequest => ({
    label: `content-type ${type || '(none)'}`,
    method: 'POST',
    path: '/graphql',
    headers: type ? { 'content-type': type } : {},
    body: JSON.stringify({ query: CREATE_TEAM }),
    // JSON in any declared charset is still JSON; anything else must not run.
    mayNotWrite: !type.startsWith('application/json'),
  })),
  bodies.map((body): RawRequest => ({
    label: 'odd JSON body',
    method: 'POST',
    path: '/graphql',
    headers: json,
    body,
    mayNotWrite: false,
  })),
  // Just past the 1 MB body limit.
  fc.integer({ min: 1_048_577, max: 1_300_000 }).map((size): RawRequest => ({
    label: 'oversized body',
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: JSON.stringify({ query: CREATE_TEAM, variables: { pad: 'x'.repeat(size) } }),
    mayNotWrite: true,
  })),
  fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown').map((encoding): RawRequest => ({
    label: `content-encoding ${encoding}`,
    method: 'POST',
    path: '/graphql',
    headers: { ...json, 'content-encoding': encoding },
    body: Buffer.from('not compressed'),
    mayNotWrite: true,
  })),
);
