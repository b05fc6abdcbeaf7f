import { BadUserInputError } from '../../platform/graphql/errors.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
// Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX_LENGTH = 254;
/** Longest sign-in identifier worth looking up (an e-mail address at most). */
export const LOGIN_MAX_LENGTH = EMAIL_MAX_LENGTH;

/** Trimmed and lower-cased: `" Zerg@Example.COM"` and `"zerg@example.com"` are one account. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** The case-insensitive key usernames are unique on. */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}

export function checkEmail(email: string, field = 'email'): string {
  const normalised = normaliseEmail(email);
  if (normalised.length > EMAIL_MAX_LENGTH || !EMAIL.test(normalised))
    throw new BadUserInputError('Enter a valid e-mail address.', { field });
  return normalised;
}

export function checkUsername(username: string, field = 'username'): string {
  if (!USERNAME.test(username))
    throw new BadUserInputError(
      'A username has 3 to 32 characters: letters, digits, underscore, dot or hyphen.',
      { field },
    );
  return username;
}

/** Length in characters (code points), so a passphrase of emoji is not cut short. */
export function checkNewPassword(password: string, field = 'password'): string {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
    throw new BadUserInputError(
      `A password has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
      { field },
    );
  return password;
}
