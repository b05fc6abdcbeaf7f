import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

interface RealCode {
  name: string;
  code: string;
  source: string;
  profession: string;
  specializations: string[];
}

/** Build chat codes published by their authors (sources in the file), as the codec tests use. */
const realCodes = (
  JSON.parse(
    readFileSync(
      new URL('../../packages/game/src/codec/real-build-codes.json', import.meta.url),
      'utf8',
    ),
  ) as { codes: RealCode[] }
).codes;

export function realCode(name: string): RealCode {
  const found = realCodes.find((entry) => entry.name === name);
  if (!found) throw new Error(`no real build code named "${name}"`);
  return found;
}

export interface NewUser {
  username: string;
  email: string;
  password: string;
}

/** A unique account per run, so specs never depend on each other's data. */
export function newUser(prefix: string): NewUser {
  const suffix = randomUUID().slice(0, 8);
  const username = `${prefix}_${suffix}`;
  return { username, email: `${username}@example.org`, password: `pw-${randomUUID()}` };
}
