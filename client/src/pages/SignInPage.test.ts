import { flushPromises, mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { authKey, createAuth, LoginMutation, RegisterMutation } from '../composables/useAuth';
import { createTokenStore } from '../graphql/auth-token';
import { createAppRouter } from '../router';
import { createMockApollo } from '../test-utils/apollo';
import RegisterPage from './RegisterPage.vue';
import SignInPage from './SignInPage.vue';

const payload = {
  __typename: 'AuthPayload' as const,
  accessToken: 'token-1',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { __typename: 'Account' as const, id: 'u1', username: 'Zerg.Lead', email: 'z@e.test' },
};

async function mountPage(
  page: typeof SignInPage | typeof RegisterPage,
  path: string,
  mocks: Parameters<typeof createMockApollo>[0],
) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const apollo = createMockApollo(mocks);
  const tokens = createTokenStore();
  const auth = createAuth(apollo.client, { tokens, setTimer: () => null, clearTimer: () => {} });
  const wrapper = mount(page, {
    global: { provide: { ...apollo.global.provide, [authKey]: auth }, plugins: [router] },
  });
  return { wrapper, router, tokens };
}

describe('SignInPage', () => {
  it('signs in and goes to the redirect inside the app', async () => {
    const { wrapper, router, tokens } = await mountPage(SignInPage, '/sign-in?redirect=/account', [
      {
        request: {
          query: LoginMutation,
          variables: { input: { login: 'zerg.lead', password: 'right password' } },
        },
        result: { data: { login: payload } },
      },
    ]);
    await wrapper.get('input[name="login"]').setValue('zerg.lead');
    await wrapper.get('input[name="password"]').setValue('right password');
    await wrapper.get('form').trigger('submit');
    // A light page: the builds page pulls the whole game catalog into the test's first import.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/account'), {
      timeout: 10_000,
    });
    expect(tokens.get()).toBe('token-1');
    wrapper.unmount();
  });

  it('shows the server error and stays on the page', async () => {
    const { wrapper, router, tokens } = await mountPage(
      SignInPage,
      '/sign-in?redirect=//evil.example',
      [
        {
          request: {
            query: LoginMutation,
            variables: { input: { login: 'zerg.lead', password: 'wrong password' } },
          },
          result: {
            errors: [
              new GraphQLError('Wrong login or password.', {
                extensions: { code: 'UNAUTHENTICATED' },
              }),
            ],
          },
        },
      ],
    );
    await wrapper.get('input[name="login"]').setValue('zerg.lead');
    await wrapper.get('input[name="password"]').setValue('wrong password');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="sign-in-error"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="sign-in-error"]').text()).toBe('Wrong login or password.');
    expect(router.currentRoute.value.path).toBe('/sign-in');
    expect(tokens.get()).toBeNull();
    wrapper.unmount();
  });
});

describe('RegisterPage', () => {
  it('marks the field the server names', async () => {
    const input = { email: 'z@e.test', username: 'Taken', password: 'long enough password' };
    const { wrapper } = await mountPage(RegisterPage, '/register', [
      {
        request: { query: RegisterMutation, variables: { input } },
        result: {
          errors: [
            new GraphQLError('This username is taken.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'username' },
            }),
          ],
        },
      },
    ]);
    await wrapper.get('input[name="email"]').setValue(input.email);
    await wrapper.get('input[name="username"]').setValue(input.username);
    await wrapper.get('input[name="password"]').setValue(input.password);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="register-error"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="register-error"]').text()).toBe('This username is taken.');
    expect(wrapper.get('input[name="username"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('input[name="email"]').attributes('aria-invalid')).toBeUndefined();
    wrapper.unmount();
  });

  it('registers and signs in', async () => {
    const input = { email: 'z@e.test', username: 'Zerg.Lead', password: 'long enough password' };
    const { wrapper, router, tokens } = await mountPage(RegisterPage, '/register', [
      {
        request: { query: RegisterMutation, variables: { input } },
        result: { data: { register: payload } },
      },
    ]);
    await wrapper.get('input[name="email"]').setValue(input.email);
    await wrapper.get('input[name="username"]').setValue(input.username);
    await wrapper.get('input[name="password"]').setValue(input.password);
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'));
    expect(tokens.get()).toBe('token-1');
    wrapper.unmount();
  });
});
