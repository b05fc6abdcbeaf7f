import { Migration } from '@mikro-orm/migrations';

/** Saved builds. Plain SQL that runs on PostgreSQL 15 (server) and 18 (PGlite). */
export class Migration20261124010000Builds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "builds" (
        "id" uuid not null primary key,
        "owner_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "name" varchar(100) not null,
        "profession" varchar(32) not null,
        "specializations" jsonb not null,
        "skills" jsonb not null,
        "weapons" jsonb not null,
        "template" jsonb not null,
        "chat_code" text not null,
        "game_modes" jsonb not null,
        "roles" jsonb not null,
        "stat_prefix" varchar(64) null,
        "notes" text not null default '' check (octet_length("notes") <= 10240),
        "visibility" varchar(16) not null default 'PRIVATE'
          check ("visibility" in ('PRIVATE', 'UNLISTED', 'PUBLIC')),
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );`);
    this.addSql(`create index "builds_owner_id_index" on "builds" ("owner_id");`);
    this.addSql(
      `create index "builds_visibility_created_at_index" on "builds" ("visibility", "created_at" desc, "id" desc);`,
    );
    this.addSql(`create index "builds_profession_index" on "builds" ("profession");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "builds";`);
  }
}
