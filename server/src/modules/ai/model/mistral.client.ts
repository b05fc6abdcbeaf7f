/**
 * The language model through the official Mistral SDK: streamed chat for explanations and a
 * forced tool call for free-text requests. Each HTTP request is one attempt: it is timed,
 * counted in the Mistral metrics, and its failure classified for the retry and breaker policy
 * (model.guard.ts). The SDK's own retries are off so that policy is the only one.
 */
import type { Mistral } from '@mistralai/mistralai';
import type * as Components from '@mistralai/mistralai/models/components';
import { ModelFailure, type ModelFailureReason } from './model.errors.js';
import type { ChatMessage, ToolDefinition } from './prompts.js';

export interface ModelUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface ToolCallAnswer {
  /** The call, or null when the model answered in words instead. */
  readonly call: { readonly id: string; readonly name: string; readonly arguments: string } | null;
  readonly content: string;
  readonly usage: ModelUsage;
}

/** One attempt of each kind; callers wrap it in the guard's policy. */
export interface ChatModel {
  /** Resolves once the SDK is loaded (about a second of blocking module evaluation). */
  ready(): Promise<void>;
  streamChat(
    messages: readonly ChatMessage[],
    options: { signal: AbortSignal; onDelta: (text: string) => void },
  ): Promise<{ text: string; usage: ModelUsage }>;
  callTool(
    messages: readonly ChatMessage[],
    tool: ToolDefinition,
    options: { signal: AbortSignal },
  ): Promise<ToolCallAnswer>;
}

export interface MistralSettings {
  readonly apiKey: string;
  readonly serverUrl: string;
  readonly model: string;
  /** No response (or no chunk of a stream) for this long fails the attempt as `timeout`. */
  readonly requestTimeoutMs: number;
  readonly maxTokens: number;
}

export type MistralObserver = (
  operation: 'chat_stream' | 'tool_call',
  seconds: number,
  result: { ok: true; usage: ModelUsage } | { ok: false; reason: ModelFailureReason },
) => void;

type SdkModule = typeof import('@mistralai/mistralai');
type ErrorsModule = typeof import('@mistralai/mistralai/models/errors');
let sdkLoading: Promise<[SdkModule, ErrorsModule]> | undefined;

/** The SDK takes about a second to import: loaded on first use, never when there is no key. */
function loadSdk(): Promise<[SdkModule, ErrorsModule]> {
  sdkLoading ??= Promise.all([
    import('@mistralai/mistralai'),
    import('@mistralai/mistralai/models/errors'),
  ]);
  return sdkLoading;
}

function toSdkMessages(
  messages: readonly ChatMessage[],
): Components.ChatCompletionRequest['messages'] {
  return messages.map((message) => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: message.content };
      case 'tool':
        return {
          role: 'tool',
          content: message.content,
          toolCallId: message.toolCallId ?? null,
          name: message.name ?? null,
        };
      case 'assistant':
        return {
          role: 'assistant',
          content: message.content,
          ...(message.toolCalls
            ? {
                toolCalls: message.toolCalls.map((call, index) => ({
                  id: call.id,
                  type: 'function' as const,
                  function: { name: call.name, arguments: call.arguments },
                  index,
                })),
              }
            : {}),
        };
    }
  });
}

function textOf(
  content: string | ReadonlyArray<{ type?: string; text?: string }> | null | undefined,
) {
  if (typeof content === 'string') return content;
  return (content ?? []).map((chunk) => (chunk.type === 'text' ? (chunk.text ?? '') : '')).join('');
}

const usageOf = (usage: Components.UsageInfo | undefined): ModelUsage => ({
  promptTokens: usage?.promptTokens ?? 0,
  completionTokens: usage?.completionTokens ?? 0,
});

/**
 * An attempt's own timeout on top of the caller's signal; `touch()` restarts it (each chunk of a
 * stream), so only silence times out, not a long answer.
 */
function attemptTimer(outer: AbortSignal, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new ModelFailure('timeout', `no answer within ${ms} ms`));
    }, ms);
  };
  touch();
  return {
    signal: AbortSignal.any([outer, controller.signal]),
    touch,
    timedOut: () => timedOut,
    clear: () => clearTimeout(timer),
  };
}

