/**
 * Whether and how the assistant may use the language model right now. Every reason not to
 * is a fallback reason recorded on the job; the job then answers from the optimizer and
 * templates. Calls go through one policy: retries with exponential backoff for transient
 * failures (timeouts, 429, 5xx, connection), inside a circuit breaker (cockatiel) that opens
 * after consecutive failures and half-opens later to try again.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  circuitBreaker,
  handleType,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import type { Clock } from '../../../platform/clock.js';
import type { ChatModel, ModelUsage, ToolCallAnswer } from './mistral.client.js';
import { ModelDeadlineExceeded, ModelFailure } from './model.errors.js';
import { isOffPeak, type OffPeakWindow } from './off-peak.js';
import type { ChatMessage, ToolDefinition } from './prompts.js';
import type { TokenBudget } from './token-budget.js';

export type FallbackReason = 'NO_KEY' | 'OUTAGE' | 'BUDGET' | 'OFF_PEAK' | 'TIMEOUT';

/** The model cannot answer this call; the caller falls back and records `reason`. */
export class ModelUnavailable extends Error {
  override readonly name = 'ModelUnavailable';
  constructor(
    readonly reason: FallbackReason,
    message: string,
  ) {
    super(message);
  }
}

export interface GatewaySettings {
  /** Retries after the first attempt of a call. */
  readonly retries: number;
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
  /** Consecutive failed attempts that open the circuit. */
  readonly breakerThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly halfOpenAfterMs: number;
}

export interface ModelGateway {
  /** Null when the model may be called now, else why not (no key, off-peak, budget, open circuit). */
  check(): Promise<FallbackReason | null>;
  streamChat(
    messages: readonly ChatMessage[],
    options: { signal: AbortSignal; onDelta: (text: string) => void },
  ): Promise<{ text: string; usage: ModelUsage }>;
  callTool(
    messages: readonly ChatMessage[],
    tool: ToolDefinition,
    options: { signal: AbortSignal },
  ): Promise<ToolCallAnswer>;
  circuitOpen(): boolean;
  /** Loads the model's client ahead of the first call (no-op without a key). */
  warmUp(): Promise<void>;
}

export function createModelGateway(deps: {
  /** Null without MISTRAL_API_KEY. */
  readonly model: ChatModel | null;
  readonly budget: TokenBudget;
  readonly offPeak: OffPeakWindow | undefined;
  readonly clock: Clock;
  readonly settings: GatewaySettings;
  readonly onCircuitChange?: (open: boolean) => void;
}): ModelGateway {
  const { model, settings, clock, budget } = deps;
  const breaker = circuitBreaker(handleType(ModelFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerThreshold),
  });
  // cockatiel half-opens lazily, on the first call after `halfOpenAfter`: until then `check()`
  // needs the time the circuit opened to tell "still open" from "ready for a trial call".
  let openedAt = 0;
  breaker.onBreak(() => void (openedAt = Date.now()));
  breaker.onStateChange((state) => deps.onCircuitChange?.(state === CircuitState.Open));
  const rejecting = () =>
    breaker.state === CircuitState.Isolated ||
    (breaker.state === CircuitState.Open && Date.now() - openedAt < settings.halfOpenAfterMs);
  const policy = wrap(
    retry(
      handleWhen((error) => error instanceof ModelFailure && error.retryable),
      {
        maxAttempts: settings.retries,
        backoff: new ExponentialBackoff({
          initialDelay: settings.backoffInitialMs,
          maxDelay: settings.backoffMaxMs,
        }),
      },
    ),
    breaker,
  );

  async function guarded<T extends { usage: ModelUsage }>(
    signal: AbortSignal,
    call: (model: ChatModel, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (!model) throw new ModelUnavailable('NO_KEY', 'no MISTRAL_API_KEY');
    try {
      const result = await policy.execute(
        ({ signal: attemptSignal }) => call(model, attemptSignal),
        signal,
      );
      const tokens = result.usage.promptTokens + result.usage.completionTokens;
      await budget.add(tokens, clock.now());
      return result;
    } catch (error) {
      if (signal.aborted) {
        if (signal.reason instanceof ModelDeadlineExceeded)
          throw new ModelUnavailable('TIMEOUT', 'the model did not finish in time');
        throw signal.reason;
      }
      if (error instanceof TaskCancelledError) throw signal.reason ?? error;
      if (error instanceof BrokenCircuitError)
        throw new ModelUnavailable('OUTAGE', 'the circuit to the model is open');
      if (error instanceof ModelFailure)
        throw new ModelUnavailable('OUTAGE', `the model failed: ${error.message}`);
      throw error;
    }
  }

  return {
    async check() {
      if (!model) return 'NO_KEY';
      if (isOffPeak(clock.now(), deps.offPeak)) return 'OFF_PEAK';
      if ((await budget.used(clock.now())) >= budget.dailyLimit) return 'BUDGET';
      if (rejecting()) return 'OUTAGE';
      return null;
    },
    streamChat: (messages, options) =>
      guarded(options.signal, (m, signal) =>
        m.streamChat(messages, { signal, onDelta: options.onDelta }),
      ),
    callTool: (messages, tool, options) =>
      guarded(options.signal, (m, signal) => m.callTool(messages, tool, { signal })),
    circuitOpen: rejecting,
    warmUp: async () => void (await model?.ready()),
  };
}
