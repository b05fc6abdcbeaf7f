/**
 * AI jobs for their owner: the three mutations validate a request completely (so bad input is
 * refused at once and changes nothing), store it, queue the job and return it; reading, listing
 * and cancelling are owner-only (another user's job is NOT_FOUND, like a private build).
 */
import { getSpecialization } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../platform/event-log/event-log.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  AiUnavailableError,
  BadUserInputError,
  NotFoundError,
} from '../../platform/graphql/errors.js';
import type { WorkQueue } from '../../platform/jobs/work-queue.js';
import type { Metrics } from '../../platform/metrics.js';
import type { Clock } from '../../platform/clock.js';
import { User } from '../accounts/user.entity.js';
import { decodeCursor, encodeCursor, isUuid } from '../builds/build.cursor.js';
import { adviceForBuild } from '../optimizer/advice.service.js';
import { savedBuildLoader } from '../optimizer/build-access.js';
import {
  SquadPool,
  type OptimizeSquadInput,
  type RosterPlayerInput,
} from '../optimizer/optimizer.inputs.js';
import { prepareSquadPlan } from '../optimizer/optimizer.service.js';
import { synergyFor } from '../teams/synergy.resolver.js';
import { visibleTeam } from '../teams/team.access.js';
import { TeamMember } from '../teams/team.entity.js';
import type { AnalyzeSynergyInput, SynergyEntryInput } from '../teams/team.inputs.js';
import { AiJob, AiJobKind, AiJobPhase, AiJobStatus } from './ai-job.entity.js';
import type { AiJobLogEvent } from './ai-job.events.js';
import type { ComposeJobInput, ReviewJobInput, SynergyJobInput } from './ai-job.input.js';
import {
  MAX_REQUEST_LENGTH,
  type ComposeSquadInput,
  type ExplainSynergyInput,
  type ReviewBuildInput,
} from './ai-job.inputs.js';
import { JobCancelled } from './ai-job.runner.js';
import { freeTextUnavailable, STRUCTURED_FIELDS, visibleBuild } from './ai-job.kinds.js';
import type { ModelGateway } from './model/model.gateway.js';
import type { RosterLine } from './model/prompts.js';

export const DEFAULT_JOB_PAGE_SIZE = 20;
export const MAX_JOB_PAGE_SIZE = 100;

export interface AiJobServiceDeps {
  readonly log: EventLog<AiJobLogEvent>;
  readonly queue: WorkQueue;
  readonly gateway: ModelGateway;
  readonly metrics: Metrics;
  readonly clock: Clock;
  /** A finished job's log stays this long. */
  readonly logRetentionMs: number;
}

function refuse(message: string, field: string, reason: string): never {
  throw new BadUserInputError(message, { field, reason });
}

/** A team's members as roster players (one saved build each), in subgroup order. */
async function teamRoster(em: EntityManager, viewer: Viewer, teamId: string) {
  const team = await visibleTeam(em, viewer, teamId);
  const members = await em.find(
    TeamMember,
    { team: team.id },
    { populate: ['build'], orderBy: { subgroup: 'asc', position: 'asc' } },
  );
  const used = new Set<string>();
  const roster: RosterPlayerInput[] = [];
  const lines: RosterLine[] = [];
  for (const member of members) {
    // Names are unique in a roster: unnamed members are called by their build, numbered.
    const base = (member.playerName ?? member.build.name).trim().slice(0, 60) || 'Player';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    roster.push({
      playerName: name,
      buildIds: [member.build.id],
      chatCodes: [],
    } as RosterPlayerInput);
    const elite = member.build.specializations
      .map((line) => getSpecialization(line.id))
      .find((specialization) => specialization?.elite);
    lines.push({ playerName: name, builds: [elite?.name ?? member.build.profession] });
  }
  return { team, members, roster, lines };
}

export class AiJobService {
  constructor(private readonly deps: AiJobServiceDeps) {}

