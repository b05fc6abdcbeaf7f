/**
 * A Mistral chat-completions server on loopback, speaking the real API: POST
 * /v1/chat/completions with bearer auth, JSON answers or SSE chunks (`data: {...}` then
 * `data: [DONE]`) with `usage` on the last chunk, and tool calls. Tests script what each next
 * request gets (text, a tool call, malformed arguments, 429/500/503, a hang, a slow or stalling
 * stream); every request is recorded, prompts included.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultNarration, defaultToolArguments } from './fake-answers.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content?: string | null;
  readonly tool_calls?: unknown[];
  readonly tool_call_id?: string;
  readonly name?: string;
}

export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly stream?: boolean;
  readonly tools?: ReadonlyArray<{ type: 'function'; function: { name: string } }>;
  readonly tool_choice?: unknown;
  readonly max_tokens?: number;
}

export interface RecordedRequest {
  readonly body: ChatRequestBody;
  readonly authorization: string | undefined;
  readonly receivedAt: number;
}

/** What the server does with one request. */
export type FakeBehaviour =
  /** Streams (or returns) text; default: a narration of the facts in the prompt. */
  | {
      readonly kind: 'text';
      readonly text?: string | ((body: ChatRequestBody) => string);
      /** Delay between chunks (one word or `tokens` chunk each). */
      readonly chunkDelayMs?: number;
      /** Stream exactly this many chunks (tokens) of generated words instead of `text`. */
      readonly tokens?: number;
      /** Stop sending after this many chunks and keep the connection open. */
      readonly stallAfterChunks?: number;
    }
  /** Answers with a tool call; `arguments` is sent as given when a string (malformed JSON too). */
  | {
      readonly kind: 'toolCall';
      readonly name?: string;
      readonly arguments?: string | Record<string, unknown>;
    }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  /** Accepts the request and never answers (a client timeout). */
  | { readonly kind: 'hang' }
  | { readonly kind: 'delay'; readonly ms: number; readonly then: FakeBehaviour };

export interface FakeMistral {
  readonly url: string;
  readonly apiKey: string;
  readonly requests: RecordedRequest[];
  /** The next requests get these behaviours, in order; then the default applies again. */
  script(...behaviours: FakeBehaviour[]): void;
  /** What requests get when nothing is scripted (default: `{ kind: 'auto' }` answers). */
  setDefault(behaviour: FakeBehaviour | 'auto'): void;
  /** Prompts (every message's content) of the recorded requests, for assertions. */
  prompts(): string[];
  close(): Promise<void>;
}

const MODEL = 'mistral-small-latest';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const approximateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function promptTokens(body: ChatRequestBody): number {
  return approximateTokens(body.messages.map((m) => m.content ?? '').join('\n'));
}

/** Words with their following space, so the chunks join back into the text exactly. */
function chunksOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function generatedTokens(count: number): string[] {
  const words = ['The', 'squad', 'keeps', 'its', 'subgroups', 'covered', 'and', 'steady'];
  return Array.from({ length: count }, (_, i) => `${words[i % words.length]} `);
}

