import { mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { CreateTeamDocument, TeamsPageDocument } from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import { provideFor, routerAt } from '../test-utils/fixtures';
import TeamsPage from './TeamsPage.vue';

function teams(names: string[]) {
  return {
    data: {
      teams: {
        __typename: 'TeamConnection',
        edges: names.map((name, index) => ({
          __typename: 'TeamEdge',
          cursor: `c${index}`,
          node: {
            __typename: 'Team',
            id: `t${index}`,
            name,
            gameMode: 'FRACTALS',
            size: 5,
            visibility: 'PUBLIC',
            viewerAccess: 'READER',
            owner: { __typename: 'UserProfile', id: 'u2', username: 'kara' },
            members: [{ __typename: 'TeamMember', id: `m${index}` }],
          },
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  };
}

const list = (scope: string) => ({
  query: TeamsPageDocument,
  variables: { first: 20, filter: { scope } },
});

async function mountPage(mocks: Parameters<typeof createMockApollo>[0], signedIn = true) {
  const apollo = createMockApollo(mocks);
  const router = await routerAt('/teams');
  const wrapper = mount(TeamsPage, {
    global: { provide: provideFor(apollo, signedIn ? undefined : null), plugins: [router] },
  });
  return { wrapper, router };
}

describe('TeamsPage', () => {
  it('lists teams and switches scope', async () => {
    const { wrapper } = await mountPage([
      { request: list('VISIBLE'), result: teams(['Daily fractals']) },
      { request: list('MINE'), result: teams([]) },
    ]);
    expect(wrapper.text()).toContain('Loading teams');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Daily fractals'));
    expect(wrapper.get('.teams__item').text()).toContain('Fractals · 1/5 players · by kara');
    expect(wrapper.get('.teams__item a').attributes('href')).toBe('/teams/t0');

    await wrapper.get('.teams__header select').setValue('MINE');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No teams yet'));
    wrapper.unmount();
  });

  it('creates a team with the mode’s size and opens it', async () => {
    const create = vi.fn(() => ({
      data: { createTeam: { __typename: 'Team', id: 't9', name: 'Zerg night' } },
    }));
    const { wrapper, router } = await mountPage([
      { request: list('VISIBLE'), result: teams([]) },
      {
        request: {
          query: CreateTeamDocument,
          variables: {
            input: { name: 'Zerg night', gameMode: 'ZERG', size: 50, visibility: 'PUBLIC' },
          },
        },
        result: create,
      },
    ]);
    const form = wrapper.get('.new-team__form');
    await form.get('input[type="text"]').setValue('  Zerg night ');
    const [mode, visibility] = form.findAll('select');
    await mode?.setValue('ZERG');
    expect((form.get('input[type="number"]').element as HTMLInputElement).value).toBe('50');
    await visibility?.setValue('PUBLIC');
    await form.trigger('submit');

    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/teams/t9'), {
      timeout: 5_000,
    });
    wrapper.unmount();
  });

  it('signed out: invites to sign in instead of offering a form that cannot work', async () => {
    const { wrapper } = await mountPage(
      [{ request: list('VISIBLE'), result: teams(['Open raid']) }],
      false,
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('Open raid'));
    expect(wrapper.find('.new-team__form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Sign in to create a team');
    expect(wrapper.get('a[href="/sign-in?redirect=/teams"]').text()).toBe('Sign in');
    wrapper.unmount();
  });

  it('shows why a team could not be created', async () => {
    const { wrapper } = await mountPage([
      { request: list('VISIBLE'), result: teams([]) },
      {
        request: {
          query: CreateTeamDocument,
          variables: { input: { name: 'Raid', gameMode: 'RAID', size: 10, visibility: 'PRIVATE' } },
        },
        result: {
          errors: [new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } })],
        },
      },
    ]);
    await wrapper.get('.new-team__form input[type="text"]').setValue('Raid');
    await wrapper.get('.new-team__form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('.new-team [role="alert"]').exists()).toBe(true));
    expect(wrapper.get('.new-team [role="alert"]').text()).toContain('Sign in first');
    expect(wrapper.get('.new-team [role="alert"] code').text()).toBe('UNAUTHENTICATED');
    wrapper.unmount();
  });
});
