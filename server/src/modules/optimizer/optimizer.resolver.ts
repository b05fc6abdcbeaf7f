import type { GameMode as GameModeId } from '@gw2/game';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../platform/graphql/authz.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { RateLimit } from '../../platform/security/rate-limit.decorator.js';
import { buildServiceFor } from '../builds/build.service.js';
import { GameMode } from '../catalog/catalog.types.js';
import { teamReadScope } from '../teams/team.loaders.js';
import { toTeam } from '../teams/team.mapper.js';
import { Team } from '../teams/team.types.js';
import { ApplyPlanService } from './apply-plan.service.js';
import { adviceForBuild } from './advice.service.js';
import { BuildAdvice } from './advice.types.js';
import { savedBuildLoader } from './build-access.js';
import { learnedPreferences } from './learned-preferences.js';
import { decidePlan, ownPlan, recordPlan } from './plan-record.service.js';
import { ApplySquadPlanInput, OptimizeSquadInput } from './optimizer.inputs.js';
import { optimizeSquadPlan } from './optimizer.service.js';
import { SquadPlan } from './optimizer.types.js';

@Resolver()
export class OptimizerResolver {
  @Query(() => SquadPlan, {
    description:
      'Assigns players (or meta roles) to subgroups so the mode’s requirements are covered. ' +
      'Anyone may plan with the META pool or chat codes; saved build ids need sign-in',
  })
  @RateLimit('ai')
  async optimizeSquad(
    @Arg('input', () => OptimizeSquadInput) input: OptimizeSquadInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SquadPlan> {
    const solved = await optimizeSquadPlan(
      input,
      context.viewer,
      savedBuildLoader(context.em, context.viewer),
      { solver: context.services.solver },
      await learnedPreferences(context.em, input.gameMode),
    );
    const plan = context.viewer
      ? await recordPlan(
          context.em,
          context.viewer,
          solved,
          'OPTIMIZER',
          context.services.clock.now(),
        )
      : solved;
    context.log.info(
      {
        gameMode: plan.gameMode,
        size: plan.size,
        status: plan.status,
        solveTimeMs: Math.round(plan.solveTimeMs),
        gaps: plan.gaps.length,
      },
      'squad optimised',
    );
    return plan;
  }

  @Query(() => BuildAdvice, {
    description:
      'Roles a build can fill in a mode, the requirements it serves, traits that would add ' +
      'boons the mode needs, and stat prefixes per role. The build must be visible to the caller',
  })
  async buildAdvice(
    @Arg('buildId', () => ID) buildId: string,
    @Arg('gameMode', () => GameMode) gameMode: GameModeId,
    @Arg('roleKey', () => String, {
      nullable: true,
      description: 'The role the player means to play; its boons then count as provided',
    })
    roleKey: string | null | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<BuildAdvice> {
    const build = await buildServiceFor(context).get(buildId);
    return adviceForBuild(build, gameMode, roleKey ?? undefined);
  }

  @Mutation(() => Team, {
    description:
      'Writes a plan into a team the caller may edit (replacing its members) or into a new ' +
      'team. Only assignments of saved builds can be applied',
  })
  @Authorized()
  async applySquadPlan(
    @Arg('input', () => ApplySquadPlanInput) input: ApplySquadPlanInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Team> {
    const viewer = requireViewer(context);
    // Checked first: a plan id that is not the caller's changes nothing.
    if (input.planId != null) await ownPlan(context.em, viewer, input.planId);
    const { team, created } = await new ApplyPlanService(
      context.services.pubSub,
      context.services.clock,
    ).apply(context.em, viewer, input);
    if (created) context.services.metrics.teamCreated();
    if (input.planId != null) {
      await decidePlan(
        context.em,
        viewer,
        input.planId,
        'APPLIED',
        context.services.clock.now(),
        'input.planId',
      );
    }
    return toTeam(team, teamReadScope(context));
  }

  @Mutation(() => Boolean, {
    description:
      'Says a recorded plan was not used (the learning pipeline counts it as discarded). ' +
      'True when it was open; a plan applied already cannot be discarded',
  })
  @Authorized()
  async discardSquadPlan(
    @Arg('planId', () => ID) planId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    const record = await decidePlan(
      context.em,
      requireViewer(context),
      planId,
      'DISCARDED',
      context.services.clock.now(),
      'planId',
    );
    return record.outcome === 'DISCARDED';
  }
}
