import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Subscription,
} from 'type-graphql';
import { formatSquadText } from '@gw2/game';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { requireViewer } from '../../platform/graphql/authz.js';
import { NotFoundError } from '../../platform/graphql/errors.js';
import { memberLabel, teamCoverage } from './team.coverage.js';
import { TeamShareAccess } from './team.entity.js';
import {
  AddTeamMemberInput,
  CreateTeamInput,
  TeamFilter,
  UpdateTeamInput,
  UpdateTeamMemberInput,
} from './team.inputs.js';
import { buildLoaders } from '../builds/build.loaders.js';
import { teamReadScope } from './team.loaders.js';
import {
  memberFacts,
  toTeam,
  toTeamCoverage,
  toTeamMember,
  toUserProfile,
  type MemberRecord,
} from './team.mapper.js';
import { snapshotReadScope, type TeamSnapshot } from './team.snapshot.js';
import { teamAccess } from './team.rules.js';
import { SquadTextFormat, squadTextInput } from './team.text.js';
import { TeamMemberService } from './team-members.service.js';
import { TeamShareService } from './team-shares.service.js';
import { TeamService } from './team.service.js';
import {
  Team,
  TeamAccess,
  TeamConnection,
  TeamCoverage,
  TeamMember,
  TeamShare,
  UserProfile,
} from './team.types.js';
import { Parent } from '../../platform/graphql/parent.js';

// The team services are stateless apart from what they are given: built per call from the
// context's services.
function teamService(context: GraphQLContext): TeamService {
  return new TeamService(context.services.pubSub, context.services.clock);
}

function teamMemberService(context: GraphQLContext): TeamMemberService {
  return new TeamMemberService(context.services.pubSub, context.services.clock);
}

function teamShareService(context: GraphQLContext): TeamShareService {
  return new TeamShareService(context.services.pubSub, context.services.clock);
}

/**
 * What members and coverage derive from a list of members, whoever asks: computed once per list
 * (per request, or per live snapshot for all its subscribers). Neither depends on the viewer.
 */
interface Derived {
  members?: TeamMember[];
  coverage?: TeamCoverage;
}
const derivedByMembers = new WeakMap<readonly MemberRecord[], Derived>();
function derivedOf(members: readonly MemberRecord[]): Derived {
  let derived = derivedByMembers.get(members);
  if (!derived) derivedByMembers.set(members, (derived = {}));
  return derived;
}

