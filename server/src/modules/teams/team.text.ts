/**
 * `Team.asText`: the squad as the text commanders paste, from the team's members and coverage
 * as the API already shows them (the formatter is the pure core in @gw2/game).
 */
import type { Capability, SquadTextInput } from '@gw2/game';
import { registerEnumType } from 'type-graphql';
import type { Team, TeamCoverage, TeamMember } from './team.types.js';

export enum SquadTextFormat {
  SQUAD_CHAT = 'SQUAD_CHAT',
  DISCORD = 'DISCORD',
}
registerEnumType(SquadTextFormat, {
  name: 'SquadTextFormat',
  description:
    "SQUAD_CHAT: plain lines for the game's squad chat, one per subgroup (continued when over 199 characters). DISCORD: markdown with a list per subgroup",
});

function specOf(member: TeamMember): string | null {
  const { build } = member;
  if (!build) return null;
  const elite = build.specializations.find((line) => line.specialization.elite);
  return elite?.specialization.name ?? build.profession.name;
}

/** The formatter's input: subgroups with their members in position order and their gaps. */
export function squadTextInput(
  team: Team,
  members: readonly TeamMember[],
  coverage: TeamCoverage,
): SquadTextInput {
  const missingIn = (subgroup: number | null): Capability[] =>
    coverage.gaps.filter((gap) => gap.subgroup === subgroup).map((gap) => gap.capability);
  // Every subgroup the size calls for, and any a member still sits in after the size shrank.
  const numbers = [
    ...new Set([
      ...coverage.subgroups.map((group) => group.subgroup),
      ...members.map((member) => member.subgroup),
    ]),
  ].sort((a, b) => a - b);
  return {
    name: team.name,
    gameMode: team.gameMode,
    size: team.size,
    subgroups: numbers.map((subgroup) => ({
      number: subgroup,
      members: members
        .filter((member) => member.subgroup === subgroup)
        .sort((a, b) => a.position - b.position)
        .map((member) => ({
          player: member.playerName,
          build: member.build?.name ?? null,
          spec: specOf(member),
          role: member.role?.label ?? null,
        })),
      missing: missingIn(subgroup),
    })),
    squadMissing: missingIn(null),
  };
}
