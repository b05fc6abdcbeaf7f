import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Accounts } from './Migration20261124000000Accounts.js';

/** Applied in this order at start. Never edit a released migration: add a new one. */
export const migrations: readonly MigrationObject[] = [
  { name: 'Migration20261124000000Accounts', class: Migration20261124000000Accounts },
];
