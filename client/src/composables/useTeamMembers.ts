import { useMutation } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '../gql';
import type { TeamActions } from './useTeamActions';
import { decodeForPreview } from './useBuildCodePreview';

const MoveTeamMemberMutation = graphql(`
  mutation MoveTeamMember($memberId: ID!, $subgroup: Int!, $position: Int!, $expectedVersion: Int) {
    moveTeamMember(
      memberId: $memberId
      subgroup: $subgroup
      position: $position
      expectedVersion: $expectedVersion
    ) {
      id
      ...TeamPage_team
    }
  }
`);

const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($memberId: ID!, $expectedVersion: Int) {
    removeTeamMember(memberId: $memberId, expectedVersion: $expectedVersion) {
      id
      ...TeamPage_team
    }
  }
`);

const AddTeamMemberMutation = graphql(`
  mutation AddTeamMember($teamId: ID!, $input: AddTeamMemberInput!, $expectedVersion: Int) {
    addTeamMember(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) {
      id
      ...TeamPage_team
    }
  }
`);

const UpdateTeamMemberMutation = graphql(`
  mutation UpdateTeamMember($memberId: ID!, $input: UpdateTeamMemberInput!, $expectedVersion: Int) {
    updateTeamMember(memberId: $memberId, input: $input, expectedVersion: $expectedVersion) {
      id
      ...TeamPage_team
    }
  }
`);

const CreateMemberBuildMutation = graphql(`
  mutation CreateMemberBuild($input: CreateBuildInput!) {
    createBuild(input: $input) {
      id
      name
    }
  }
`);

/** What the page knows of a member, enough to put it back after a removal. */
export interface MemberSnapshot {
  readonly id: string;
  readonly label: string;
  readonly playerName?: string | null;
  readonly roleKey?: string | null;
  readonly subgroup: number;
  readonly position: number;
  readonly build?: { readonly id: string } | null;
}

export interface MemberTeam {
  readonly version: number;
  readonly members: readonly MemberSnapshot[];
}

/** The name a pasted code's build gets in the library: "Firebrand build". */
export function pastedBuildName(code: string): string {
  const preview = decodeForPreview(code);
  return preview.status === 'valid'
    ? `${preview.preview.elite ?? preview.preview.profession.name} build`
    : 'Team member build';
}

/** Adds, moves, edits and removes a team's members; every write reports through `actions`. */
export function useTeamMembers(
  teamId: () => string,
  team: () => MemberTeam | null,
  actions: TeamActions,
) {
  const { run } = actions;
  const { mutate: moveMember, loading: moving } = useMutation(MoveTeamMemberMutation);
  const { mutate: removeMember, loading: removing } = useMutation(RemoveTeamMemberMutation);
  const { mutate: addMember, loading: adding } = useMutation(AddTeamMemberMutation);
  const { mutate: updateMember, loading: updating } = useMutation(UpdateTeamMemberMutation);
  const { mutate: createBuild, loading: creating } = useMutation(CreateMemberBuildMutation);
  const busy = computed(
    () => moving.value || removing.value || adding.value || updating.value || creating.value,
  );
  const version = () => team()?.version;
  const find = (memberId: string) => team()?.members.find((member) => member.id === memberId);

  function move(memberId: string, subgroup: number, position: number): Promise<boolean> {
    const label = find(memberId)?.label ?? 'The member';
    return run(
      'Could not move the member',
      () => moveMember({ memberId, subgroup, position, expectedVersion: version() }),
      `Moved ${label} to subgroup ${subgroup}.`,
    );
  }

  function remove(memberId: string): Promise<boolean> {
    const member = find(memberId);
    const label = member?.label ?? 'The member';
    const buildId = member?.build?.id;
    const restore = buildId
      ? {
          label: 'Undo',
          run: () =>
            run(
              `Could not put ${label} back`,
              () =>
                addMember({
                  teamId: teamId(),
                  input: {
                    buildId,
                    playerName: member?.playerName ?? null,
                    roleKey: member?.roleKey ?? null,
                    subgroup: member?.subgroup,
                    position: member?.position,
                  },
                  expectedVersion: version(),
                }),
              `${label} is back in subgroup ${member?.subgroup}.`,
            ),
        }
      : undefined;
    return run(
      'Could not remove the member',
      () => removeMember({ memberId, expectedVersion: version() }),
      { message: `Removed ${label} from the team.`, ...(restore ? { undo: restore } : {}) },
    );
  }

  function addBuild(buildId: string, playerName: string | null, note = ''): Promise<boolean> {
    return run(
      'Could not add the member',
      () =>
        addMember({
          teamId: teamId(),
          input: { buildId, ...(playerName ? { playerName } : {}) },
          expectedVersion: version(),
        }),
      `Added ${playerName ?? 'the build'} to the team.${note}`,
    );
  }

  /** A pasted code becomes an unlisted build in the player's library, then a member. */
  async function addCode(code: string, playerName: string | null): Promise<boolean> {
    const name = pastedBuildName(code);
    let buildId: string | undefined;
    const created = await run('Could not save the build', async () => {
      // Unlisted, so the team's owner can see it when an editor adds it.
      const response = await createBuild({
        input: { chatCode: code, name, visibility: 'UNLISTED' },
      });
      buildId = response?.data?.createBuild.id;
    });
    if (!created || !buildId) return false;
    return addBuild(buildId, playerName, ` The code was saved to your builds as “${name}”.`);
  }

  function edit(
    memberId: string,
    input: { playerName?: string | null; roleKey?: string | null },
  ): Promise<boolean> {
    const before = find(memberId)?.label ?? 'the member';
    return run(
      `Could not change ${before}`,
      () => updateMember({ memberId, input, expectedVersion: version() }),
      () => `Saved ${find(memberId)?.label ?? before}.`,
    );
  }

  return { busy, move, remove, addBuild, addCode, edit };
}

export type TeamMembers = ReturnType<typeof useTeamMembers>;
