import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { graphqlErrorBody } from '../graphql/errors.js';

/**
 * Errors raised before GraphQL runs (body parsing, size limit, unknown media type) answer
 * with a GraphQL-shaped body and a 4xx, so clients parse every failure the same way.
 * A 5xx here is a bug: it is logged with its stack and answered without internals.
 */
export function httpErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .code(500)
      .send(graphqlErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
  }
  const reason = error.code?.replace(/^FST_ERR_CTP_/, '') ?? 'BAD_REQUEST';
  const message =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'Request body is too large (the limit is 1 MB).'
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'Request body is not valid JSON.'
        : error.message;
  const code = status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
  return reply.code(status).send(graphqlErrorBody(message, code, reason));
}
