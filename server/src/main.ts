import 'reflect-metadata';
import { createApp, type App } from './app.js';
import { loadConfigOrExit } from './platform/config.js';

/**
 * Stops the app on SIGTERM/SIGINT: in-flight requests finish, then everything closes.
 * A second signal exits at once.
 */
export function installShutdownHandlers(
  app: App,
  exit: (code: number) => void = process.exit,
): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}

/** Loads the configuration, starts the server and installs the shutdown handlers. */
export async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  installShutdownHandlers(app);
  process.on('unhandledRejection', (reason) => {
    app.logger.error({ err: reason }, 'unhandled promise rejection');
  });
  await app.listen();
}

// Only run when executed directly, not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