function json(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const completionId = () => `cmpl-${randomBytes(8).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeMistral(
  options: {
    port?: number;
    host?: string;
    apiKey?: string;
    /** Pace of unscripted ('auto') text streams, for demos. */
    autoChunkDelayMs?: number;
  } = {},
): Promise<FakeMistral> {
  const apiKey = options.apiKey ?? 'fake-mistral-key';
  const requests: RecordedRequest[] = [];
  const scripted: FakeBehaviour[] = [];
  let fallback: FakeBehaviour | 'auto' = 'auto';
  const open = new Set<ServerResponse>();

  async function answer(body: ChatRequestBody, behaviour: FakeBehaviour, response: ServerResponse) {
    switch (behaviour.kind) {
      case 'hang':
        return;
      case 'delay':
        await sleep(behaviour.ms);
        return answer(body, behaviour.then, response);
      case 'status':
        return json(
          response,
          behaviour.status,
          { object: 'error', message: `fake error ${behaviour.status}`, type: 'fake', code: null },
          behaviour.retryAfterSeconds ? { 'retry-after': String(behaviour.retryAfterSeconds) } : {},
        );
      case 'toolCall': {
        const name = behaviour.name ?? body.tools?.[0]?.function.name ?? 'tool';
        const args = behaviour.arguments ?? defaultToolArguments(body);
        const argumentsText = typeof args === 'string' ? args : JSON.stringify(args);
        const toolCall = {
          id: randomBytes(5).toString('hex').slice(0, 9),
          type: 'function',
          function: { name, arguments: argumentsText },
          index: 0,
        };
        const usage = {
          prompt_tokens: promptTokens(body),
          completion_tokens: approximateTokens(argumentsText),
          total_tokens: promptTokens(body) + approximateTokens(argumentsText),
        };
        const id = completionId();
        const created = Math.floor(Date.now() / 1000);
        if (body.stream) {
          response.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
          });
          const chunk = {
            id,
            object: 'chat.completion.chunk',
            created,
            model: MODEL,
            choices: [
              {
                index: 0,
                delta: { role: 'assistant', content: '', tool_calls: [toolCall] },
                finish_reason: 'tool_calls',
              },
            ],
            usage,
          };
          response.write(`data: ${JSON.stringify(chunk)}\n\n`);
          response.end('data: [DONE]\n\n');
          return;
        }
        return json(response, 200, {
          id,
          object: 'chat.completion',
          created,
          model: MODEL,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: '', tool_calls: [toolCall] },
              finish_reason: 'tool_calls',
            },
          ],
          usage,
        });
      }
      case 'text': {
        const text =
          typeof behaviour.text === 'function'
            ? behaviour.text(body)
            : (behaviour.text ?? defaultNarration(body));
        const chunks = behaviour.tokens ? generatedTokens(behaviour.tokens) : chunksOf(text);
        const full = chunks.join('');
        const usage = {
          prompt_tokens: promptTokens(body),
          completion_tokens: chunks.length,
          total_tokens: promptTokens(body) + chunks.length,
        };
        const id = completionId();
        const created = Math.floor(Date.now() / 1000);
        if (!body.stream) {
          return json(response, 200, {
            id,
            object: 'chat.completion',
            created,
            model: MODEL,
            choices: [
              { index: 0, message: { role: 'assistant', content: full }, finish_reason: 'stop' },
            ],
            usage,
          });
        }
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
        });
        const send = (delta: Record<string, unknown>, finish: string | null, withUsage = false) =>
          response.write(
            `data: ${JSON.stringify({
              id,
              object: 'chat.completion.chunk',
              created,
              model: MODEL,
              choices: [{ index: 0, delta, finish_reason: finish }],
              ...(withUsage ? { usage } : {}),
            })}\n\n`,
          );
        send({ role: 'assistant', content: '' }, null);
        for (const [index, chunk] of chunks.entries()) {
          if (behaviour.stallAfterChunks !== undefined && index >= behaviour.stallAfterChunks)
            return;
          if (response.destroyed) return;
          if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
          send({ content: chunk }, null);
        }
        send({ content: '' }, 'stop', true);
        response.end('data: [DONE]\n\n');
        return;
      }
    }
  }

  const server: Server = createServer((request, response) => {
    open.add(response);
    response.on('close', () => open.delete(response));
    void (async () => {
      const raw = await readBody(request);
      if (request.method !== 'POST' || request.url?.split('?')[0] !== '/v1/chat/completions')
        return json(response, 404, { detail: 'Not Found' });
      const authorization = request.headers.authorization;
      if (authorization !== `Bearer ${apiKey}`)
        return json(response, 401, { message: 'Unauthorized', request_id: completionId() });
      let body: ChatRequestBody;
      try {
        body = JSON.parse(raw) as ChatRequestBody;
      } catch {
        return json(response, 400, { detail: 'invalid JSON' });
      }
      requests.push({ body, authorization, receivedAt: Date.now() });
      const next = scripted.shift() ?? fallback;
      const behaviour: FakeBehaviour =
        next === 'auto'
          ? body.tools?.length
            ? { kind: 'toolCall' }
            : { kind: 'text', chunkDelayMs: options.autoChunkDelayMs ?? 0 }
          : next;
      await answer(body, behaviour, response);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    script: (...behaviours) => void scripted.push(...behaviours),
    setDefault: (behaviour) => void (fallback = behaviour),
    prompts: () => requests.flatMap((r) => r.body.messages.map((m) => m.content ?? '')),
    close: () =>
      new Promise((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
