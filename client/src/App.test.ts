import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { authKey, createAuth } from './composables/useAuth';
import { createTokenStore } from './graphql/auth-token';
import { AboutPageDocument } from './gql/graphql';
import { createAppRouter } from './router';
import { createMockApollo } from './test-utils/apollo';

async function mountAt(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const apollo = createMockApollo([
    { request: { query: AboutPageDocument }, error: new Error('offline') },
  ]);
  const auth = createAuth(apollo.client, { tokens: createTokenStore() });
  const wrapper = mount(App, {
    global: { provide: { ...apollo.global.provide, [authKey]: auth }, plugins: [router] },
  });
  return { wrapper, router };
}

describe('App shell', () => {
  it('has the landmarks and the product name', async () => {
    const { wrapper } = await mountAt('/');
    expect(wrapper.get('header').text()).toContain('GW2 Squad Optimizer');
    expect(wrapper.get('nav[aria-label="Main"]').text()).toContain('Home');
    expect(wrapper.find('main#main').exists()).toBe(true);
    expect(wrapper.find('footer a[href="/docs/"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('shows the not-found page for unknown paths and links home', async () => {
    const { wrapper, router } = await mountAt('/no/such/page?x=1');
    expect(wrapper.get('h1').text()).toBe('Page not found');
    expect(wrapper.text()).toContain('/no/such/page?x=1');
    expect(document.title).toBe('Page not found · GW2 Squad Optimizer');

    await wrapper.get('main a[href="/"]').trigger('click');
    await router.isReady();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'));
    wrapper.unmount();
  });
});
