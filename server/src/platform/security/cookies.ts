import type { FastifyReply, FastifyRequest } from 'fastify';

/** What resolvers may do with cookies; over websockets it reads nothing and writes nothing. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string, options: Pick<CookieOptions, 'path' | 'secure'>): void;
}

export interface CookieOptions {
  readonly path: string;
  readonly expires: Date;
  readonly secure: boolean;
}

/** A jar for transports without cookies (graphql-ws). */
export const noCookies: CookieJar = {
  get: () => undefined,
  set: () => undefined,
  clear: () => undefined,
};

/**
 * A jar over @fastify/cookie for one request. Every cookie it sets is HttpOnly and
 * SameSite=Strict: scripts never read them and other sites never send them.
 */
export function fastifyCookieJar(request: FastifyRequest, reply: FastifyReply): CookieJar {
  return {
    get: (name) => request.cookies[name],
    set(name, value, options) {
      void reply.setCookie(name, value, {
        path: options.path,
        expires: options.expires,
        secure: options.secure,
        httpOnly: true,
        sameSite: 'strict',
      });
    },
    clear(name, options) {
      void reply.clearCookie(name, {
        path: options.path,
        secure: options.secure,
        httpOnly: true,
        sameSite: 'strict',
      });
    },
  };
}
