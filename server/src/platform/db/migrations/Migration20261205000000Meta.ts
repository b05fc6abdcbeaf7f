import { Migration } from '@mikro-orm/migrations';

/**
 * The learning pipeline: one meta snapshot per period (a UTC day), the runs that made them.
 * Plain SQL that runs on PostgreSQL 15 (server) and 18 (PGlite).
 */
export class Migration20261205000000Meta extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "meta_snapshots" (
        "version" serial primary key,
        "period" varchar(16) not null unique,
        "format_version" integer not null,
        "min_sample" integer not null check ("min_sample" >= 1),
        "requirements_version" varchar(32) not null,
        "roles_version" varchar(32) not null,
        "data" jsonb not null,
        "created_at" timestamptz not null,
        "pinned_at" timestamptz null,
        "withdrawn_at" timestamptz null
      );`);
    // At most one pinned snapshot: the one the optimizer uses whatever runs after it.
    this.addSql(
      `create unique index "meta_snapshots_one_pinned" on "meta_snapshots" ((true)) where "pinned_at" is not null;`,
    );
    this.addSql(`
      create table "meta_pipeline_runs" (
        "id" uuid not null primary key,
        "period" varchar(16) not null,
        "trigger" varchar(16) not null check ("trigger" in ('SCHEDULE', 'MANUAL')),
        "status" varchar(16) not null check ("status" in ('RUNNING', 'SUCCEEDED', 'FAILED')),
        "snapshot_version" integer null references "meta_snapshots" ("version") on delete set null,
        "rows_read" jsonb not null default '{}',
        "duration_ms" integer null,
        "error_message" text null,
        "host" varchar(128) not null,
        "started_at" timestamptz not null,
        "finished_at" timestamptz null
      );`);
    this.addSql(
      `create index "meta_pipeline_runs_started_at_index" on "meta_pipeline_runs" ("started_at" desc);`,
    );

    // The pipeline reads builds and teams player by player, in pages in (owner, id) order.
    this.addSql(`create index "builds_owner_id_id_index" on "builds" ("owner_id", "id");`);
    this.addSql(`create index "teams_owner_id_id_index" on "teams" ("owner_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "teams_owner_id_id_index";`);
    this.addSql(`drop index if exists "builds_owner_id_id_index";`);
    this.addSql(`drop table if exists "meta_pipeline_runs";`);
    this.addSql(`drop table if exists "meta_snapshots";`);
  }
}
