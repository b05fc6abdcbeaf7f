import { mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BuildPageDocument,
  DeleteBuildDocument,
  DuplicateBuildDocument,
  UpdateBuildDocument,
} from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import { buildPageData, DRAGONHUNTER_CODE, provideFor, routerAt } from '../test-utils/fixtures';
import BuildPage from './BuildPage.vue';

async function mountPage(mocks: Parameters<typeof createMockApollo>[0]) {
  const apollo = createMockApollo(mocks);
  const router = await routerAt('/builds/b1');
  const wrapper = mount(BuildPage, {
    props: { id: 'b1' },
    global: { provide: provideFor(apollo), plugins: [router] },
  });
  return { wrapper, router };
}

const request = { query: BuildPageDocument, variables: { id: 'b1' } };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('BuildPage', () => {
  it('shows the traits, boons, roles and a working copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { wrapper } = await mountPage([
      { request, result: { data: { build: buildPageData() } } },
    ]);
    expect(wrapper.text()).toContain('Loading build');

    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));
    expect(wrapper.get('h1').text()).toBe('Power Dragonhunter');
    // The render service's icon by default (the CSP allows that origin).
    expect(wrapper.get('.build__header > img').attributes('src')).toBe(
      'https://render.guildwars2.com/file/27.png',
    );
    expect(document.title).toBe('Power Dragonhunter · GW2 Squad Optimizer');
    expect(wrapper.text()).toContain('Dragonhunter Guardian · by logan');
    expect(wrapper.text()).toContain('Berserker');
    expect(wrapper.text()).toContain('Game modes: Raid, Strikes');

    const radiance = wrapper.get('section[aria-label="Radiance traits"]');
    expect(radiance.findAll('li').map((li) => li.text())).toEqual([
      'Adept Right-Hand Strength',
      'Master Radiant Fire',
      'Grandmaster Retribution',
    ]);
    expect(wrapper.get('section[aria-label="Dragonhunter traits"]').text()).toContain('Elite');

    expect(wrapper.get('ul[aria-labelledby="boons-title"]').text()).toContain('Might');
    expect(wrapper.get('ul[aria-labelledby="boons-title"]').text()).toContain('Aegis');
    expect(wrapper.text()).toContain('Power DPS');
    expect(wrapper.text()).toContain('declared');

    expect(wrapper.get('[data-testid="chat-code"]').text()).toBe(DRAGONHUNTER_CODE);
    await wrapper.get('.build__code button').trigger('click');
    expect(writeText).toHaveBeenCalledWith(DRAGONHUNTER_CODE);
    await vi.waitFor(() =>
      expect(wrapper.get('.build__code [role="status"]').text()).toBe('Copied to the clipboard'),
    );
    wrapper.unmount();
  });

  it('shows initials when an icon fails to load, and for origins the CSP blocks', async () => {
    const { wrapper } = await mountPage([
      { request, result: { data: { build: buildPageData() } } },
    ]);
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));

    const headerIcon = wrapper.get('.build__header > img');
    expect(headerIcon.attributes('alt')).toBe('Dragonhunter');
    await headerIcon.trigger('error');
    const fallback = wrapper.get('.build__header > [data-testid="icon-fallback"]');
    expect(fallback.attributes('role')).toBe('img');
    expect(fallback.attributes('aria-label')).toBe('Dragonhunter');
    expect(fallback.text()).toBe('D');
    wrapper.unmount();

    vi.stubEnv('VITE_ICON_ORIGINS', 'none');
    const { wrapper: tiles } = await mountPage([
      { request, result: { data: { build: buildPageData() } } },
    ]);
    await vi.waitFor(() => expect(tiles.find('h1').exists()).toBe(true));
    expect(tiles.find('img').exists()).toBe(false);
    expect(tiles.get('.build__header > [data-testid="icon-fallback"]').text()).toBe('D');
    tiles.unmount();
  });

  it('deletes the build after confirming and goes back to the library', async () => {
    const confirm = vi.fn(() => true);
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true });
    const deleteResult = vi.fn(() => ({ data: { deleteBuild: 'b1' } }));
    const { wrapper, router } = await mountPage([
      { request, result: { data: { build: buildPageData() } } },
      { request: { query: DeleteBuildDocument, variables: { id: 'b1' } }, result: deleteResult },
      // This test mounts the page without a RouterView, so it stays and asks again.
      {
        request,
        result: {
          errors: [new GraphQLError('Build not found', { extensions: { code: 'NOT_FOUND' } })],
        },
      },
    ]);
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));

    await wrapper.get('.build__actions button').trigger('click');
    await vi.waitFor(() => expect(deleteResult).toHaveBeenCalledTimes(1));
    expect(confirm).toHaveBeenCalledWith('Delete "Power Dragonhunter"?');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/builds'), {
      timeout: 5_000,
    });
    wrapper.unmount();
  });

  it('hides the delete button from other players', async () => {
    const { wrapper } = await mountPage([
      { request, result: { data: { build: buildPageData({ viewerCanEdit: false }) } } },
    ]);
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));
    expect(wrapper.find('.build__actions').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows NOT_FOUND from the server', async () => {
    const { wrapper } = await mountPage([
      {
        request,
        result: {
          errors: [new GraphQLError('Build not found', { extensions: { code: 'NOT_FOUND' } })],
        },
      },
    ]);
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('[role="alert"]').text()).toContain('Build not found');
    expect(wrapper.get('[role="alert"] code').text()).toBe('NOT_FOUND');
    wrapper.unmount();
  });

  it('edits the name, visibility and roles in place', async () => {
    const update = vi.fn(() => ({
      data: {
        updateBuild: {
          __typename: 'Build' as const,
          id: 'b1',
          name: 'Trap DH',
          visibility: 'PRIVATE' as const,
          roles: [],
          providedBoons: ['MIGHT' as const],
          updatedAt: '2026-12-01T10:00:00.000Z',
        },
      },
    }));
    const { wrapper } = await mountPage([
      { request, result: { data: { build: buildPageData() } } },
      {
        request: {
          query: UpdateBuildDocument,
          variables: { id: 'b1', input: { name: 'Trap DH', visibility: 'PRIVATE', roles: [] } },
        },
        result: update,
      },
    ]);
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));
    const edit = wrapper.findAll('button').find((button) => button.text() === 'Edit');
    await edit?.trigger('click');
    const form = wrapper.get('form.build-editor');
    await form.get('input[type="text"]').setValue('Trap DH');
    await form.get('select').setValue('PRIVATE');
    const role = form.get('input[type="checkbox"][value="power-dps"]');
    expect((role.element as HTMLInputElement).checked).toBe(true);
    await role.setValue(false);
    await form.trigger('submit');
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Trap DH'));
    expect(wrapper.find('form.build-editor').exists()).toBe(false);
    expect(wrapper.text()).toContain('Private');
    wrapper.unmount();
  });

  it("adds another player's build to the viewer's library", async () => {
    const duplicate = vi.fn(() => ({
      data: { createBuild: { __typename: 'Build' as const, id: 'b2', name: 'Power Dragonhunter' } },
    }));
    const { wrapper } = await mountPage([
      { request, result: { data: { build: buildPageData({ viewerCanEdit: false }) } } },
      {
        request: {
          query: DuplicateBuildDocument,
          variables: {
            input: {
              chatCode: DRAGONHUNTER_CODE,
              name: 'Power Dragonhunter',
              visibility: 'PRIVATE',
              gameModes: ['RAID', 'STRIKES'],
              roles: ['power-dps'],
              notes: 'Trap on pull.',
              statPrefix: 'Berserker',
            },
          },
        },
        result: duplicate,
      },
    ]);
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));
    expect(wrapper.findAll('button').some((button) => button.text() === 'Edit')).toBe(false);
    const add = wrapper.findAll('button').find((button) => button.text() === 'Add to my builds');
    await add?.trigger('click');
    await vi.waitFor(() => expect(duplicate).toHaveBeenCalledTimes(1));
    await vi.waitFor(() =>
      expect(wrapper.get('.duplicate [role="status"]').text()).toContain(
        'Saved as a private build: Power Dragonhunter',
      ),
    );
    expect(wrapper.get('.duplicate a').attributes('href')).toBe('/builds/b2');
    wrapper.unmount();
  });
});
