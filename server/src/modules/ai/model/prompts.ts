/**
 * What the model is told. It narrates facts given as data and turns free text into the
 * optimizer's input through a tool call; it never composes a squad itself.
 */
import {
  CAPABILITIES,
  GAME_MODES,
  GAME_MODE_MAX_SIZE,
  listRoleOptions,
  type GameMode,
} from '@gw2/game';
import type { ExplanationFacts } from '../explain/facts.js';

/** Precedes the facts in the user message (the fake server finds them by it too). */
export const FACTS_MARKER = 'FACTS (JSON):';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
  readonly toolCalls?: ReadonlyArray<{ id: string; name: string; arguments: string }>;
  readonly toolCallId?: string;
  readonly name?: string;
}

export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

const NARRATION_RULES = `You are the squad assistant of a Guild Wars 2 squad planner.
Explain the result the user message gives as JSON facts, for the player who asked.
Rules:
- Use only the facts. Do not add, remove or move players, professions, elite specializations, roles or boons.
- Name only professions, elite specializations, boons and players that appear in the facts.
- Capitalise boon names (Quickness, Alacrity, Might).
- Plain prose, 80 to 180 words, no headings, no JSON.`;

const TASKS: Record<ExplanationFacts['kind'], string> = {
  COMPOSE_SQUAD:
    'Explain this squad plan: what each subgroup brings, why the roles fit the mode, and what is still missing.',
  REVIEW_BUILD:
    'Review this build for the mode: the roles it can fill, what it brings, and the suggested traits and stats.',
  EXPLAIN_SYNERGY:
    'Explain how these specializations work together in one subgroup and what they still lack.',
};

export function narrationMessages(facts: ExplanationFacts): ChatMessage[] {
  return [
    { role: 'system', content: NARRATION_RULES },
    {
      role: 'user',
      content: `${TASKS[facts.kind]}\n\n${FACTS_MARKER}\n${JSON.stringify(facts.data)}`,
    },
  ];
}

export const PLAN_SQUAD_TOOL_NAME = 'plan_squad';

/** The optimizer's input as a tool: the model fills it from the player's words. */
export const PLAN_SQUAD_TOOL: ToolDefinition = {
  name: PLAN_SQUAD_TOOL_NAME,
  description:
    'Plan a squad with the exact optimizer. Fill only what the request states or clearly implies.',
  parameters: {
    type: 'object',
    properties: {
      gameMode: { type: 'string', enum: [...GAME_MODES] },
      size: { type: 'integer', minimum: 1, maximum: 50, description: 'Number of players' },
      locked: {
        type: 'array',
        description: 'Members the squad must contain, e.g. the player who asks',
        items: {
          type: 'object',
          properties: {
            playerName: { type: 'string', description: 'With a roster: the player to place' },
            specialization: { type: 'string', description: 'Elite specialization name' },
            roleKey: { type: 'string', description: 'A role key from the role table' },
            subgroup: { type: 'integer', minimum: 1, maximum: 10 },
          },
          required: ['subgroup'],
        },
      },
      priorities: {
        type: 'array',
        description: 'Requirements the request stresses, with a weight from 0 to 10',
        items: {
          type: 'object',
          properties: {
            capability: { type: 'string', enum: [...CAPABILITIES] },
            weight: { type: 'number', minimum: 0, maximum: 10 },
          },
          required: ['capability', 'weight'],
        },
      },
      maxPerSpecialization: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            specialization: { type: 'string' },
            max: { type: 'integer', minimum: 0 },
          },
          required: ['specialization', 'max'],
        },
      },
      notUnderstood: {
        type: 'array',
        description: 'Parts of the request, quoted, that none of the fields can express',
        items: { type: 'string' },
      },
    },
    required: ['gameMode', 'size'],
  },
};

function roleTable(): string {
  const lines = new Map<string, string[]>();
  for (const { elite, context, option } of listRoleOptions()) {
    const key = `${elite} ${context}`;
    lines.set(key, [...(lines.get(key) ?? []), option.key]);
  }
  return [...lines].map(([key, roles]) => `${key}: ${roles.join(', ')}`).join('\n');
}

const modeSizes = () =>
  GAME_MODES.map((mode: GameMode) => `${mode} up to ${GAME_MODE_MAX_SIZE[mode]}`).join(', ');

let parseRules: string | undefined;

/** A roster player as the parse prompt lists it. */
export interface RosterLine {
  readonly playerName: string;
  readonly builds: readonly string[];
}

/**
 * Messages asking the model to call plan_squad for `request`; with a roster (a team's members),
 * the players it may lock by name.
 */
export function parseMessages(request: string, roster: readonly RosterLine[] = []): ChatMessage[] {
  parseRules ??= `You turn a Guild Wars 2 player's request into one call of ${PLAN_SQUAD_TOOL_NAME}.
Game modes and their largest size: ${modeSizes()}. FRACTALS, RAID and STRIKES use PVE roles; HAVOC, ROAMING and ZERG use WVW roles.
Role keys by elite specialization and context:
${roleTable()}
Quote in notUnderstood every part of the request no field can express. Never invent players.`;
  const players = roster.length
    ? `\nThe roster (lock players by playerName, only these):\n${roster
        .map((line) => `${line.playerName}: ${line.builds.join(', ')}`)
        .join('\n')}`
    : '\nNo roster: lock specializations, not players.';
  return [
    { role: 'system', content: parseRules + players },
    { role: 'user', content: request },
  ];
}
