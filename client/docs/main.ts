// Monaco's editor, JSON and GraphQL workers, bundled by Vite (no CDN). Must run first.
import './setup-workers';
import 'graphiql/style.css';
import './playground.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { graphqlWsUrl } from '../src/graphql/ws-url';
import { borrowAppSession, type AppSession } from './app-session';

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
  // Signed in to the app, queries run as you (its session, no header needed).
  // Otherwise, or as someone else (HTTP and websocket):
  // "Authorization": "Bearer <token>"
}
`;

/** Refresh the borrowed token this long before it expires. */
const REFRESH_MARGIN_MS = 60_000;

function fetcherFor(session: AppSession | null): Fetcher {
  // A header typed in the headers editor still wins: GraphiQL merges it over these.
  const auth = session ? { Authorization: `Bearer ${session.accessToken}` } : undefined;
  return createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: graphqlWsUrl(window.location),
    ...(auth ? { headers: auth, wsConnectionParams: auth } : {}),
  });
}

function showSession(session: AppSession | null): void {
  const banner = document.getElementById('playground-session');
  if (!banner) return;
  banner.textContent = session
    ? `Signed in as ${session.username}: queries run as you, with the app's session.`
    : 'Not signed in: queries run anonymously. Sign in in the app and reload this page, or add an Authorization header below.';
  banner.dataset.signedIn = String(session !== null);
}

let current = fetcherFor(null);
const fetcher: Fetcher = (params, options) => current(params, options);

async function useAppSession(): Promise<void> {
  const session = await borrowAppSession();
  current = fetcherFor(session);
  showSession(session);
  if (session) {
    const wait = Math.max(0, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    setTimeout(() => void useAppSession(), wait);
  }
}

// Before the first render, so a query run at once already carries the session.
await useAppSession();

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
