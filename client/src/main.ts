import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { createApolloClient } from './graphql/client';
import { connectionStatusKey } from './graphql/connection-status';
import { createAppRouter } from './router';
import './styles/main.css';

// Setting `accessToken` (src/graphql/auth-token.ts) later restarts the websocket by itself.
const { client, connectionStatus } = createApolloClient();

createApp(App)
  .provide(DefaultApolloClient, client)
  .provide(connectionStatusKey, connectionStatus)
  .use(createAppRouter())
  .mount('#app');
