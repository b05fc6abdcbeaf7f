import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RateLimitConfig } from './security/rate-limits.js';
import { parseOffPeakHours, type OffPeakWindow } from '../modules/ai/model/off-peak.js';

/**
 * Configuration is read once at start into a typed, frozen object. A bad value stops
 * start-up with a message naming the variable (see `.env.example` for every variable).
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

const url = (protocols: readonly string[]) =>
  z.url().refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MISTRAL_API_KEY: z.string().min(1).optional(),
  MISTRAL_SERVER_URL: url(['http', 'https']).default('https://api.mistral.ai'),
  MISTRAL_MODEL: z.string().min(1).default('mistral-small-latest'),
  MISTRAL_TIMEOUT_MS: positiveInt.default(20_000),
  MISTRAL_MAX_TOKENS: positiveInt.default(700),
  MISTRAL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  MISTRAL_BREAKER_THRESHOLD: positiveInt.default(5),
  MISTRAL_BREAKER_HALF_OPEN_MS: positiveInt.default(30_000),
  AI_DAILY_TOKEN_BUDGET: positiveInt.default(1_000_000),
  AI_OFF_PEAK_HOURS: z.string().optional(),
  AI_OFF_PEAK_TIMEZONE: z.string().min(1).default('UTC'),
  AI_ANSWER_TIMEOUT_MS: positiveInt.default(60_000),
  AI_JOB_CONCURRENCY: positiveInt.default(2),
  AI_JOB_RETENTION_DAYS: positiveInt.default(30),
  AI_JOB_LOCK_MS: positiveInt.default(30_000),
  AI_JOB_STALLED_INTERVAL_MS: positiveInt.default(30_000),
  AI_EVENT_LOG_TTL_MS: positiveInt.default(10 * 60_000),
  AI_STREAM_IDLE_MS: positiveInt.default(5_000),
  SOLVER_THREADS: positiveInt.optional(),
  SENTRY_DSN: url(['http', 'https']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: booleanFlag.default(false),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  CLIENT_DIST_DIR: z.string().min(1).optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  JOB_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'letters, digits, _ and - only')
    .default('gw2'),
  META_MIN_SAMPLE: positiveInt.default(5),
  SQUAD_PLAN_RETENTION_DAYS: positiveInt.default(90),
  LEARNING_PIPELINE_EVERY_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || ms >= 60_000, '0 (not scheduled) or at least 60000')
    .default(60 * 60_000),
  ADMIN_USERNAMES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  LEARNING_PIPELINE_BATCH_SIZE: positiveInt.default(500),
  RATE_LIMIT_GLOBAL_PER_MINUTE: positiveInt.default(100),
  RATE_LIMIT_GLOBAL_PER_HOUR: positiveInt.default(2000),
  RATE_LIMIT_AUTH_PER_MINUTE: positiveInt.default(10),
  RATE_LIMIT_AUTH_PER_HOUR: positiveInt.default(50),
  RATE_LIMIT_AI_PER_MINUTE: positiveInt.default(30),
  RATE_LIMIT_AI_PER_HOUR: positiveInt.default(500),
  RATE_LIMIT_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" and "-" only')
    .default('gw2:rl'),
});

export type NodeEnvironment = 'development' | 'production' | 'test';

export interface AppConfig {
  readonly env: NodeEnvironment;
  readonly isProduction: boolean;
  readonly version: string;
  readonly port: number;
  readonly host: string;
  /** Real PostgreSQL when set; otherwise the embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly jwtSecret: string;
  readonly mistral: MistralConfig;
  readonly ai: AiConfig;
  /** Solver threads per process; default one per core but one. */
  readonly solverThreads: number | undefined;
  readonly sentryDsn: string | undefined;
  readonly logLevel: string;
  readonly dataDir: string;
  readonly corsOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly introspection: boolean;
  readonly metricsToken: string | undefined;
  readonly shutdownTimeoutMs: number;
  /** Where the built client (`dist`) and playground (`dist-docs`) live. */
  readonly clientDistDir: string;
  /** Port of the worker's /metrics listener (`npm run worker`). */
  readonly metricsPort: number;
  /** BullMQ key prefix: separates deployments (and test runs) sharing one Redis. */
  readonly jobQueuePrefix: string;
  /** Largest accepted request body (the runbook's 1 MB). */
  readonly bodyLimitBytes: number;
  /** Requests per minute and per hour for each bucket, and the Redis key prefix. */
  readonly rateLimits: RateLimitConfig;
  readonly learningPipeline: LearningPipelineConfig;
  /**
   * Proposed plans older than this are purged unless something refers to them (applied, rated,
   * or an AI job's result); the learning pipeline reads only what is left.
   */
  readonly squadPlanRetentionDays: number;
  /** Usernames that register as admins (bootstraps the first admin; unset once they exist). */
  readonly adminUsernames: readonly string[];
}

export interface LearningPipelineConfig {
  /** Fewest distinct players behind a published aggregate or a weight (privacy). */
  readonly minSample: number;
  /**
   * How often the pipeline is tried; it works once per UTC day and skips the other tries.
   * 0: never scheduled (run by hand: `npm run pipeline:run` or `runMetaPipeline`).
   */
  readonly everyMs: number;
  /** Players read per batch (memory holds one batch's facts and one page of rows). */
  readonly batchSize: number;
}