/** `null` from GraphQL means "not given" for fields that cannot be cleared. */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => Team, { description: 'A team the caller may see (NOT_FOUND otherwise)' })
  async team(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Team> {
    const entity = await teamService(context).getTeam(context.em, context.viewer, id);
    return toTeam(entity, teamReadScope(context));
  }

  @Query(() => TeamConnection, { description: 'Teams newest first; see TeamScope for which' })
  async teams(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TeamFilter, { nullable: true }) filter: TeamFilter | null,
    @Ctx() context: GraphQLContext,
  ): Promise<TeamConnection> {
    const page = await teamService(context).listTeams(context.em, context.viewer, {
      first,
      after,
      filter: { scope: given(filter?.scope), gameMode: given(filter?.gameMode) },
    });
    const scope = teamReadScope(context);
    const edges = page.teams.map(({ team, cursor }) => ({ cursor, node: toTeam(team, scope) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Mutation(() => Team)
  @Authorized()
  async createTeam(
    @Arg('input', () => CreateTeamInput) input: CreateTeamInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamService(context).createTeam(context.em, requireViewer(context), {
      name: input.name,
      gameMode: input.gameMode,
      size: input.size,
      visibility: given(input.visibility),
    });
    context.services.metrics.teamCreated();
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => Team, { description: 'Owner or EDIT share; visibility is the owner’s alone' })
  @Authorized()
  async updateTeam(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamService(context).updateTeam(
      context.em,
      requireViewer(context),
      id,
      {
        name: given(input.name),
        gameMode: given(input.gameMode),
        size: given(input.size),
        visibility: given(input.visibility),
      },
      expectedVersion,
    );
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => Boolean, { description: 'Owner only' })
  @Authorized()
  async deleteTeam(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    await teamService(context).deleteTeam(context.em, requireViewer(context), id, expectedVersion);
    return true;
  }

  @Mutation(() => Team, { description: 'Adds a build to the team; returns the team' })
  @Authorized()
  async addTeamMember(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('input', () => AddTeamMemberInput) input: AddTeamMemberInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamMemberService(context).addMember(
      context.em,
      requireViewer(context),
      teamId,
      input,
      expectedVersion,
    );
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => Team)
  @Authorized()
  async updateTeamMember(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('input', () => UpdateTeamMemberInput) input: UpdateTeamMemberInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamMemberService(context).updateMember(
      context.em,
      requireViewer(context),
      memberId,
      { buildId: given(input.buildId), playerName: input.playerName, roleKey: input.roleKey },
      expectedVersion,
    );
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => Team, { description: 'Moving onto a taken slot swaps the two members' })
  @Authorized()
  async moveTeamMember(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('subgroup', () => Int) subgroup: number,
    @Arg('position', () => Int) position: number,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamMemberService(context).moveMember(
      context.em,
      requireViewer(context),
      memberId,
      subgroup,
      position,
      expectedVersion,
    );
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => Team)
  @Authorized()
  async removeTeamMember(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const entity = await teamMemberService(context).removeMember(
      context.em,
      requireViewer(context),
      memberId,
      expectedVersion,
    );
    return toTeam(entity, teamReadScope(context));
  }

  @Mutation(() => TeamShare, { description: 'Owner only; sharing again changes the access' })
  @Authorized()
  async shareTeam(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('username', () => String) username: string,
    @Arg('access', () => TeamShareAccess) access: TeamShareAccess,
    @Ctx() context: GraphQLContext,
  ): Promise<TeamShare> {
    const share = await teamShareService(context).share(
      context.em,
      requireViewer(context),
      teamId,
      username,
      access,
    );
    return { user: toUserProfile(share.user), access: share.access };
  }

  @Mutation(() => Boolean, { description: 'Owner only; false when it was not shared' })
  @Authorized()
  async unshareTeam(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('username', () => String) username: string,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    return teamShareService(context).unshare(context.em, requireViewer(context), teamId, username);
  }

  @Subscription(() => Team, {
    description:
      'The team as it is now, then after each change, to those allowed to see it (a version it may not see is skipped); ends when the team is deleted',
    // One read of the team per change for all its subscribers on this instance (team.live.ts).
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.teamLive.subscribe(String(args.teamId), ctx.viewer);
    },
  })
  teamUpdated(
    @Arg('teamId', () => ID) _teamId: string,
    @Parent() snapshot: TeamSnapshot,
    @Ctx() context: GraphQLContext,
  ): Team {
    // `members { build { owner } }` answers from the snapshot too.
    const owners = buildLoaders(context).owners;
    for (const owner of snapshot.buildOwners) owners.prime(owner.id, owner);
    return toTeam(snapshot, snapshotReadScope(snapshot, context.viewer));
  }

  @FieldResolver(() => UserProfile)
  async owner(@Parent() team: Team): Promise<UserProfile> {
    const user = await team.scope.usersById.load(team.ownerId);
    if (!user) throw new NotFoundError('User'); // owners cascade with their teams
    return toUserProfile(user);
  }

  @FieldResolver(() => TeamAccess, { description: 'What the caller may do with the team' })
  async viewerAccess(@Parent() team: Team): Promise<TeamAccess> {
    const { viewer } = team.scope;
    const share =
      viewer === null || viewer.userId === team.ownerId
        ? null
        : await team.scope.viewerShareByTeam.load(team.id);
    const access = teamAccess(
      { ownerId: team.ownerId, visibility: team.visibility, share },
      viewer?.userId ?? null,
    );
    // Only teams the caller may see are ever resolved.
    return access === 'NONE' ? TeamAccess.READER : TeamAccess[access];
  }

  @FieldResolver(() => [TeamMember], { description: 'In subgroup and position order' })
  async members(@Parent() team: Team): Promise<TeamMember[]> {
    const members = await team.scope.membersByTeam.load(team.id);
    const derived = derivedOf(members);
    derived.members ??= members.map((member) => toTeamMember(member, team));
    return derived.members;
  }

  @FieldResolver(() => TeamCoverage)
  async coverage(@Parent() team: Team): Promise<TeamCoverage> {
    const members = await team.scope.membersByTeam.load(team.id);
    const derived = derivedOf(members);
    if (!derived.coverage) {
      const facts = members.map((member) => memberFacts(member, team.ownerId));
      const coverage = teamCoverage({ gameMode: team.gameMode, size: team.size, members: facts });
      derived.coverage = toTeamCoverage(
        coverage,
        new Map(facts.map((f) => [f.id, memberLabel(f)])),
      );
    }
    return derived.coverage;
  }

  @FieldResolver(() => String, {
    description:
      'The squad as text to paste: subgroups, players, builds, roles and what each subgroup is missing',
  })
  async asText(
    @Parent() team: Team,
    @Arg('format', () => SquadTextFormat) format: SquadTextFormat,
  ): Promise<string> {
    const [members, coverage] = await Promise.all([this.members(team), this.coverage(team)]);
    return formatSquadText(squadTextInput(team, members, coverage), format);
  }

  @FieldResolver(() => [TeamShare], { description: 'Who the team is shared with (owner only)' })
  async shares(@Parent() team: Team): Promise<TeamShare[]> {
    if (team.scope.viewer?.userId !== team.ownerId) return [];
    const shares = await team.scope.sharesByTeam.load(team.id);
    return shares.map((share) => ({ user: toUserProfile(share.user), access: share.access }));
  }
}
