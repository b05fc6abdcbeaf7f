import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeApolloError } from './errors';

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
