import type { AuthzRow } from '../authz-table.js';

const ADMINS_ONLY = {
  anonymous: 'UNAUTHENTICATED',
  otherUser: 'FORBIDDEN',
  owner: 'FORBIDDEN',
} as const;

/**
 * The meta's public aggregates are open to everyone (privacy comes from the minimum sample size);
 * running and steering the pipeline is for admins (server/test/meta/meta-api.test.ts signs one in).
 */
export const metaRows: readonly AuthzRow[] = [
  {
    operation: 'metaSnapshot',
    document: '{ metaSnapshot(gameMode: RAID) { gameMode enoughData } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'metaHistory',
    document: '{ metaHistory(gameMode: RAID) { snapshot { version } } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'metaPipelineRuns',
    document: '{ metaPipelineRuns { id status } }',
    expectations: ADMINS_ONLY,
  },
  {
    operation: 'runMetaPipeline',
    document: 'mutation { runMetaPipeline { status } }',
    expectations: ADMINS_ONLY,
  },
  {
    operation: 'pinMetaSnapshot',
    document: 'mutation { pinMetaSnapshot(version: 1) { version } }',
    expectations: ADMINS_ONLY,
  },
  {
    operation: 'unpinMetaSnapshot',
    document: 'mutation { unpinMetaSnapshot }',
    expectations: ADMINS_ONLY,
  },
  {
    operation: 'rollbackMetaSnapshot',
    document: 'mutation { rollbackMetaSnapshot(toVersion: 1) { version } }',
    expectations: ADMINS_ONLY,
  },
];
