import { flushPromises, mount } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  AddTeamMemberDocument,
  ApplySquadPlanDocument,
  OptimizeTeamDocument,
  CreateMemberBuildDocument,
  MoveTeamMemberDocument,
  RemoveTeamMemberDocument,
  TeamPageBuildsDocument,
  TeamPageDocument,
} from '../gql/graphql';
import { createMockApollo } from '../test-utils/apollo';
import {
  buildCardData,
  coverageData,
  DRAGONHUNTER_CODE,
  memberData,
  routerAt,
  teamData,
} from '../test-utils/fixtures';
import TeamPage from './TeamPage.vue';

const teamRequest = { query: TeamPageDocument, variables: { id: 't1' } };

async function mountPage(mocks: Parameters<typeof createMockApollo>[0]) {
  const apollo = createMockApollo(mocks);
  const router = await routerAt('/teams/t1');
  const wrapper = mount(TeamPage, {
    props: { id: 't1' },
    global: { ...apollo.global, plugins: [router] },
    attachTo: document.body,
  });
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true));
  return { wrapper, apollo };
}

const column = (wrapper: ReturnType<typeof mount>, subgroup: number) =>
  wrapper.get(`[data-subgroup="${subgroup}"]`);

/** Bert moved to subgroup 2, as the server answers. */
const afterMove = teamData({
  version: 4,
  members: [
    memberData({ id: 'm1', label: 'Anna', subgroup: 1, position: 1 }),
    memberData({ id: 'm2', label: 'Bert', subgroup: 2, position: 1, provides: ['ALACRITY'] }),
  ],
  coverage: coverageData([
    { quickness: ['Anna'], alacrity: [] },
    { quickness: [], alacrity: ['Bert'] },
  ]),
});

/** The page with Bert (m2) movable to subgroup 2, position `position`, and a drag's data store. */
async function mountForMove(position: number) {
  const moveResult = vi.fn(() => ({ data: { moveTeamMember: afterMove } }));
  const { wrapper } = await mountPage([
    { request: teamRequest, result: { data: { team: teamData() } } },
    {
      request: {
        query: MoveTeamMemberDocument,
        variables: { memberId: 'm2', subgroup: 2, position, expectedVersion: 3 },
      },
      result: moveResult,
    },
  ]);
  const store = new Map<string, string>();
  const dataTransfer = {
    setData: (type: string, value: string) => store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    effectAllowed: 'none',
  };
  return { wrapper, moveResult, dataTransfer };
}

