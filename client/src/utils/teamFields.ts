import { GAME_MODE_MAX_SIZE, type GameMode } from '@gw2/game';
import type { TeamVisibility } from '../gql/graphql';

/** The fields a player sets on a team, both when creating it and in its settings. */
export interface TeamFields {
  name: string;
  gameMode: GameMode;
  size: number;
  visibility: TeamVisibility;
}

export const TEAM_NAME_MAX_LENGTH = 100;
export const TEAM_VISIBILITIES: readonly TeamVisibility[] = ['PRIVATE', 'UNLISTED', 'PUBLIC'];

/** True when the fields can be sent as they are: a name, and a whole size the mode allows. */
export function teamFieldsValid(fields: TeamFields): boolean {
  const name = fields.name.trim();
  return (
    name.length > 0 &&
    name.length <= TEAM_NAME_MAX_LENGTH &&
    Number.isInteger(fields.size) &&
    fields.size >= 1 &&
    fields.size <= GAME_MODE_MAX_SIZE[fields.gameMode]
  );
}

/**
 * The size after the mode changes: a size left at the old mode's full squad follows the new
 * mode's full squad (raid 10 → zerg 50); any other size is kept, cut to the new mode's maximum.
 */
export function sizeForMode(size: number, from: GameMode, to: GameMode): number {
  if (size === GAME_MODE_MAX_SIZE[from]) return GAME_MODE_MAX_SIZE[to];
  return Math.min(size, GAME_MODE_MAX_SIZE[to]);
}
