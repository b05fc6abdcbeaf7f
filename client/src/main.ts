import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { authKey, createAuth } from './composables/useAuth';
import { createApolloClient } from './graphql/client';
import { connectionStatusKey } from './graphql/connection-status';
import { createAppRouter } from './router';
import './styles/main.css';

// Setting `accessToken` (src/graphql/auth-token.ts) later restarts the websocket by itself.
const { client, connectionStatus } = createApolloClient();
const auth = createAuth(client);
// A reload keeps the session: the HttpOnly refresh cookie buys a new access token.
void auth.refresh();

createApp(App)
  .provide(DefaultApolloClient, client)
  .provide(connectionStatusKey, connectionStatus)
  .provide(authKey, auth)
  .use(createAppRouter())
  .mount('#app');
