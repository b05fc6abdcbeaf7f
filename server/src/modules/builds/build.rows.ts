import type { QueryBuilder } from '@mikro-orm/postgresql';
import type { Build } from './build.entity.js';
import type { BuildRecord } from './build.mapper.js';

/**
 * Builds read for display only: plain rows, no managed entities (no identity map, no unit of
 * work to register them with; writes load entities as before). Only the columns the API shows:
 * `specializations`, `skills` and `weapons` repeat the template for filtering.
 */
const DISPLAYED = [
  'id',
  'owner',
  'name',
  'template',
  'chatCode',
  'gameModes',
  'roles',
  'statPrefix',
  'notes',
  'visibility',
  'createdAt',
  'updatedAt',
] as const;

type RawRow = Omit<BuildRecord, 'owner'> & { readonly owner: string };

/** Runs the query builder's query for the displayed columns, as records. */
export async function readBuildRows(query: QueryBuilder<Build>): Promise<BuildRecord[]> {
  const rows = await query.select([...DISPLAYED]).execute<RawRow[]>('all', true);
  return rows.map((row) => ({ ...row, owner: { id: row.owner } }));
}
