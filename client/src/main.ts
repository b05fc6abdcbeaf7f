import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { createApolloClient } from './graphql/client';
import { createAppRouter } from './router';
import './styles/main.css';

// Setting `accessToken` (src/graphql/auth-token.ts) later restarts the websocket by itself.
const { client } = createApolloClient();

createApp(App).provide(DefaultApolloClient, client).use(createAppRouter()).mount('#app');
