import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Accounts } from './Migration20261124000000Accounts.js';
import { Migration20261124010000Builds } from './Migration20261124010000Builds.js';
import { Migration20261124020000Teams } from './Migration20261124020000Teams.js';
import { Migration20261205000000Meta } from './Migration20261205000000Meta.js';
import { Migration20261206000000AiJobs } from './Migration20261206000000AiJobs.js';
import { Migration20261207100000Feedback } from './Migration20261207100000Feedback.js';

/** Applied in this order at start. Never edit a released migration: add a new one. */
export const migrations: readonly MigrationObject[] = [
  { name: 'Migration20261124000000Accounts', class: Migration20261124000000Accounts },
  { name: 'Migration20261124010000Builds', class: Migration20261124010000Builds },
  { name: 'Migration20261124020000Teams', class: Migration20261124020000Teams },
  { name: 'Migration20261205000000Meta', class: Migration20261205000000Meta },
  { name: 'Migration20261206000000AiJobs', class: Migration20261206000000AiJobs },
  { name: 'Migration20261207100000Feedback', class: Migration20261207100000Feedback },
];
