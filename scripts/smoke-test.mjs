#!/usr/bin/env node
// Smoke test against a running server: `scripts/smoke-test.sh BASE_URL` (default http://127.0.0.1:4000).
// Checks health, readiness, /docs, /metrics reachability, a query over HTTP and one over the
// websocket, then the account/build/team flow for the features this checkout's schema has.
// Exits non-zero on the first failure; prints one line per check.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:4000').replace(
  /\/$/,
  '',
);
const schema = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
const has = (field) =>
  new RegExp(`^\\s+${field}\\(`, 'm').test(schema) ||
  new RegExp(`^\\s+${field}:`, 'm').test(schema);
let passed = 0;

function ok(name, detail = '') {
  passed += 1;
  console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
}
function fail(name, detail) {
  console.log(`FAIL ${name}: ${detail}`);
  console.log(`smoke: ${passed} passed, 1 failed`);
  process.exit(1);
}

async function graphql(query, variables, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length)
    throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data;
}

async function check(name, fn) {
  try {
    const detail = await fn();
    ok(name, detail);
  } catch (error) {
    fail(name, error instanceof Error ? error.message : String(error));
  }
}

await check('GET /health', async () => {
  const response = await fetch(`${base}/health`);
  const body = await response.json();
  if (response.status !== 200 || body.status !== 'healthy')
    throw new Error(`${response.status} ${JSON.stringify(body)}`);
});
await check('GET /ready', async () => {
  const response = await fetch(`${base}/ready`);
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
});
await check('GET /docs/ (playground)', async () => {
  const response = await fetch(`${base}/docs/`);
  if (response.status !== 200) throw new Error(String(response.status));
});
await check('GET / (client)', async () => {
  const response = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  if (response.status !== 200) throw new Error(String(response.status));
});
await check('query serverInfo over HTTP', async () => {
  const data = await graphql('{ serverInfo { version database redis } }');
  return `${data.serverInfo.version}, ${data.serverInfo.database}, redis ${data.serverInfo.redis}`;
});
await check('subscription over websocket', async () => {
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    const ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event within 5 s')), 5000);
      client.subscribe(
        { query: 'subscription { readinessChanged { ready } }' },
        {
          next: (value) => {
            clearTimeout(timer);
            resolve(value.data?.readinessChanged.ready);
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    if (ready !== true) throw new Error(`ready = ${ready}`);
  } finally {
    await client.dispose();
  }
});

let token;
if (has('register')) {
  const name = `smoke_${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  await check('register', async () => {
    await graphql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', {
      i: { email: `${name}@example.com`, username: name, password },
    });
  });
  await check('login and me', async () => {
    const data = await graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { login: name, password },
    });
    token = data.login.accessToken;
    const me = await graphql('{ me { username } }', undefined, token);
    if (me.me.username !== name) throw new Error(JSON.stringify(me));
  });
}
let buildId;
if (token && has('createBuild')) {
  await check('create a build from a chat code', async () => {
    // Power Dragonhunter, from discretize/discretize-guides (see packages/game/src/codec/real-build-codes.json).
    const code = '[&DQEQLio6GzkmDwAAihIAAEgBTAH+ABYBiRI3AQAAAAAAAAAAAAAAAAAAAAA=]';
    const data = await graphql(
      'mutation($i: CreateBuildInput!) { createBuild(input: $i) { id chatCode profession { id } } }',
      { i: { chatCode: code, name: 'Smoke build' } },
      token,
    );
    if (data.createBuild.chatCode !== code)
      throw new Error(`chat code changed: ${data.createBuild.chatCode}`);
    buildId = data.createBuild.id;
    return data.createBuild.profession.id;
  });
}
if (token && buildId && has('createTeam')) {
  await check('create a team, add the build, read coverage', async () => {
    const created = await graphql(
      'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
      { i: { name: 'Smoke team', gameMode: 'RAID', size: 10 } },
      token,
    );
    const teamId = created.createTeam.id;
    const added = await graphql(
      'mutation($t: ID!, $i: AddTeamMemberInput!) { addTeamMember(teamId: $t, input: $i) { version members { subgroup } coverage { score gaps { message } } } }',
      { t: teamId, i: { buildId, playerName: 'Smoke' } },
      token,
    );
    const team = added.addTeamMember;
    if (team.members.length !== 1) throw new Error(JSON.stringify(team));
    return `${team.coverage.gaps.length} gaps, score ${team.coverage.score}`;
  });
}
if (has('optimizeSquad')) {
  await check('optimize a raid from the meta pool', async () => {
    const data = await graphql(
      'query { optimizeSquad(input: { gameMode: RAID, size: 10, pool: META }) { status solveTimeMs gaps { message } } }',
      undefined,
      token,
    );
    const plan = data.optimizeSquad;
    if (plan.gaps.length > 0) throw new Error(plan.gaps.map((gap) => gap.message).join('; '));
    return `${plan.status}, ${plan.solveTimeMs.toFixed(1)} ms`;
  });
}
console.log(`smoke: ${passed} passed, 0 failed`);
