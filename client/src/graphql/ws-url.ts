/**
 * The graphql-ws URL for the page's own origin: the API serves HTTP and websockets on the
 * same path, so `https://host/x` talks to `wss://host/graphql`.
 */
export function graphqlWsUrl(
  location: Pick<Location, 'protocol' | 'host'>,
  path = '/graphql',
): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${path}`;
}
