import type { BuildAdvice } from '../optimizer/advice.types.js';
import type { SquadPlan } from '../optimizer/optimizer.types.js';
import type { SynergyResult } from '../teams/team.types.js';
import { AiJobKind, type AiJob as AiJobEntity } from './ai-job.entity.js';
import type { ComposeJobInput, ReviewJobInput, SynergyJobInput } from './ai-job.input.js';
import type { AiJob } from './ai-job.types.js';
import { listing } from './explain/templates.js';

const MODE_WORDS: Record<string, string> = {
  FRACTALS: 'Fractal',
  RAID: 'Raid',
  STRIKES: 'Strike',
  HAVOC: 'Havoc',
  ROAMING: 'Roaming',
  ZERG: 'Zerg',
};

/** What was asked, in a few words, for lists of jobs. */
export function jobTitle(kind: AiJobKind, stored: Record<string, unknown>): string {
  switch (kind) {
    case AiJobKind.COMPOSE_SQUAD: {
      const input = stored as unknown as ComposeJobInput;
      if (input.request)
        return input.request.length > 80 ? `${input.request.slice(0, 79)}…` : input.request;
      const squad = input.squad;
      return squad
        ? `${MODE_WORDS[squad.gameMode] ?? squad.gameMode} squad of ${squad.size}`
        : 'Squad';
    }
    case AiJobKind.REVIEW_BUILD: {
      const input = stored as unknown as ReviewJobInput;
      return `${input.buildName} in ${MODE_WORDS[input.gameMode] ?? input.gameMode}`;
    }
    case AiJobKind.EXPLAIN_SYNERGY: {
      const input = stored as unknown as SynergyJobInput;
      const names = input.entries.map((entry) => entry.specialization ?? entry.profession ?? '?');
      return `${listing(names)} in ${MODE_WORDS[input.gameMode] ?? input.gameMode}`;
    }
  }
}

export function toAiJob(entity: AiJobEntity): AiJob {
  const input = entity.input;
  const result = entity.result;
  return {
    id: entity.id,
    kind: entity.kind,
    status: entity.status,
    phase: entity.phase,
    progress: entity.progress,
    title: jobTitle(entity.kind, input),
    request: typeof input.request === 'string' ? input.request : null,
    teamId: typeof input.teamId === 'string' ? input.teamId : null,
    input,
    plan: entity.kind === AiJobKind.COMPOSE_SQUAD ? (result as SquadPlan | null) : null,
    advice: entity.kind === AiJobKind.REVIEW_BUILD ? (result as BuildAdvice | null) : null,
    synergy: entity.kind === AiJobKind.EXPLAIN_SYNERGY ? (result as SynergyResult | null) : null,
    explanation: entity.explanation,
    source: entity.source,
    fallbackReason: entity.fallbackReason,
    groundingIssues: entity.groundingIssues ? [...entity.groundingIssues] : null,
    promptTokens: entity.promptTokens,
    completionTokens: entity.completionTokens,
    attempts: entity.attempts,
    error:
      entity.errorCode !== null
        ? { code: entity.errorCode, message: entity.errorMessage ?? '' }
        : null,
    createdAt: entity.createdAt,
    startedAt: entity.startedAt,
    finishedAt: entity.finishedAt,
  };
}
