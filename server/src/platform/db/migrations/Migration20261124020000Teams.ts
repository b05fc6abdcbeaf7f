import { Migration } from '@mikro-orm/migrations';

/**
 * Teams, their members and shares. Plain SQL that runs on PostgreSQL 15 (server) and 18 (PGlite).
 * The slot constraint is deferred so that swapping two members inside one transaction works.
 */
export class Migration20261124020000Teams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "teams" (
        "id" uuid not null primary key,
        "owner_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "name" varchar(100) not null,
        "game_mode" varchar(16) not null
          check ("game_mode" in ('FRACTALS', 'RAID', 'STRIKES', 'HAVOC', 'ROAMING', 'ZERG')),
        "size" integer not null check ("size" between 1 and 50),
        "visibility" varchar(16) not null default 'PRIVATE'
          check ("visibility" in ('PRIVATE', 'UNLISTED', 'PUBLIC')),
        "version" integer not null default 1,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );`);
    this.addSql(`create index "teams_owner_id_index" on "teams" ("owner_id");`);
    this.addSql(
      `create index "teams_visibility_created_at_index" on "teams" ("visibility", "created_at" desc, "id" desc);`,
    );
    this.addSql(`
      create table "team_members" (
        "id" uuid not null primary key,
        "team_id" uuid not null references "teams" ("id") on update cascade on delete cascade,
        "build_id" uuid not null references "builds" ("id") on update cascade on delete cascade,
        "player_name" varchar(64) null,
        "role_key" varchar(64) null,
        "subgroup" integer not null check ("subgroup" between 1 and 10),
        "position" integer not null check ("position" between 1 and 5),
        "created_at" timestamptz not null,
        constraint "team_members_slot_unique" unique ("team_id", "subgroup", "position")
          deferrable initially deferred
      );`);
    this.addSql(`create index "team_members_build_id_index" on "team_members" ("build_id");`);
    this.addSql(`
      create table "team_shares" (
        "id" uuid not null primary key,
        "team_id" uuid not null references "teams" ("id") on update cascade on delete cascade,
        "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "access" varchar(8) not null check ("access" in ('VIEW', 'EDIT')),
        "created_at" timestamptz not null,
        constraint "team_shares_team_id_user_id_unique" unique ("team_id", "user_id")
      );`);
    this.addSql(`create index "team_shares_user_id_index" on "team_shares" ("user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "team_shares";`);
    this.addSql(`drop table if exists "team_members";`);
    this.addSql(`drop table if exists "teams";`);
  }
}
