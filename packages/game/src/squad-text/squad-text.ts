/**
 * A squad plan as the text commanders paste: plain squad-chat lines (one per subgroup, short
 * enough for the game's chat box) or Discord markdown. Plain data in, a string out.
 */
import { SUBGROUP_SIZE, type Capability, type GameMode } from '../model.js';

export const SQUAD_TEXT_FORMATS = ['SQUAD_CHAT', 'DISCORD'] as const;
export type SquadTextFormat = (typeof SQUAD_TEXT_FORMATS)[number];

/** The game's chat box takes at most this many characters per message. */
export const SQUAD_CHAT_LINE_LIMIT = 199;

export interface SquadTextMember {
  /** Player name; null when the member has none (the build name stands in). */
  readonly player: string | null;
  /** Build name; null when its owner made it private. */
  readonly build: string | null;
  /** Elite specialization, else profession; null when the build is hidden. */
  readonly spec: string | null;
  /** The role played (e.g. "Quickness DPS"); null when unknown. */
  readonly role: string | null;
}

export interface SquadTextSubgroup {
  /** 1-based. */
  readonly number: number;
  /** In position order. */
  readonly members: readonly SquadTextMember[];
  /** What the subgroup lacks against the mode's per-subgroup requirements. */
  readonly missing: readonly Capability[];
}

export interface SquadTextInput {
  readonly name: string;
  readonly gameMode: GameMode;
  readonly size: number;
  readonly subgroups: readonly SquadTextSubgroup[];
  /** What the whole squad lacks against squad-wide requirements. */
  readonly squadMissing: readonly Capability[];
}

const MODE_NAMES: Readonly<Record<GameMode, string>> = {
  FRACTALS: 'Fractals',
  RAID: 'Raid',
  STRIKES: 'Strikes',
  HAVOC: 'Havoc',
  ROAMING: 'Roaming',
  ZERG: 'WvW zerg',
};

/** "CONDITION_CLEANSE" → "condition cleanse". */
function capabilityWords(capability: Capability): string {
  return capability.toLowerCase().replace(/_/g, ' ');
}

function missingWords(missing: readonly Capability[]): string {
  return missing.map(capabilityWords).join(', ');
}

function memberCount(input: SquadTextInput): number {
  return input.subgroups.reduce((sum, group) => sum + group.members.length, 0);
}

/** "Fira (Firebrand, Heal quickness)"; the build name stands in for a missing player name. */
function chatMember(member: SquadTextMember): string {
  const name = member.player ?? member.build ?? 'Hidden build';
  const details = [member.spec, member.role].filter((part): part is string => !!part);
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

/** Joins parts into lines of at most `limit` characters, each starting with `head`. */
function wrap(head: string, parts: readonly string[], separator: string, limit: number): string[] {
  const lines: string[] = [];
  let line = head;
  let empty = true;
  for (const part of parts) {
    const next = empty ? `${line}${part}` : `${line}${separator}${part}`;
    if (!empty && next.length > limit) {
      lines.push(line);
      line = `${head}${part}`;
    } else {
      line = next;
    }
    empty = false;
  }
  lines.push(line.length > limit ? `${line.slice(0, limit - 1)}…` : line);
  return lines;
}

function squadChat(input: SquadTextInput): string {
  const lines = [
    `${input.name} — ${MODE_NAMES[input.gameMode]}, ${memberCount(input)}/${input.size}`,
  ];
  for (const group of input.subgroups) {
    if (group.members.length === 0 && group.missing.length === 0) continue;
    const parts = group.members.map(chatMember);
    if (group.members.length === 0) parts.push('empty');
    if (group.missing.length > 0) parts.push(`NEEDS ${missingWords(group.missing)}`);
    lines.push(...wrap(`G${group.number}: `, parts, ' | ', SQUAD_CHAT_LINE_LIMIT));
  }
  if (input.squadMissing.length > 0) {
    lines.push(
      ...wrap('Squad NEEDS ', [missingWords(input.squadMissing)], ', ', SQUAD_CHAT_LINE_LIMIT),
    );
  }
  return lines.join('\n');
}

/** Discord markdown special characters in player-chosen text, escaped. */
function md(text: string): string {
  return text.replace(/([\\*_~`|>#[\]()-])/g, '\\$1');
}

function discordMember(member: SquadTextMember): string {
  const name = member.player ?? member.build ?? 'Hidden build';
  const details = [member.spec, member.role].filter((part): part is string => !!part);
  const build = member.player && member.build ? ` · ${md(member.build)}` : '';
  return `- **${md(name)}**${details.length > 0 ? ` — ${details.map(md).join(' · ')}` : ''}${build}`;
}

function discord(input: SquadTextInput): string {
  const lines = [
    `## ${md(input.name)}`,
    `${MODE_NAMES[input.gameMode]} · ${memberCount(input)}/${input.size} players`,
  ];
  for (const group of input.subgroups) {
    lines.push('', `**Subgroup ${group.number}** (${group.members.length}/${SUBGROUP_SIZE})`);
    if (group.members.length === 0) lines.push('- *empty*');
    lines.push(...group.members.map(discordMember));
    if (group.missing.length > 0) lines.push(`> ⚠️ Missing: ${missingWords(group.missing)}`);
  }
  if (input.squadMissing.length > 0) {
    lines.push('', `> ⚠️ Squad missing: ${missingWords(input.squadMissing)}`);
  }
  return lines.join('\n');
}

/** The squad as text in one of the two forms commanders paste. */
export function formatSquadText(input: SquadTextInput, format: SquadTextFormat): string {
  return format === 'DISCORD' ? discord(input) : squadChat(input);
}
