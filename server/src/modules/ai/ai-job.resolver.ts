import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { requireViewer } from '../../platform/graphql/authz.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import { RateLimit } from '../../platform/security/rate-limit.decorator.js';
import { AiJobEvent } from './ai-job-event.types.js';
import { ComposeSquadInput, ExplainSynergyInput, ReviewBuildInput } from './ai-job.inputs.js';
import { toAiJob } from './ai-job.mapper.js';
import { abortable, aiJobEvents, type AiJobStreamEvent } from './ai-job.stream.js';
import { AiJob, AiJobConnection } from './ai-job.types.js';

const QUEUED_NOTE =
  ' Returns at once with the QUEUED job; follow it with the `aiJob` subscription. Charged to the AI rate limit';

@Resolver()
export class AiJobResolver {
  @Mutation(() => AiJob, {
    description:
      'Composes a squad with the exact optimizer and explains it (the runbook’s compose-team).' +
      QUEUED_NOTE,
  })
  @Authorized()
  @RateLimit('ai')
  async composeSquad(
    @Arg('input', () => ComposeSquadInput) input: ComposeSquadInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AiJob> {
    const job = await context.services.ai.jobs.composeSquad(
      context.em,
      requireViewer(context),
      input,
    );
    return toAiJob(job);
  }

  @Mutation(() => AiJob, {
    description: 'Reviews a saved build for a mode (the runbook’s optimize-build).' + QUEUED_NOTE,
  })
  @Authorized()
  @RateLimit('ai')
  async reviewBuild(
    @Arg('input', () => ReviewBuildInput) input: ReviewBuildInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AiJob> {
    const job = await context.services.ai.jobs.reviewBuild(
      context.em,
      requireViewer(context),
      input,
    );
    return toAiJob(job);
  }

  @Mutation(() => AiJob, {
    description:
      'Explains how specializations, or a team’s subgroup, work together (the runbook’s ' +
      'analyze-synergy).' +
      QUEUED_NOTE,
  })
  @Authorized()
  @RateLimit('ai')
  async explainSynergy(
    @Arg('input', () => ExplainSynergyInput) input: ExplainSynergyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AiJob> {
    const job = await context.services.ai.jobs.explainSynergy(
      context.em,
      requireViewer(context),
      input,
    );
    return toAiJob(job);
  }

  @Mutation(() => AiJob, {
    description: 'Cancels one of your queued or running jobs; a finished job is returned unchanged',
  })
  @Authorized()
  async cancelAiJob(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AiJob> {
    return toAiJob(await context.services.ai.jobs.cancel(context.em, requireViewer(context), id));
  }

  @Query(() => AiJob, { description: 'One of your AI jobs' })
  @Authorized()
  async aiJob(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<AiJob> {
    return toAiJob(await context.services.ai.jobs.get(context.em, requireViewer(context), id));
  }

  @Query(() => AiJobConnection, { description: 'Your AI jobs, newest first' })
  @Authorized()
  async aiJobs(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<AiJobConnection> {
    const page = await context.services.ai.jobs.list(context.em, requireViewer(context), {
      first,
      after,
    });
    const edges = page.jobs.map(({ job, cursor }) => ({ cursor, node: toAiJob(job) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Subscription(() => AiJobEvent, {
    name: 'aiJob',
    description:
      'One of your jobs as it runs: a snapshot, then progress, incumbents and text deltas with a ' +
      'running index, then exactly one terminal event. After a disconnect, subscribe again with ' +
      '`afterIndex` set to the last index you saw: you get no event twice',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const viewer = requireViewer(ctx);
      const id = String(args.id);
      const afterIndex = args.afterIndex as number | null | undefined;
      if (afterIndex != null && (!Number.isInteger(afterIndex) || afterIndex < 0))
        throw new BadUserInputError('afterIndex is a whole number ≥ 0.', { field: 'afterIndex' });
      const { jobs, log, idleMs } = ctx.services.ai;
      const loadJob = () => jobs.get(ctx.em.fork(), viewer, id);
      // Checked before anything streams: someone else's job is NOT_FOUND.
      await loadJob();
      return abortable((signal) =>
        aiJobEvents({ log, loadJob, idleMs }, afterIndex ?? null, signal),
      );
    },
  })
  aiJobEvents(
    @Arg('id', () => ID) _id: string,
    @Arg('afterIndex', () => Int, { nullable: true }) _afterIndex: number | null,
    @Root() event: AiJobStreamEvent,
  ): AiJobEvent {
    return event;
  }
}
