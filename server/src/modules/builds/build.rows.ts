import type { BuildTemplate } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BuildOwner } from './build.types.js';
import type { BuildRecord } from './build.mapper.js';

/**
 * Builds read for display only: fixed SQL returning plain rows, no managed entities and no
 * query builder (building the same three statements per request cost more CPU than running
 * them; see docs/PERFORMANCE.md). Writes load entities as before. Only the columns the API
 * shows: `specializations`, `skills` and `weapons` repeat the template for filtering.
 * Values are always parameters (`?`), formatted by the ORM's connection as for its own queries.
 */
const DISPLAYED = `b."id", b."owner_id" as "owner", b."name", b."profession",
  b."template"::text as "templateText", b."chat_code" as "chatCode",
  b."game_modes" as "gameModes", b."roles", b."stat_prefix" as "statPrefix", b."notes",
  b."visibility", b."created_at" as "createdAt", b."updated_at" as "updatedAt"`;

type RawRow = Omit<BuildRecord, 'owner' | 'template' | 'createdAt' | 'updatedAt'> & {
  readonly owner: string;
  readonly templateText: string;
  // The ORM's pg connection leaves timestamps as text (its own types convert them).
  readonly createdAt: string | Date;
  readonly updatedAt: string | Date;
};

/** A WHERE clause over `builds as b`: conditions joined with `and`, with their parameters. */
export class BuildConditions {
  private readonly sql: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.sql.push(sql);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.sql.length > 0 ? this.sql.join(' and ') : 'true';
  }
}

function toRecord({ owner, templateText, createdAt, updatedAt, ...row }: RawRow): BuildRecord {
  let template: BuildTemplate | undefined;
  return {
    ...row,
    owner: { id: owner },
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    // Parsed when first read: a page of names and chat codes never needs the template (the
    // largest column), and parsing it for every row was a good part of the page's garbage.
    get template() {
      return (template ??= JSON.parse(templateText) as BuildTemplate);
    },
  };
}
const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** One page, newest first: `limit` rows matching `where` (and `before`, a keyset cursor). */
export async function readBuildPage(
  em: EntityManager,
  where: BuildConditions,
  limit: number,
  before?: { readonly createdAt: Date; readonly id: string },
): Promise<BuildRecord[]> {
  const params = [...where.params];
  let sql = `select ${DISPLAYED} from "builds" as b where ${where}`;
  if (before) {
    sql += ` and (b."created_at", b."id") < (?, cast(? as uuid))`;
    params.push(before.createdAt, before.id);
  }
  sql += ` order by b."created_at" desc, b."id" desc limit ?`;
  params.push(limit);
  const rows = await em.getConnection().execute<RawRow[]>(sql, params, 'all');
  return rows.map(toRecord);
}

export async function countBuilds(em: EntityManager, where: BuildConditions): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<Array<{ count: number }>>(
      `select count(*)::int as "count" from "builds" as b where ${where}`,
      where.params,
      'all',
    );
  return row?.count ?? 0;
}

/** Builds by id (valid uuids only), whoever may see them: callers check visibility. */
export async function readBuildsById(
  em: EntityManager,
  ids: readonly string[],
): Promise<BuildRecord[]> {
  if (ids.length === 0) return [];
  const rows = await em
    .getConnection()
    .execute<RawRow[]>(
      `select ${DISPLAYED} from "builds" as b where b."id" in (${placeholders(ids.length)})`,
      [...ids],
      'all',
    );
  return rows.map(toRecord);
}

/** Only the public columns of users, as plain rows. */
export async function readOwners(em: EntityManager, ids: readonly string[]): Promise<BuildOwner[]> {
  if (ids.length === 0) return [];
  return em
    .getConnection()
    .execute<BuildOwner[]>(
      `select "id", "username" from "users" where "id" in (${placeholders(ids.length)})`,
      [...ids],
      'all',
    );
}