export interface MistralConfig {
  readonly apiKey: string | undefined;
  readonly serverUrl: string;
  readonly model: string;
  /** No answer (or no chunk of a stream) for this long fails a request. */
  readonly requestTimeoutMs: number;
  readonly maxTokens: number;
  readonly retries: number;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  readonly breakerThreshold: number;
  readonly breakerHalfOpenMs: number;
}

export interface AiConfig {
  /** Tokens per UTC day, counted across instances with Redis; then the templates answer. */
  readonly dailyTokenBudget: number;
  /** The runbook's off-peak window, when set: the templates answer. */
  readonly offPeak: OffPeakWindow | undefined;
  /** The model must finish an explanation within this (fallback TIMEOUT). */
  readonly answerTimeoutMs: number;
  /** Jobs run at once per process (the API without Redis, each worker with it). */
  readonly concurrency: number;
  /** Finished jobs older than this are purged. */
  readonly retentionDays: number;
  /** BullMQ lock of a running job, and how often workers look for stalled ones. */
  readonly lockMs: number;
  readonly stalledIntervalMs: number;
  /** A finished job's event log stays this long for late subscribers. */
  readonly eventLogTtlMs: number;
  /** A quiet subscription looks at the job's row this often. */
  readonly streamIdleMs: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

/**
 * Outside production a missing JWT_SECRET is generated once and kept under the data dir,
 * so sessions survive restarts without anyone having to invent a secret.
 */
function developmentJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Parses the environment (process.env by default). Throws ConfigError naming each bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "not set": that is how .env files and compose files leave a variable out.
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  if (isProduction && !values.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: required in production (at least 32 characters)']);
  }
  const dataDir = path.resolve(values.DATA_DIR);
  let offPeak: OffPeakWindow | undefined;
  if (values.AI_OFF_PEAK_HOURS) {
    try {
      offPeak = parseOffPeakHours(values.AI_OFF_PEAK_HOURS, values.AI_OFF_PEAK_TIMEZONE);
    } catch (error) {
      throw new ConfigError([
        `AI_OFF_PEAK_HOURS/AI_OFF_PEAK_TIMEZONE: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
  }
  return Object.freeze({
    env: values.NODE_ENV,
    isProduction,
    version: readVersion(),
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    jwtSecret: values.JWT_SECRET ?? developmentJwtSecret(dataDir),
    mistral: Object.freeze({
      apiKey: values.MISTRAL_API_KEY,
      serverUrl: values.MISTRAL_SERVER_URL,
      model: values.MISTRAL_MODEL,
      requestTimeoutMs: values.MISTRAL_TIMEOUT_MS,
      maxTokens: values.MISTRAL_MAX_TOKENS,
      retries: values.MISTRAL_MAX_RETRIES,
      breakerThreshold: values.MISTRAL_BREAKER_THRESHOLD,
      breakerHalfOpenMs: values.MISTRAL_BREAKER_HALF_OPEN_MS,
    }),
    ai: Object.freeze({
      dailyTokenBudget: values.AI_DAILY_TOKEN_BUDGET,
      offPeak,
      answerTimeoutMs: values.AI_ANSWER_TIMEOUT_MS,
      concurrency: values.AI_JOB_CONCURRENCY,
      retentionDays: values.AI_JOB_RETENTION_DAYS,
      lockMs: values.AI_JOB_LOCK_MS,
      stalledIntervalMs: values.AI_JOB_STALLED_INTERVAL_MS,
      eventLogTtlMs: values.AI_EVENT_LOG_TTL_MS,
      streamIdleMs: values.AI_STREAM_IDLE_MS,
    }),
    solverThreads: values.SOLVER_THREADS,
    sentryDsn: values.SENTRY_DSN,
    logLevel: values.LOG_LEVEL,
    dataDir,
    corsOrigins: Object.freeze(
      values.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
    trustProxy: values.TRUST_PROXY,
    introspection: values.GRAPHQL_INTROSPECTION ?? !isProduction,
    metricsToken: values.METRICS_TOKEN,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    clientDistDir: path.resolve(values.CLIENT_DIST_DIR ?? path.join(repositoryRoot, 'client')),
    bodyLimitBytes: 1024 * 1024,
    metricsPort: values.METRICS_PORT,
    jobQueuePrefix: values.JOB_QUEUE_PREFIX,
    adminUsernames: Object.freeze(values.ADMIN_USERNAMES),
    squadPlanRetentionDays: values.SQUAD_PLAN_RETENTION_DAYS,
    learningPipeline: Object.freeze({
      minSample: values.META_MIN_SAMPLE,
      everyMs: values.LEARNING_PIPELINE_EVERY_MS,
      batchSize: values.LEARNING_PIPELINE_BATCH_SIZE,
    }),
    rateLimits: Object.freeze({
      global: {
        perMinute: values.RATE_LIMIT_GLOBAL_PER_MINUTE,
        perHour: values.RATE_LIMIT_GLOBAL_PER_HOUR,
      },
      auth: {
        perMinute: values.RATE_LIMIT_AUTH_PER_MINUTE,
        perHour: values.RATE_LIMIT_AUTH_PER_HOUR,
      },
      ai: { perMinute: values.RATE_LIMIT_AI_PER_MINUTE, perHour: values.RATE_LIMIT_AI_PER_HOUR },
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX,
    }),
  });
}

/**
 * For entry points (server, worker): the configuration, or exit 2 after printing which
 * variables are wrong, since a process cannot start without it.
 */
export function loadConfigOrExit(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
