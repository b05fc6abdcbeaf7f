import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens } from './access-token.js';

const SECRET = 'a-secret-that-is-long-enough-0123456789';

describe('access tokens', () => {
  it('verifies a token again from memory, and still lets it expire on time', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const tokens = new AccessTokens(SECRET, clock);
    const { token } = await tokens.issue('11111111-1111-4111-8111-111111111111', 'session-1');
    const first = await tokens.verify(token);
    expect(first).toMatchObject({ ok: true, claims: { sessionId: 'session-1' } });
    expect(await tokens.verify(token)).toEqual(first);
    clock.advance(ACCESS_TOKEN_TTL_SECONDS * 1000 - 1);
    expect((await tokens.verify(token)).ok).toBe(true);
    clock.advance(1);
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('never lets a remembered token vouch for an altered one or another key', async () => {
    const clock = new ManualClock();
    const tokens = new AccessTokens(SECRET, clock);
    const { token } = await tokens.issue('11111111-1111-4111-8111-111111111111', 'session-1');
    expect((await tokens.verify(token)).ok).toBe(true);
    const [header, payload, signature] = token.split('.');
    const flipped = signature!.startsWith('A')
      ? `B${signature!.slice(1)}`
      : `A${signature!.slice(1)}`;
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const otherKey = new AccessTokens(`${SECRET}-other`, clock);
    expect(await otherKey.verify(token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
