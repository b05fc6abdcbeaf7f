import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../platform/graphql/authz.js';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { FeedbackSubject } from './feedback.entity.js';
import { FeedbackService } from './feedback.service.js';
import { FeedbackEntry, FeedbackInput } from './feedback.types.js';

@Resolver()
export class FeedbackResolver {
  @Mutation(() => FeedbackEntry, {
    description:
      'A thumbs up or down, with an optional reason, on one of your plans or AI answers; ' +
      'a new one replaces your earlier one. The learning pipeline counts them',
  })
  @Authorized()
  async submitFeedback(
    @Arg('input', () => FeedbackInput) input: FeedbackInput,
    @Ctx() context: GraphQLContext,
  ): Promise<FeedbackEntry> {
    return new FeedbackService(context.em).submit(
      requireViewer(context),
      input,
      context.services.clock.now(),
    );
  }

  @Query(() => FeedbackEntry, {
    nullable: true,
    description: 'Your thumbs on one of your plans or AI answers, if you gave one',
  })
  @Authorized()
  async myFeedback(
    @Arg('subject', () => FeedbackSubject) subject: FeedbackSubject,
    @Arg('subjectId', () => ID) subjectId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<FeedbackEntry | null> {
    return new FeedbackService(context.em).mine(requireViewer(context), subject, subjectId);
  }
}
