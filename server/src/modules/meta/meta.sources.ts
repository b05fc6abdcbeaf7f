/**
 * What the learning pipeline reads: the platform's own builds, teams, proposed plans and AI jobs
 * with their players' thumbs, player by player, in keyset-paged queries so memory holds one page
 * of rows and the small facts of one batch of players, never the whole table. Roles and capabilities come from the teams module (the
 * same rules as a team's coverage), coverage itself from the game package's core.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  GAME_MODES,
  getSpecialization,
  type BuildTemplate,
  type GameMode,
  type OwnerFacts,
  type PlanFact,
  type TeamFact,
  type TeamMemberFact,
} from '@gw2/game';
import type { StoredTraitLine } from '../builds/build.entity.js';
import {
  effectiveRole,
  memberCapabilities,
  type MemberBuildFacts,
} from '../teams/team.coverage.js';

/** Rows read per table, for the run's record and the rows-read metric. */
export type RowsRead = Record<string, number>;

export interface SourceOptions {
  /** Players per batch. */
  readonly batchSize: number;
  /** Rows per query page. */
  readonly pageSize: number;
}

/** The build columns facts are made of. */
interface BuildColumns {
  readonly name: string;
  readonly profession: string;
  readonly specializations: StoredTraitLine[];
  readonly template: BuildTemplate;
  readonly roles: string[];
}

interface BuildRow extends BuildColumns {
  readonly owner_id: string;
  readonly id: string;
  readonly game_modes: string[];
}

interface MemberRow extends BuildColumns {
  readonly team_id: string;
  readonly subgroup: number;
  readonly position: number;
  readonly role_key: string | null;
}

const BUILD_COLUMNS = `b.name, b.profession, b.specializations, b.template, b.roles`;
const LOWEST_UUID = '00000000-0000-0000-0000-000000000000';

function buildFacts(row: BuildColumns): MemberBuildFacts {
  return {
    name: row.name,
    specializationIds: row.specializations.map((line) => line.id),
    template: row.template,
    roles: row.roles,
  };
}

/** The elite's name, or the profession for a core build (as the optimizer names options). */
function specializationOf(facts: MemberBuildFacts, profession: string): string {
  for (const id of facts.specializationIds) {
    const specialization = getSpecialization(id);
    if (specialization?.elite) return specialization.name;
  }
  return profession;
}

const isGameMode = (value: string): value is GameMode =>
  (GAME_MODES as readonly string[]).includes(value);

/** Pages of `query` ordered by its key columns, resuming after the last row's key. */
async function* pages<T>(
  em: EntityManager,
  query: (after: readonly unknown[] | null) => [string, unknown[]],
  keyOf: (row: T) => unknown[],
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const [sql, params] = query(after);
    const rows = await em.execute<T[]>(`${sql} limit ?`, [...params, pageSize]);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows.at(-1)!);
  }
}

type MutableFacts = {
  -readonly [K in keyof OwnerFacts]: OwnerFacts[K][number][];
};

function emptyFacts(): MutableFacts {
  return { builds: [], teams: [], plans: [], aiJobs: [] };
}

const toRating = (value: number | null): -1 | 0 | 1 => (value === 1 ? 1 : value === -1 ? -1 : 0);

interface PlanRow {
  readonly owner_id: string;
  readonly id: string;
  readonly game_mode: string;
  readonly source: PlanFact['source'];
  readonly outcome: PlanFact['outcome'];
  readonly members: PlanFact['members'];
  readonly rating: number | null;
}

interface AiJobRow {
  readonly owner_id: string;
  readonly id: string;
  readonly kind: string;
  readonly source: string | null;
  readonly status: string;
  readonly rating: number | null;
}

/**
 * Every player's facts, one batch of players at a time, in user id order. `rows` is updated
 * as pages are read. Run it inside one REPEATABLE READ transaction for a consistent picture.
 */
