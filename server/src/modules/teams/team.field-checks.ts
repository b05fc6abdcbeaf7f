import { BadUserInputError } from '../../platform/graphql/errors.js';
import { PLAYER_NAME_MAX_LENGTH } from './team.rules.js';

/** The name without surrounding blanks: BAD_USER_INPUT at `field` when empty or too long. */
export function trimmedName(value: string, field: string, max: number): string {
  const name = value.trim();
  if (name.length === 0 || name.length > max) {
    throw new BadUserInputError(`A name has from 1 to ${max} characters.`, {
      field,
      reason: 'INVALID_NAME',
    });
  }
  return name;
}

/** A blank player name clears it. */
export function optionalPlayerName(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  return trimmedName(value, 'input.playerName', PLAYER_NAME_MAX_LENGTH);
}

/** BAD_USER_INPUT at `field` when a rule found a problem. */
export function invalid(problem: string | null, field: string, reason: string): void {
  if (problem !== null) throw new BadUserInputError(problem, { field, reason });
}
