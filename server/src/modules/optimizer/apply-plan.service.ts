/**
 * `applySquadPlan`: writes a plan's members into a team (replacing the ones it had) or into a
 * new team, in one transaction. Only assignments of saved builds can become team members.
 */
import { SUBGROUP_SIZE } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, type FieldProblem } from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import type { Team } from '../teams/team.entity.js';
import { PLAYER_NAME_MAX_LENGTH, sizeProblem, subgroupProblem } from '../teams/team.rules.js';
import { TeamMemberService, type MemberSlot } from '../teams/team-members.service.js';
import { TRAITS_ONLY_ROLE } from './candidates.js';
import type { ApplySquadPlanInput } from './optimizer.inputs.js';

/** Everything that can be checked without the database, reported together. */
function checkAssignments(input: ApplySquadPlanInput): MemberSlot[] {
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
  const members = input.assignments.flatMap((assignment, index): MemberSlot[] => {
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

/**
 * Writes plans into teams through the teams service, so an applied plan behaves like any other
 * team change: CONFLICT on a stale `expectedVersion`, NOT_FOUND for a team the viewer cannot
 * see, FORBIDDEN for one it can only read, TEAM_UPDATED once committed.
 */
export class ApplyPlanService {
  private readonly teams: TeamMemberService;

  constructor(pubSub: AppPubSub, clock: Clock) {
    this.teams = new TeamMemberService(pubSub, clock);
  }

  async apply(
    em: EntityManager,
    viewer: Viewer,
    input: ApplySquadPlanInput,
  ): Promise<{ team: Team; created: boolean }> {
    const content = {
      name: input.name,
      gameMode: input.gameMode,
      size: input.size,
      members: checkAssignments(input),
    };
    if (input.teamId == null) {
      if (input.name == null) {
        throw new BadUserInputError('Name the new team, or give the team to write the plan into.', {
          field: 'input.name',
          reason: 'INVALID_NAME',
        });
      }
      const team = await this.teams.createTeamWithMembers(
        em,
        viewer,
        { ...content, name: input.name },
        'input.assignments',
      );
      return { team, created: true };
    }
    const team = await this.teams.replaceMembers(
      em,
      viewer,
      input.teamId,
      content,
      input.expectedVersion,
      'input.assignments',
    );
    return { team, created: false };
  }
}
