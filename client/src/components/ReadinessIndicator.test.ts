import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { connectionStatusKey, createConnectionStatus } from '../graphql/connection-status';
import { createMockApollo } from '../test-utils/apollo';
import ReadinessIndicator from './ReadinessIndicator.vue';

const ready = {
  data: {
    readinessChanged: {
      __typename: 'Readiness',
      ready: true,
      checkedAt: '2026-11-24T10:00:00.000Z',
      checks: [],
    },
  },
};

describe('ReadinessIndicator', () => {
  it('says so while the websocket reconnects, instead of showing a stale state', async () => {
    const apollo = createMockApollo([]);
    const connection = createConnectionStatus();
    const wrapper = mount(ReadinessIndicator, {
      global: { provide: { ...apollo.global.provide, [connectionStatusKey]: connection } },
    });
    const status = () => wrapper.get('[role="status"]');

    await vi.waitFor(() => expect(apollo.subscriptions.operation).toBeDefined());
    connection.set('connected');
    apollo.subscriptions.simulateResult({ result: ready });
    await vi.waitFor(() => expect(status().attributes('data-state')).toBe('ready'));

    connection.set('reconnecting');
    await flushPromises();
    expect(status().text()).toContain('Reconnecting');

    connection.set('connected');
    await flushPromises();
    expect(status().text()).toContain('Ready');
    wrapper.unmount();
  });

  it('reports an unavailable live status when the subscription fails', async () => {
    const apollo = createMockApollo([]);
    const wrapper = mount(ReadinessIndicator, { global: apollo.global });

    await vi.waitFor(() => expect(apollo.subscriptions.operation).toBeDefined());
    apollo.subscriptions.simulateResult({ error: new Error('socket closed') });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Live status unavailable'));
    wrapper.unmount();
  });
});
