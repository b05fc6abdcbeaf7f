/** The meta as the API shows it: public aggregates (privacy-filtered) and, for admins, runs. */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Capability as CapabilityId, GameMode as GameModeId } from '@gw2/game';
import { Capability, GameMode } from '../catalog/catalog.types.js';
import { RequirementScope } from '../teams/team.types.js';
import { PipelineRunStatus, PipelineTrigger } from './meta.entity.js';

export enum PlanSource {
  OPTIMIZER = 'OPTIMIZER',
  ASSISTANT = 'ASSISTANT',
}
registerEnumType(PlanSource, {
  name: 'PlanSource',
  description: 'Who proposed a plan: the optimizer (team page, API) or the AI assistant',
});
registerEnumType(PipelineTrigger, { name: 'MetaPipelineTrigger' });
registerEnumType(PipelineRunStatus, { name: 'MetaPipelineRunStatus' });

export enum MetaPipelineOutcome {
  SUCCEEDED = 'SUCCEEDED',
  SKIPPED = 'SKIPPED',
  FAILED = 'FAILED',
}
registerEnumType(MetaPipelineOutcome, { name: 'MetaPipelineOutcome' });

@ObjectType({ description: 'One meta snapshot: the learning pipeline’s output for a UTC day' })
export class MetaSnapshotInfo {
  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'The UTC day it covers, YYYY-MM-DD' })
  period!: string;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => Boolean, { description: 'Pinned by an admin: in force whatever runs after it' })
  pinned!: boolean;

  @Field(() => Boolean, { description: 'Rolled back: kept for the record, never in force again' })
  withdrawn!: boolean;

  @Field(() => Int, {
    description: 'Fewest distinct players behind any aggregate shown (privacy threshold)',
  })
  minSample!: number;
}

@ObjectType({ description: 'How much an elite specialization is played in a role in a mode' })
export class EliteRoleShare {
  @Field(() => String, { description: 'Elite specialization, or the profession of a core build' })
  specialization!: string;

  @Field(() => String, { nullable: true, description: 'null when no role is known' })
  roleKey!: string | null;

  @Field(() => String, { nullable: true })
  roleLabel!: string | null;

  @Field(() => Int, { description: 'Saved builds declared for the mode' })
  builds!: number;

  @Field(() => Int, { description: 'Members of real teams of the mode' })
  teamSlots!: number;

  @Field(() => Float, { description: '(builds + team slots) / all of the mode’s, 0-1' })
  share!: number;

  @Field(() => Int, { description: 'Distinct players behind it' })
  players!: number;
}

@ObjectType()
export class SubgroupRoleShare {
  @Field(() => String, { nullable: true })
  roleKey!: string | null;

  @Field(() => Int)
  members!: number;

  @Field(() => Float, { description: 'Of the subgroup’s members, 0-1' })
  share!: number;

  @Field(() => Int)
  players!: number;
}

@ObjectType()
export class RequirementFill {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => Int, { description: 'Teams whose subgroup meets the requirement' })
  covered!: number;

  @Field(() => Float, { description: 'covered / teams with this subgroup, 0-1' })
  rate!: number;
}

@ObjectType({ description: 'How real teams fill one subgroup position' })
export class SubgroupFill {
  @Field(() => Int)
  subgroup!: number;

  @Field(() => Int, { description: 'Real teams whose size calls for this subgroup' })
  teams!: number;

  @Field(() => Int)
  members!: number;

  @Field(() => Float, { description: 'members / (teams × 5), 0-1' })
  fillRate!: number;

  @Field(() => Int)
  players!: number;

  @Field(() => [SubgroupRoleShare])
  roles!: SubgroupRoleShare[];

  @Field(() => [RequirementFill])
  requirements!: RequirementFill[];
}

@ObjectType({ description: 'A requirement real teams leave uncovered' })
export class MissingRequirement {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => RequirementScope)
  scope!: RequirementScope;

  @Field(() => Int, { description: 'Real teams with at least one gap on it' })
  teams!: number;

  @Field(() => Int, { description: 'Gaps, counted per subgroup or per squad' })
  gaps!: number;

  @Field(() => Float, { description: 'teams / real teams of the mode, 0-1' })
  rate!: number;

  @Field(() => Int)
  players!: number;
}

@ObjectType({ description: 'Plans proposed, and what players did with them' })
export class PlanAcceptance {
  @Field(() => PlanSource)
  source!: PlanSource;

  @Field(() => Int)
  proposed!: number;

  @Field(() => Int)
  applied!: number;

  @Field(() => Int)
  discarded!: number;

  @Field(() => Float, { description: 'applied / proposed, 0-1' })
  rate!: number;

  @Field(() => Int)
  thumbsUp!: number;

