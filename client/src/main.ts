import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { authKey, createAuth } from './composables/useAuth';
import { createApolloClient } from './graphql/client';
import { connectionStatusKey } from './graphql/connection-status';
import { createSessionGate } from './graphql/session-gate';
import { createAppRouter } from './router';
import './styles/main.css';

// Setting `accessToken` (src/graphql/auth-token.ts) later restarts the websocket by itself.
// No query leaves before the session is known: pages opened by a reload or a link would
// otherwise ask as an anonymous viewer.
const sessionGate = createSessionGate();
const { client, connectionStatus } = createApolloClient({ sessionGate });
const auth = createAuth(client, { sessionGate });
// A reload keeps the session: the HttpOnly refresh cookie buys a new access token.
void auth.refresh();

createApp(App)
  .provide(DefaultApolloClient, client)
  .provide(connectionStatusKey, connectionStatus)
  .provide(authKey, auth)
  .use(createAppRouter())
  .mount('#app');
