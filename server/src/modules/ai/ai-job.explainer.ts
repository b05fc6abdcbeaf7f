/**
 * The explanation step of every job: the model narrates the facts when it may, streaming into
 * the job's log; otherwise, or when it fails midway, or when its text fails the grounding
 * check, the template text replaces it (a TEXT_RESET tells subscribers to drop what they had).
 */
import { ExplanationSource, FallbackReason } from './ai-job.entity.js';
import type { ExplanationFacts } from './explain/facts.js';
import { checkGrounding, type GroundingIssue } from './explain/grounding.js';
import type { JobEvents } from './job-events.js';
import type { ModelUsage } from './model/mistral.client.js';
import { ModelDeadlineExceeded } from './model/model.errors.js';
import { ModelUnavailable, type ModelGateway } from './model/model.gateway.js';
import { narrationMessages } from './model/prompts.js';

export interface Explanation {
  readonly text: string;
  readonly source: ExplanationSource;
  readonly fallbackReason: FallbackReason | null;
  readonly groundingIssues: readonly GroundingIssue[] | null;
}

export async function explain(options: {
  readonly gateway: ModelGateway;
  readonly facts: ExplanationFacts;
  readonly template: string;
  /** Player names the model could misplace (the roster). */
  readonly watchedPlayers: readonly string[];
  readonly events: JobEvents;
  readonly attempt: number;
  /** The job's signal (cancel, shutdown). */
  readonly signal: AbortSignal;
  /** The model must finish its answer within this; TIMEOUT otherwise. */
  readonly answerTimeoutMs: number;
  readonly onUsage: (usage: ModelUsage) => void;
}): Promise<Explanation> {
  const { events, template } = options;
  const fallback = (reason: FallbackReason, issues: readonly GroundingIssue[] | null = null) => {
    if (events.text)
      events.reset(
        options.attempt,
        reason === FallbackReason.UNGROUNDED ? 'UNGROUNDED' : 'FALLBACK',
      );
    events.delta(template);
    return {
      text: template,
      source: ExplanationSource.OPTIMIZER,
      fallbackReason: reason,
      groundingIssues: issues,
    };
  };

  const unavailable = await options.gateway.check();
  if (unavailable) return fallback(FallbackReason[unavailable]);

  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new ModelDeadlineExceeded()),
    options.answerTimeoutMs,
  );
  try {
    const { text, usage } = await options.gateway.streamChat(narrationMessages(options.facts), {
      signal: AbortSignal.any([options.signal, deadline.signal]),
      onDelta: (delta) => events.delta(delta),
    });
    options.onUsage(usage);
    if (!text.trim()) return fallback(FallbackReason.OUTAGE);
    const grounding = checkGrounding(text, options.facts, options.watchedPlayers);
    if (!grounding.grounded) return fallback(FallbackReason.UNGROUNDED, grounding.issues);
    return { text, source: ExplanationSource.LLM, fallbackReason: null, groundingIssues: [] };
  } catch (error) {
    if (error instanceof ModelUnavailable) return fallback(FallbackReason[error.reason]);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
