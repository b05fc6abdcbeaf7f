import { describe, expect, it } from 'vitest';
import { graphqlWsUrl } from './ws-url';

describe('graphqlWsUrl', () => {
  it('uses ws: for pages served over http', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/graphql',
    );
  });

  it('uses wss: for pages served over https', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'squads.example.org' })).toBe(
      'wss://squads.example.org/graphql',
    );
  });

  it('takes another path', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'a.test' }, '/api/graphql')).toBe(
      'wss://a.test/api/graphql',
    );
  });
});