export function createMistralModel(settings: MistralSettings, observe: MistralObserver): ChatModel {
  let instance: Mistral | undefined;
  let errors: ErrorsModule | undefined;
  const sdk = async () => {
    if (!instance) {
      const [module, errorClasses] = await loadSdk();
      errors = errorClasses;
      instance = new module.Mistral({
        apiKey: settings.apiKey,
        serverURL: settings.serverUrl,
        retryConfig: { strategy: 'none' },
      });
    }
    return instance;
  };

  /** The failure to report for `error`; the caller's own abort (cancel, deadline) passes through. */
  function classify(
    error: unknown,
    outer: AbortSignal,
    timedOut: boolean,
    partial: boolean,
  ): unknown {
    if (outer.aborted) return outer.reason;
    const failure = (reason: ModelFailureReason, message: string) =>
      new ModelFailure(reason, message, partial);
    if (timedOut) return failure('timeout', `no answer within ${settings.requestTimeoutMs} ms`);
    if (error instanceof ModelFailure) return error;
    if (errors && error instanceof errors.MistralError) {
      const status = error.statusCode;
      if (status === 429) return failure('rate_limited', 'rate limited (429)');
      if (status === 401 || status === 403) return failure('unauthorized', `refused (${status})`);
      if (status >= 500) return failure('http_5xx', `server error (${status})`);
      if (error instanceof errors.ResponseValidationError)
        return failure('malformed', 'malformed response');
      return failure('http_4xx', `request refused (${status})`);
    }
    if (errors && error instanceof errors.RequestTimeoutError)
      return failure('timeout', 'request timed out');
    if (errors && error instanceof errors.SDKValidationError)
      return failure('malformed', 'malformed response');
    const message = error instanceof Error ? error.message : String(error);
    return failure('connection', `connection failed: ${message}`);
  }

  // Loaded in the background from the start, so the first request does not wait for it.
  void sdk().catch(() => {});

  async function attempt<T extends { usage: ModelUsage }>(
    operation: 'chat_stream' | 'tool_call',
    outer: AbortSignal,
    work: (
      client: Mistral,
      signal: AbortSignal,
      touch: () => void,
      emitted: () => void,
    ) => Promise<T>,
  ): Promise<T> {
    const client = await sdk();
    const started = performance.now();
    const timer = attemptTimer(outer, settings.requestTimeoutMs);
    let partial = false;
    try {
      const result = await work(client, timer.signal, timer.touch, () => void (partial = true));
      observe(operation, (performance.now() - started) / 1000, { ok: true, usage: result.usage });
      return result;
    } catch (error) {
      const classified = classify(error, outer, timer.timedOut(), partial);
      if (classified instanceof ModelFailure)
        observe(operation, (performance.now() - started) / 1000, {
          ok: false,
          reason: classified.reason,
        });
      throw classified;
    } finally {
      timer.clear();
    }
  }

  return {
    ready: async () => void (await sdk()),
    streamChat(messages, options) {
      return attempt('chat_stream', options.signal, async (client, signal, touch, emitted) => {
        const stream = await client.chat.stream(
          {
            model: settings.model,
            messages: toSdkMessages(messages),
            maxTokens: settings.maxTokens,
            temperature: 0.2,
          },
          { signal },
        );
        let text = '';
        let usage: Components.UsageInfo | undefined;
        for await (const event of stream) {
          touch();
          const chunk = event.data;
          if (chunk.usage) usage = chunk.usage;
          const delta = textOf(chunk.choices[0]?.delta.content);
          if (delta) {
            text += delta;
            emitted();
            options.onDelta(delta);
          }
        }
        return { text, usage: usageOf(usage) };
      });
    },

    callTool(messages, tool, options) {
      return attempt('tool_call', options.signal, async (client, signal) => {
        const response = await client.chat.complete(
          {
            model: settings.model,
            messages: toSdkMessages(messages),
            tools: [
              { type: 'function', function: { ...tool, parameters: { ...tool.parameters } } },
            ],
            toolChoice: 'any',
            temperature: 0,
          },
          { signal },
        );
        const message = response.choices[0]?.message;
        const call = message?.toolCalls?.[0];
        const args = call?.function.arguments;
        return {
          call: call
            ? {
                id: call.id ?? 'call',
                name: call.function.name,
                arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
              }
            : null,
          content: textOf(message?.content),
          usage: usageOf(response.usage),
        };
      });
    },
  };
}
