import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomePage from './pages/HomePage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  // Builds, teams and account pages go here (lazy: `component: () => import(...)`).
  { path: '/builds', name: 'builds', component: () => import('./pages/BuildsPage.vue') },
  {
    path: '/builds/:id',
    name: 'build',
    component: () => import('./pages/BuildPage.vue'),
    props: true,
  },
  { path: '/teams', name: 'teams', component: () => import('./pages/TeamsPage.vue') },
  {
    path: '/teams/:id',
    name: 'team',
    component: () => import('./pages/TeamPage.vue'),
    props: true,
  },
  { path: '/about', name: 'about', component: () => import('./pages/AboutPage.vue') },
  { path: '/account', name: 'account', component: () => import('./pages/AccountPage.vue') },
  {
    path: '/assistant',
    name: 'assistant',
    component: () => import('./pages/AssistantPage.vue'),
  },
  { path: '/meta', name: 'meta', component: () => import('./pages/MetaPage.vue') },
  { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue') },
  { path: '/register', name: 'register', component: () => import('./pages/RegisterPage.vue') },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