describe('TeamPage', () => {
  it('shows one column per subgroup, the coverage heatmap and the gaps in words', async () => {
    const { wrapper } = await mountPage([
      { request: teamRequest, result: { data: { team: teamData() } } },
    ]);
    expect(wrapper.get('h1').text()).toBe('Raid night');
    expect(document.title).toBe('Raid night · GW2 Squad Optimizer');
    expect(wrapper.text()).toContain('Raid · 10 players · by logan');

    expect(wrapper.findAll('[data-subgroup]')).toHaveLength(2);
    expect(column(wrapper, 1).get('h3').text()).toContain('Subgroup 1');
    expect(column(wrapper, 1).get('h3').text()).toContain('2/5');
    expect(column(wrapper, 1).text()).toContain('Anna');
    expect(column(wrapper, 1).text()).toContain("Anna's build");
    expect(column(wrapper, 1).get('[data-testid="member-role"]').text()).toContain('Quickness DPS');
    expect(column(wrapper, 1).get('[data-testid="member-boons"]').text()).toContain('Quickness');
    expect(column(wrapper, 2).findAll('.squad-grid__empty')).toHaveLength(5);

    const table = wrapper.get('table');
    expect(table.findAll('thead th').map((th) => th.text())).toEqual([
      'Capability',
      'Group 1 100%',
      'Group 2 0%',
    ]);
    const alacrity = table.findAll('tbody tr')[1];
    expect(alacrity?.get('th').text()).toBe('Alacrity');
    expect(alacrity?.findAll('td').map((td) => td.attributes('data-level'))).toEqual([
      'met',
      'missing',
    ]);
    expect(alacrity?.findAll('td')[0]?.attributes('title')).toBe('covered: Bert');
    expect(alacrity?.findAll('td')[1]?.text()).toContain('0/1');
    expect(table.findAll('tbody tr')[2]?.findAll('td')[0]?.attributes('data-level')).toBe('extra');

    const gaps = wrapper.get('[aria-label="Coverage gaps"]');
    expect(gaps.findAll('li')).toHaveLength(1);
    expect(gaps.text()).toContain('Subgroup 2 has no alacrity source');
    wrapper.unmount();
  });

  it('moves a member dropped on another subgroup with moveTeamMember', async () => {
    const { wrapper, moveResult, dataTransfer } = await mountForMove(1);
    await wrapper.get('[data-member-id="m2"]').trigger('dragstart', { dataTransfer });
    await wrapper.get('[data-slot="2-1"]').trigger('dragover', { dataTransfer });
    await wrapper.get('[data-slot="2-1"]').trigger('drop', { dataTransfer });

    await vi.waitFor(() => expect(moveResult).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(column(wrapper, 2).text()).toContain('Bert'));
    expect(column(wrapper, 1).text()).not.toContain('Bert');
    expect(wrapper.get('[aria-label="Coverage gaps"]').text()).toContain(
      'Subgroup 1 has no alacrity source',
    );
    wrapper.unmount();
  });

  it('sends position 5 for a drop on the last slot of a subgroup, even on its inner text', async () => {
    const { wrapper, moveResult, dataTransfer } = await mountForMove(5);
    const lastSlot = wrapper.get('[data-slot="2-5"]');
    expect(lastSlot.text()).toBe('Empty slot 5');
    await wrapper.get('[data-member-id="m2"]').trigger('dragstart', { dataTransfer });
    // Chromium fires dragover and drop on the element under the pointer: here the slot's text.
    await lastSlot.get('.squad-grid__empty').trigger('dragover', { dataTransfer });
    await lastSlot.get('.squad-grid__empty').trigger('drop', { dataTransfer });

    await vi.waitFor(() => expect(moveResult).toHaveBeenCalledTimes(1));
    expect(wrapper.text()).not.toContain('Could not move the member');
    wrapper.unmount();
  });

  it('moves with the keyboard menu and removes a member', async () => {
    const moveResult = vi.fn(() => ({ data: { moveTeamMember: afterMove } }));
    const removeResult = vi.fn(() => ({
      data: {
        removeTeamMember: teamData({
          version: 5,
          members: [memberData({ id: 'm1', label: 'Anna', subgroup: 1, position: 1 })],
        }),
      },
    }));
    const { wrapper } = await mountPage([
      { request: teamRequest, result: { data: { team: teamData() } } },
      {
        request: {
          query: MoveTeamMemberDocument,
          variables: { memberId: 'm2', subgroup: 2, position: 1, expectedVersion: 3 },
        },
        result: moveResult,
      },
      {
        request: {
          query: RemoveTeamMemberDocument,
          variables: { memberId: 'm2', expectedVersion: 4 },
        },
        result: removeResult,
      },
    ]);

    expect(wrapper.get('label[for="move-m2"]').text()).toBe('Move Bert to subgroup');
    await wrapper.get('#move-m2').setValue('2');
    await vi.waitFor(() => expect(moveResult).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(column(wrapper, 2).text()).toContain('Bert'));

    await wrapper.get('button[aria-label="Remove Bert"]').trigger('click');
    await vi.waitFor(() => expect(removeResult).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.get('.squad-grid').text()).not.toContain('Bert'));
    expect(wrapper.get('[data-testid="team-notice"]').text()).toContain(
      'Removed Bert from the team.',
    );
    expect(wrapper.get('[data-testid="team-notice"]').text()).toContain('Undo');
    wrapper.unmount();
  });

  it('follows changes made elsewhere through teamUpdated', async () => {
    const { wrapper, apollo } = await mountPage([
      { request: teamRequest, result: { data: { team: teamData() } } },
    ]);
    await vi.waitFor(() => expect(apollo.subscriptions.operation).toBeDefined());
    expect(apollo.subscriptions.operation?.operationName).toBe('TeamUpdated');
    expect(apollo.subscriptions.operation?.variables).toEqual({ teamId: 't1' });

    apollo.subscriptions.simulateResult({ result: { data: { teamUpdated: afterMove } } });
    await flushPromises();
    await vi.waitFor(() => expect(column(wrapper, 2).text()).toContain('Bert'));
    expect(wrapper.text()).toContain('Live');
    // What this session may do comes from the HTTP query, not from the live payload.
    expect(wrapper.find('details.team__add').exists()).toBe(true);
    wrapper.unmount();
  });

  it('adds a member from the build library and by pasting a chat code', async () => {
    const added = teamData({
      version: 4,
      members: [
        ...teamData().members,
        memberData({ id: 'm3', label: 'Cleo', subgroup: 2, position: 1 }),
      ],
    });
    const addFromLibrary = vi.fn(() => ({ data: { addTeamMember: added } }));
    const createBuild = vi.fn(() => ({
      data: { createBuild: { __typename: 'Build', id: 'b-new', name: 'Dragonhunter build' } },
    }));
    const addFromCode = vi.fn(() => ({ data: { addTeamMember: { ...added, version: 5 } } }));
    const { wrapper } = await mountPage([
      { request: teamRequest, result: { data: { team: teamData() } } },
      {
        request: { query: TeamPageBuildsDocument, variables: { filter: {} } },
        result: {
          data: {
            builds: {
              __typename: 'BuildConnection',
              edges: [{ __typename: 'BuildEdge', node: buildCardData('b7', 'Quick FB') }],
            },
          },
        },
      },
      {
        request: {
          query: AddTeamMemberDocument,
          variables: {
            teamId: 't1',
            input: { buildId: 'b7', playerName: 'Cleo' },
            expectedVersion: 3,
          },
        },
        result: addFromLibrary,
      },
      {
        request: {
          query: CreateMemberBuildDocument,
          variables: {
            input: {
              chatCode: DRAGONHUNTER_CODE,
              name: 'Dragonhunter build',
              visibility: 'UNLISTED',
            },
          },
        },
        result: createBuild,
      },
      {
        request: {
          query: AddTeamMemberDocument,
          variables: { teamId: 't1', input: { buildId: 'b-new' }, expectedVersion: 4 },
        },
        result: addFromCode,
      },
    ]);

    const details = wrapper.get('details.team__add');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    await vi.waitFor(() =>
      expect(wrapper.get('.add-member select').text()).toContain(
        'Quick FB — Dragonhunter Guardian',
      ),
    );

    await wrapper.get('.add-member input[type="text"]').setValue('Cleo');
    await wrapper.get('.add-member select').setValue('b7');
    await wrapper.get('.add-member__library').trigger('submit');
    await vi.waitFor(() => expect(addFromLibrary).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(column(wrapper, 2).text()).toContain('Cleo'));
    expect((wrapper.get('.add-member input[type="text"]').element as HTMLInputElement).value).toBe(
      '',
    );

    await wrapper.get('.add-member input[placeholder="[&DQ…]"]').setValue(DRAGONHUNTER_CODE);
    expect(wrapper.get('.add-member [data-testid="code-preview"]').text()).toContain(
      'Dragonhunter Guardian',
    );
    await wrapper.get('.add-member .paste-box').trigger('submit');
    await vi.waitFor(() => expect(createBuild).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(addFromCode).toHaveBeenCalledTimes(1));
    // Saving the pasted code as a build is said before and after, never silent.
    expect(wrapper.get('[data-testid="paste-note"]').text()).toContain('also saved to your builds');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="team-notice"]').text()).toContain(
        'The code was saved to your builds as “Dragonhunter build”.',
      ),
    );
    wrapper.unmount();
  });

  it('shows a refused change with its code, and hides editing from readers', async () => {
    const { wrapper } = await mountPage([
      { request: teamRequest, result: { data: { team: teamData() } } },
      {
        request: {
          query: RemoveTeamMemberDocument,
          variables: { memberId: 'm1', expectedVersion: 3 },
        },
        result: {
          errors: [
            new GraphQLError('The team changed meanwhile', { extensions: { code: 'CONFLICT' } }),
          ],
        },
      },
    ]);
    await wrapper.get('button[aria-label="Remove Anna"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('[role="alert"]').text()).toContain('Could not remove the member');
    expect(wrapper.get('[role="alert"]').text()).toContain('The team changed meanwhile');
    expect(wrapper.get('[role="alert"] code').text()).toBe('CONFLICT');
    wrapper.unmount();

    const reader = await mountPage([
      { request: teamRequest, result: { data: { team: teamData({ viewerAccess: 'READER' }) } } },
    ]);
    expect(reader.wrapper.find('button[aria-label="Remove Anna"]').exists()).toBe(false);
    expect(reader.wrapper.find('details.team__add').exists()).toBe(false);
    expect(reader.wrapper.get('[data-member-id="m1"]').attributes('draggable')).toBe('false');
    reader.wrapper.unmount();
  });

  it('shows NOT_FOUND when the team cannot be seen', async () => {
    const apollo = createMockApollo([
      {
        request: teamRequest,
        result: {
          errors: [new GraphQLError('Team not found', { extensions: { code: 'NOT_FOUND' } })],
        },
      },
    ]);
    const router = await routerAt('/teams/t1');
    const wrapper = mount(TeamPage, {
      props: { id: 't1' },
      global: { ...apollo.global, plugins: [router] },
    });
    expect(wrapper.text()).toContain('Loading team');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('[role="alert"] code').text()).toBe('NOT_FOUND');
    wrapper.unmount();
  });

  it('optimizes the members into a proposed grid beside the current one, and applies it', async () => {
    const assignment = (name: string, buildId: string, subgroup: number, slot: number) => ({
      __typename: 'PlanAssignment' as const,
      buildId,
      playerName: name,
      roleKey: 'quickness-dps',
      subgroup,
      slot,
      profession: 'Guardian',
      specialization: 'Firebrand',
      roleLabel: 'Quickness DPS',
      provides: ['QUICKNESS'],
    });
    const anna = assignment('Anna', 'build-m1', 1, 1);
    const bert = assignment('Bert', 'build-m2', 2, 6);
    const plan = {
      __typename: 'SquadPlan' as const,
      status: 'OPTIMAL',
      solveTimeMs: 41.6,
      assignments: [anna, bert],
      subgroups: [
        {
          __typename: 'PlanSubgroup' as const,
          number: 1,
          provides: ['QUICKNESS'],
          members: [anna],
        },
        {
          __typename: 'PlanSubgroup' as const,
          number: 2,
          provides: ['QUICKNESS'],
          members: [bert],
        },
      ],
      coverage: {
        ...coverageData([
          { quickness: ['Anna'], alacrity: ['Anna'] },
          { quickness: ['Bert'], alacrity: ['Bert'] },
        ]),
        score: 100,
      },
      explanation: {
        __typename: 'PlanExplanation' as const,
        summary: [
          'Covers 4 of 4 required sources.',
          '2 members in 2 subgroups of 1/1 (before: 2/0).',
        ],
        subgroups: [1, 2].map((subgroup) => ({
          __typename: 'SubgroupExplanation' as const,
          subgroup,
          inUse: true,
          members: [
            {
              __typename: 'MemberExplanation' as const,
              slot: subgroup === 1 ? 1 : 6,
              playerName: subgroup === 1 ? 'Anna' : 'Bert',
              specialization: 'Firebrand',
              brings: [
                { __typename: 'Contribution' as const, capability: 'QUICKNESS', status: 'SOLE' },
              ],
            },
          ],
        })),
        moves: [
          {
            __typename: 'MoveExplanation' as const,
            playerName: 'Bert',
            reason: 'COVERS',
            text: 'Bert moves from subgroup 1 to 2: brings a quickness source to subgroup 2.',
          },
        ],
        uncovered: [],
      },
    };
    const optimize = vi.fn(() => ({ data: { optimizeSquad: plan } }));
    const applyResult = vi.fn(() => ({ data: { applySquadPlan: afterMove } }));
    const { wrapper } = await mountPage([
      {
        request: teamRequest,
        result: {
          data: {
            team: teamData({
              members: [
                memberData({ id: 'm1', label: 'Anna', subgroup: 1, position: 1 }),
                memberData({ id: 'm2', label: 'Bert', subgroup: 1, position: 2 }),
                {
                  ...memberData({ id: 'm3', label: 'anna', subgroup: 1, position: 3 }),
                  build: null,
                },
              ],
            }),
          },
        },
      },
      {
        request: {
          query: OptimizeTeamDocument,
          variables: {
            input: {
              gameMode: 'RAID',
              size: 10,
              pool: 'ROSTER',
              roster: [
                { playerName: 'Anna', buildIds: ['build-m1'], currentSubgroup: 1 },
                { playerName: 'Bert', buildIds: ['build-m2'], currentSubgroup: 1 },
              ],
            },
          },
        },
        result: optimize,
      },
      {
        request: {
          query: ApplySquadPlanDocument,
          variables: {
            input: {
              teamId: 't1',
              gameMode: 'RAID',
              size: 10,
              expectedVersion: 3,
              assignments: [
                { buildId: 'build-m1', playerName: 'Anna', roleKey: 'quickness-dps', subgroup: 1 },
                { buildId: 'build-m2', playerName: 'Bert', roleKey: 'quickness-dps', subgroup: 2 },
              ],
            },
          },
        },
        result: applyResult,
      },
    ]);

    const section = () => wrapper.get('section[aria-labelledby="optimize-title"]');
    expect(section().text()).toContain('Places the 2 members with a build');
    await section().get('button').trigger('click');
    await vi.waitFor(() => expect(optimize).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(section().find('.plan').exists()).toBe(true));

    expect(section().get('[role="status"]').text()).toContain('Proven optimal in 42 ms');
    expect(section().get('[role="status"]').text()).toContain('coverage 50 → 100');
    expect(section().get('#current-title').text()).toBe('Current squad');
    expect(section().get('[data-plan-subgroup="2"]').text()).toContain('Bert');
    expect(section().get('[data-plan-subgroup="2"]').text()).toContain('Firebrand · Quickness DPS');
    expect(section().get('[data-plan-subgroup="1"]').text()).not.toContain('Bert');
    expect(section().text()).toContain('Covers 4 of 4 required sources.');
    expect(section().get('[data-testid="plan-moves"]').text()).toContain(
      'Bert moves from subgroup 1 to 2: brings a quickness source to subgroup 2.',
    );
    expect(section().get('aside').text()).toContain('Anna: Quickness (only one)');

    const applyButton = section()
      .findAll('button')
      .find((button) => button.text() === 'Apply plan');
    await applyButton?.trigger('click');
    await vi.waitFor(() => expect(applyResult).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(section().find('.plan').exists()).toBe(false));
    expect(column(wrapper, 2).text()).toContain('Bert');
    wrapper.unmount();
  });
});
