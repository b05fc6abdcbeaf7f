import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../builds/build.types.js';
import { BuildAdvice } from '../optimizer/advice.types.js';
import { SquadPlan } from '../optimizer/optimizer.types.js';
import { SynergyResult } from '../teams/team.types.js';
import {
  AiJobKind,
  AiJobPhase,
  AiJobStatus,
  ExplanationSource,
  FallbackReason,
} from './ai-job.entity.js';

registerEnumType(AiJobKind, {
  name: 'AiJobKind',
  description:
    'COMPOSE_SQUAD: compose a squad for a mode and size; REVIEW_BUILD: a build in a mode; ' +
    'EXPLAIN_SYNERGY: how specializations (or a team subgroup) work together',
});
registerEnumType(AiJobStatus, { name: 'AiJobStatus' });
registerEnumType(AiJobPhase, { name: 'AiJobPhase', description: 'What the job is doing now' });
registerEnumType(ExplanationSource, {
  name: 'ExplanationSource',
  description: 'Who wrote the explanation: the language model, or the templates (OPTIMIZER)',
});
registerEnumType(FallbackReason, {
  name: 'FallbackReason',
  description:
    'Why the templates wrote the explanation: NO_KEY (no model configured), OUTAGE (the model ' +
    'failed after retries, or its circuit is open), BUDGET (daily token budget spent), ' +
    'OFF_PEAK (off-peak hours), TIMEOUT (the model did not finish in time), UNGROUNDED (the ' +
    'model named something the plan does not hold)',
});

@ObjectType({ description: 'A coded error, as GraphQL errors carry them' })
export class AiJobError {
  @Field(() => String, { description: 'BAD_USER_INPUT, NOT_FOUND, AI_UNAVAILABLE, ...' })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'A name the model used that the facts it was given do not hold' })
export class GroundingIssue {
  @Field(() => String, { description: 'PROFESSION, ELITE, BOON or PLAYER' })
  kind!: string;

  @Field(() => String)
  term!: string;
}

@ObjectType({ description: 'An AI assistant job: long work streamed through `aiJob(id)`' })
export class AiJob {
  @Field(() => ID)
  id!: string;

  @Field(() => AiJobKind)
  kind!: AiJobKind;

  @Field(() => AiJobStatus)
  status!: AiJobStatus;

  @Field(() => AiJobPhase)
  phase!: AiJobPhase;

  @Field(() => Float, { description: '0 to 1' })
  progress!: number;

  @Field(() => String, { description: 'What was asked, in a few words (for lists)' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The free-text request, when there was one' })
  request!: string | null;

  @Field(() => ID, { nullable: true, description: 'The team the request came from, if any' })
  teamId!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The request as validated' })
  input!: Record<string, unknown>;

  @Field(() => SquadPlan, { nullable: true, description: 'COMPOSE_SQUAD, once succeeded' })
  plan!: SquadPlan | null;

  @Field(() => BuildAdvice, { nullable: true, description: 'REVIEW_BUILD, once succeeded' })
  advice!: BuildAdvice | null;

  @Field(() => SynergyResult, { nullable: true, description: 'EXPLAIN_SYNERGY, once succeeded' })
  synergy!: SynergyResult | null;

  @Field(() => String, {
    nullable: true,
    description: 'The finished explanation (streamed meanwhile through the subscription)',
  })
  explanation!: string | null;

  @Field(() => ExplanationSource, { nullable: true })
  source!: ExplanationSource | null;

  @Field(() => FallbackReason, { nullable: true })
  fallbackReason!: FallbackReason | null;

  @Field(() => [GroundingIssue], {
    nullable: true,
    description: 'Names the model’s text used outside the facts (its text was then replaced)',
  })
  groundingIssues!: GroundingIssue[] | null;

  @Field(() => Int)
  promptTokens!: number;

  @Field(() => Int)
  completionTokens!: number;

  @Field(() => Int, { description: 'Runs started: more than one after a worker died mid-job' })
  attempts!: number;

  @Field(() => AiJobError, { nullable: true })
  error!: AiJobError | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  startedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class AiJobEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AiJob)
  node!: AiJob;
}

@ObjectType({ description: 'A page of the caller’s AI jobs, newest first' })
export class AiJobConnection {
  @Field(() => [AiJobEdge])
  edges!: AiJobEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
