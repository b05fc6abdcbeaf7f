import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  formatGraphQLError,
  normaliseErrorCode,
  RateLimitedError,
  ServiceUnavailableError,
} from './errors.js';

describe('error model', () => {
  it('keeps our codes and maps Apollo request errors to BAD_USER_INPUT with a reason', () => {
    expect(normaliseErrorCode('NOT_FOUND')).toEqual({ code: 'NOT_FOUND' });
    expect(normaliseErrorCode('GRAPHQL_VALIDATION_FAILED')).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(normaliseErrorCode('UNAUTHORIZED')).toEqual({ code: 'FORBIDDEN' });
    expect(normaliseErrorCode(undefined)).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(normaliseErrorCode('SOMETHING_ELSE')).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('hides internal messages and stacks of unexpected errors in production', () => {
    const formatted = formatGraphQLError(
      {
        message: 'relation "users" does not exist',
        path: ['me'],
        extensions: { stacktrace: ['at x'] },
      },
      { exposeInternals: false },
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the details of expected errors', () => {
    const error = new BadUserInputError('Name is too long.', { field: 'input.name' });
    const formatted = formatGraphQLError(error.toJSON(), { exposeInternals: false });
    expect(formatted.message).toBe('Name is too long.');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(new RateLimitedError(30).extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 30,
    });
  });

  it('answers an unreachable database as SERVICE_UNAVAILABLE with retryAfter, not internals', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const formatted = formatGraphQLError(
      { message: refused.message, path: ['builds'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { exposeInternals: true },
      new GraphQLError(refused.message, { originalError: refused }),
    );
    expect(formatted).toEqual({
      message: 'The service is temporarily unavailable. Try again shortly.',
      path: ['builds'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5 },
    });
    const shuttingDown = Object.assign(new Error('terminating connection'), { code: '57P01' });
    expect(
      formatGraphQLError(
        { message: 'x', extensions: {} },
        { exposeInternals: false },
        { originalError: shuttingDown },
      ).extensions?.code,
    ).toBe('SERVICE_UNAVAILABLE');
    // knex refusing the rest of a transaction whose connection died mid-way.
    const orphaned = Object.assign(
      new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'),
      { name: 'DriverException' },
    );
    expect(
      formatGraphQLError({ message: 'x' }, { exposeInternals: false }, orphaned).extensions?.code,
    ).toBe('SERVICE_UNAVAILABLE');
    // A query error of ours stays internal.
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(
      formatGraphQLError({ message: 'x' }, { exposeInternals: false }, syntax).extensions?.code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('never sends the HTTP hints of an error to the client', () => {
    const error = new ServiceUnavailableError();
    expect(error.extensions.http).toMatchObject({ status: 503 });
    const formatted = formatGraphQLError(error.toJSON(), { exposeInternals: false });
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
  });
});
