import { ApolloError } from '@apollo/client/core';
import { mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { routerAt } from '../test-utils/fixtures';
import ErrorAlert from './ErrorAlert.vue';

const apolloError = (message: string, extensions: Record<string, unknown>) =>
  new ApolloError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

async function mountAlert(error: ApolloError) {
  const router = await routerAt('/teams');
  return mount(ErrorAlert, {
    props: { error, title: 'Could not create the team' },
    global: { plugins: [router] },
  });
}

/** What a player reads without opening the details. */
function visibleText(wrapper: Awaited<ReturnType<typeof mountAlert>>): string {
  const clone = wrapper.element.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('details').forEach((details) => details.remove());
  return clone.textContent ?? '';
}

describe('ErrorAlert', () => {
  it("says what happened and what to do, never the library's raw text or the code", async () => {
    const wrapper = await mountAlert(
      apolloError("Access denied! You don't have permission for this action!", {
        code: 'UNAUTHENTICATED',
      }),
    );
    const text = visibleText(wrapper);
    expect(text).toContain('Could not create the team');
    expect(text).toContain('Sign in');
    expect(text).not.toContain('UNAUTHENTICATED');
    expect(text).not.toContain('Access denied');
    expect(wrapper.get('a[href^="/sign-in"]').text()).toBe('Sign in');
    // The code and the server's words stay available for a bug report.
    expect(wrapper.get('details').text()).toContain('UNAUTHENTICATED');
  });

  it('keeps a sentence the server wrote for the player, with the code in the details', async () => {
    const wrapper = await mountAlert(
      apolloError('The team is full (5 members).', { code: 'BAD_USER_INPUT' }),
    );
    expect(visibleText(wrapper)).toContain('The team is full (5 members).');
    expect(visibleText(wrapper)).not.toContain('BAD_USER_INPUT');
    expect(wrapper.get('details').text()).toContain('BAD_USER_INPUT');
  });

  it('offers to try again and emits retry', async () => {
    const wrapper = await mountAlert(
      apolloError('Internal server error.', { code: 'INTERNAL_SERVER_ERROR' }),
    );
    expect(visibleText(wrapper)).toContain('Something went wrong on our side');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });
});
