/**
 * `applySquadPlan`: writes a plan's members into a team (replacing the ones it had) or into a
 * new team, in one transaction. Only assignments of saved builds can become team members.
 */
import { SUBGROUP_SIZE, type GameMode } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type FieldProblem,
} from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { isUuid } from '../builds/build.cursor.js';
import { Build } from '../builds/build.entity.js';
import { buildFacts, roleOptionsFor } from '../teams/team.coverage.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import {
  PLAYER_NAME_MAX_LENGTH,
  TEAM_NAME_MAX_LENGTH,
  buildVisibleTo,
  canEditTeam,
  canViewTeam,
  sizeProblem,
  subgroupProblem,
} from '../teams/team.rules.js';
import { TeamService } from '../teams/team.service.js';
import { TRAITS_ONLY_ROLE } from './candidates.js';
import type { ApplySquadPlanInput } from './optimizer.inputs.js';

function teamName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > TEAM_NAME_MAX_LENGTH) {
    throw new BadUserInputError(`A name has from 1 to ${TEAM_NAME_MAX_LENGTH} characters.`, {
      field: 'input.name',
      reason: 'INVALID_NAME',
    });
  }
  return name;
}

interface CheckedMember {
  readonly buildId: string;
  readonly playerName: string | null;
  readonly roleKey: string | null;
  readonly subgroup: number;
  readonly position: number;
}

/** Everything that can be checked without the database, reported together. */
function checkAssignments(input: ApplySquadPlanInput): CheckedMember[] {
  const problems: FieldProblem[] = [];
  const size = sizeProblem(input.gameMode, input.size);
  if (size) throw new BadUserInputError(size, { field: 'input.size', reason: 'SIZE_OUT_OF_RANGE' });
  if (input.assignments.length > input.size) {
    throw new BadUserInputError(
      `${input.assignments.length} assignments do not fit a team of ${input.size}.`,
      { field: 'input.assignments', reason: 'TOO_MANY_MEMBERS' },
    );
  }
  const filled = new Map<number, number>();
  const members = input.assignments.flatMap((assignment, index): CheckedMember[] => {
    const at = `input.assignments[${index}]`;
    const who = assignment.playerName?.trim() || assignment.chatCode || `assignment ${index + 1}`;
    const subgroupIssue = subgroupProblem(input.size, assignment.subgroup);
    if (subgroupIssue) problems.push({ field: `${at}.subgroup`, message: subgroupIssue });
    const position = (filled.get(assignment.subgroup) ?? 0) + 1;
    filled.set(assignment.subgroup, position);
    if (position > SUBGROUP_SIZE) {
      problems.push({
        field: `${at}.subgroup`,
        message: `Subgroup ${assignment.subgroup} gets more than ${SUBGROUP_SIZE} members.`,
      });
    }
    const playerName = assignment.playerName?.trim() || null;
    if (playerName !== null && playerName.length > PLAYER_NAME_MAX_LENGTH) {
      problems.push({
        field: `${at}.playerName`,
        message: `A player name has at most ${PLAYER_NAME_MAX_LENGTH} characters.`,
      });
    }
    if (!assignment.buildId) {
      problems.push({
        field: `${at}.buildId`,
        message: `${who} plays a chat code, not a saved build: save it as a build to put it in a team.`,
      });
      return [];
    }
    const roleKey =
      assignment.roleKey && assignment.roleKey !== TRAITS_ONLY_ROLE.key ? assignment.roleKey : null;
    return [
      { buildId: assignment.buildId, playerName, roleKey, subgroup: assignment.subgroup, position },
    ];
  });
  if (problems.length > 0) {
    const unsaved = problems.filter((p) => p.field.endsWith('.buildId'));
    throw new BadUserInputError(
      unsaved.length > 0
        ? `These assignments cannot be applied: ${unsaved.map((p) => p.field).join(', ')}.`
        : 'The plan does not fit the team.',
      {
        field: problems[0]?.field,
        problems,
        reason: unsaved.length > 0 ? 'UNSAVED_BUILD' : 'INVALID_ASSIGNMENT',
      },
    );
  }
  return members;
}

