/**
 * A team as live subscribers see it, read in one statement: the team, its owner, its members
 * with their builds and the builds' owners, and its shares. Every subscriber of the team on
 * this instance is answered from the same snapshot: its access is decided from the snapshot's
 * owner, visibility and shares, and its fields resolve without touching the database.
 */
import type { GameMode } from '@gw2/game';
import type { Viewer } from '../../platform/graphql/context.js';
import type { BuildVisibility, StoredTraitLine } from '../builds/build.entity.js';
import type { BuildRecord } from '../builds/build.mapper.js';
import type { TeamShareAccess, TeamVisibility } from './team.entity.js';
import type { TeamReadScope, ShareRecord } from './team.loaders.js';
import type { MemberRecord, TeamRecord, UserRecord } from './team.mapper.js';
import { teamAccess, type TeamAccess } from './team.rules.js';

export interface TeamSnapshot extends TeamRecord {
  readonly ownerName: string;
  readonly members: readonly MemberRecord[];
  /** Oldest share first. */
  readonly shares: readonly ShareRecord[];
  /** Share access by user id, for access checks. */
  readonly shareOf: ReadonlyMap<string, TeamShareAccess>;
  /** Owners of the members' builds (for `build { owner }`). */
  readonly buildOwners: readonly UserRecord[];
}

/** Runs one SQL statement with `?` placeholders and returns its rows. */
export type SqlRunner = <T>(sql: string, params: readonly unknown[]) => Promise<T[]>;

const SNAPSHOT_SQL = `
select t."id", t."owner_id", o."username" as "owner_name", t."name", t."game_mode", t."size",
  t."visibility", t."version", t."created_at", t."updated_at",
  coalesce((
    select json_agg(json_build_object(
      'id', m."id", 'subgroup', m."subgroup", 'position', m."position",
      'playerName', m."player_name", 'roleKey', m."role_key",
      'build', json_build_object(
        'id', b."id", 'ownerId', b."owner_id", 'ownerName', bo."username", 'name', b."name",
        'profession', b."profession",
        'specializations', b."specializations", 'template', b."template",
        'chatCode', b."chat_code", 'gameModes', b."game_modes", 'roles', b."roles",
        'statPrefix', b."stat_prefix", 'notes', b."notes", 'visibility', b."visibility",
        'createdAt', b."created_at", 'updatedAt', b."updated_at"))
      order by m."subgroup", m."position")
    from "team_members" m
    join "builds" b on b."id" = m."build_id"
    join "users" bo on bo."id" = b."owner_id"
    where m."team_id" = t."id"), '[]') as "members",
  coalesce((
    select json_agg(json_build_object('userId', s."user_id", 'username', u."username",
      'access', s."access") order by s."created_at", s."id")
    from "team_shares" s join "users" u on u."id" = s."user_id"
    where s."team_id" = t."id"), '[]') as "shares"
from "teams" t join "users" o on o."id" = t."owner_id"
where t."id" = ?`;

interface SnapshotRow {
  id: string;
  owner_id: string;
  owner_name: string;
  name: string;
  game_mode: GameMode;
  size: number;
  visibility: TeamVisibility;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  members: Array<{
    id: string;
    subgroup: number;
    position: number;
    playerName: string | null;
    roleKey: string | null;
    build: Omit<
      BuildRecord,
      'owner' | 'createdAt' | 'updatedAt' | 'visibility' | 'specializations'
    > & {
      ownerId: string;
      ownerName: string;
      visibility: BuildVisibility;
      specializations: StoredTraitLine[];
      createdAt: string;
      updatedAt: string;
    };
  }>;
  shares: Array<{ userId: string; username: string; access: TeamShareAccess }>;
}

/** The team's snapshot, or null when it no longer exists. */
export async function loadTeamSnapshot(
  run: SqlRunner,
  teamId: string,
): Promise<TeamSnapshot | null> {
  const [row] = await run<SnapshotRow>(SNAPSHOT_SQL, [teamId]);
  if (!row) return null;
  const buildOwners = new Map<string, UserRecord>();
  const members = row.members.map((member): MemberRecord => {
    const { ownerId, ownerName, createdAt, updatedAt, ...build } = member.build;
    buildOwners.set(ownerId, { id: ownerId, username: ownerName });
    return {
      id: member.id,
      subgroup: member.subgroup,
      position: member.position,
      playerName: member.playerName,
      roleKey: member.roleKey,
      build: {
        ...build,
        owner: { id: ownerId },
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt),
      },
    };
  });
  const shares = row.shares.map((share) => ({
    user: { id: share.userId, username: share.username },
    access: share.access,
  }));
  return {
    id: row.id,
    owner: { id: row.owner_id },
    ownerName: row.owner_name,
    name: row.name,
    gameMode: row.game_mode,
    size: row.size,
    visibility: row.visibility,
    version: row.version,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    members,
    shares,
    shareOf: new Map(row.shares.map((share) => [share.userId, share.access])),
    buildOwners: [...buildOwners.values()],
  };
}

/** What the viewer may do with the team, from the snapshot alone. */
export function snapshotAccess(snapshot: TeamSnapshot, viewer: Viewer | null): TeamAccess {
  return teamAccess(
    {
      ownerId: snapshot.owner.id,
      visibility: snapshot.visibility,
      share: viewer ? (snapshot.shareOf.get(viewer.userId) ?? null) : null,
    },
    viewer?.userId ?? null,
  );
}

/** Resolves a live team's fields from its snapshot (no statement). */
export function snapshotReadScope(snapshot: TeamSnapshot, viewer: Viewer | null): TeamReadScope {
  const owner: UserRecord = { id: snapshot.owner.id, username: snapshot.ownerName };
  const viewerShare = viewer ? (snapshot.shareOf.get(viewer.userId) ?? null) : null;
  return {
    viewer,
    membersByTeam: { load: async () => snapshot.members },
    usersById: {
      load: async (id) =>
        id === owner.id ? owner : (snapshot.buildOwners.find((user) => user.id === id) ?? null),
    },
    viewerShareByTeam: { load: async () => viewerShare },
    sharesByTeam: { load: async () => snapshot.shares },
  };
}
