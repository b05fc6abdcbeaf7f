import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/platform/graphql/errors.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { operationRequest, rootFields, structuralRequest, type FuzzRequest } from './documents.js';
import { rawRequest, type RawRequest } from './transport-cases.js';

/**
 * Property-based hostile traffic against the real server (embedded database): every operation
 * of the schema with generated arguments, documents that attack the shape, and raw HTTP that
 * attacks the transport. Whatever is sent: no 5xx, no INTERNAL_SERVER_ERROR, every error
 * coded, nothing written by a refused request, and the server still answers.
 *
 * FUZZ_SEED replays a run; FUZZ_RUNS scales it (default 3,000 requests in all).
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const totalRuns = Number(process.env.FUZZ_RUNS ?? 3000);
const KNOWN_CODES = new Set<string>(ERROR_CODES);

// Tables a refused request must leave alone. ai_jobs and meta_* are written by background
// work; a refused sign-in legitimately records the failure on its user (back-off).
const WATCHED_TABLES = [
  'users',
  'refresh_sessions',
  'builds',
  'teams',
  'team_members',
  'team_shares',
];
const MAY_WRITE_WHEN_REFUSED: Record<string, readonly string[]> = {
  login: ['users'],
  changePassword: ['users'],
  deleteAccount: ['users'],
};

interface Figures {
  requests: number;
  byStatus: Map<number, number>;
  byCode: Map<string, number>;
  refusedWritesChecked: number;
}

describe('hostile traffic (property-based)', () => {
  let server: TestServer;
  let user: RegisteredUser;
  const schema = buildSchema(
    readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'),
  );
  const figures: Figures = {
    requests: 0,
    byStatus: new Map(),
    byCode: new Map(),
    refusedWritesChecked: 0,
  };

  beforeAll(async () => {
    // eslint-disable-next-line no-console -- the figures are this harness's output
    console.log(`[fuzz] seed ${seed} (replay with FUZZ_SEED=${seed}), ${totalRuns} requests`);
    server = await startTestServer({
      env: {
        // The limits are tested elsewhere: here they would answer most requests by themselves.
        RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
        RATE_LIMIT_GLOBAL_PER_HOUR: '1000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
        RATE_LIMIT_AUTH_PER_HOUR: '1000000',
        RATE_LIMIT_AI_PER_MINUTE: '20',
        LOG_LEVEL: 'warn',
      },
    });
    user = await registerUser(server);
  });

  afterAll(async () => {
    const statuses = [...figures.byStatus].map(([status, n]) => `${status}:${n}`).join(' ');
    const codes = [...figures.byCode].map(([code, n]) => `${code}:${n}`).join(' ');
    // eslint-disable-next-line no-console -- the figures are this harness's output
    console.log(
      `[fuzz] figures: ${figures.requests} requests, statuses ${statuses}; codes ${codes}; ` +
        `${figures.refusedWritesChecked} refused writes checked; seed ${seed}`,
    );
    await server?.close();
  });

  const fingerprint = async (): Promise<Record<string, string>> => {
    const connection = server.app.database.orm.em.fork().getConnection();
    // xmin moves on every insert and update, count on every delete.
    const sql = WATCHED_TABLES.map(
      (table) =>
        `select '${table}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as f from "${table}"`,
    ).join(' union all ');
    const rows = await connection.execute<Array<{ t: string; f: string }>>(sql);
    return Object.fromEntries(rows.map((row) => [row.t, row.f]));
  };

  const headersFor = (auth: 'none' | 'user' | 'forged'): Record<string, string> =>
    auth === 'user'
      ? user.headers
      : auth === 'forged'
        ? { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }
        : {};

  /** Status and body checks shared by every case; returns the parsed errors. */
  const checkResponse = async (label: string, response: Response) => {
    figures.requests++;
    figures.byStatus.set(response.status, (figures.byStatus.get(response.status) ?? 0) + 1);
    const text = await response.text();
    const context = `${label} → ${response.status} ${text.slice(0, 300)}`;
    expect(response.status, context).toBeLessThan(500);
    if (response.status === 204) return { data: undefined, errors: [] };
    let body: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`not JSON: ${context}`);
    }
    const errors = body.errors ?? [];
    if (response.status >= 400) expect(errors.length, context).toBeGreaterThan(0);
    for (const error of errors) {
      const code = error.extensions?.code;
      expect(typeof code === 'string' && KNOWN_CODES.has(code), context).toBe(true);
      expect(code, context).not.toBe('INTERNAL_SERVER_ERROR');
      figures.byCode.set(String(code), (figures.byCode.get(String(code)) ?? 0) + 1);
    }
    return { data: body.data, errors };
  };

  const refused = (result: { data: unknown; errors: unknown[] }) =>
    result.errors.length > 0 && (result.data === null || result.data === undefined);

  /** Re-signs in when a generated mutation ended the session (logout, password change...). */
  const keepSignedIn = async () => {
    const me = await server.graphql<{ me: { id: string } | null }>(
      '{ me { id } }',
      undefined,
      user.headers,
    );
    if (me.status !== 200 || !me.body.data?.me) user = await registerUser(server);
  };

  const sendGraphQL = async (request: FuzzRequest, auth: 'none' | 'user' | 'forged') => {
    const writes = request.kind === 'mutation';
    const before = writes ? await fingerprint() : undefined;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headersFor(auth) },
      body: JSON.stringify(request.body),
    });
    const result = await checkResponse(`${request.label} as ${auth}`, response);
    if (before && refused(result)) {
      const after = await fingerprint();
      const allowed = MAY_WRITE_WHEN_REFUSED[request.field ?? ''] ?? [];
      for (const table of WATCHED_TABLES.filter((name) => !allowed.includes(name)))
        expect(after[table], `${request.label}: refused but wrote ${table}`).toBe(before[table]);
      figures.refusedWritesChecked++;
    }
    const signedOut = result.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
    if (auth === 'user' && (signedOut || request.field === 'changePassword')) await keepSignedIn();
  };

  const sendRaw = async (request: RawRequest) => {
    const before = request.mayNotWrite ? await fingerprint() : undefined;
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, ...user.headers },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    const result = await checkResponse(request.label, response);
    if (before) {
      expect(result.errors.length, `${request.label} ran`).toBeGreaterThan(0);
      expect(await fingerprint(), `${request.label} wrote`).toEqual(before);
      figures.refusedWritesChecked++;
    }
  };

  /** Counterexamples print as a summary: a generated body can be megabytes. */
  const summarised = <T extends { label: string }>(arbitrary: fc.Arbitrary<T>) =>
    arbitrary.map((value) =>
      Object.assign(value, {
        [fc.toStringMethod]: () => `${value.label}: ${JSON.stringify(value).slice(0, 600)}`,
      }),
    );
  const auth = fc.constantFrom<'none' | 'user' | 'forged'>('user', 'user', 'none', 'forged');
  const runs = (share: number) => ({
    seed,
    numRuns: Math.ceil(totalRuns * share),
    endOnFailure: true,
  });

  it('every operation with generated arguments', { timeout: 600_000 }, async () => {
    const operations = fc.oneof(
      ...rootFields(schema)
        // A deliberate INTERNAL_SERVER_ERROR (to check Sentry wiring): not a finding.
        .filter(({ field }) => field.name !== 'sentryDebug')
        .map(({ kind, field }) => operationRequest(kind, field)),
    );
    await fc.assert(fc.asyncProperty(summarised(operations), auth, sendGraphQL), runs(0.6));
  });

  it('documents that attack the shape', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(summarised(structuralRequest(schema)), auth, sendGraphQL),
      runs(0.25),
    );
  });

  it('raw HTTP that attacks the transport', { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(summarised(rawRequest), sendRaw), runs(0.15));
  });

  it('still answers, and answers right, afterwards', async () => {
    const info = await server.graphql<{ serverInfo: { version: string } }>(
      '{ serverInfo { version } }',
    );
    expect(info.status).toBe(200);
    expect(info.body.data?.serverInfo.version).toBe('0.1.0');
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(figures.requests).toBeGreaterThanOrEqual(totalRuns);
  });
});
