import type { Logger } from 'pino';

/**
 * What the app opened, closed in reverse order of opening (the database last, after everything
 * that uses it). Register each cleanup right after opening its resource, so a failed start
 * closes exactly what was opened. A failing cleanup is logged and the others still run.
 */
export class Cleanups {
  private readonly pending: Array<() => Promise<void> | void> = [];

  constructor(private readonly logger: Logger) {}

  add(cleanup: () => Promise<void> | void): void {
    this.pending.push(cleanup);
  }

  /** Runs every registered cleanup once, newest first. */
  async runAll(): Promise<void> {
    for (let cleanup = this.pending.pop(); cleanup; cleanup = this.pending.pop()) {
      try {
        await cleanup();
      } catch (error) {
        this.logger.error({ err: error }, 'cleanup failed');
      }
    }
  }
}
