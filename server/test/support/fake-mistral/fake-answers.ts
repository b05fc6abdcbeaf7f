/**
 * What the fake model answers when a test scripts nothing: a narration that uses only the
 * facts in the prompt (so it passes the grounding check), and tool arguments read from the
 * request with a few keywords (enough for demos; tests script exact arguments).
 */
import { GAME_MODE_MAX_SIZE, listSpecializations, type GameMode } from '@gw2/game';
import type { ChatRequestBody } from './fake-mistral.js';

/** The marker the server's prompts put before the facts (see modules/ai/model/prompts.ts). */
const FACTS_MARKER = 'FACTS (JSON):';

interface Member {
  player: string;
  specialization: string;
  role: string;
}
interface Facts {
  gameMode?: string;
  size?: number;
  subgroups?: Array<{ number: number; members: Member[]; provides: string[] }>;
  gaps?: string[];
  specialization?: string | null;
  roles?: Array<{ role: string; provides: string[] }>;
  entries?: Array<{ name: string; provides: string[] }>;
  summary?: string;
}

const titleCase = (word: string) => word.charAt(0) + word.slice(1).toLowerCase().replace(/_/g, ' ');
const BOON_LIKE =
  /^(AEGIS|ALACRITY|FURY|MIGHT|PROTECTION|QUICKNESS|REGENERATION|RESISTANCE|RESOLUTION|STABILITY|SWIFTNESS|VIGOR)$/;
const boons = (capabilities: readonly string[]) =>
  capabilities.filter((c) => BOON_LIKE.test(c)).map(titleCase);
const and = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function factsOf(body: ChatRequestBody): Facts | undefined {
  const user = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const at = user.indexOf(FACTS_MARKER);
  if (at < 0) return undefined;
  try {
    return JSON.parse(user.slice(at + FACTS_MARKER.length)) as Facts;
  } catch {
    return undefined;
  }
}

export function defaultNarration(body: ChatRequestBody): string {
  const facts = factsOf(body);
  if (!facts) return 'I can only explain plans I am given.';
  const lines: string[] = [];
  if (facts.subgroups) {
    lines.push(`Here is how this ${facts.size ?? ''}-player squad fits together.`);
    for (const group of facts.subgroups) {
      const who = group.members.map((m) => `${m.player} plays ${m.specialization} (${m.role})`);
      const brings = boons(group.provides);
      lines.push(
        `In subgroup ${group.number}, ${and(who)}${brings.length ? `, bringing ${and(brings)}` : ''}.`,
      );
    }
    lines.push(
      facts.gaps?.length
        ? `Keep in mind: ${facts.gaps.join('; ')}.`
        : 'Every requirement is covered.',
    );
  } else if (facts.roles) {
    lines.push(`As ${facts.specialization ?? 'a core build'}, this build can play:`);
    for (const role of facts.roles)
      lines.push(`${role.role}, bringing ${and(boons(role.provides))}.`);
  } else if (facts.entries) {
    lines.push(`${and(facts.entries.map((e) => e.name))} together: ${facts.summary ?? ''}`);
  }
  return lines.join(' ');
}

const MODE_WORDS: ReadonlyArray<[RegExp, GameMode]> = [
  [/\bfractals?\b/i, 'FRACTALS'],
  [/\braids?\b/i, 'RAID'],
  [/\bstrikes?\b/i, 'STRIKES'],
  [/\bhavoc\b/i, 'HAVOC'],
  [/\broam(ing)?\b/i, 'ROAMING'],
  [/\b(zerg|wvw|blob)\b/i, 'ZERG'],
];

export function defaultToolArguments(body: ChatRequestBody): Record<string, unknown> {
  const request = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const gameMode = MODE_WORDS.find(([pattern]) => pattern.test(request))?.[1] ?? 'RAID';
  const number = /\b(\d{1,2})\b/.exec(request)?.[1];
  const size = Math.min(
    GAME_MODE_MAX_SIZE[gameMode],
    number ? Number(number) : GAME_MODE_MAX_SIZE[gameMode],
  );
  const locked = listSpecializations({ elite: true })
    .filter((s) => new RegExp(`\\b${s.name}\\b`, 'i').test(request))
    .map((s) => ({ specialization: s.name, subgroup: 1 }));
  return { gameMode, size, ...(locked.length ? { locked } : {}) };
}