export async function* ownerFacts(
  em: EntityManager,
  options: SourceOptions,
  rows: RowsRead,
): AsyncGenerator<OwnerFacts[]> {
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  let afterUser = LOWEST_UUID;
  for (;;) {
    const users = await em.execute<{ id: string }[]>(
      `select id from users where id > ? order by id limit ?`,
      [afterUser, options.batchSize],
    );
    count('users', users.length);
    if (users.length === 0) return;
    const first = users[0]!.id;
    const last = users.at(-1)!.id;
    afterUser = last;
    const facts = new Map(users.map((user) => [user.id, emptyFacts()]));

    for await (const page of pages<BuildRow>(
      em,
      (after) => [
        `select b.owner_id, b.id, ${BUILD_COLUMNS}, b.game_modes from builds b
         where b.owner_id between ? and ? ${after ? 'and (b.owner_id, b.id) > (?, ?)' : ''}
         order by b.owner_id, b.id`,
        [first, last, ...(after ?? [])],
      ],
      (row) => [row.owner_id, row.id],
      options.pageSize,
    )) {
      count('builds', page.length);
      for (const row of page) {
        const build = buildFacts(row);
        const specialization = specializationOf(build, row.profession);
        facts.get(row.owner_id)?.builds.push({
          modes: row.game_modes.filter(isGameMode).map((gameMode) => ({
            gameMode,
            specialization,
            roleKey: effectiveRole(build, null, gameMode)?.key ?? null,
          })),
        });
      }
    }

    const teams = new Map<string, TeamFact & { members: TeamMemberFact[] }>();
    for await (const page of pages<{
      id: string;
      owner_id: string;
      game_mode: string;
      size: number;
    }>(
      em,
      (after) => [
        `select t.id, t.owner_id, t.game_mode, t.size from teams t
         where t.owner_id between ? and ? ${after ? 'and (t.owner_id, t.id) > (?, ?)' : ''}
         order by t.owner_id, t.id`,
        [first, last, ...(after ?? [])],
      ],
      (row) => [row.owner_id, row.id],
      options.pageSize,
    )) {
      count('teams', page.length);
      for (const row of page) {
        if (!isGameMode(row.game_mode)) continue;
        const team = { gameMode: row.game_mode, size: row.size, members: [] };
        teams.set(row.id, team);
        facts.get(row.owner_id)?.teams.push(team);
      }
    }

    for await (const page of pages<MemberRow>(
      em,
      (after) => [
        `select m.team_id, m.subgroup, m.position, m.role_key, ${BUILD_COLUMNS}
         from team_members m join teams t on t.id = m.team_id join builds b on b.id = m.build_id
         where t.owner_id between ? and ?
         ${after ? 'and (m.team_id, m.subgroup, m.position) > (?, ?, ?)' : ''}
         order by m.team_id, m.subgroup, m.position`,
        [first, last, ...(after ?? [])],
      ],
      (row) => [row.team_id, row.subgroup, row.position],
      options.pageSize,
    )) {
      count('team_members', page.length);
      for (const row of page) {
        const team = teams.get(row.team_id);
        if (!team) continue;
        const build = buildFacts(row);
        const member = {
          id: `${row.team_id}/${row.subgroup}/${row.position}`,
          subgroup: row.subgroup,
          playerName: null,
          roleKey: row.role_key,
          build,
        };
        team.members.push({
          specialization: specializationOf(build, row.profession),
          roleKey: effectiveRole(build, row.role_key, team.gameMode)?.key ?? null,
          subgroup: row.subgroup,
          provides: memberCapabilities(member, team.gameMode),
        });
      }
    }

    // Plans proposed to the batch's players, with the thumbs each gave their own plan.
    for await (const page of pages<PlanRow>(
      em,
      (after) => [
        `select p.owner_id, p.id, p.game_mode, p.source, p.outcome, p.members, f.rating
         from squad_plans p left join feedback f on f.subject_type = 'SQUAD_PLAN'
           and f.subject_id = p.id and f.user_id = p.owner_id
         where p.owner_id between ? and ? ${after ? 'and (p.owner_id, p.id) > (?, ?)' : ''}
         order by p.owner_id, p.id`,
        [first, last, ...(after ?? [])],
      ],
      (row) => [row.owner_id, row.id],
      options.pageSize,
    )) {
      count('squad_plans', page.length);
      for (const row of page) {
        if (!isGameMode(row.game_mode)) continue;
        facts.get(row.owner_id)?.plans.push({
          gameMode: row.game_mode,
          source: row.source,
          outcome: row.outcome,
          rating: toRating(row.rating),
          members: row.members,
        });
      }
    }

    for await (const page of pages<AiJobRow>(
      em,
      (after) => [
        `select j.owner_id, j.id, j.kind, j.source, j.status, f.rating
         from ai_jobs j left join feedback f on f.subject_type = 'AI_JOB'
           and f.subject_id = j.id and f.user_id = j.owner_id
         where j.owner_id between ? and ? ${after ? 'and (j.owner_id, j.id) > (?, ?)' : ''}
         order by j.owner_id, j.id`,
        [first, last, ...(after ?? [])],
      ],
      (row) => [row.owner_id, row.id],
      options.pageSize,
    )) {
      count('ai_jobs', page.length);
      for (const row of page) {
        facts.get(row.owner_id)?.aiJobs.push({
          kind: row.kind,
          source: row.source,
          status: row.status,
          rating: toRating(row.rating),
        });
      }
    }

    yield users.map(({ id }) => facts.get(id)!);
  }
}
