import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { graphqlErrorBody } from '../graphql/errors.js';

/**
 * The built client at `/` (with a single-page-app fallback to index.html) and the GraphiQL
 * playground at `/docs/`. Both are local files: the machines have no internet, so no CDN.
 */
export async function registerStaticRoutes(
  fastify: FastifyInstance,
  clientDir: string,
): Promise<void> {
  const appDir = path.join(clientDir, 'dist');
  const docsDir = path.join(clientDir, 'dist-docs');
  const hasApp = existsSync(path.join(appDir, 'index.html'));
  const hasDocs = existsSync(path.join(docsDir, 'index.html'));

  if (hasDocs) {
    await fastify.register(fastifyStatic, {
      root: docsDir,
      prefix: '/docs/',
      decorateReply: false,
      index: 'index.html',
    });
    fastify.get('/docs', (_request, reply) => reply.redirect('/docs/', 301));
  } else {
    fastify.log.warn({ docsDir }, 'playground not built: /docs is unavailable (run npm run build)');
  }
  if (hasApp) {
    // Wildcard routing serves files built after start too; a missing file falls through to the
    // not-found handler below (single-page-app fallback).
    await fastify.register(fastifyStatic, { root: appDir, prefix: '/', index: 'index.html' });
  } else {
    fastify.log.warn({ appDir }, 'client not built: / is unavailable (run npm run build)');
  }

  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      hasApp &&
      !request.url.startsWith('/graphql') &&
      !request.url.startsWith('/docs') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return reply.sendFile('index.html', appDir);
    return reply
      .code(404)
      .send(
        graphqlErrorBody(`No route ${request.method} ${request.url.split('?')[0]}.`, 'NOT_FOUND'),
      );
  });
}
