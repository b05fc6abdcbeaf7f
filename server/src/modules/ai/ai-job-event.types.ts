import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { AiJobPhase } from './ai-job.entity.js';
import type { TextResetReason } from './ai-job.events.js';
import { AiJob, AiJobError } from './ai-job.types.js';

export enum TextReset {
  RETRY = 'RETRY',
  FALLBACK = 'FALLBACK',
  UNGROUNDED = 'UNGROUNDED',
}
registerEnumType(TextReset, {
  name: 'TextResetReason',
  description:
    'RETRY: a new attempt after a worker died (attempt says which); FALLBACK: the model failed ' +
    'mid-answer and the templates answer; UNGROUNDED: the model’s text failed the grounding check',
});
export const toTextReset = (reason: TextResetReason): TextReset => TextReset[reason];

@ObjectType({ description: 'The optimizer’s best plan so far while it solves' })
export class OptimizerIncumbent {
  @Field(() => Float)
  objective!: number;

  @Field(() => Float, { nullable: true, description: 'Relative gap to the proven bound' })
  gap!: number | null;

  @Field(() => String, { nullable: true, description: 'GREEDY (warm start) or MIP' })
  source!: string | null;

  @Field(() => Float)
  elapsedMs!: number;
}

@InterfaceType({
  description:
    'One event of `aiJob(id, afterIndex)`: a snapshot first, then the events after its index in ' +
    'order (each index once), then exactly one terminal event (succeeded, failed or cancelled)',
  resolveType: (value: { __typename: string }) => value.__typename,
})
export abstract class AiJobEvent {
  @Field(() => Int, {
    description: 'Position in the job’s event log; resume with `afterIndex` set to the last seen',
  })
  index!: number;

  @Field(() => ID)
  jobId!: string;
}

@ObjectType({
  implements: AiJobEvent,
  description:
    'The job as of `index`. `text` is the current attempt’s text up to `index`: replace yours ' +
    'with it; it is null when you resumed at `index` and hold that text already',
})
export class AiJobSnapshot extends AiJobEvent {
  readonly __typename = 'AiJobSnapshot';

  @Field(() => AiJob)
  job!: AiJob;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => Int)
  attempt!: number;

  @Field(() => AiJobPhase)
  phase!: AiJobPhase;

  @Field(() => Float)
  progress!: number;

  @Field(() => OptimizerIncumbent, { nullable: true })
  incumbent!: OptimizerIncumbent | null;
}

@ObjectType({ implements: AiJobEvent, description: 'A phase change, progress, or a better plan' })
export class AiJobProgress extends AiJobEvent {
  readonly __typename = 'AiJobProgress';

  @Field(() => AiJobPhase)
  phase!: AiJobPhase;

  @Field(() => Float)
  progress!: number;

  @Field(() => OptimizerIncumbent, { nullable: true })
  incumbent!: OptimizerIncumbent | null;
}

@ObjectType({ implements: AiJobEvent, description: 'Text to append to the explanation' })
export class AiJobTextDelta extends AiJobEvent {
  readonly __typename = 'AiJobTextDelta';

  @Field(() => String)
  delta!: string;
}

@ObjectType({
  implements: AiJobEvent,
  description: 'Drop the text so far; the text that follows replaces it',
})
export class AiJobTextReset extends AiJobEvent {
  readonly __typename = 'AiJobTextReset';

  @Field(() => Int)
  attempt!: number;

  @Field(() => TextReset)
  reason!: TextReset;
}

/**
 * The terminal events' shared field. Not a type of the schema: type-graphql 2 emits only the
 * types the schema reaches, and nothing refers to this one; its subclasses inherit its field.
 */
@ObjectType()
abstract class AiJobTerminalEvent extends AiJobEvent {
  @Field(() => AiJob)
  job!: AiJob;
}

@ObjectType({ implements: AiJobEvent, description: 'Terminal: the job, with its result' })
export class AiJobSucceeded extends AiJobTerminalEvent {
  readonly __typename = 'AiJobSucceeded';
}

@ObjectType({ implements: AiJobEvent, description: 'Terminal: the job failed with a coded error' })
export class AiJobFailed extends AiJobTerminalEvent {
  readonly __typename = 'AiJobFailed';

  @Field(() => AiJobError)
  error!: AiJobError;
}

@ObjectType({ implements: AiJobEvent, description: 'Terminal: the job was cancelled' })
export class AiJobCancelled extends AiJobTerminalEvent {
  readonly __typename = 'AiJobCancelled';
}

export const AI_JOB_EVENT_TYPES = [
  AiJobSnapshot,
  AiJobProgress,
  AiJobTextDelta,
  AiJobTextReset,
  AiJobSucceeded,
  AiJobFailed,
  AiJobCancelled,
] as const;
