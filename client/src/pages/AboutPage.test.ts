import { flushPromises, mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { AboutPageDocument } from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import AboutPage from './AboutPage.vue';

const serverInfo = {
  __typename: 'ServerInfo' as const,
  version: '1.4.2',
  environment: 'production',
  database: 'EMBEDDED' as const,
  redis: true,
  uptimeSeconds: 3_725,
};

function readiness(ready: boolean, checks: { name: string; ok: boolean; detail: string | null }[]) {
  return {
    data: {
      readinessChanged: {
        __typename: 'Readiness',
        ready,
        checkedAt: '2026-11-24T10:00:00.000Z',
        checks: checks.map((check) => ({ __typename: 'ReadinessCheck', ...check })),
      },
    },
  };
}

describe('AboutPage', () => {
  it('shows loading, then the server info from the query', async () => {
    const apollo = createMockApollo([
      { request: { query: AboutPageDocument }, result: { data: { serverInfo } } },
    ]);
    const wrapper = mount(AboutPage, { global: apollo.global });

    expect(wrapper.text()).toContain('Loading server info');

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="server-version"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="server-version"]').text()).toBe('1.4.2');
    expect(wrapper.text()).toContain('production');
    expect(wrapper.text()).toContain('Embedded PostgreSQL');
    expect(wrapper.text()).toContain('Connected');
    expect(wrapper.text()).toContain('1 h 2 min');
    expect(wrapper.text()).not.toContain('Loading server info');
    expect(document.title).toBe('About · GW2 Squad Optimizer');
    wrapper.unmount();
  });

  it('shows the GraphQL error message and its code, and retries on request', async () => {
    const apollo = createMockApollo([
      {
        request: { query: AboutPageDocument },
        result: {
          errors: [
            new GraphQLError('The database is unreachable', {
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            }),
          ],
        },
      },
      { request: { query: AboutPageDocument }, result: { data: { serverInfo } } },
    ]);
    const wrapper = mount(AboutPage, { global: apollo.global });

    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Could not load server info');
    expect(alert.text()).toContain('The database is unreachable');
    expect(alert.get('code').text()).toBe('SERVICE_UNAVAILABLE');

    await alert.get('button').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="server-version"]').exists()).toBe(true),
    );
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('follows readiness live through the subscription', async () => {
    const apollo = createMockApollo([
      { request: { query: AboutPageDocument }, result: { data: { serverInfo } } },
    ]);
    const wrapper = mount(AboutPage, { global: apollo.global });
    const status = () => wrapper.get('.readiness [role="status"]');

    expect(status().text()).toContain('Checking');
    await vi.waitFor(() => expect(apollo.subscriptions.operation).toBeDefined());
    expect(apollo.subscriptions.operation?.operationName).toBe('ReadinessIndicator');

    apollo.subscriptions.simulateResult({
      result: readiness(true, [{ name: 'database', ok: true, detail: null }]),
    });
    await flushPromises();
    expect(status().text()).toContain('Server readiness: Ready');
    expect(status().attributes('data-state')).toBe('ready');
    expect(wrapper.find('[aria-label="Failed checks"]').exists()).toBe(false);

    apollo.subscriptions.simulateResult({
      result: readiness(false, [
        { name: 'database', ok: true, detail: null },
        { name: 'redis', ok: false, detail: 'connection refused' },
      ]),
    });
    await vi.waitFor(() => expect(status().text()).toContain('Not ready'));
    const failed = wrapper.get('[aria-label="Failed checks"]');
    expect(failed.findAll('li')).toHaveLength(1);
    expect(failed.text()).toBe('redis: connection refused');
    wrapper.unmount();
  });
});
