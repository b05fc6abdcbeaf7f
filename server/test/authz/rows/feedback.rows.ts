import type { RegisteredUser } from '../../support/accounts.js';
import type { TestServer } from '../../support/test-server.js';
import type { AuthzRow } from '../authz-table.js';

async function data<T>(
  server: TestServer,
  user: RegisteredUser,
  query: string,
  variables: object,
): Promise<T> {
  const result = await server.graphql<T>(query, variables as Record<string, unknown>, user.headers);
  if (!result.body.data) throw new Error(`setup failed: ${JSON.stringify(result.body.errors)}`);
  return result.body.data;
}

/** A plan proposed to the owner (recorded because they are signed in). */
const ownersPlan = async (server: TestServer, owner: RegisteredUser) =>
  (
    await data<{ optimizeSquad: { id: string } }>(
      server,
      owner,
      'query ($input: OptimizeSquadInput!) { optimizeSquad(input: $input) { id } }',
      { input: { gameMode: 'FRACTALS', size: 5, pool: 'META', timeLimitMs: 5000 } },
    )
  ).optimizeSquad.id;

const ownersJob = async (server: TestServer, owner: RegisteredUser) =>
  (
    await data<{ composeSquad: { id: string } }>(
      server,
      owner,
      'mutation ($input: ComposeSquadInput!) { composeSquad(input: $input) { id } }',
      { input: { squad: { gameMode: 'FRACTALS', size: 5 } } },
    )
  ).composeSquad.id;

const SUBMIT =
  'mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { rating reason } }';
const OWNER_ONLY = { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' } as const;

/** Players rate only what they were given: their own plans and AI jobs. */
export const feedbackRows: readonly AuthzRow[] = [
  {
    operation: 'submitFeedback',
    document: SUBMIT,
    variables: async ({ server, owner }) => ({
      input: { subject: 'SQUAD_PLAN', subjectId: await ownersPlan(server, owner), rating: 'UP' },
    }),
    expectations: OWNER_ONLY,
  },
  {
    operation: 'submitFeedback',
    document: SUBMIT,
    variables: async ({ server, owner }) => ({
      input: { subject: 'AI_JOB', subjectId: await ownersJob(server, owner), rating: 'DOWN' },
    }),
    expectations: OWNER_ONLY,
  },
  {
    operation: 'myFeedback',
    document: 'query ($id: ID!) { myFeedback(subject: SQUAD_PLAN, subjectId: $id) { rating } }',
    variables: async ({ server, owner }) => ({ id: await ownersPlan(server, owner) }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'discardSquadPlan',
    document: 'mutation ($id: ID!) { discardSquadPlan(planId: $id) }',
    variables: async ({ server, owner }) => ({ id: await ownersPlan(server, owner) }),
    expectations: OWNER_ONLY,
  },
];