/** The members' builds, each visible to the team's owner (the teams module's rule). */
async function buildsFor(
  tx: EntityManager,
  members: readonly CheckedMember[],
  teamOwnerId: string,
  gameMode: GameMode,
): Promise<Build[]> {
  const ids = [...new Set(members.map((m) => m.buildId))].filter(isUuid);
  const builds = new Map((await tx.find(Build, { id: { $in: ids } })).map((b) => [b.id, b]));
  const problems: FieldProblem[] = [];
  const resolved = members.map((member, index) => {
    const build = builds.get(member.buildId);
    const at = `input.assignments[${index}]`;
    if (
      !build ||
      !buildVisibleTo({ ownerId: build.owner.id, visibility: build.visibility }, teamOwnerId)
    ) {
      problems.push({
        field: `${at}.buildId`,
        message: "No build with this id is visible to the team's owner.",
      });
      return null;
    }
    if (
      member.roleKey !== null &&
      !roleOptionsFor(buildFacts(build), gameMode).some((o) => o.key === member.roleKey)
    ) {
      problems.push({
        field: `${at}.roleKey`,
        message: `The build has no role ${member.roleKey} in ${gameMode.toLowerCase()}.`,
      });
    }
    return build;
  });
  if (problems.length > 0) {
    throw new BadUserInputError('Some assignments cannot be applied.', {
      field: problems[0]?.field,
      problems,
      reason: problems[0]?.field.endsWith('.buildId') ? 'BUILD_NOT_VISIBLE' : 'UNKNOWN_ROLE',
    });
  }
  return resolved.filter((b): b is Build => b !== null);
}

/**
 * Writes plans into teams. The version bump, access check and TEAM_UPDATED event follow the
 * teams service's change() (which is private to it) so an applied plan behaves like any other
 * team change: CONFLICT on a stale `expectedVersion`, NOT_FOUND for a team the viewer cannot
 * see, FORBIDDEN for one it can only read.
 */
export class ApplyPlanService {
  private readonly teams: TeamService;

  constructor(
    private readonly pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {
    this.teams = new TeamService(pubSub, clock);
  }

  async apply(
    em: EntityManager,
    viewer: Viewer,
    input: ApplySquadPlanInput,
  ): Promise<{ team: Team; created: boolean }> {
    const members = checkAssignments(input);
    if (input.teamId == null) {
      if (input.name == null) {
        throw new BadUserInputError('Name the new team, or give the team to write the plan into.', {
          field: 'input.name',
          reason: 'INVALID_NAME',
        });
      }
      const name = teamName(input.name);
      const team = await em.transactional(async (tx) => {
        const created = await this.teams.createTeam(tx, viewer, {
          name,
          gameMode: input.gameMode,
          size: input.size,
        });
        await this.writeMembers(tx, created, members);
        return created;
      });
      em.clear();
      return { team, created: true };
    }
    const teamId = input.teamId;
    if (!isUuid(teamId)) throw new NotFoundError('Team');
    const expected = input.expectedVersion;
    const team = await em.transactional(async (tx) => {
      const bumped = await tx.execute<Array<{ version: number }>>(
        `update "teams" set "version" = "version" + 1, "updated_at" = ? where "id" = ?` +
          (expected != null ? ` and "version" = ?` : '') +
          ` returning "version"`,
        expected != null ? [this.clock.now(), teamId, expected] : [this.clock.now(), teamId],
      );
      const current = await tx.findOne(Team, teamId, { refresh: true });
      if (!current) throw new NotFoundError('Team');
      const access = await this.teams.accessOf(tx, current, viewer);
      if (!canViewTeam(access)) throw new NotFoundError('Team');
      if (!canEditTeam(access))
        throw new ForbiddenError('You can view this team but not change it.');
      if (bumped.length === 0) {
        throw new ConflictError(
          `The team changed since version ${expected}: it is at version ${current.version}. Reload it and try again.`,
          { currentVersion: current.version },
        );
      }
      if (input.name != null) current.name = teamName(input.name);
      current.gameMode = input.gameMode;
      current.size = input.size;
      await this.writeMembers(tx, current, members);
      return current;
    });
    em.clear();
    await this.pubSub.publish('TEAM_UPDATED', team.id, {
      teamId: team.id,
      version: team.version,
      deleted: false,
    });
    return { team, created: false };
  }

  /** Replaces the team's members: the old rows go first, so no slot is ever taken twice. */
  private async writeMembers(
    tx: EntityManager,
    team: Team,
    members: readonly CheckedMember[],
  ): Promise<void> {
    const builds = await buildsFor(tx, members, team.owner.id, team.gameMode);
    await tx.nativeDelete(TeamMember, { team: team.id });
    const now = this.clock.now();
    members.forEach((member, index) => {
      tx.create(TeamMember, {
        team,
        build: builds[index]!,
        playerName: member.playerName,
        roleKey: member.roleKey,
        subgroup: member.subgroup,
        position: member.position,
        createdAt: now,
      });
    });
    await tx.flush();
  }
}
