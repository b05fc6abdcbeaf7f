import { Migration } from '@mikro-orm/migrations';

/**
 * The learning pipeline's signals from players (issue 14): the plans signed-in players were
 * proposed and what became of them, and one thumbs up/down per player per plan or AI job.
 * Plain SQL for PostgreSQL 15 (server) and 18 (PGlite).
 */
export class Migration20261207100000Feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "squad_plans" (
        "id" uuid not null primary key,
        "owner_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "game_mode" varchar(16) not null,
        "size" integer not null,
        "source" varchar(16) not null check ("source" in ('OPTIMIZER', 'ASSISTANT')),
        "members" jsonb not null,
        "outcome" varchar(16) not null default 'OPEN'
          check ("outcome" in ('OPEN', 'APPLIED', 'DISCARDED')),
        "created_at" timestamptz not null,
        "decided_at" timestamptz null
      );`);
    // The pipeline reads plans owner by owner (keyset on owner_id, id).
    this.addSql(`create index "squad_plans_owner_index" on "squad_plans" ("owner_id", "id");`);
    this.addSql(`
      create table "feedback" (
        "id" uuid not null primary key,
        "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "subject_type" varchar(16) not null check ("subject_type" in ('AI_JOB', 'SQUAD_PLAN')),
        "subject_id" uuid not null,
        "rating" smallint not null check ("rating" in (-1, 1)),
        "reason" text null check (char_length("reason") <= 500),
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        constraint "feedback_one_per_subject" unique ("user_id", "subject_type", "subject_id")
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "feedback";`);
    this.addSql(`drop table if exists "squad_plans";`);
  }
}