  private async create(
    em: EntityManager,
    viewer: Viewer,
    kind: AiJobKind,
    input: ComposeJobInput | ReviewJobInput | SynergyJobInput,
  ): Promise<AiJob> {
    const now = this.deps.clock.now();
    const job = em.create(AiJob, {
      owner: em.getReference(User, viewer.userId),
      kind,
      input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    try {
      await this.deps.queue.enqueue(job.id);
    } catch {
      await em.nativeDelete(AiJob, { id: job.id });
      throw new AiUnavailableError('The AI job queue is unavailable right now; try again shortly.');
    }
    this.deps.metrics.aiJob(kind, 'none', 'queued');
    return job;
  }

  async composeSquad(em: EntityManager, viewer: Viewer, input: ComposeSquadInput): Promise<AiJob> {
    const request = input.request?.trim() || null;
    if (input.request != null && !request)
      refuse('The request is empty.', 'input.request', 'EMPTY_REQUEST');
    if (request && request.length > MAX_REQUEST_LENGTH)
      refuse(
        `A request has at most ${MAX_REQUEST_LENGTH} characters.`,
        'input.request',
        'REQUEST_TOO_LONG',
      );
    if (request && input.squad)
      refuse(
        'Give either a request or the structured squad, not both.',
        'input.squad',
        'REQUEST_AND_SQUAD',
      );
    if (!request && !input.squad && !input.teamId)
      refuse(`Give a request or ${STRUCTURED_FIELDS}.`, 'input', 'NOTHING_TO_COMPOSE');
    if (request) {
      const reason = await this.deps.gateway.check();
      if (reason === 'NO_KEY')
        refuse(
          `Free-text requests need the language model, which is not configured here. Use the structured fields: ${STRUCTURED_FIELDS}.`,
          'input.request',
          'MODEL_NOT_CONFIGURED',
        );
      if (reason) throw freeTextUnavailable(reason);
    }
    const fromTeam = input.teamId ? await teamRoster(em, viewer, input.teamId) : null;
    let squad: OptimizeSquadInput | null = null;
    if (!request) {
      squad = { ...(input.squad ?? {}) } as OptimizeSquadInput;
      if (fromTeam) {
        if (squad.roster?.length)
          refuse(
            'With a team, the roster is the team’s members.',
            'input.squad.roster',
            'ROSTER_WITH_TEAM',
          );
        squad = {
          ...squad,
          gameMode: squad.gameMode ?? fromTeam.team.gameMode,
          size: squad.size ?? fromTeam.team.size,
          pool: SquadPool.ROSTER,
          roster: fromTeam.roster,
        } as OptimizeSquadInput;
      }
      await prepareSquadPlan(squad, viewer, savedBuildLoader(em, viewer));
    }
    if (fromTeam && fromTeam.roster.length === 0)
      refuse('The team has no members to plan with.', 'input.teamId', 'EMPTY_TEAM');
    return this.create(em, viewer, AiJobKind.COMPOSE_SQUAD, {
      request,
      squad,
      teamId: fromTeam?.team.id ?? null,
      roster: request ? (fromTeam?.roster ?? null) : null,
      rosterLines: request ? (fromTeam?.lines ?? []) : [],
    });
  }

  async reviewBuild(em: EntityManager, viewer: Viewer, input: ReviewBuildInput): Promise<AiJob> {
    const build = await visibleBuild(em, viewer, input.buildId);
    adviceForBuild(build, input.gameMode, input.roleKey ?? undefined);
    return this.create(em, viewer, AiJobKind.REVIEW_BUILD, {
      buildId: build.id,
      buildName: build.name,
      gameMode: input.gameMode,
      roleKey: input.roleKey ?? null,
    });
  }

  async explainSynergy(
    em: EntityManager,
    viewer: Viewer,
    input: ExplainSynergyInput,
  ): Promise<AiJob> {
    let entries: SynergyEntryInput[];
    let gameMode = input.gameMode ?? null;
    if (input.teamId) {
      if (input.entries?.length)
        refuse('Give entries or a team subgroup, not both.', 'input.entries', 'ENTRIES_AND_TEAM');
      if (input.subgroup == null)
        refuse('Name the team’s subgroup.', 'input.subgroup', 'SUBGROUP_REQUIRED');
      const { team, members } = await teamRoster(em, viewer, input.teamId);
      gameMode ??= team.gameMode;
      entries = members
        .filter((member) => member.subgroup === input.subgroup)
        .map((member) => {
          const elite = member.build.specializations
            .map((line) => getSpecialization(line.id))
            .find((specialization) => specialization?.elite);
          return (
            elite ? { specialization: elite.name } : { profession: member.build.profession }
          ) as SynergyEntryInput;
        });
    } else {
      entries = (input.entries ?? []).map((entry) => ({ ...entry }) as SynergyEntryInput);
    }
    if (!gameMode) refuse('Name the game mode.', 'input.gameMode', 'GAME_MODE_REQUIRED');
    synergyFor({ gameMode, entries } as AnalyzeSynergyInput);
    return this.create(em, viewer, AiJobKind.EXPLAIN_SYNERGY, {
      gameMode,
      entries,
      teamId: input.teamId ?? null,
      subgroup: input.subgroup ?? null,
    });
  }

  /** The viewer's own job, or NOT_FOUND (another user's job does not exist for them). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<AiJob> {
    const job = isUuid(id) ? await em.findOne(AiJob, { id, owner: viewer.userId }) : null;
    if (!job) throw new NotFoundError('AI job');
    return job;
  }

  async list(
    em: EntityManager,
    viewer: Viewer,
    options: { first?: number | null; after?: string | null },
  ): Promise<{ jobs: Array<{ job: AiJob; cursor: string }>; hasNextPage: boolean }> {
    const first = options.first ?? DEFAULT_JOB_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_JOB_PAGE_SIZE)
      refuse(`first is from 1 to ${MAX_JOB_PAGE_SIZE}.`, 'first', 'PAGE_SIZE');
    const cursor = options.after ? decodeCursor(options.after, 'after') : null;
    const rows = await em.find(
      AiJob,
      {
        owner: viewer.userId,
        ...(cursor
          ? {
              $or: [
                { createdAt: { $lt: cursor.createdAt } },
                { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
              ],
            }
          : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
    );
    return {
      jobs: rows.slice(0, first).map((job) => ({ job, cursor: encodeCursor(job) })),
      hasNextPage: rows.length > first,
    };
  }

  /** Cancels a queued or running job; a finished one is returned as it is. */
  async cancel(em: EntityManager, viewer: Viewer, id: string): Promise<AiJob> {
    const job = await this.get(em, viewer, id);
    const now = this.deps.clock.now();
    const updated = await em.nativeUpdate(
      AiJob,
      { id: job.id, status: { $in: [AiJobStatus.QUEUED, AiJobStatus.RUNNING] } },
      { status: AiJobStatus.CANCELLED, phase: AiJobPhase.DONE, finishedAt: now, updatedAt: now },
    );
    if (updated === 1) {
      await this.deps.log.append(job.id, { type: 'CANCELLED' });
      await this.deps.log.expire(job.id, this.deps.logRetentionMs);
      await this.deps.queue.stop(job.id, new JobCancelled('cancelled by its owner'));
      this.deps.metrics.aiJob(job.kind, 'none', 'cancelled');
    }
    await em.refresh(job);
    return job;
  }
}
