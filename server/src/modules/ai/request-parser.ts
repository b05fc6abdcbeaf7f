/**
 * Free text to the optimizer's input: the model fills the plan_squad tool, and its arguments
 * are checked like any user input (schema, then the optimizer's own validation). A refusal is
 * sent back once for a corrected call; a second one fails the job with BAD_USER_INPUT quoting
 * what was not understood.
 */
import { CAPABILITIES, GAME_MODES } from '@gw2/game';
import { z } from 'zod';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import {
  SquadPool,
  type OptimizeSquadInput,
  type RosterPlayerInput,
} from '../optimizer/optimizer.inputs.js';
import type { ModelUsage } from './model/mistral.client.js';
import type { ModelGateway } from './model/model.gateway.js';
import {
  parseMessages,
  PLAN_SQUAD_TOOL,
  type ChatMessage,
  type RosterLine,
} from './model/prompts.js';

const toolArguments = z.object({
  gameMode: z.enum(GAME_MODES),
  size: z.number().int(),
  locked: z
    .array(
      z.object({
        playerName: z.string().optional(),
        specialization: z.string().optional(),
        roleKey: z.string().optional(),
        subgroup: z.number().int(),
      }),
    )
    .optional(),
  priorities: z
    .array(z.object({ capability: z.enum(CAPABILITIES), weight: z.number() }))
    .optional(),
  maxPerSpecialization: z
    .array(z.object({ specialization: z.string(), max: z.number().int() }))
    .optional(),
  notUnderstood: z.array(z.string()).optional(),
});
type ToolArguments = z.infer<typeof toolArguments>;

export interface ParsedRequest {
  readonly squad: OptimizeSquadInput;
  /** Parts of the request the model could not express (quoted back in the explanation). */
  readonly notUnderstood: readonly string[];
}

export function toSquadInput(
  args: ToolArguments,
  roster: readonly RosterPlayerInput[] | null,
  timeLimitMs: number | undefined,
): OptimizeSquadInput {
  return {
    gameMode: args.gameMode,
    size: args.size,
    pool: roster?.length ? SquadPool.ROSTER : SquadPool.META,
    roster: roster?.length ? [...roster] : null,
    locked: (args.locked ?? []).map((lock) => ({
      playerName: lock.playerName ?? null,
      specialization: lock.specialization ?? null,
      roleKey: lock.roleKey ?? null,
      subgroup: lock.subgroup,
    })),
    preferences: {
      weights: args.priorities ?? [],
      maxPerSpecialization: args.maxPerSpecialization ?? [],
    },
    timeLimitMs: timeLimitMs ?? null,
  } as OptimizeSquadInput;
}

/** Why one tool call could not be used, in words the model (and then the player) can act on. */
async function problemWith(
  answer: { call: { arguments: string } | null },
  roster: readonly RosterPlayerInput[] | null,
  validate: (squad: OptimizeSquadInput) => Promise<void>,
  timeLimitMs: number | undefined,
): Promise<
  | { problem: string; notUnderstood: string[] }
  | { squad: OptimizeSquadInput; notUnderstood: string[] }
> {
  if (!answer.call) return { problem: 'no plan_squad call was made', notUnderstood: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(answer.call.arguments);
  } catch {
    return { problem: 'the arguments were not valid JSON', notUnderstood: [] };
  }
  const parsed = toolArguments.safeParse(raw);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
      .join('; ');
    return { problem, notUnderstood: [] };
  }
  const notUnderstood = parsed.data.notUnderstood ?? [];
  const squad = toSquadInput(parsed.data, roster, timeLimitMs);
  try {
    await validate(squad);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return { problem: error.message, notUnderstood };
  }
  return { squad, notUnderstood };
}

const quoted = (parts: readonly string[]) => parts.map((part) => `“${part}”`).join(', ');

export async function parseSquadRequest(options: {
  readonly gateway: ModelGateway;
  readonly request: string;
  readonly roster: readonly RosterPlayerInput[] | null;
  readonly rosterLines: readonly RosterLine[];
  readonly timeLimitMs?: number;
  /** The optimizer's validation (prepareSquadPlan): throws BadUserInputError. */
  readonly validate: (squad: OptimizeSquadInput) => Promise<void>;
  readonly signal: AbortSignal;
  /** Tokens of each call, failed parses included. */
  readonly onUsage: (usage: ModelUsage) => void;
}): Promise<ParsedRequest> {
  const messages: ChatMessage[] = parseMessages(options.request, options.rosterLines);
  let last: { problem: string; notUnderstood: string[] } | undefined;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const answer = await options.gateway.callTool(messages, PLAN_SQUAD_TOOL, {
      signal: options.signal,
    });
    options.onUsage(answer.usage);
    const outcome = await problemWith(
      answer,
      options.roster,
      options.validate,
      options.timeLimitMs,
    );
    if ('squad' in outcome) {
      return { squad: outcome.squad, notUnderstood: outcome.notUnderstood };
    }
    last = outcome;
    // One more try, told what was wrong.
    if (answer.call) {
      messages.push(
        {
          role: 'assistant',
          content: answer.content,
          toolCalls: [answer.call],
        },
        {
          role: 'tool',
          name: answer.call.name,
          toolCallId: answer.call.id,
          content: `Refused: ${outcome.problem}. Call ${PLAN_SQUAD_TOOL.name} again with corrected arguments.`,
        },
      );
    } else {
      messages.push({
        role: 'user',
        content: `Call ${PLAN_SQUAD_TOOL.name} for the request above.`,
      });
    }
  }
  const notUnderstood = last?.notUnderstood ?? [];
  throw new BadUserInputError(
    `The request could not be turned into a squad: ${last?.problem ?? 'no usable answer'}.` +
      (notUnderstood.length ? ` Not understood: ${quoted(notUnderstood)}.` : '') +
      ` Request: “${options.request}”.`,
    { field: 'input.request', reason: 'REQUEST_NOT_UNDERSTOOD' },
  );
}
