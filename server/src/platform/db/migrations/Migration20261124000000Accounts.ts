import { Migration } from '@mikro-orm/migrations';

/** Accounts and refresh sessions. Plain SQL that runs on PostgreSQL 15 (server) and 18 (PGlite). */
export class Migration20261124000000Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "users" (
        "id" uuid not null primary key,
        "email" varchar(254) not null,
        "username" varchar(32) not null,
        "username_key" varchar(32) not null,
        "password_hash" text not null,
        "role" varchar(16) not null default 'USER' check ("role" in ('USER', 'ADMIN')),
        "failed_logins" integer not null default 0,
        "login_blocked_until" timestamptz null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        constraint "users_email_unique" unique ("email"),
        constraint "users_username_key_unique" unique ("username_key")
      );`);
    this.addSql(`
      create table "refresh_sessions" (
        "id" uuid not null primary key,
        "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "family_id" uuid not null,
        "token_hash" varchar(64) not null,
        "expires_at" timestamptz not null,
        "used_at" timestamptz null,
        "revoked_at" timestamptz null,
        "created_at" timestamptz not null,
        constraint "refresh_sessions_token_hash_unique" unique ("token_hash")
      );`);
    this.addSql(`create index "refresh_sessions_user_id_index" on "refresh_sessions" ("user_id");`);
    this.addSql(
      `create index "refresh_sessions_family_id_index" on "refresh_sessions" ("family_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "refresh_sessions";`);
    this.addSql(`drop table if exists "users";`);
  }
}
