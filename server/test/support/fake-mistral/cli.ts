/**
 * `npm run fake-mistral`: the fake Mistral server for demos. Then start the API with
 * MISTRAL_SERVER_URL=<printed url> MISTRAL_API_KEY=fake-mistral-key.
 * FAKE_MISTRAL_PORT (default 4310) and FAKE_MISTRAL_CHUNK_DELAY_MS (default 40) tune it.
 */
import { startFakeMistral } from './fake-mistral.js';

const fake = await startFakeMistral({
  port: Number(process.env.FAKE_MISTRAL_PORT ?? 4310),
  apiKey: process.env.MISTRAL_API_KEY ?? 'fake-mistral-key',
  autoChunkDelayMs: Number(process.env.FAKE_MISTRAL_CHUNK_DELAY_MS ?? 40),
});
process.stdout.write(`fake Mistral listening on ${fake.url}\n`);
process.stdout.write(
  `start the API with MISTRAL_SERVER_URL=${fake.url} MISTRAL_API_KEY=${fake.apiKey}\n`,
);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
