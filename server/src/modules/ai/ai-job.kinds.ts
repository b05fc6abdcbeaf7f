/**
 * What each kind of job computes before it is explained: the exact cores do the work (the
 * optimizer on a solver thread, the advice and coverage cores), and each result comes with the
 * facts the explanation may use and the template text that answers without a model.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  AiUnavailableError,
  BadUserInputError,
  NotFoundError,
} from '../../platform/graphql/errors.js';
import { isUuid } from '../builds/build.cursor.js';
import { Build } from '../builds/build.entity.js';
import { canView } from '../builds/build.service.js';
import { adviceForBuild } from '../optimizer/advice.service.js';
import { savedBuildLoader } from '../optimizer/build-access.js';
import type { OptimizeSquadInput } from '../optimizer/optimizer.inputs.js';
import { learnedPreferences } from '../optimizer/learned-preferences.js';
import { recordPlan } from '../optimizer/plan-record.service.js';
import { prepareSquadPlan, solvePreparedSquad } from '../optimizer/optimizer.service.js';
import { synergyFor } from '../teams/synergy.resolver.js';
import type { AnalyzeSynergyInput } from '../teams/team.inputs.js';
import { AiJobPhase } from './ai-job.entity.js';
import type { ComposeJobInput, ReviewJobInput, SynergyJobInput } from './ai-job.input.js';
import type { AiRuntime } from './ai-job.runner.js';
import {
  adviceFacts,
  benchOf,
  planFacts,
  synergyFacts,
  type ExplanationFacts,
} from './explain/facts.js';
import { adviceExplanation, planExplanation, synergyExplanation } from './explain/templates.js';
import type { JobEvents } from './job-events.js';
import type { ModelUsage } from './model/mistral.client.js';
import { ModelUnavailable, type FallbackReason } from './model/model.gateway.js';
import { parseSquadRequest } from './request-parser.js';

export interface KindContext {
  readonly runtime: AiRuntime;
  /** The job this attempt runs: what it records is keyed by it, so a retry replaces it. */
  readonly jobId: string;
  readonly em: EntityManager;
  /** The job's owner: builds and teams are read with their rights. */
  readonly viewer: Viewer;
  readonly events: JobEvents;
  readonly signal: AbortSignal;
  readonly onUsage: (usage: ModelUsage) => void;
}

export interface Computed {
  /** The plan, advice or synergy as the API returns it (stored in the job's row). */
  readonly result: unknown;
  readonly facts: ExplanationFacts;
  readonly template: string;
  readonly watchedPlayers: readonly string[];
}

export const STRUCTURED_FIELDS =
  'input.squad (gameMode, size, pool, roster, locked, preferences) or input.teamId';

/** Free text needs the model; when it cannot be used, nothing else can answer. */
export function freeTextUnavailable(reason: FallbackReason): AiUnavailableError {
  return new AiUnavailableError(
    `Free-text requests need the language model, which cannot be used right now (${reason}). ` +
      `Use the structured fields: ${STRUCTURED_FIELDS}.`,
  );
}

async function understand(context: KindContext, input: ComposeJobInput, request: string) {
  const { runtime, events, viewer, em } = context;
  events.progress(AiJobPhase.UNDERSTANDING, 0.02);
  const reason = await runtime.gateway.check();
  if (reason) throw freeTextUnavailable(reason);
  const loader = savedBuildLoader(em, viewer);
  try {
    return await parseSquadRequest({
      gateway: runtime.gateway,
      request,
      roster: input.roster,
      rosterLines: input.rosterLines,
      validate: async (squad) => void (await prepareSquadPlan(squad, viewer, loader)),
      signal: context.signal,
      onUsage: context.onUsage,
    });
  } catch (error) {
    if (error instanceof ModelUnavailable) throw freeTextUnavailable(error.reason);
    throw error;
  }
}

export async function computeCompose(
  context: KindContext,
  stored: Record<string, unknown>,
): Promise<Computed> {
  const input = stored as unknown as ComposeJobInput;
  const { runtime, events, viewer, em } = context;
  let squad: OptimizeSquadInput | null = input.squad;
  let notUnderstood: readonly string[] = [];
  if (input.request) {
    const parsed = await understand(context, input, input.request);
    squad = parsed.squad;
    notUnderstood = parsed.notUnderstood;
  }
  if (!squad)
    throw new BadUserInputError(`Give a request or ${STRUCTURED_FIELDS}.`, { field: 'input' });
  events.progress(AiJobPhase.SOLVING, 0.1);
  const prepared = await prepareSquadPlan(
    squad,
    viewer,
    savedBuildLoader(em, viewer),
    await learnedPreferences(em, squad.gameMode),
  );
  const plan = await solvePreparedSquad(prepared, {
    solver: runtime.solver,
    signal: context.signal,
    onProgress: (event) => {
      if (event.phase !== 'INCUMBENT_FOUND' || event.objective === undefined) return;
      events.progress(
        AiJobPhase.SOLVING,
        0.1 + 0.5 * Math.min(1, event.elapsedMs / prepared.timeLimitMs),
        {
          objective: event.objective,
          gap: event.gap ?? null,
          source: event.source ?? null,
          elapsedMs: Math.round(event.elapsedMs),
        },
      );
    },
  });
  const rosterNames = (squad.roster ?? []).map((player) => player.playerName.trim());
  const extra = { bench: benchOf(plan, rosterNames), notUnderstood };
  return {
    // Recorded like the optimizer's plans (applied, discarded and rated by its id), under the
    // job's id: a retried attempt replaces the plan an interrupted one recorded.
    result: await recordPlan(em, viewer, plan, 'ASSISTANT', runtime.clock.now(), context.jobId),
    facts: planFacts(plan, extra),
    template: planExplanation(plan, extra),
    watchedPlayers: rosterNames,
  };
}

/** A saved build the owner may see, or NOT_FOUND (a build made private since). */
async function visibleBuild(em: EntityManager, viewer: Viewer, id: string): Promise<Build> {
  const build = isUuid(id) ? await em.findOne(Build, id) : null;
  if (!build || !canView(build, viewer)) throw new NotFoundError('Build');
  return build;
}

export async function computeReview(
  context: KindContext,
  stored: Record<string, unknown>,
): Promise<Computed> {
  const input = stored as unknown as ReviewJobInput;
  context.events.progress(AiJobPhase.ANALYZING, 0.1);
  const build = await visibleBuild(context.em, context.viewer, input.buildId);
  const advice = adviceForBuild(build, input.gameMode, input.roleKey ?? undefined);
  return {
    result: advice,
    facts: adviceFacts(advice),
    template: adviceExplanation(advice),
    watchedPlayers: [],
  };
}

export async function computeSynergy(
  context: KindContext,
  stored: Record<string, unknown>,
): Promise<Computed> {
  const input = stored as unknown as SynergyJobInput;
  context.events.progress(AiJobPhase.ANALYZING, 0.1);
  const synergy = synergyFor({
    gameMode: input.gameMode,
    entries: input.entries,
  } as AnalyzeSynergyInput);
  return {
    result: synergy,
    facts: synergyFacts(synergy),
    template: synergyExplanation(synergy),
    watchedPlayers: [],
  };
}

export { visibleBuild };
