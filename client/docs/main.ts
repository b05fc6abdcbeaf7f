// Monaco's editor, JSON and GraphQL workers, bundled by Vite (no CDN). Must run first.
import './setup-workers';
import 'graphiql/style.css';
import './playground.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { graphqlWsUrl } from '../src/graphql/ws-url';

const DEFAULT_QUERY = `# Welcome to the GW2 Squad Optimizer GraphQL API.
# Ctrl-Enter runs it; the Docs pane lists every type.
{
  serverInfo {
    version
    environment
    database
    redis
  }
}
`;

// JSONC: GraphiQL ignores comments, so the hint is not sent until it is uncommented.
const DEFAULT_HEADERS = `{
  // Sign in as a player (HTTP and websocket):
  // "Authorization": "Bearer <token>"
}
`;

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: graphqlWsUrl(window.location),
});

const container = document.getElementById('graphiql');
if (!container) throw new Error('The playground page has no #graphiql element');
container.textContent = '';

createRoot(container).render(
  createElement(
    StrictMode,
    null,
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      defaultHeaders: DEFAULT_HEADERS,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      // Tokens stay out of localStorage.
      shouldPersistHeaders: false,
    }),
  ),
);
