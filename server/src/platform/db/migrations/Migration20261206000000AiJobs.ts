import { Migration } from '@mikro-orm/migrations';

/** AI assistant jobs (issue 16). Plain SQL for PostgreSQL 15 (server) and 18 (PGlite). */
export class Migration20261206000000AiJobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "ai_jobs" (
        "id" uuid not null primary key,
        "owner_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "kind" varchar(16) not null
          check ("kind" in ('COMPOSE_SQUAD', 'REVIEW_BUILD', 'EXPLAIN_SYNERGY')),
        "input" jsonb not null,
        "status" varchar(16) not null default 'QUEUED'
          check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
        "phase" varchar(16) not null default 'QUEUED',
        "progress" double precision not null default 0 check ("progress" between 0 and 1),
        "result" jsonb null,
        "explanation" text null,
        "source" varchar(16) null check ("source" in ('LLM', 'OPTIMIZER')),
        "fallback_reason" varchar(16) null
          check ("fallback_reason" in ('NO_KEY', 'OUTAGE', 'BUDGET', 'OFF_PEAK', 'TIMEOUT', 'UNGROUNDED')),
        "grounding_issues" jsonb null,
        "prompt_tokens" integer not null default 0,
        "completion_tokens" integer not null default 0,
        "attempts" integer not null default 0,
        "error_code" varchar(32) null,
        "error_message" text null,
        "created_at" timestamptz not null,
        "started_at" timestamptz null,
        "finished_at" timestamptz null,
        "updated_at" timestamptz not null
      );`);
    // "My jobs", newest first (keyset pagination on created_at, id).
    this.addSql(
      `create index "ai_jobs_owner_created_index" on "ai_jobs" ("owner_id", "created_at" desc, "id" desc);`,
    );
    // Recovery at start (in-process queue) looks for unfinished jobs only.
    this.addSql(
      `create index "ai_jobs_unfinished_index" on "ai_jobs" ("created_at") where "status" in ('QUEUED', 'RUNNING');`,
    );
    // The retention purge deletes finished jobs by age.
    this.addSql(
      `create index "ai_jobs_finished_at_index" on "ai_jobs" ("finished_at") where "finished_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ai_jobs";`);
  }
}
