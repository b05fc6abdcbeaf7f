import type { Logger } from 'pino';
import type { AppPubSub, ReadinessPayload } from './pubsub.js';

/** One dependency the server needs to serve requests. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) otherwise. */
  probe(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 2_000;

async function runProbe(check: ReadinessCheck) {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return { name: check.name, ok: true, detail: null };
  } catch (error) {
    return {
      name: check.name,
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes the dependencies on demand (GET /ready) and every `intervalMs`, and publishes
 * READINESS_CHANGED when the outcome changes, so subscribers see outages as they happen.
 */
export class ReadinessMonitor {
  private last: ReadinessPayload | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly checks: readonly ReadinessCheck[],
    private readonly pubSub: AppPubSub,
    private readonly logger: Logger,
    private readonly intervalMs = 5_000,
  ) {}

  async check(): Promise<ReadinessPayload> {
    const checks = await Promise.all(this.checks.map(runProbe));
    const readiness: ReadinessPayload = {
      ready: checks.every((check) => check.ok),
      checkedAt: new Date().toISOString(),
      checks,
    };
    if (this.changed(readiness)) {
      if (this.last) this.logger.warn({ readiness }, 'readiness changed');
      this.last = readiness;
      this.pubSub.publish('READINESS_CHANGED', readiness);
    }
    return readiness;
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private changed(next: ReadinessPayload): boolean {
    if (!this.last) return true;
    const key = (r: ReadinessPayload) => r.checks.map((c) => `${c.name}:${c.ok}`).join(',');
    return key(this.last) !== key(next);
  }
}
