import { mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { BuildsPageDocument, ImportBuildDocument } from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import { buildCardData, DRAGONHUNTER_CODE, provideFor, routerAt } from '../test-utils/fixtures';
import BuildsPage from './BuildsPage.vue';

function page(builds: ReturnType<typeof buildCardData>[], hasNextPage = false) {
  return {
    data: {
      builds: {
        __typename: 'BuildConnection',
        totalCount: builds.length + (hasNextPage ? 1 : 0),
        edges: builds.map((node) => ({ __typename: 'BuildEdge', cursor: `c-${node.id}`, node })),
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage,
          endCursor: builds.at(-1) ? `c-${builds.at(-1)?.id}` : null,
        },
      },
    },
  };
}

function listRequest(filter: Record<string, unknown> = {}, after?: string) {
  return {
    query: BuildsPageDocument,
    variables: { first: 20, filter, ...(after ? { after } : {}) },
  };
}

async function mountPage(mocks: Parameters<typeof createMockApollo>[0]) {
  const apollo = createMockApollo(mocks);
  const router = await routerAt('/builds');
  const wrapper = mount(BuildsPage, {
    global: { provide: provideFor(apollo), plugins: [router] },
  });
  return { wrapper, apollo };
}

describe('BuildsPage', () => {
  it('lists builds with their profession, owner and boons, and loads more', async () => {
    const { wrapper } = await mountPage([
      { request: listRequest(), result: page([buildCardData('b1', 'Power DH')], true) },
      {
        request: listRequest({}, 'c-b1'),
        result: page([buildCardData('b2', 'Quickness FB', { visibility: 'PRIVATE' })]),
      },
    ]);
    expect(wrapper.text()).toContain('Loading builds');

    await vi.waitFor(() => expect(wrapper.text()).toContain('Power DH'));
    const card = wrapper.get('article[aria-labelledby="build-b1-name"]');
    expect(card.text()).toContain('Dragonhunter Guardian');
    expect(card.text()).toContain('by logan');
    expect(card.text()).toContain('Might');
    expect(card.get('a').attributes('href')).toBe('/builds/b1');
    expect(wrapper.text()).toContain('2 builds');

    const loadMore = wrapper.findAll('button').find((button) => button.text() === 'Load more');
    expect(loadMore).toBeDefined();
    await loadMore?.trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Quickness FB'));
    expect(wrapper.findAll('article')).toHaveLength(2);
    expect(wrapper.text()).toContain('Private');
    wrapper.unmount();
  });

  it('asks the server again when a filter changes', async () => {
    const { wrapper } = await mountPage([
      { request: listRequest(), result: page([buildCardData('b1', 'Power DH')]) },
      { request: listRequest({ profession: 'Guardian' }), result: page([]) },
      {
        request: listRequest({ profession: 'Guardian', gameMode: 'RAID' }),
        result: page([buildCardData('b3', 'Raid Guardian')]),
      },
      {
        request: listRequest({ profession: 'Guardian', gameMode: 'RAID', search: 'heal' }),
        result: page([]),
      },
    ]);
    await vi.waitFor(() => expect(wrapper.text()).toContain('Power DH'));

    const selects = wrapper.findAll('form[role="search"] select');
    await selects[0]?.setValue('Guardian');
    await selects[1]?.setValue('RAID');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Raid Guardian'));
    expect(wrapper.text()).not.toContain('Power DH');

    await wrapper.get('input[type="search"]').setValue('  heal ');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No builds match'));
    expect(wrapper.text()).toContain('0 builds');
    wrapper.unmount();
  });

  it('previews a pasted code in the browser and imports it with createBuild', async () => {
    const createResult = vi.fn(() => ({
      data: { createBuild: buildCardData('b9', 'My DH', { visibility: 'UNLISTED' }) },
    }));
    const { wrapper } = await mountPage([
      { request: listRequest(), result: page([]) },
      {
        request: {
          query: ImportBuildDocument,
          variables: {
            input: { chatCode: DRAGONHUNTER_CODE, name: 'My DH', visibility: 'UNLISTED' },
          },
        },
        result: createResult,
      },
      { request: listRequest(), result: page([buildCardData('b9', 'My DH')]) },
    ]);
    await vi.waitFor(() => expect(wrapper.text()).toContain('No builds match'));

    const codeInput = wrapper.get('input[placeholder="[&DQ…]"]');
    const submit = wrapper.get('.import button[type="submit"]');
    await codeInput.setValue('[&not a code]');
    expect(wrapper.get('[data-testid="code-error"]').text()).not.toBe('');
    expect(codeInput.attributes('aria-invalid')).toBe('true');
    expect(submit.attributes('disabled')).toBeDefined();

    await codeInput.setValue(`  ${DRAGONHUNTER_CODE}\n`);
    const preview = wrapper.get('[data-testid="code-preview"]');
    expect(preview.text()).toContain('Dragonhunter Guardian');
    expect(preview.text()).toContain('Radiance');
    expect(preview.text()).toContain('Zeal');
    expect(submit.attributes('disabled')).toBeUndefined();

    await wrapper.get('.import__options input').setValue('My DH');
    await wrapper.get('.import__options select').setValue('UNLISTED');
    await wrapper.get('.import form').trigger('submit');

    await vi.waitFor(() => expect(createResult).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.get('.import__done').text()).toContain('Saved My DH'));
    expect(wrapper.get('.import__done a').attributes('href')).toBe('/builds/b9');
    expect((codeInput.element as HTMLInputElement).value).toBe('');
    await vi.waitFor(() => expect(wrapper.findAll('article')).toHaveLength(1));
    wrapper.unmount();
  });

  it('shows the server error and its code when an import is refused', async () => {
    const { wrapper } = await mountPage([
      { request: listRequest(), result: page([]) },
      {
        request: {
          query: ImportBuildDocument,
          variables: {
            input: {
              chatCode: DRAGONHUNTER_CODE,
              name: 'Dragonhunter build',
              visibility: 'PRIVATE',
            },
          },
        },
        result: {
          errors: [
            new GraphQLError('Sign in to do this', { extensions: { code: 'UNAUTHENTICATED' } }),
          ],
        },
      },
    ]);
    await vi.waitFor(() => expect(wrapper.text()).toContain('No builds match'));
    await wrapper.get('input[placeholder="[&DQ…]"]').setValue(DRAGONHUNTER_CODE);
    await wrapper.get('.import form').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('.import [role="alert"]').exists()).toBe(true));
    const alert = wrapper.get('.import [role="alert"]');
    expect(alert.text()).toContain('Could not import the build');
    expect(alert.text()).toContain('Sign in to do this');
    expect(alert.get('code').text()).toBe('UNAUTHENTICATED');
    wrapper.unmount();
  });

  it('shows a failed list with the GraphQL error code', async () => {
    const { wrapper } = await mountPage([
      {
        request: listRequest(),
        result: {
          errors: [new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED' } })],
        },
      },
    ]);
    await vi.waitFor(() => expect(wrapper.find('.library [role="alert"]').exists()).toBe(true));
    expect(wrapper.get('.library [role="alert"]').text()).toContain('Too many requests');
    expect(wrapper.get('.library [role="alert"] code').text()).toBe('RATE_LIMITED');
    wrapper.unmount();
  });
});
