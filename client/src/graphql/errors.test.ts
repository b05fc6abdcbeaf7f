import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeApolloError, explainError } from './errors';

describe('describeApolloError', () => {
  it('lists GraphQL errors with their codes', () => {
    const error = new ApolloError({
      graphQLErrors: [
        new GraphQLError('Build not found', { extensions: { code: 'NOT_FOUND' } }),
        new GraphQLError('Something without a code'),
      ],
    });
    expect(describeApolloError(error)).toEqual([
      { message: 'Build not found', code: 'NOT_FOUND' },
      { message: 'Something without a code', code: null },
    ]);
  });

  it('reads the errors an HTTP error response carried in its body', () => {
    const serverError = Object.assign(
      new Error('Response not successful: Received status code 400'),
      {
        name: 'ServerError',
        statusCode: 400,
        response: new Response(null, { status: 400 }),
        result: {
          errors: [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
        },
      },
    );
    expect(describeApolloError(new ApolloError({ networkError: serverError }))).toEqual([
      { message: 'Syntax Error', code: 'GRAPHQL_PARSE_FAILED' },
    ]);
  });

  it('falls back to the transport error', () => {
    const error = new ApolloError({ networkError: new TypeError('Failed to fetch') });
    expect(describeApolloError(error)).toEqual([{ message: 'Failed to fetch', code: null }]);
  });
});

describe('explainError', () => {
  const coded = (message: string, extensions: Record<string, unknown>) =>
    explainError(new ApolloError({ graphQLErrors: [new GraphQLError(message, { extensions })] }));

  it.each([
    ['BAD_USER_INPUT', 'The team is full (5 members).', {}, 'The team is full (5 members).'],
    [
      'BAD_USER_INPUT',
      'Syntax Error: Query depth limit of 12 exceeded, found 14.',
      { reason: 'GRAPHQL_VALIDATION_FAILED' },
      'The app sent a request the server could not accept. Reload the page and try again.',
    ],
    ['UNAUTHENTICATED', 'Wrong login or password.', {}, 'Wrong login or password.'],
    [
      'UNAUTHENTICATED',
      "Access denied! You don't have permission for this action!",
      {},
      'Sign in to do this.',
    ],
    ['FORBIDDEN', 'Only the owner shares a team.', {}, 'Only the owner shares a team.'],
    [
      'NOT_FOUND',
      'Team not found.',
      {},
      'Team not found. It may have been deleted, or it is private and its owner has not shared it with you.',
    ],
    [
      'CONFLICT',
      'The team changed since version 3: it is at version 4. Reload it and try again.',
      {},
      'The team changed since version 3: it is at version 4. Reload it and try again.',
    ],
    [
      'RATE_LIMITED',
      'Too many requests. Try again in 42 s.',
      { retryAfter: 42 },
      'Too many requests at once: wait 42 s and try again.',
    ],
    [
      'AI_UNAVAILABLE',
      'Mistral answered 503',
      {},
      'The AI assistant is unavailable right now; everything else works. Try again later.',
    ],
    [
      'SERVICE_UNAVAILABLE',
      'The database is unreachable',
      { retryAfter: 5 },
      'The server is busy or restarting. Try again shortly (in about 5 s).',
    ],
    [
      'INTERNAL_SERVER_ERROR',
      'Internal server error.',
      {},
      'Something went wrong on our side. Try again; if it keeps happening, report it with the details below.',
    ],
  ])('%s: %s', (code, message, extensions, expected) => {
    const explained = coded(message, { code, ...extensions });
    expect(explained.kind).toBe(code);
    expect(explained.message).toBe(expected);
    expect(explained.message).not.toContain(code);
    expect(explained.details).toEqual([{ code, message }]);
  });

  it('keeps the wait a rate limit asks for and asks to sign in when that is the way forward', () => {
    expect(coded('Slow down', { code: 'RATE_LIMITED', retryAfter: 7.2 }).retryAfter).toBe(8);
    expect(coded('x', { code: 'UNAUTHENTICATED' }).needsSignIn).toBe(true);
    expect(coded('x', { code: 'FORBIDDEN' }).needsSignIn).toBe(false);
  });

  it('explains a transport failure and a 503 body', () => {
    const offline = explainError(
      new ApolloError({ networkError: new TypeError('Failed to fetch') }),
    );
    expect(offline.kind).toBe('NETWORK_ERROR');
    expect(offline.message).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
    const busy = explainError(
      new ApolloError({
        networkError: Object.assign(new Error('Response not successful: 503'), {
          result: {
            errors: [{ message: 'Draining', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
          },
        }),
      }),
    );
    expect(busy.kind).toBe('SERVICE_UNAVAILABLE');
    expect(busy.message).toBe('The server is busy or restarting. Try again shortly.');
  });

  it('treats an unknown code and a plain Error as our fault, not the player’s', () => {
    expect(coded('boom', { code: 'SOMETHING_NEW' }).kind).toBe('INTERNAL_SERVER_ERROR');
    expect(explainError(new Error('undefined is not a function')).kind).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });
});
