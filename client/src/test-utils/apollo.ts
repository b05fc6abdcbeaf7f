import { ApolloClient, split } from '@apollo/client/core';
import { MockLink, MockSubscriptionLink, type MockedResponse } from '@apollo/client/testing/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createCache } from '../graphql/client';

// Apollo's warnings and errors read as text instead of links.
loadDevMessages();
loadErrorMessages();

/**
 * A real ApolloClient (with the app's cache policies) whose queries are answered by `mocks`
 * and whose subscriptions are pushed by the test through `subscriptions.simulateResult`.
 */
export function createMockApollo(mocks: MockedResponse[]) {
  const subscriptions = new MockSubscriptionLink();
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    subscriptions,
    new MockLink(mocks),
  );
  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    subscriptions,
    /** Pass as `mount(..., { global })`. */
    global: { provide: { [DefaultApolloClient]: client } },
  };
}