  @Field(() => Int)
  thumbsDown!: number;

  @Field(() => Int)
  players!: number;
}

@ObjectType({
  description:
    'An optimizer preference learned from the meta: the priority of options playing this ' +
    'specialization and role, ranked below coverage and balance (see docs/LEARNING.md)',
})
export class PreferenceWeight {
  @Field(() => String)
  specialization!: string;

  @Field(() => String)
  roleKey!: string;

  @Field(() => String, { nullable: true })
  roleLabel!: string | null;

  @Field(() => Int, { description: '0-5: min(5, round(5 × popularity × 2 × approval))' })
  weight!: number;

  @Field(() => Float, { description: 'Uses / the most used pair’s uses, 0-1' })
  popularity!: number;

  @Field(() => Float, { description: '(positive + 1) / (positive + negative + 2), 0-1' })
  approval!: number;
}

@ObjectType({ description: 'AI assistant jobs of one kind and explanation source' })
export class AssistantUsage {
  @Field(() => String, { description: 'COMPOSE_SQUAD, REVIEW_BUILD or EXPLAIN_SYNERGY' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'LLM or OPTIMIZER (templates); null for jobs that never answered',
  })
  source!: string | null;

  @Field(() => Int)
  jobs!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  thumbsUp!: number;

  @Field(() => Int)
  thumbsDown!: number;

  @Field(() => Int)
  players!: number;
}

@ObjectType({ description: 'What players really run in a mode, from the meta snapshot in force' })
export class ModeMeta {
  @Field(() => MetaSnapshotInfo)
  snapshot!: MetaSnapshotInfo;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Boolean, {
    description: 'False when fewer than minSample players contributed: nothing else is shown',
  })
  enoughData!: boolean;

  @Field(() => Int)
  builds!: number;

  @Field(() => Int, { description: 'Real teams (with at least one member)' })
  teams!: number;

  @Field(() => Int)
  members!: number;

  @Field(() => Int)
  players!: number;

  @Field(() => [EliteRoleShare], { description: 'Most played first' })
  eliteRoles!: EliteRoleShare[];

  @Field(() => Float, { description: 'Share of pairs hidden for having too few players, 0-1' })
  otherShare!: number;

  @Field(() => Int, { description: 'Aggregates hidden for having too few players' })
  hidden!: number;

  @Field(() => [SubgroupFill])
  subgroups!: SubgroupFill[];

  @Field(() => [MissingRequirement], { description: 'Most often missing first' })
  missing!: MissingRequirement[];

  @Field(() => [PlanAcceptance])
  acceptance!: PlanAcceptance[];

  @Field(() => [PreferenceWeight])
  weights!: PreferenceWeight[];

  @Field(() => [AssistantUsage], {
    description: 'AI assistant answers and their thumbs, across modes (minSample applies)',
  })
  assistant!: AssistantUsage[];
}

@ObjectType({ description: 'One snapshot of a mode in the history (acceptance over time)' })
export class MetaHistoryEntry {
  @Field(() => MetaSnapshotInfo)
  snapshot!: MetaSnapshotInfo;

  @Field(() => Boolean)
  enoughData!: boolean;

  @Field(() => Int)
  players!: number;

  @Field(() => Int)
  builds!: number;

  @Field(() => Int)
  teams!: number;

  @Field(() => [PlanAcceptance])
  acceptance!: PlanAcceptance[];
}

@ObjectType()
export class RowCount {
  @Field(() => String)
  table!: string;

  @Field(() => Int)
  rows!: number;
}

@ObjectType({ description: 'A run of the learning pipeline that did work (admins)' })
export class MetaPipelineRun {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  period!: string;

  @Field(() => PipelineTrigger)
  trigger!: PipelineTrigger;

  @Field(() => PipelineRunStatus)
  status!: PipelineRunStatus;

  @Field(() => Int, { nullable: true })
  snapshotVersion!: number | null;

  @Field(() => [RowCount])
  rowsRead!: RowCount[];

  @Field(() => Int, { nullable: true })
  durationMs!: number | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;

  @Field(() => String, { description: 'Host and process id' })
  host!: string;

  @Field(() => GraphQLDateTimeISO)
  startedAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType({ description: 'The result of running the pipeline by hand' })
export class MetaPipelineResult {
  @Field(() => MetaPipelineOutcome)
  status!: MetaPipelineOutcome;

  @Field(() => String)
  period!: string;

  @Field(() => String, {
    nullable: true,
    description: 'SKIPPED: ALREADY_DONE (the day has its snapshot) or RUNNING_ELSEWHERE',
  })
  reason!: string | null;

  @Field(() => Int, { nullable: true })
  snapshotVersion!: number | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;
}
