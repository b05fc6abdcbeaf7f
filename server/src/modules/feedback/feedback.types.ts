import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FeedbackRating, FeedbackSubject } from './feedback.entity.js';

registerEnumType(FeedbackSubject, {
  name: 'FeedbackSubject',
  description: 'What a thumbs is about',
  valuesConfig: {
    AI_JOB: { description: 'An AI job’s answer (its explanation): AiJob.id' },
    SQUAD_PLAN: { description: 'A plan from optimizeSquad or the assistant: SquadPlan.id' },
  },
});
registerEnumType(FeedbackRating, { name: 'FeedbackRating' });

export const MAX_REASON_LENGTH = 500;

@InputType({ description: 'A thumbs up or down on a plan or an AI answer you were given' })
export class FeedbackInput {
  @Field(() => FeedbackSubject)
  subject!: FeedbackSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => FeedbackRating)
  rating!: FeedbackRating;

  @Field(() => String, {
    nullable: true,
    description: `Why, in at most ${MAX_REASON_LENGTH} characters (blank: none)`,
  })
  reason?: string | null;
}

@ObjectType({
  description: 'Your thumbs on one plan or AI answer (one per subject; a new one replaces it)',
})
export class FeedbackEntry {
  @Field(() => FeedbackSubject)
  subject!: FeedbackSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => FeedbackRating)
  rating!: FeedbackRating;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}
