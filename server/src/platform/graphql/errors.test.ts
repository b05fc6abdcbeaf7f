import { describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  formatGraphQLError,
  normaliseErrorCode,
  RateLimitedError,
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
});
